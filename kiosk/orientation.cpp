#include "kiosk/orientation.h"

namespace ih::kiosk {

bool turned(Orientation orientation, ImVec2 window) {
  switch (orientation) {
    case Orientation::Auto:
      return false;
    case Orientation::Landscape:
      return window.y > window.x;
    case Orientation::Portrait:
      return window.x > window.y;
  }
  return false;
}

ImVec2 content_size(ImVec2 window, bool turned) {
  return turned ? ImVec2(window.y, window.x) : window;
}

ImVec2 to_content(ImVec2 p, ImVec2 window) {
  return ImVec2(p.y, window.x - p.x);
}

}  // namespace ih::kiosk
