// Turning the picture for a screen mounted the other way round: a terminal's
// display may report landscape while it hangs in portrait (or the reverse),
// and not every kiosk image can turn it at the system level. The application
// then lays out for the turned size, draws into a texture, and copies it onto
// the window a quarter turn clockwise; touches are turned back the same way.
//
// Pure functions of sizes and points; thread-safe.
#pragma once

#include <imgui.h>

#include "kiosk/settings.h"

namespace ih::kiosk {

// Whether content wanted in `orientation` must be turned on a window of `window` pixels.
bool turned(Orientation orientation, ImVec2 window);

// The size content is laid out for on a window of `window` pixels, turned or not.
ImVec2 content_size(ImVec2 window, bool turned);

// Where the window point `p` lies in the turned content: the inverse of a
// quarter turn clockwise (content (u, v) is shown at window (w − v, u)).
ImVec2 to_content(ImVec2 p, ImVec2 window);

}  // namespace ih::kiosk
