// One touch behaviour for every control the kiosk draws: buttons, tiles,
// toggles, list rows and whole-screen areas.
//
//   press      a control shows pressed while the finger that went down on it
//              is still over it; slid off, it looks as before, which tells
//              the person that letting go there does nothing;
//   drag       a finger that moved more than kDragDistance since it went down
//              is scrolling a list, not pressing: nothing under it shows
//              pressed or acts;
//   release    a control acts when the finger lifts over it;
//   bounce     a second release on the control that acted last, sooner than
//              kBounceSeconds after it, is the same finger bouncing on a
//              touch screen, not a second tap, and does nothing.
//
// The on-screen keyboard tracks its fingers itself (long presses, repeats,
// variants) but takes its bounce time from here (keyboard::KeyboardTiming).
//
// Not thread-safe: UI thread only, between ImGui's NewFrame and Render.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace ih::render {

inline constexpr float kDragDistance = 24.0f;   // pixels
inline constexpr double kBounceSeconds = 0.15;  // of ImGui's clock

struct Touch {
  bool pressed = false;  // held down over it now: draw it pressed
  bool acted = false;    // released over it this frame, not a drag or a bounce
};

// The control `id` covering `min` to `min + size`: places ImGui's item there
// and answers what the finger does with it.
Touch touch_target(const char* id, ImVec2 min, ImVec2 size);

// True while (or when) the finger moved far enough to be a drag, not a tap.
bool touch_dragged();

// A record of every touch target placed while a probe is on, for the audit
// that walks every page (tests/kiosk/audit_test.cpp). touch_target() records
// its own; a control that tracks its fingers itself (the on-screen keyboard)
// calls note_touch_target() for each of its targets. Costs nothing while no
// probe is on. One probe at a time, on the UI thread.
struct PlacedTarget {
  std::string id;
  ImVec2 min, max;
  // The clip it was placed under: only its part inside takes a touch (a
  // tile scrolled partly out of its list).
  ImVec2 clip_min, clip_max;
};
class TargetProbe {
 public:
  TargetProbe();
  ~TargetProbe();
  TargetProbe(const TargetProbe&) = delete;
  TargetProbe& operator=(const TargetProbe&) = delete;
  std::vector<PlacedTarget> placed;
};
void note_touch_target(const char* id, ImVec2 min, ImVec2 max);

}  // namespace ih::render
