#include "kiosk/keyboard/physical_keys.h"

#include <SDL_keycode.h>

namespace ih::kiosk::keyboard {

std::optional<render::FieldKey> field_key(int32_t sdl_keycode) {
  switch (sdl_keycode) {
    case SDLK_LEFT:
      return render::FieldKey::Left;
    case SDLK_RIGHT:
      return render::FieldKey::Right;
    case SDLK_HOME:
      return render::FieldKey::Home;
    case SDLK_END:
      return render::FieldKey::End;
    case SDLK_BACKSPACE:
      return render::FieldKey::Backspace;
    case SDLK_DELETE:
      return render::FieldKey::Delete;
    default:
      return std::nullopt;
  }
}

PhysicalResult apply_physical(render::TextField& field, std::span<const KeyboardInput> input) {
  PhysicalResult result;
  for (const KeyboardInput& in : input) {
    if (!in.text.empty()) {
      field.insert(in.text);
      result.changed = true;
      continue;
    }
    if (in.key == SDLK_RETURN || in.key == SDLK_KP_ENTER || in.key == SDLK_RETURN2) {
      result.done = true;
      break;
    }
    if (const auto key = field_key(in.key)) result.changed |= field.apply(*key);
  }
  return result;
}

bool apply_stroke(render::TextField& field, const Stroke& stroke) {
  switch (stroke.kind) {
    case Stroke::Kind::Text:
      field.insert(stroke.text);
      break;
    case Stroke::Kind::Backspace:
      field.delete_backward();
      break;
    case Stroke::Kind::Left:
      field.apply(render::FieldKey::Left);
      break;
    case Stroke::Kind::Right:
      field.apply(render::FieldKey::Right);
      break;
    case Stroke::Kind::Done:
      return true;
  }
  return false;
}

}  // namespace ih::kiosk::keyboard
