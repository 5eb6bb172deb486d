#include "kiosk/pointer.h"

#include <SDL.h>

namespace ih::kiosk {

bool Pointer::take(const SDL_Event& e, ImVec2 window) {
  // The state after everything queued: a move keeps the finger down or up.
  const bool down = queue_.empty() ? down_ : queue_.back().down;
  switch (e.type) {
    case SDL_FINGERDOWN:
      if (finger_ < 0) {
        finger_ = e.tfinger.fingerId;
        queue_.push_back({ImVec2(e.tfinger.x * window.x, e.tfinger.y * window.y), true});
      }
      return true;
    case SDL_FINGERMOTION:
      if (e.tfinger.fingerId == finger_)
        queue_.push_back({ImVec2(e.tfinger.x * window.x, e.tfinger.y * window.y), true});
      return true;
    case SDL_FINGERUP:
      if (e.tfinger.fingerId == finger_) {
        queue_.push_back({ImVec2(e.tfinger.x * window.x, e.tfinger.y * window.y), false});
        finger_ = -1;
      }
      return true;
    case SDL_MOUSEMOTION:
      if (e.motion.which != SDL_TOUCH_MOUSEID)
        queue_.push_back(
            {ImVec2(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y)), down});
      return true;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      if (e.button.which != SDL_TOUCH_MOUSEID && e.button.button == SDL_BUTTON_LEFT)
        queue_.push_back({ImVec2(static_cast<float>(e.button.x), static_cast<float>(e.button.y)),
                          e.type == SDL_MOUSEBUTTONDOWN});
      return true;
    default:
      return false;
  }
}

bool Pointer::apply(ImGuiIO& io) {
  bool moved = false;
  while (!queue_.empty()) {
    const Sample s = queue_.front();
    if (s.down != down_) {
      // A press or a release gets a frame of its own, after the moves before it.
      if (moved) break;
      queue_.pop_front();
      pos_ = s.pos;
      down_ = s.down;
      break;
    }
    queue_.pop_front();
    pos_ = s.pos;
    moved = true;
  }
  io.MousePos = pos_;
  io.MouseDown[0] = down_;
  return !queue_.empty();
}

}  // namespace ih::kiosk
