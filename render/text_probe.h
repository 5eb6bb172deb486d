// A record of every text drawn while a probe is on, for the checks that walk
// every page (tests/kiosk/audit_test.cpp): where the glyphs' pixels
// landed, the clip rectangle they were drawn under, and whether a line was cut
// inside a word. Drawing costs nothing extra while no probe is on.
//
//   render::TextProbe probe;       // on until it goes out of scope
//   ... draw a frame ...
//   for (const render::DrawnText& t : probe.drawn) ...
//
// Not thread-safe: one probe at a time, on the UI thread.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "render/paragraph.h"

namespace ih::render {

struct DrawnText {
  std::string text;           // UTF-8, as laid out (an ellipsized label shortened)
  ImVec2 ink_min, ink_max;    // the glyphs' pixels before clipping; equal when none
  ImVec2 clip_min, clip_max;  // the draw list's clip rectangle
  ImU32 colour = 0;
  float size = 0;           // pixels per em
  bool cut_a_word = false;  // Layout::cut_a_word
  bool ellipsized = false;
  bool picture = false;  // only colour glyphs (emoji): their own colours, not `colour`
  // Where it was drawn: what `list` held before it, so that what lies under
  // the text (drawn earlier) can be told from what lies over it.
  const ImDrawList* list = nullptr;
  int vertices_before = 0;
  // True when the ink lies inside `min`–`max`, give or take `slack` pixels.
  bool ink_inside(ImVec2 min, ImVec2 max, float slack = 0.0f) const {
    return ink_min.x >= min.x - slack && ink_min.y >= min.y - slack && ink_max.x <= max.x + slack &&
           ink_max.y <= max.y + slack;
  }
  bool clipped() const { return !ink_inside(clip_min, clip_max, 0.5f); }
};

class TextProbe {
 public:
  TextProbe();
  ~TextProbe();
  TextProbe(const TextProbe&) = delete;
  TextProbe& operator=(const TextProbe&) = delete;
  std::vector<DrawnText> drawn;
  // Regions that scroll (a list, a thread): text they clip has scrolled out
  // of view, it is not cut off.
  struct Region {
    ImVec2 min, max;
    bool sideways = false;  // a text field's line, which scrolls sideways; else a list
  };
  std::vector<Region> scroll_views;
};

// Called by draw_layout(): records one text if a probe is on.
bool text_probe_on();
void record_drawn_text(const Layout& layout, ImVec2 ink_min, ImVec2 ink_max, ImVec2 clip_min,
                       ImVec2 clip_max, ImU32 colour, bool picture, const ImDrawList& list);
// Called by a list that scrolls, with its view: records it if a probe is on.
void note_scroll_view(ImVec2 min, ImVec2 max, bool sideways = false);

}  // namespace ih::render
