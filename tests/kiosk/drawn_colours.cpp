#include "tests/kiosk/drawn_colours.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

namespace ih::kiosk::testing {

Colour to_colour(ImU32 c) {
  return {static_cast<float>((c >> IM_COL32_R_SHIFT) & 0xFF) / 255.0f,
          static_cast<float>((c >> IM_COL32_G_SHIFT) & 0xFF) / 255.0f,
          static_cast<float>((c >> IM_COL32_B_SHIFT) & 0xFF) / 255.0f};
}

std::string hex(Colour c) {
  char out[8];
  std::snprintf(out, sizeof out, "#%02X%02X%02X", static_cast<unsigned>(std::lround(c.r * 255)),
                static_cast<unsigned>(std::lround(c.g * 255)),
                static_cast<unsigned>(std::lround(c.b * 255)));
  return out;
}

Colour blend(Colour under, ImU32 over) {
  const float a = static_cast<float>((over >> IM_COL32_A_SHIFT) & 0xFF) / 255.0f;
  const Colour o = to_colour(over);
  return {under.r + (o.r - under.r) * a, under.g + (o.g - under.g) * a,
          under.b + (o.b - under.b) * a};
}

namespace {

float linear(float channel) {
  return channel <= 0.04045f ? channel / 12.92f : std::pow((channel + 0.055f) / 1.055f, 2.4f);
}

float luminance(Colour c) {
  return 0.2126f * linear(c.r) + 0.7152f * linear(c.g) + 0.0722f * linear(c.b);
}

// A corner of a shape on ImGui's texture: on its white pixel, or on one of
// its baked anti-aliased lines. Anything else there is a glyph: the text
// engine's glyph atlas may share the texture.
bool shape_corner(ImVec2 uv, const ImFontAtlas& fonts) {
  if (uv.x == fonts.TexUvWhitePixel.x && uv.y == fonts.TexUvWhitePixel.y) return true;
  for (const ImVec4& line : fonts.TexUvLines)
    if ((uv.y == line.y || uv.y == line.w) && uv.x >= line.x && uv.x <= line.z) return true;
  return false;
}

float cross(ImVec2 o, ImVec2 a, ImVec2 b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

// The colour the renderer gives `p` inside the triangle, interpolated
// between its corners; nullopt outside it.
std::optional<ImU32> colour_inside(ImVec2 p, ImVec2 a, ImVec2 b, ImVec2 c, ImU32 ca, ImU32 cb,
                                   ImU32 cc) {
  const float area = cross(a, b, c);
  if (area == 0) return std::nullopt;
  const float wa = cross(b, c, p) / area, wb = cross(c, a, p) / area, wc = cross(a, b, p) / area;
  if (wa < 0 || wb < 0 || wc < 0) return std::nullopt;
  ImU32 out = 0;
  for (const int shift : {IM_COL32_R_SHIFT, IM_COL32_G_SHIFT, IM_COL32_B_SHIFT, IM_COL32_A_SHIFT}) {
    const auto channel = [shift](ImU32 c) { return static_cast<float>((c >> shift) & 0xFF); };
    const float v = wa * channel(ca) + wb * channel(cb) + wc * channel(cc);
    out |= static_cast<ImU32>(std::clamp(std::lround(v), 0L, 255L)) << shift;
  }
  return out;
}

}  // namespace

float contrast(Colour a, Colour b) {
  const float la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

DrawnFills::DrawnFills(const ImDrawData& data, ImU32 clear) : clear_(to_colour(clear)) {
  const ImFontAtlas& fonts = *ImGui::GetIO().Fonts;
  const ImTextureID font_texture = fonts.TexID;
  for (int l = 0; l < data.CmdListsCount; ++l) {
    const ImDrawList& list = *data.CmdLists[l];
    lists_.push_back(&list);
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      if (cmd.UserCallback || cmd.TextureId != font_texture) continue;
      for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
        const ImDrawVert* v[3];
        for (unsigned k = 0; k < 3; ++k)
          v[k] = &list.VtxBuffer[static_cast<int>(cmd.VtxOffset) +
                                 list.IdxBuffer[static_cast<int>(cmd.IdxOffset + i + k)]];
        if (!shape_corner(v[0]->uv, fonts) || !shape_corner(v[1]->uv, fonts) ||
            !shape_corner(v[2]->uv, fonts))
          continue;
        Triangle t;
        t.list = l;
        t.vertex = static_cast<int>(cmd.VtxOffset) +
                   std::min({list.IdxBuffer[static_cast<int>(cmd.IdxOffset + i)],
                             list.IdxBuffer[static_cast<int>(cmd.IdxOffset + i + 1)],
                             list.IdxBuffer[static_cast<int>(cmd.IdxOffset + i + 2)]});
        t.a = v[0]->pos;
        t.b = v[1]->pos;
        t.c = v[2]->pos;
        t.min = ImVec2(std::max({std::min({t.a.x, t.b.x, t.c.x}), cmd.ClipRect.x}),
                       std::max({std::min({t.a.y, t.b.y, t.c.y}), cmd.ClipRect.y}));
        t.max = ImVec2(std::min({std::max({t.a.x, t.b.x, t.c.x}), cmd.ClipRect.z}),
                       std::min({std::max({t.a.y, t.b.y, t.c.y}), cmd.ClipRect.w}));
        if (t.min.x >= t.max.x || t.min.y >= t.max.y) continue;
        t.ca = v[0]->col;
        t.cb = v[1]->col;
        t.cc = v[2]->col;
        triangles_.push_back(t);
      }
    }
  }
  origin_ = data.DisplayPos;
  columns_ = std::max(1, static_cast<int>(std::ceil(data.DisplaySize.x / kCell)));
  rows_ = std::max(1, static_cast<int>(std::ceil(data.DisplaySize.y / kCell)));
  cells_.assign(static_cast<size_t>(columns_ * rows_), {});
  const auto cell = [this](float v, float from, int count) {
    return std::clamp(static_cast<int>(std::floor((v - from) / kCell)), 0, count - 1);
  };
  for (size_t i = 0; i < triangles_.size(); ++i) {
    const Triangle& t = triangles_[i];
    for (int y = cell(t.min.y, origin_.y, rows_); y <= cell(t.max.y, origin_.y, rows_); ++y)
      for (int x = cell(t.min.x, origin_.x, columns_); x <= cell(t.max.x, origin_.x, columns_); ++x)
        cells_[static_cast<size_t>(y * columns_ + x)].push_back(static_cast<uint32_t>(i));
  }
}

Colour DrawnFills::at(ImVec2 p, const ImDrawList* list, int vertices) const {
  int until_list = static_cast<int>(lists_.size());
  if (list) {
    const auto found = std::find(lists_.begin(), lists_.end(), list);
    // A list not in the frame: nothing of it was drawn, so nothing can be
    // under the text.
    if (found == lists_.end()) return clear_;
    until_list = static_cast<int>(found - lists_.begin());
  }
  Colour colour = clear_;
  const int x = static_cast<int>(std::floor((p.x - origin_.x) / kCell));
  const int y = static_cast<int>(std::floor((p.y - origin_.y) / kCell));
  if (x < 0 || y < 0 || x >= columns_ || y >= rows_) return colour;
  for (const uint32_t i : cells_[static_cast<size_t>(y * columns_ + x)]) {
    const Triangle& t = triangles_[i];
    // Drawn after: a list's vertices are in the order they were added, even
    // where draw channels reorder its commands.
    if (t.list > until_list || (t.list == until_list && t.vertex >= vertices)) continue;
    if (p.x < t.min.x || p.x > t.max.x || p.y < t.min.y || p.y > t.max.y) continue;
    if (const auto c = colour_inside(p, t.a, t.b, t.c, t.ca, t.cb, t.cc))
      colour = blend(colour, *c);
  }
  return colour;
}

}  // namespace ih::kiosk::testing
