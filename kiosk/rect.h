// The one rectangle of the kiosk's UI: a box in screen pixels, from its
// top-left corner `min` (inclusive) to its bottom-right corner `max`
// (exclusive), as ImGui's ImRect. Pages, widgets and the on-screen keyboard all
// place and hit-test with it.
#pragma once

#include <imgui.h>

namespace ih::kiosk {

struct Rect {
  ImVec2 min{0, 0};
  ImVec2 max{0, 0};
  float width() const { return max.x - min.x; }
  float height() const { return max.y - min.y; }
  ImVec2 size() const { return ImVec2(width(), height()); }
  ImVec2 centre() const { return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2); }
  bool contains(ImVec2 p) const {
    return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y;
  }
  bool empty() const { return width() <= 0 || height() <= 0; }
  bool overlaps(const Rect& o) const {
    return min.x < o.max.x && o.min.x < max.x && min.y < o.max.y && o.min.y < max.y;
  }
};

}  // namespace ih::kiosk
