// Drawing the on-screen keyboard with ImGui, and feeding it the finger.
//
// The finger is ImGui's pointer (io.MousePos, io.MouseDown[0]); SDL turns
// touches into mouse events, which ImGui's SDL backend passes on. The time is
// ImGui's (ImGui::GetTime()). Every key is drawn with a border of at least 3:1
// contrast against the panel, its label at 4.5:1 or more against the key; keys
// that are held show as pressed, keys in an "on" state (shift, an open syllable
// row, the current layout) as filled. A key with variants shows its first
// variant small in its top end corner, so people know a long press offers more.
// Numbers pads show each digit also in the UI language's own digits when they
// are not Latin (Arabic-Indic, Extended Arabic-Indic), since many people know
// only those.
//
// Call between ImGui::NewFrame() and ImGui::Render(), inside a full-screen window.
#pragma once

#include <imgui.h>

#include <optional>
#include <vector>

#include "i18n/locale_format.h"
#include "kiosk/keyboard/keyboard.h"
#include "render/widgets.h"

namespace ih::kiosk::keyboard {

struct KeyboardFrame {
  std::vector<Stroke> strokes;     // what was typed this frame, in order
  std::optional<double> deadline;  // ImGui time of the keyboard's next action
};

// One frame of `keyboard` on a screen of `screen` pixels: arranges it, feeds it
// the pointer, draws it into the current window. `digits` (may be null) gives
// the number pad its second set of digits.
KeyboardFrame keyboard_frame(render::UiContext& ui, Keyboard& keyboard, ImVec2 screen,
                             const i18n::LocaleFormat* digits);

}  // namespace ih::kiosk::keyboard
