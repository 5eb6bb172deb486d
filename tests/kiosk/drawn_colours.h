// The colours a frame actually drew, read from ImGui's draw data rather than
// from the theme: which colour lies under a point once every solid fill drawn
// before a given moment is blended in order, and how two colours contrast
// (WCAG 2.x relative luminance). For the accessibility audit
// (audit_test.cpp); it needs no pixels, so every page can be checked in every
// language quickly.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ih::kiosk::testing {

struct Colour {
  float r = 0, g = 0, b = 0;  // 0–1, sRGB
};

Colour to_colour(ImU32 c);
std::string hex(Colour c);  // "#RRGGBB", for messages
// `over` with its alpha blended onto `under`, as the renderer blends.
Colour blend(Colour under, ImU32 over);
// WCAG's contrast ratio, 1 to 21.
float contrast(Colour a, Colour b);

// The fills of one frame's draw data: triangles on ImGui's white pixel
// (rectangles, rounded boxes, discs) or its baked lines (whose anti-aliased
// edges come from the texture: taken here as their colour throughout), with
// their colour interpolated across them as the renderer does (a fringe
// fades out). Glyphs and pictures are left out: they do not make what lies
// under text.
class DrawnFills {
 public:
  DrawnFills(const ImDrawData& data, ImU32 clear);
  // The colour at `p` of what was drawn before `list` held `vertices` vertices
  // (all lists drawn before `list` included); with a null list, of the whole
  // frame.
  Colour at(ImVec2 p, const ImDrawList* list = nullptr, int vertices = 0) const;

 private:
  struct Triangle {
    int list;    // order of its draw list in the frame
    int vertex;  // its first vertex's index in that list
    ImVec2 a, b, c;
    ImVec2 min, max;   // its bounds, within its clip rectangle
    ImU32 ca, cb, cc;  // its corners' colours
  };
  std::vector<const ImDrawList*> lists_;
  std::vector<Triangle> triangles_;
  // The triangles that reach into each square of a coarse grid over the
  // display, in drawing order: a point looks at its square's only.
  static constexpr float kCell = 64;
  ImVec2 origin_;
  int columns_ = 0, rows_ = 0;
  std::vector<std::vector<uint32_t>> cells_;
  Colour clear_;
};

}  // namespace ih::kiosk::testing
