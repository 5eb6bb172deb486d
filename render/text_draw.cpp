#include "render/text_draw.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "render/text_probe.h"

namespace ih::render {

namespace {

struct Quad {
  int page;
  ImVec2 a, b;  // screen corners, whole pixels
  ImVec2 uv_a, uv_b;
  ImU32 colour;
};

// Quads per PrimReserve: 4 vertices each, far below the 65,536 a 16-bit index
// can reach, so ImGui can move to a new vertex offset between chunks.
constexpr size_t kChunk = 4096;

}  // namespace

Ink ink_of(GlyphAtlas& atlas, const Layout& layout) {
  Ink ink{ImVec2(INFINITY, INFINITY), ImVec2(-INFINITY, -INFINITY)};
  if (!layout.shaped) return {};
  const ShapedParagraph& shaped = *layout.shaped;
  for (const Line& line : layout.lines) {
    const float baseline = std::round(line.baseline());
    for (const LineRun& run : line.runs) {
      const FontId font = shaped.runs[static_cast<size_t>(run.run)].font;
      float pen = line.x + run.x;
      for (const Glyph& g : run.glyphs) {
        const float gx = pen + g.x_offset;
        pen += g.advance;
        const AtlasGlyph ag = atlas.glyph(font, g.id, shaped.style.size);
        if (!ag.visible()) continue;
        const float x0 = std::round(gx) + static_cast<float>(ag.left);
        const float y0 = baseline - std::round(g.y_offset) - static_cast<float>(ag.top);
        ink.min = ImVec2(std::min(ink.min.x, x0), std::min(ink.min.y, y0));
        ink.max = ImVec2(std::max(ink.max.x, x0 + static_cast<float>(ag.rect.w)),
                         std::max(ink.max.y, y0 + static_cast<float>(ag.rect.h)));
      }
    }
  }
  if (ink.min.x > ink.max.x) return {};
  return ink;
}

void draw_layout(ImDrawList& list, GlyphAtlas& atlas, const Layout& layout, ImVec2 origin,
                 ImU32 colour) {
  if (!layout.shaped) return;
  const ShapedParagraph& shaped = *layout.shaped;
  const float size = shaped.style.size;
  const float inv_page = 1.0f / static_cast<float>(atlas.page_size());
  const ImU32 untinted = (colour & IM_COL32_A_MASK) | (IM_COL32_WHITE & ~IM_COL32_A_MASK);
  const ImVec2 clip_min = list.GetClipRectMin();
  const ImVec2 clip_max = list.GetClipRectMax();

  std::vector<Quad> quads;
  const bool probing = text_probe_on();
  ImVec2 ink_min(INFINITY, INFINITY), ink_max(-INFINITY, -INFINITY);
  bool only_colour_glyphs = true;
  for (const Line& line : layout.lines) {
    const float baseline = std::round(origin.y + line.baseline());
    for (const LineRun& run : line.runs) {
      const FontId font = shaped.runs[static_cast<size_t>(run.run)].font;
      float pen = origin.x + line.x + run.x;
      for (const Glyph& g : run.glyphs) {
        const float gx = pen + g.x_offset;
        pen += g.advance;
        const AtlasGlyph ag = atlas.glyph(font, g.id, size);
        if (!ag.visible()) continue;
        const float x0 = std::round(gx) + static_cast<float>(ag.left);
        const float y0 = baseline - std::round(g.y_offset) - static_cast<float>(ag.top);
        const float x1 = x0 + static_cast<float>(ag.rect.w);
        const float y1 = y0 + static_cast<float>(ag.rect.h);
        if (probing) {
          ink_min = ImVec2(std::min(ink_min.x, x0), std::min(ink_min.y, y0));
          ink_max = ImVec2(std::max(ink_max.x, x1), std::max(ink_max.y, y1));
          only_colour_glyphs = only_colour_glyphs && ag.color;
        }
        if (x1 <= clip_min.x || x0 >= clip_max.x || y1 <= clip_min.y || y0 >= clip_max.y) continue;
        quads.push_back(
            {ag.page,
             {x0, y0},
             {x1, y1},
             {static_cast<float>(ag.rect.x) * inv_page, static_cast<float>(ag.rect.y) * inv_page},
             {static_cast<float>(ag.rect.x + ag.rect.w) * inv_page,
              static_cast<float>(ag.rect.y + ag.rect.h) * inv_page},
             ag.color ? untinted : colour});
      }
    }
  }
  if (probing) {
    if (ink_min.x > ink_max.x) ink_min = ink_max = origin;
    const bool picture = only_colour_glyphs && ink_min.x < ink_max.x;
    record_drawn_text(layout, ink_min, ink_max, clip_min, clip_max, colour, picture, list);
  }
  // One draw command per page. Reordering changes nothing visible: overlapping
  // quads (marks on letters, joined Nastaliq) share one colour, and blending one
  // colour is the same in either order.
  std::stable_sort(quads.begin(), quads.end(),
                   [](const Quad& a, const Quad& b) { return a.page < b.page; });
  for (size_t begin = 0; begin < quads.size();) {
    const int page = quads[begin].page;
    size_t end = begin;
    while (end < quads.size() && quads[end].page == page) ++end;
    list.PushTextureID(atlas.texture(page));
    for (size_t chunk = begin; chunk < end; chunk += kChunk) {
      const size_t n = std::min(kChunk, end - chunk);
      list.PrimReserve(static_cast<int>(n * 6), static_cast<int>(n * 4));
      for (size_t i = chunk; i < chunk + n; ++i)
        list.PrimRectUV(quads[i].a, quads[i].b, quads[i].uv_a, quads[i].uv_b, quads[i].colour);
    }
    list.PopTextureID();
    begin = end;
  }
}

}  // namespace ih::render
