// The glyph atlas: what it stores, how it packs, when it hits, how it stays
// within its memory bound, and what it does with colour emoji.
#include "render/glyph_atlas.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "engine_fixture.h"

namespace ih::render {
namespace {

FontCollection& fonts() { return testing::project_fonts(); }

using testing::font_named;
using testing::glyph_of;

const uint8_t* pixel(const GlyphAtlas& atlas, const AtlasGlyph& g, int x, int y) {
  return atlas.pixels(g.page) +
         (static_cast<size_t>(g.rect.y + y) * static_cast<size_t>(atlas.page_size()) +
          static_cast<size_t>(g.rect.x + x)) *
             4;
}

bool overlap(AtlasRect a, AtlasRect b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

class GlyphAtlasTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sans = font_named("NotoSans-Regular.ttf");
    ASSERT_NE(sans, kNoFont);
  }
  FontId sans = kNoFont;
};

TEST_F(GlyphAtlasTest, TheSameKeyIsRasterizedOnce) {
  GlyphAtlas atlas(fonts());
  const uint32_t a = glyph_of(sans, U'A');
  const AtlasGlyph first = atlas.glyph(sans, a, 32);
  const AtlasGlyph again = atlas.glyph(sans, a, 32);
  EXPECT_TRUE(first.visible());
  EXPECT_EQ(first.page, again.page);
  EXPECT_EQ(first.rect, again.rect);
  EXPECT_EQ(atlas.stats().rasterized, 1u);
  EXPECT_EQ(atlas.stats().misses, 1u);
  EXPECT_EQ(atlas.stats().hits, 1u);

  // Another size is another glyph; a size within 1/64 pixel is the same one.
  const AtlasGlyph bigger = atlas.glyph(sans, a, 48);
  EXPECT_GT(bigger.rect.h, first.rect.h);
  atlas.glyph(sans, a, 32.001f);
  EXPECT_EQ(atlas.stats().rasterized, 2u);
  EXPECT_EQ(atlas.stats().hits, 2u);
}

TEST_F(GlyphAtlasTest, OutlineGlyphsAreWhiteWithCoverageInAlpha) {
  GlyphAtlas atlas(fonts());
  const AtlasGlyph h = atlas.glyph(sans, glyph_of(sans, U'H'), 48);
  ASSERT_TRUE(h.visible());
  EXPECT_FALSE(h.color);
  // The bitmap sits on the baseline with the font's side bearing.
  EXPECT_GT(h.left, 0);
  EXPECT_NEAR(h.top, 0.714 * 48, 2);  // Noto Sans cap height is 714/1000 em
  int opaque = 0, partial = 0;
  for (int y = 0; y < h.rect.h; ++y) {
    for (int x = 0; x < h.rect.w; ++x) {
      const uint8_t* p = pixel(atlas, h, x, y);
      EXPECT_EQ(p[0], 255);
      EXPECT_EQ(p[1], 255);
      EXPECT_EQ(p[2], 255);
      opaque += p[3] == 255;
      partial += p[3] > 0 && p[3] < 255;
    }
  }
  EXPECT_GT(opaque, 0);
  EXPECT_GT(partial, 0);  // antialiased, not 1-bit
  // The padding around it stays empty.
  for (int x = -1; x <= h.rect.w; ++x) {
    EXPECT_EQ(pixel(atlas, h, x, -1)[3], 0);
    EXPECT_EQ(pixel(atlas, h, x, h.rect.h)[3], 0);
  }
}

TEST_F(GlyphAtlasTest, SpacesTakeNoRoom) {
  GlyphAtlas atlas(fonts());
  EXPECT_FALSE(atlas.glyph(sans, glyph_of(sans, U' '), 32).visible());
  EXPECT_FALSE(atlas.glyph(sans, glyph_of(sans, U' '), 32).visible());
  EXPECT_EQ(atlas.stats().rasterized, 1u);
  EXPECT_EQ(atlas.stats().pages, 0);
}

TEST_F(GlyphAtlasTest, PackedGlyphsStayInTheirPageAndNeverOverlap) {
  GlyphAtlas atlas(fonts(), {.page_size = 256, .max_pages = 16});
  std::vector<AtlasGlyph> placed;
  for (float size : {14.0f, 23.5f, 40.0f})
    for (char32_t cp = U'!'; cp <= U'~'; ++cp)
      placed.push_back(atlas.glyph(sans, glyph_of(sans, cp), size));
  EXPECT_GT(atlas.stats().pages, 1);
  EXPECT_EQ(atlas.stats().evictions, 0u);
  for (size_t i = 0; i < placed.size(); ++i) {
    const AtlasGlyph& g = placed[i];
    ASSERT_TRUE(g.visible());
    EXPECT_GE(g.rect.x, 1);
    EXPECT_GE(g.rect.y, 1);
    EXPECT_LE(g.rect.x + g.rect.w + 1, 256);
    EXPECT_LE(g.rect.y + g.rect.h + 1, 256);
    for (size_t j = 0; j < i; ++j) {
      if (placed[j].page != g.page) continue;
      const AtlasRect a{g.rect.x - 1, g.rect.y - 1, g.rect.w + 2, g.rect.h + 2};
      EXPECT_FALSE(overlap(a, placed[j].rect)) << "glyph " << i << " overlaps glyph " << j;
    }
  }
}

TEST_F(GlyphAtlasTest, AtTheBoundTheLeastRecentlyUsedPageIsReused) {
  // A 64-pixel page holds a handful of 40-pixel glyphs; two pages at most.
  GlyphAtlas atlas(fonts(), {.page_size = 64, .max_pages = 2});
  std::vector<uint32_t> glyphs;
  for (char32_t cp = U'A'; cp <= U'Z'; ++cp) glyphs.push_back(glyph_of(sans, cp));

  // Frame 1 fills both pages; what does not fit is refused, since every page
  // already holds a glyph drawn in this frame.
  std::vector<AtlasGlyph> frame1;
  for (uint32_t g : glyphs) frame1.push_back(atlas.glyph(sans, g, 40));
  size_t on_page1 = glyphs.size(), refused = 0;
  for (size_t i = 0; i < frame1.size(); ++i) {
    if (frame1[i].page == 1 && on_page1 == glyphs.size()) on_page1 = i;
    refused += !frame1[i].visible();
  }
  EXPECT_EQ(atlas.stats().pages, 2);
  ASSERT_EQ(frame1[0].page, 0);
  ASSERT_LT(on_page1, glyphs.size());
  EXPECT_GT(refused, 0u);
  EXPECT_EQ(atlas.stats().full, refused);
  EXPECT_EQ(atlas.stats().evictions, 0u);

  // Frame 2 draws only 'A' (page 0), then a new glyph: page 1 is the one to go.
  atlas.begin_frame();
  EXPECT_EQ(atlas.glyph(sans, glyphs[0], 40).page, 0);
  const AtlasGlyph fresh = atlas.glyph(sans, glyph_of(sans, U'x'), 40);
  ASSERT_TRUE(fresh.visible());
  EXPECT_EQ(fresh.page, 1);
  EXPECT_EQ(atlas.stats().evictions, 1u);
  EXPECT_EQ(atlas.stats().pages, 2);

  // Glyphs of the page that stayed are still hits; those of the evicted page
  // are rasterized again when asked for.
  const uint64_t rasterized = atlas.stats().rasterized;
  EXPECT_TRUE(atlas.glyph(sans, glyphs[0], 40).visible());
  EXPECT_EQ(atlas.stats().rasterized, rasterized);
  atlas.begin_frame();
  EXPECT_TRUE(atlas.glyph(sans, glyphs[on_page1], 40).visible());
  EXPECT_EQ(atlas.stats().rasterized, rasterized + 1);
}

TEST_F(GlyphAtlasTest, GlyphsLargerThanAPageAreRefusedOnce) {
  GlyphAtlas atlas(fonts(), {.page_size = 64, .max_pages = 1});
  EXPECT_FALSE(atlas.glyph(sans, glyph_of(sans, U'W'), 200).visible());
  EXPECT_FALSE(atlas.glyph(sans, glyph_of(sans, U'W'), 200).visible());
  EXPECT_EQ(atlas.stats().rasterized, 1u);
  EXPECT_EQ(atlas.stats().full, 1u);
  EXPECT_EQ(atlas.stats().pages, 0);
}

TEST_F(GlyphAtlasTest, UnknownFontsAndGlyphsDrawNothing) {
  GlyphAtlas atlas(fonts());
  EXPECT_FALSE(atlas.glyph(kNoFont, 1, 32).visible());
  EXPECT_FALSE(atlas.glyph(static_cast<FontId>(fonts().face_count()), 1, 32).visible());
  EXPECT_FALSE(atlas.glyph(sans, 0xFFFFFF, 32).visible());
  EXPECT_EQ(atlas.stats().failed, 3u);
}

TEST_F(GlyphAtlasTest, ColourEmojiAreScaledFromTheirStrikeToStraightRgba) {
  const FontId emoji = font_named("NotoColorEmoji.ttf");
  ASSERT_NE(emoji, kNoFont);
  const uint32_t grin = glyph_of(emoji, U'\U0001F600');
  ASSERT_NE(grin, 0u);
  GlyphAtlas atlas(fonts());

  // Noto Color Emoji has one strike, 109 pixels per em, bitmaps 136 × 128.
  const AtlasGlyph strike = atlas.glyph(emoji, grin, 109);
  ASSERT_TRUE(strike.visible());
  EXPECT_TRUE(strike.color);
  EXPECT_EQ(strike.rect.w, 136);
  EXPECT_EQ(strike.rect.h, 128);

  const AtlasGlyph small = atlas.glyph(emoji, grin, 32);
  ASSERT_TRUE(small.visible());
  EXPECT_TRUE(small.color);
  EXPECT_NEAR(small.rect.w, 136 * 32 / 109.0, 1);
  EXPECT_NEAR(small.rect.h, 128 * 32 / 109.0, 1);
  EXPECT_NEAR(small.top, strike.top * 32 / 109.0, 1);

  // The face is yellow and opaque in the middle; straight alpha means the
  // colour at a soft edge is as bright as inside, not darkened by coverage.
  const uint8_t* centre = pixel(atlas, small, small.rect.w / 2, small.rect.h / 4);
  EXPECT_EQ(centre[3], 255);
  EXPECT_GT(centre[0], 200);
  EXPECT_GT(centre[1], 150);
  EXPECT_LT(centre[2], 100);
  bool soft_edge_is_bright = false;
  for (int x = 0; x < small.rect.w; ++x) {
    const uint8_t* p = pixel(atlas, small, x, small.rect.h / 2);
    if (p[3] > 0 && p[3] < 128 && p[0] > 150) soft_edge_is_bright = true;
  }
  EXPECT_TRUE(soft_edge_is_bright);
}

TEST_F(GlyphAtlasTest, TheBackendGetsPagesAndChangedRectangles) {
  struct Calls {
    int created = 0;
    std::vector<AtlasRect> updates;
    std::vector<ImTextureID> destroyed;
  } calls;
  static int textures[4];
  {
    TextureBackend backend;
    backend.create = [&](int w, int h) -> ImTextureID {
      EXPECT_EQ(w, 128);
      EXPECT_EQ(h, 128);
      return &textures[calls.created++];
    };
    backend.update = [&](ImTextureID texture, AtlasRect rect, const uint8_t* pixels, int pitch) {
      EXPECT_EQ(texture, &textures[0]);
      EXPECT_EQ(pitch, 128 * 4);
      EXPECT_NE(pixels, nullptr);
      calls.updates.push_back(rect);
    };
    backend.destroy = [&](ImTextureID texture) { calls.destroyed.push_back(texture); };
    GlyphAtlas atlas(fonts(), {.page_size = 128, .max_pages = 2}, backend);

    const AtlasGlyph a = atlas.glyph(sans, glyph_of(sans, U'a'), 20);
    const AtlasGlyph b = atlas.glyph(sans, glyph_of(sans, U'b'), 20);
    EXPECT_EQ(calls.created, 1);
    EXPECT_EQ(atlas.texture(0), &textures[0]);
    atlas.upload();
    ASSERT_EQ(calls.updates.size(), 1u);
    // One rectangle covering both glyphs and their padding.
    const AtlasRect r = calls.updates[0];
    for (const AtlasGlyph& g : {a, b}) {
      EXPECT_LE(r.x, g.rect.x - 1);
      EXPECT_LE(r.y, g.rect.y - 1);
      EXPECT_GE(r.x + r.w, g.rect.x + g.rect.w + 1);
      EXPECT_GE(r.y + r.h, g.rect.y + g.rect.h + 1);
    }
    atlas.upload();  // nothing changed
    EXPECT_EQ(calls.updates.size(), 1u);
  }
  ASSERT_EQ(calls.destroyed.size(), 1u);
  EXPECT_EQ(calls.destroyed[0], &textures[0]);
}

// After a device reset the renderer's textures are gone: each page gets a new one,
// filled whole by the next upload, and glyphs stay where they were.
TEST_F(GlyphAtlasTest, RecreatedTexturesGetWholePages) {
  static int textures[4];
  int created = 0;
  std::vector<std::pair<ImTextureID, AtlasRect>> updates;
  std::vector<ImTextureID> destroyed;
  TextureBackend backend;
  backend.create = [&](int, int) -> ImTextureID { return &textures[created++]; };
  backend.update = [&](ImTextureID texture, AtlasRect rect, const uint8_t*, int) {
    updates.emplace_back(texture, rect);
  };
  backend.destroy = [&](ImTextureID texture) { destroyed.push_back(texture); };
  GlyphAtlas atlas(fonts(), {.page_size = 128, .max_pages = 2}, backend);
  const AtlasGlyph a = atlas.glyph(sans, glyph_of(sans, U'a'), 20);
  atlas.upload();
  updates.clear();

  atlas.recreate_textures();
  EXPECT_EQ(destroyed, std::vector<ImTextureID>{&textures[0]});
  EXPECT_EQ(atlas.texture(0), &textures[1]);
  const AtlasGlyph again = atlas.glyph(sans, glyph_of(sans, U'a'), 20);
  EXPECT_EQ(again.page, a.page);
  EXPECT_EQ(again.rect, a.rect);
  atlas.upload();
  ASSERT_EQ(updates.size(), 1u);
  EXPECT_EQ(updates[0].first, &textures[1]);
  EXPECT_EQ(updates[0].second, (AtlasRect{0, 0, 128, 128}));
}

}  // namespace
}  // namespace ih::render
