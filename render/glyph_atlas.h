// Rasterized glyphs in texture pages, made on demand.
//
// GlyphAtlas rasterizes glyphs with FreeType the first time they are drawn and
// packs them into square RGBA pages with a skyline packer (as SDL_ttf 3 does).
// Entries are keyed by (font, glyph id, size). Outline glyphs are stored white
// with alpha = coverage, straight alpha, so the vertex colour tints them. Colour
// emoji (CBDT/sbix bitmap strikes, premultiplied BGRA from FreeType) are scaled
// from their strike to the requested size and stored as straight RGBA; they are
// drawn untinted.
//
// The atlas holds CPU pixels and, per page, the rectangle changed since the last
// upload(). It knows nothing of the GPU: a TextureBackend (given by the
// application) creates, updates and destroys the textures that draw commands
// name. Without a backend, pages have no texture (tests, benchmarks).
//
// Memory is bounded by a page count. When a glyph does not fit, the atlas opens a
// new page, or, at the bound, clears the least recently used page that no draw of
// the current frame uses (begin_frame() starts a frame) and packs into it. If every
// page is in use this frame, the glyph is not stored (counted in Stats::full).
//
// Not thread-safe: the UI thread owns the atlas. It borrows the FontCollection,
// which must outlive it; FreeType faces are shared with the shaper, so the atlas
// sets the face's size before every load.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

#include "render/font_collection.h"

namespace ih::render {

// A rectangle of pixels in a page.
struct AtlasRect {
  int x = 0;
  int y = 0;
  int w = 0;
  int h = 0;
  bool empty() const { return w <= 0 || h <= 0; }
  friend bool operator==(AtlasRect, AtlasRect) = default;
};

// Where a glyph is and how to place it. A glyph without pixels (a space, a glyph
// that failed to load, or one that did not fit) has page == -1.
struct AtlasGlyph {
  int page = -1;
  AtlasRect rect;      // the glyph's pixels in its page, without padding
  int left = 0;        // from the pen position to the bitmap's left edge, pixels
  int top = 0;         // from the baseline up to the bitmap's top edge, pixels
  bool color = false;  // colour bitmap: draw with white vertex colour
  bool visible() const { return page >= 0; }
};

// The application's textures. Pixels are RGBA, 8 bits per channel, straight
// alpha, rows `pitch` bytes apart; textures should blend as straight alpha.
struct TextureBackend {
  // Makes a texture of width × height; returns null on failure.
  std::function<ImTextureID(int width, int height)> create;
  // Replaces `rect` of `texture`; `pixels` points at the rectangle's first pixel.
  std::function<void(ImTextureID texture, AtlasRect rect, const uint8_t* pixels, int pitch)> update;
  std::function<void(ImTextureID texture)> destroy;
};

struct GlyphAtlasOptions {
  int page_size = 1024;  // pixels per side
  int max_pages = 8;     // 4 MiB of CPU pixels (and as much texture memory) each
  int padding = 1;       // empty pixels around each glyph, so filtering never
                         // samples a neighbour
};

class GlyphAtlas {
 public:
  struct Stats {
    uint64_t rasterized = 0;  // glyphs rendered by FreeType (including empty ones)
    uint64_t hits = 0;        // lookups answered from the atlas
    uint64_t misses = 0;      // lookups that had to rasterize
    uint64_t evictions = 0;   // pages cleared to make room
    uint64_t full = 0;        // glyphs not stored: every page was in use this frame,
                              // or the glyph is larger than a page
    uint64_t failed = 0;      // glyphs FreeType could not load or render
    int pages = 0;            // pages open now
  };

  GlyphAtlas(FontCollection& fonts, GlyphAtlasOptions options = {}, TextureBackend backend = {});
  ~GlyphAtlas();
  GlyphAtlas(const GlyphAtlas&) = delete;
  GlyphAtlas& operator=(const GlyphAtlas&) = delete;

  // Starts a frame. Pages used before this call may be evicted from now on.
  void begin_frame();

  // The glyph `glyph` of `font` at `size` pixels per em, rasterized and packed on
  // first use. Marks its page as used in the current frame. Sizes are kept to
  // 1/64 pixel.
  AtlasGlyph glyph(FontId font, uint32_t glyph, float size);

  // The texture of `page`; null without a backend.
  ImTextureID texture(int page) const;

  // Sends every page's changed rectangle to the backend. Call once per frame,
  // after drawing and before the draw data is rendered.
  void upload();

  // For a renderer that lost its textures (SDL_RENDER_DEVICE_RESET): destroys each
  // page's texture and makes a new one, which the next upload() fills with the
  // whole page. Glyphs keep their places; call it before the next frame is drawn.
  // A page whose texture cannot be made has none (its glyphs draw untextured).
  void recreate_textures();

  // The pixels of `page`, RGBA rows of page_size() * 4 bytes (tests, tools).
  const uint8_t* pixels(int page) const;
  int page_size() const { return options_.page_size; }
  const Stats& stats() const { return stats_; }

 private:
  struct Key {
    FontId font = kNoFont;
    uint32_t glyph = 0;
    int32_t size64 = 0;  // 26.6 fixed point
    friend bool operator==(const Key&, const Key&) = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const;
  };
  struct Page;

  AtlasGlyph add(const Key& key);
  // Finds room for w × h pixels (padding included); returns the page or -1.
  int allocate(int w, int h, AtlasRect& where);
  void evict(int page);

  FontCollection& fonts_;
  GlyphAtlasOptions options_;
  TextureBackend backend_;
  std::vector<std::unique_ptr<Page>> pages_;
  std::unordered_map<Key, AtlasGlyph, KeyHash> glyphs_;
  uint64_t frame_ = 1;
  Stats stats_;
};

}  // namespace ih::render
