// The finger (or mouse) as ImGui sees it, made from SDL's events alone.
//
// ImGui 1.86's SDL backend polls SDL's mouse state once per frame
// (SDL_GetMouseState, SDL_GetGlobalMouseState): where a touch screen does not
// move the system pointer, or where a touch began and ended between two
// frames, ImGui never sees it, and a drag made of events does not drag. So the
// kiosk feeds ImGui's pointer itself, from the events in the order they came:
//
//   finger events     the touch screen (coordinates 0–1 of the window)
//   mouse events      a mouse, for staff and for development; the mouse events
//                     SDL makes up from touches (which == SDL_TOUCH_MOUSEID)
//                     are dropped, the finger events already said it
//
// A press or a release reaches ImGui in a frame of its own, at the position
// where it happened, and the moves between them in the frames between: a tap
// shorter than a frame is a press in one frame and a release in the next,
// never lost, and a drag is a press, a move and a release however quickly its
// events came.
//
// Only the first finger counts: the kiosk has no multi-finger gestures.
//
// Not thread-safe: the UI thread owns it (App does).
#pragma once

#include <imgui.h>

#include <cstdint>
#include <deque>

union SDL_Event;

namespace ih::kiosk {

class Pointer {
 public:
  // Takes `event` if it is about the pointer (and then ImGui's backend must
  // not see it); `window` is the window's size in pixels, for finger events.
  bool take(const SDL_Event& event, ImVec2 window);

  // Sets io.MousePos and io.MouseDown[0] for the next frame from what came
  // since the last: the next press or release, or else the moves before it.
  // True when events are left for later frames.
  bool apply(ImGuiIO& io);

 private:
  struct Sample {
    ImVec2 pos;
    bool down;
  };
  std::deque<Sample> queue_;
  ImVec2 pos_{-FLT_MAX, -FLT_MAX};
  bool down_ = false;
  int64_t finger_ = -1;  // the finger that counts, while it is down
};

}  // namespace ih::kiosk
