// Drawing a Layout into an ImGui draw list: where quads go, how they are
// batched, and that long text stays within 16-bit indices.
#include "render/text_draw.h"

#include <gtest/gtest.h>
#include <imgui_internal.h>

#include <cmath>
#include <memory>
#include <string>

#include "engine_fixture.h"

namespace ih::render {
namespace {

FontCollection& fonts() { return testing::project_fonts(); }

using testing::font_named;
using testing::glyph_of;

// A layout made by hand: `lines` lines of one run each, the glyphs given.
std::shared_ptr<Layout> make_layout(FontId font, float size, const std::vector<Glyph>& glyphs,
                                    int lines = 1) {
  auto shaped = std::make_shared<ShapedParagraph>();
  shaped->style.size = size;
  ShapedRun run;
  run.font = font;
  shaped->runs.push_back(run);
  auto layout = std::make_shared<Layout>();
  for (int i = 0; i < lines; ++i) {
    Line line;
    line.x = 10.25f;
    line.top = static_cast<float>(i) * size * 1.5f;
    line.ascent = size;
    line.height = size * 1.5f;
    LineRun piece;
    piece.run = 0;
    piece.x = 0.5f;
    piece.glyphs = glyphs;
    line.runs.push_back(piece);
    layout->lines.push_back(line);
  }
  layout->shaped = shaped;
  return layout;
}

// A draw list as a window would have one, clipped to `clip`.
class TextDrawTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sans = font_named("NotoSans-Regular.ttf");
    ASSERT_NE(sans, kNoFont);
    shared.ClipRectFullscreen = ImVec4(0, 0, 100000, 100000);
    list._ResetForNewFrame();
    list.Flags |= ImDrawListFlags_AllowVtxOffset;  // as with the SDL_Renderer backend
    list.PushClipRectFullScreen();
  }

  size_t elements() const {
    size_t n = 0;
    for (const ImDrawCmd& cmd : list.CmdBuffer) n += cmd.ElemCount;
    return n;
  }

  FontId sans = kNoFont;
  ImDrawListSharedData shared;
  ImDrawList list{&shared};
  int textures[8] = {};
  TextureBackend backend{
      [this, next = 0](int, int) mutable -> ImTextureID { return &textures[next++]; },
      [](ImTextureID, AtlasRect, const uint8_t*, int) {},
      [](ImTextureID) {},
  };
};

TEST_F(TextDrawTest, QuadsSitOnWholePixelsAtTheGlyphsBearings) {
  GlyphAtlas atlas(fonts(), {}, backend);
  const uint32_t h = glyph_of(sans, U'H');
  const std::vector<Glyph> glyphs{{.id = h, .advance = 20.3f},
                                  {.id = h, .advance = 20.3f, .y_offset = 4.4f}};
  draw_layout(list, atlas, *make_layout(sans, 32, glyphs), ImVec2(100.4f, 50.6f),
              IM_COL32(10, 20, 30, 255));

  const AtlasGlyph g = atlas.glyph(sans, h, 32);
  ASSERT_EQ(list.VtxBuffer.Size, 8);
  ASSERT_EQ(elements(), 12u);
  for (const ImDrawVert& v : list.VtxBuffer) {
    EXPECT_EQ(v.pos.x, std::round(v.pos.x));
    EXPECT_EQ(v.pos.y, std::round(v.pos.y));
    EXPECT_EQ(v.col, IM_COL32(10, 20, 30, 255));
  }
  // First glyph: pen at origin + line.x + run.x = 111.15, baseline 50.6 + 32.
  const float baseline = std::round(50.6f + 32);
  EXPECT_EQ(list.VtxBuffer[0].pos.x, std::round(111.15f) + static_cast<float>(g.left));
  EXPECT_EQ(list.VtxBuffer[0].pos.y, baseline - static_cast<float>(g.top));
  EXPECT_EQ(list.VtxBuffer[2].pos.x - list.VtxBuffer[0].pos.x, g.rect.w);
  EXPECT_EQ(list.VtxBuffer[2].pos.y - list.VtxBuffer[0].pos.y, g.rect.h);
  // Second glyph: one advance on, raised by its y offset (positive is up).
  EXPECT_EQ(list.VtxBuffer[4].pos.x, std::round(111.15f + 20.3f) + static_cast<float>(g.left));
  EXPECT_EQ(list.VtxBuffer[4].pos.y, baseline - 4 - static_cast<float>(g.top));
  // Texture coordinates cover exactly the glyph's pixels.
  const float page = static_cast<float>(atlas.page_size());
  EXPECT_FLOAT_EQ(list.VtxBuffer[0].uv.x * page, static_cast<float>(g.rect.x));
  EXPECT_FLOAT_EQ(list.VtxBuffer[2].uv.y * page, static_cast<float>(g.rect.y + g.rect.h));
}

