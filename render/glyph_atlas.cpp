// Index of this file:
//  [SECTION] Skyline packer
//  [SECTION] Rasterization with FreeType
//  [SECTION] Atlas

#include "render/glyph_atlas.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ih::render {

//-----------------------------------------------------------------------------
// [SECTION] Skyline packer
//-----------------------------------------------------------------------------
// The packed area's top edge as a list of horizontal segments, left to right,
// covering the page's width. A rectangle goes where its top ends lowest
// ("bottom-left" rule), which keeps rows of similar glyphs tight.

namespace {

class Skyline {
 public:
  void reset(int width, int height) {
    width_ = width;
    height_ = height;
    nodes_.assign(1, Node{0, 0, width});
  }

  // Places w × h; returns false when it does not fit.
  bool insert(int w, int h, int& out_x, int& out_y) {
    int best = -1;
    int best_y = height_;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      const int y = fit(i, w, h);
      if (y >= 0 && y < best_y) {
        best = static_cast<int>(i);
        best_y = y;
      }
    }
    if (best < 0) return false;
    out_x = nodes_[static_cast<size_t>(best)].x;
    out_y = best_y;
    add(static_cast<size_t>(best), out_x, best_y + h, w);
    return true;
  }

 private:
  struct Node {
    int x;
    int y;  // top of the packed area over [x, x + w)
    int w;
  };

  // The y at which a w × h rectangle starting at node i would sit, or -1.
  int fit(size_t i, int w, int h) const {
    const int x = nodes_[i].x;
    if (x + w > width_) return -1;
    int y = 0;
    for (int remaining = w; remaining > 0; ++i) {
      y = std::max(y, nodes_[i].y);
      remaining -= nodes_[i].w;
    }
    return y + h <= height_ ? y : -1;
  }

  void add(size_t i, int x, int y, int w) {
    nodes_.insert(nodes_.begin() + static_cast<std::ptrdiff_t>(i), Node{x, y, w});
    // Cut the segments the new one now covers.
    for (size_t j = i + 1; j < nodes_.size();) {
      const int overlap = x + w - nodes_[j].x;
      if (overlap <= 0) break;
      if (overlap < nodes_[j].w) {
        nodes_[j].x += overlap;
        nodes_[j].w -= overlap;
        break;
      }
      nodes_.erase(nodes_.begin() + static_cast<std::ptrdiff_t>(j));
    }
    for (size_t j = 0; j + 1 < nodes_.size();) {
      if (nodes_[j].y == nodes_[j + 1].y) {
        nodes_[j].w += nodes_[j + 1].w;
        nodes_.erase(nodes_.begin() + static_cast<std::ptrdiff_t>(j + 1));
      } else {
        ++j;
      }
    }
  }

  std::vector<Node> nodes_;
  int width_ = 0;
  int height_ = 0;
};

//-----------------------------------------------------------------------------
// [SECTION] Rasterization with FreeType
//-----------------------------------------------------------------------------

// A rendered glyph, straight RGBA.
struct Bitmap {
  int w = 0;
  int h = 0;
  int left = 0;
  int top = 0;
  bool color = false;
  std::vector<uint8_t> rgba;
};

// Index of the bitmap strike to scale from: the smallest at least `size64`
// pixels per em (downscaling looks better), else the largest.
int pick_strike(FT_Face face, int32_t size64) {
  int best = 0;
  for (int i = 1; i < face->num_fixed_sizes; ++i) {
    const FT_Pos have = face->available_sizes[best].y_ppem;
    const FT_Pos next = face->available_sizes[i].y_ppem;
    const bool have_big = have >= size64;
    const bool next_big = next >= size64;
    if ((next_big && (!have_big || next < have)) || (!next_big && !have_big && next > have))
      best = i;
  }
  return best;
}

// Area-weighted contributions of source pixels to each destination pixel along
// one axis, for scaling `from` pixels to `to`.
struct Tap {
  int source;
  float weight;
};
std::vector<std::vector<Tap>> box_taps(int from, int to) {
  std::vector<std::vector<Tap>> taps(static_cast<size_t>(to));
  const float step = static_cast<float>(from) / static_cast<float>(to);
  for (int d = 0; d < to; ++d) {
    const float begin = static_cast<float>(d) * step;
    const float end = begin + step;
    for (int s = static_cast<int>(begin); s < from && static_cast<float>(s) < end; ++s) {
      const float covered =
          std::min(end, static_cast<float>(s + 1)) - std::max(begin, static_cast<float>(s));
      if (covered > 0) taps[static_cast<size_t>(d)].push_back({s, covered / step});
    }
  }
  return taps;
}

