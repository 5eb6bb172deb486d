// A physical keyboard typing into a text field: text from SDL_TEXTINPUT as it
// came, and the editing keys of SDL_KEYDOWN (arrows, Home, End, Backspace,
// Delete). The keypad's digits are left alone: with Num Lock on they also
// arrive as text. Return and Enter end the typing.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "kiosk/keyboard/keyboard.h"
#include "kiosk/screen.h"
#include "render/text_field.h"

namespace ih::kiosk::keyboard {

// The field key an SDL keycode stands for, if any.
std::optional<render::FieldKey> field_key(int32_t sdl_keycode);

struct PhysicalResult {
  bool changed = false;  // text or caret changed
  bool done = false;     // Return or Enter was pressed
};

// Applies `input` to `field` in order, up to a Return or Enter.
PhysicalResult apply_physical(render::TextField& field, std::span<const KeyboardInput> input);

// Applies one stroke of the on-screen keyboard to `field`; true for Done
// (the person has finished typing), which leaves the field as it is.
bool apply_stroke(render::TextField& field, const Stroke& stroke);

}  // namespace ih::kiosk::keyboard