TEST_F(TextDrawTest, OneDrawCommandPerAtlasPage) {
  // Pages of 64 pixels hold a few 40-pixel glyphs each: the text spans pages.
  GlyphAtlas atlas(fonts(), {.page_size = 64, .max_pages = 8}, backend);
  std::vector<Glyph> glyphs;
  for (char32_t cp : std::u32string(U"ABCDEFGHAB"))
    glyphs.push_back({.id = glyph_of(sans, cp), .advance = 30});
  draw_layout(list, atlas, *make_layout(sans, 40, glyphs), ImVec2(0, 0), IM_COL32_WHITE);

  ASSERT_GT(atlas.stats().pages, 1);
  int with_elements = 0;
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    if (cmd.ElemCount == 0) continue;
    ++with_elements;
    EXPECT_GE(cmd.TextureId, static_cast<ImTextureID>(&textures[0]));
    EXPECT_LT(cmd.TextureId, static_cast<ImTextureID>(&textures[8]));
  }
  EXPECT_EQ(with_elements, atlas.stats().pages);
  EXPECT_EQ(elements(), glyphs.size() * 6);
}

TEST_F(TextDrawTest, MoreThan65536VerticesStayAddressableWith16BitIndices) {
  GlyphAtlas atlas(fonts(), {}, backend);
  std::vector<Glyph> glyphs;
  for (char32_t cp = U'A'; cp <= U'Z'; ++cp)
    glyphs.push_back({.id = glyph_of(sans, cp), .advance = 9});
  // 26 × 800 = 20,800 quads = 83,200 vertices.
  draw_layout(list, atlas, *make_layout(sans, 12, glyphs, 800), ImVec2(0, 0), IM_COL32_WHITE);

  ASSERT_EQ(list.VtxBuffer.Size, 26 * 800 * 4);
  EXPECT_EQ(elements(), 26u * 800u * 6u);
  unsigned max_offset = 0;
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    for (unsigned i = 0; i < cmd.ElemCount; ++i) {
      const unsigned vertex = cmd.VtxOffset + list.IdxBuffer[static_cast<int>(cmd.IdxOffset + i)];
      ASSERT_LT(vertex, static_cast<unsigned>(list.VtxBuffer.Size));
      // Each index names a vertex of a quad drawn in this command's order.
      ASSERT_EQ((cmd.IdxOffset + i) / 6, vertex / 4);
    }
    max_offset = std::max(max_offset, cmd.VtxOffset);
  }
  EXPECT_GT(max_offset, 0u);
}

TEST_F(TextDrawTest, ColourGlyphsKeepTheirColoursAndTakeOnlyTheAlpha) {
  const FontId emoji = font_named("NotoColorEmoji.ttf");
  ASSERT_NE(emoji, kNoFont);
  GlyphAtlas atlas(fonts(), {}, backend);
  draw_layout(list, atlas,
              *make_layout(emoji, 32, {{.id = glyph_of(emoji, U'\U0001F600'), .advance = 40}}),
              ImVec2(0, 0), IM_COL32(10, 20, 30, 128));
  ASSERT_EQ(list.VtxBuffer.Size, 4);
  EXPECT_EQ(list.VtxBuffer[0].col, IM_COL32(255, 255, 255, 128));
}

TEST_F(TextDrawTest, GlyphsOutsideTheClipRectangleAreLeftOut) {
  GlyphAtlas atlas(fonts(), {}, backend);
  std::vector<Glyph> glyphs;
  for (int i = 0; i < 10; ++i) glyphs.push_back({.id = glyph_of(sans, U'M'), .advance = 100});
  list.PushClipRect(ImVec2(0, 0), ImVec2(300, 300));
  draw_layout(list, atlas, *make_layout(sans, 32, glyphs), ImVec2(0, 0), IM_COL32_WHITE);
  list.PopClipRect();
  EXPECT_EQ(list.VtxBuffer.Size, 3 * 4);
}

}  // namespace
}  // namespace ih::render