// Scales premultiplied BGRA to w × h with a box filter (in premultiplied space,
// so transparent pixels do not darken the edges) and converts to straight RGBA.
void convert_bgra(const FT_Bitmap& src, int w, int h, std::vector<uint8_t>& out) {
  const auto xs = box_taps(static_cast<int>(src.width), w);
  const auto ys = box_taps(static_cast<int>(src.rows), h);
  out.assign(static_cast<size_t>(w) * static_cast<size_t>(h) * 4, 0);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      float b = 0, g = 0, r = 0, a = 0;
      for (const Tap& ty : ys[static_cast<size_t>(y)]) {
        const uint8_t* row = src.buffer + static_cast<std::ptrdiff_t>(ty.source) * src.pitch;
        for (const Tap& tx : xs[static_cast<size_t>(x)]) {
          const uint8_t* p = row + tx.source * 4;
          const float wgt = ty.weight * tx.weight;
          b += p[0] * wgt;
          g += p[1] * wgt;
          r += p[2] * wgt;
          a += p[3] * wgt;
        }
      }
      uint8_t* d =
          &out[(static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)) * 4];
      if (a < 0.5f) continue;
      auto straight = [a](float c) {
        return static_cast<uint8_t>(std::clamp(std::lround(c * 255.0f / a), 0L, 255L));
      };
      d[0] = straight(r);
      d[1] = straight(g);
      d[2] = straight(b);
      d[3] = static_cast<uint8_t>(std::clamp(std::lround(a), 0L, 255L));
    }
  }
}

// Converts a coverage bitmap (8-bit grey or 1-bit) to white with alpha = coverage.
bool convert_coverage(const FT_Bitmap& src, std::vector<uint8_t>& out) {
  const int w = static_cast<int>(src.width);
  const int h = static_cast<int>(src.rows);
  out.assign(static_cast<size_t>(w) * static_cast<size_t>(h) * 4, 255);
  for (int y = 0; y < h; ++y) {
    const uint8_t* row = src.buffer + static_cast<std::ptrdiff_t>(y) * src.pitch;
    uint8_t* d = &out[static_cast<size_t>(y) * static_cast<size_t>(w) * 4];
    for (int x = 0; x < w; ++x) {
      uint8_t coverage = 0;
      if (src.pixel_mode == FT_PIXEL_MODE_GRAY)
        coverage = row[x];
      else if (src.pixel_mode == FT_PIXEL_MODE_MONO)
        coverage = (row[x >> 3] & (0x80 >> (x & 7))) ? 255 : 0;
      else
        return false;
      d[x * 4 + 3] = coverage;
    }
  }
  return true;
}

// Renders one glyph. Returns false if FreeType fails or the pixel format is one
// the atlas does not store.
bool rasterize(FT_Face face, uint32_t glyph, int32_t size64, Bitmap& out) {
  float scale = 1.0f;
  FT_Int32 flags = FT_LOAD_DEFAULT;
  if (FT_IS_SCALABLE(face)) {
    // 72 dpi makes points pixels; the size keeps its 1/64 fraction so glyphs
    // match HarfBuzz's advances, which are not rounded either. No hinting for
    // the same reason: hinted outlines would drift from the shaped positions.
    if (FT_Set_Char_Size(face, 0, size64, 72, 72) != 0) return false;
    flags |= FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP;
  } else if (face->num_fixed_sizes > 0) {
    const int strike = pick_strike(face, size64);
    if (FT_Select_Size(face, strike) != 0) return false;
    scale = static_cast<float>(size64) / static_cast<float>(face->available_sizes[strike].y_ppem);
  } else {
    return false;
  }
  if (FT_HAS_COLOR(face)) flags |= FT_LOAD_COLOR;
  if (FT_Load_Glyph(face, glyph, flags) != 0) return false;
  FT_GlyphSlot slot = face->glyph;
  if (slot->format != FT_GLYPH_FORMAT_BITMAP && FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) != 0)
    return false;
  const FT_Bitmap& bitmap = slot->bitmap;
  out = Bitmap{};
  if (bitmap.width == 0 || bitmap.rows == 0) return true;  // a space
  if (bitmap.pixel_mode == FT_PIXEL_MODE_BGRA) {
    out.color = true;
    out.w = std::max(1, static_cast<int>(std::lround(static_cast<float>(bitmap.width) * scale)));
    out.h = std::max(1, static_cast<int>(std::lround(static_cast<float>(bitmap.rows) * scale)));
    out.left = static_cast<int>(std::lround(static_cast<float>(slot->bitmap_left) * scale));
    out.top = static_cast<int>(std::lround(static_cast<float>(slot->bitmap_top) * scale));
    convert_bgra(bitmap, out.w, out.h, out.rgba);
    return true;
  }
  // A strike of a bitmap font that is not colour is drawn at its own size.
  out.w = static_cast<int>(bitmap.width);
  out.h = static_cast<int>(bitmap.rows);
  out.left = slot->bitmap_left;
  out.top = slot->bitmap_top;
  return convert_coverage(bitmap, out.rgba);
}

AtlasRect unite(AtlasRect a, AtlasRect b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  const int x0 = std::min(a.x, b.x);
  const int y0 = std::min(a.y, b.y);
  const int x1 = std::max(a.x + a.w, b.x + b.w);
  const int y1 = std::max(a.y + a.h, b.y + b.h);
  return {x0, y0, x1 - x0, y1 - y0};
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Atlas
//-----------------------------------------------------------------------------

struct GlyphAtlas::Page {
  std::vector<uint8_t> pixels;  // RGBA, page_size² × 4 bytes
  Skyline skyline;
  AtlasRect dirty;  // changed since the last upload
  ImTextureID texture = nullptr;
  uint64_t last_used = 0;  // frame number
  std::vector<Key> keys;   // glyphs stored here, to forget them on eviction
};

size_t GlyphAtlas::KeyHash::operator()(const Key& k) const {
  uint64_t h = static_cast<uint32_t>(k.font);
  h = h * 0x9E3779B97F4A7C15ull ^ k.glyph;
  h = h * 0x9E3779B97F4A7C15ull ^ static_cast<uint32_t>(k.size64);
  return static_cast<size_t>(h ^ (h >> 29));
}

GlyphAtlas::GlyphAtlas(FontCollection& fonts, GlyphAtlasOptions options, TextureBackend backend)
    : fonts_(fonts), options_(options), backend_(std::move(backend)) {}

GlyphAtlas::~GlyphAtlas() {
  if (!backend_.destroy) return;
  for (auto& page : pages_)
    if (page->texture) backend_.destroy(page->texture);
}

void GlyphAtlas::begin_frame() {
  ++frame_;
}

AtlasGlyph GlyphAtlas::glyph(FontId font, uint32_t glyph, float size) {
  const Key key{font, glyph, static_cast<int32_t>(std::lround(size * 64.0f))};
  if (auto it = glyphs_.find(key); it != glyphs_.end()) {
    ++stats_.hits;
    if (it->second.visible()) pages_[static_cast<size_t>(it->second.page)]->last_used = frame_;
    return it->second;
  }
  ++stats_.misses;
  return add(key);
}

AtlasGlyph GlyphAtlas::add(const Key& key) {
  if (key.font < 0 || static_cast<size_t>(key.font) >= fonts_.face_count() || key.size64 <= 0) {
    ++stats_.failed;
    return {};
  }
  Bitmap bitmap;
  const bool ok = rasterize(fonts_.face(key.font).ft, key.glyph, key.size64, bitmap);
  ++stats_.rasterized;
  if (!ok) {
    ++stats_.failed;
    glyphs_.emplace(key, AtlasGlyph{});  // do not retry every frame
    return {};
  }
  if (bitmap.rgba.empty()) {
    glyphs_.emplace(key, AtlasGlyph{});
    return {};
  }
  const int pad = options_.padding;
  const int w = bitmap.w + 2 * pad;
  const int h = bitmap.h + 2 * pad;
  if (w > options_.page_size || h > options_.page_size) {
    ++stats_.full;
    glyphs_.emplace(key, AtlasGlyph{});  // it will never fit
    return {};
  }
  AtlasRect padded;
  const int index = allocate(w, h, padded);
  if (index < 0) {
    ++stats_.full;  // not remembered: a later frame may have room
    return {};
  }
  Page& page = *pages_[static_cast<size_t>(index)];
  AtlasGlyph entry;
  entry.page = index;
  entry.rect = {padded.x + pad, padded.y + pad, bitmap.w, bitmap.h};
  entry.left = bitmap.left;
  entry.top = bitmap.top;
  entry.color = bitmap.color;
  const size_t stride = static_cast<size_t>(options_.page_size) * 4;
  for (int y = 0; y < bitmap.h; ++y) {
    std::memcpy(&page.pixels[static_cast<size_t>(entry.rect.y + y) * stride +
                             static_cast<size_t>(entry.rect.x) * 4],
                &bitmap.rgba[static_cast<size_t>(y) * static_cast<size_t>(bitmap.w) * 4],
                static_cast<size_t>(bitmap.w) * 4);
  }
  // The padding is uploaded too: a new texture's contents are undefined.
  page.dirty = unite(page.dirty, padded);
  page.last_used = frame_;
  page.keys.push_back(key);
  glyphs_.emplace(key, entry);
  return entry;
}

int GlyphAtlas::allocate(int w, int h, AtlasRect& where) {
  auto place = [&](size_t i) {
    int x = 0, y = 0;
    if (!pages_[i]->skyline.insert(w, h, x, y)) return false;
    where = {x, y, w, h};
    return true;
  };
  for (size_t i = 0; i < pages_.size(); ++i)
    if (place(i)) return static_cast<int>(i);

  if (static_cast<int>(pages_.size()) < options_.max_pages) {
    auto page = std::make_unique<Page>();
    if (backend_.create) {
      page->texture = backend_.create(options_.page_size, options_.page_size);
      if (!page->texture) return -1;
    }
    const size_t side = static_cast<size_t>(options_.page_size);
    page->pixels.assign(side * side * 4, 0);
    page->skyline.reset(options_.page_size, options_.page_size);
    pages_.push_back(std::move(page));
    stats_.pages = static_cast<int>(pages_.size());
    return place(pages_.size() - 1) ? static_cast<int>(pages_.size()) - 1 : -1;
  }

  // At the bound: reuse the least recently used page, unless the current frame
  // has drawn from it (its quads are already in the draw lists).
  int oldest = -1;
  for (size_t i = 0; i < pages_.size(); ++i) {
    const uint64_t used = pages_[i]->last_used;
    if (used < frame_ && (oldest < 0 || used < pages_[static_cast<size_t>(oldest)]->last_used))
      oldest = static_cast<int>(i);
  }
  if (oldest < 0) return -1;
  evict(oldest);
  return place(static_cast<size_t>(oldest)) ? oldest : -1;
}

void GlyphAtlas::evict(int index) {
  Page& page = *pages_[static_cast<size_t>(index)];
  for (const Key& key : page.keys) glyphs_.erase(key);
  page.keys.clear();
  std::fill(page.pixels.begin(), page.pixels.end(), uint8_t{0});
  page.skyline.reset(options_.page_size, options_.page_size);
  page.dirty = {0, 0, options_.page_size, options_.page_size};
  ++stats_.evictions;
}

ImTextureID GlyphAtlas::texture(int page) const {
  return pages_[static_cast<size_t>(page)]->texture;
}

void GlyphAtlas::recreate_textures() {
  for (auto& page : pages_) {
    if (page->texture && backend_.destroy) backend_.destroy(page->texture);
    page->texture =
        backend_.create ? backend_.create(options_.page_size, options_.page_size) : nullptr;
    page->dirty = {0, 0, options_.page_size, options_.page_size};
  }
}

const uint8_t* GlyphAtlas::pixels(int page) const {
  return pages_[static_cast<size_t>(page)]->pixels.data();
}

void GlyphAtlas::upload() {
  const int stride = options_.page_size * 4;
  for (auto& page : pages_) {
    if (page->dirty.empty()) continue;
    if (backend_.update && page->texture) {
      const AtlasRect r = page->dirty;
      backend_.update(page->texture, r,
                      &page->pixels[static_cast<size_t>(r.y) * static_cast<size_t>(stride) +
                                    static_cast<size_t>(r.x) * 4],
                      stride);
    }
    page->dirty = {};
  }
}

}  // namespace ih::render
