#include "kiosk/screens/form_input.h"

#include <SDL.h>

#include <algorithm>
#include <cmath>

#include "i18n/language.h"
#include "kiosk/keyboard/keyboard_geometry.h"
#include "kiosk/keyboard/keyboard_view.h"
#include "kiosk/keyboard/physical_keys.h"

namespace ih::kiosk {

render::Direction typing_direction(std::string_view language) {
  return i18n::is_rtl(language) ? render::Direction::AutoRtl : render::Direction::Auto;
}

keyboard::Keyboard& FormKeys::keys(KeysKind kind, const i18n::Localizer& strings) {
  if (!letters_) make_keyboards();
  switch (kind) {
    case KeysKind::Letters:
      letters_->follow(strings.info().keyboard);
      return *letters_;
    case KeysKind::Latin:
      return *latin_;
    case KeysKind::Code:
      return *code_;
    case KeysKind::Phone:
      return *phone_;
    case KeysKind::Digits:
      break;
  }
  return *digits_;
}

float FormKeys::top(KeysKind kind, const i18n::Localizer& strings, ImVec2 screen) {
  return keyboard::panel_geometry(screen, keys(kind, strings).layout()).panel.min.y;
}

void FormKeys::make_keyboards() {
  letters_ = std::make_unique<keyboard::Keyboard>(keyboard::shipped_layouts());
  latin_ = std::make_unique<keyboard::Keyboard>(keyboard::shipped_layouts());
  latin_->follow("en");
  code_ = std::make_unique<keyboard::Keyboard>(keyboard::shipped_layouts());
  code_->show(std::make_shared<const keyboard::KeyboardLayout>(keyboard::code_layout()));
  digits_ = std::make_unique<keyboard::Keyboard>(keyboard::shipped_layouts());
  digits_->show(std::make_shared<const keyboard::KeyboardLayout>(keyboard::pin_pad_layout()));
  phone_ = std::make_unique<keyboard::Keyboard>(keyboard::shipped_layouts());
  phone_->show(std::make_shared<const keyboard::KeyboardLayout>(keyboard::phone_pad_layout()));
}

void FormKeys::reset() {
  if (letters_) make_keyboards();
}

bool match_keyboard(FormKeys& keys, KeysKind kind, const i18n::Localizer& strings,
                    render::TextField& field) {
  if (kind != KeysKind::Letters) return false;
  const std::string& language = keys.keys(kind, strings).layout().language;
  if (field.options().language == language) return false;
  field.set_language(language, typing_direction(language));
  return true;
}

Typed type_into(PageContext& c, FormKeys& keys, KeysKind kind, render::TextField& field) {
  ScreenFrame& frame = c.frame;
  keyboard::Keyboard& k = keys.keys(kind, frame.strings);
  // Normally done before the field was drawn (typing_row); a field that was
  // drawn in another language is drawn again.
  if (match_keyboard(keys, kind, frame.strings, field)) frame.ui.needs_frame = true;
  Typed typed;
  const keyboard::PhysicalResult physical = keyboard::apply_physical(field, frame.typed);
  typed.changed = physical.changed;
  typed.done = physical.done;
  const keyboard::KeyboardFrame kf =
      keyboard::keyboard_frame(frame.ui, k, frame.size, &frame.strings.formats());
  for (const keyboard::Stroke& stroke : kf.strokes) {
    if (keyboard::apply_stroke(field, stroke)) typed.done = true;
    typed.changed = true;
  }
  // The person chose another layout: the field follows it, drawn again.
  if (typed.changed || match_keyboard(keys, kind, frame.strings, field))
    frame.ui.needs_frame = true;
  if (kf.deadline) {
    const std::chrono::duration<double> wait(std::max(0.0, *kf.deadline - ImGui::GetTime()));
    redraw_by(frame, c.now + std::chrono::duration_cast<Clock::duration>(wait));
  }
  return typed;
}

float typing_row_top(PageContext& c, FormKeys& keys, KeysKind kind, KeysKinds together) {
  float top = keys.top(kind, c.frame.strings, c.frame.size);
  for (KeysKind k : together) top = std::min(top, keys.top(k, c.frame.strings, c.frame.size));
  return std::round(top - c.m.gap - c.m.button);
}

RowTouch typing_row(PageContext& c, FormKeys& keys, KeysKind kind, render::TextField& field,
                    std::string_view next_label, KeysKinds together) {
  const i18n::Localizer& s = c.frame.strings;
  const float row_top = typing_row_top(c, keys, kind, together);
  const float row_bottom = row_top + c.m.button;
  const i18n::Span box = content(c);
  // TRANSLATORS: Button: go back to the previous step or screen.
  const std::string_view back_label = s.text(i18n::msg("Back"));
  // Wide enough for the longer label on one line ("Überspringen"), up to
  // 30% of the row each; the field keeps the rest.
  const float label_width =
      std::max(page_button_label_width(c, back_label), page_button_label_width(c, next_label));
  const float button_width = std::round(
      std::min(box.width * 0.3f, std::max({c.m.button * 1.6f, box.width * 0.16f, label_width})));
  const float back_x = i18n::at_start(c.direction(), box, button_width);
  const float next_x = i18n::at_end(c.direction(), box, button_width);
  const float field_left = std::min(back_x, next_x) + button_width + c.m.gap;
  const float field_right = std::max(back_x, next_x) - c.m.gap;

  RowTouch touch;
  touch.back = page_button(c, "back", back_label,
                           {ImVec2(back_x, row_top), ImVec2(back_x + button_width, row_bottom)});
  touch.next = page_button(c, "next", next_label,
                           {ImVec2(next_x, row_top), ImVec2(next_x + button_width, row_bottom)});
  c.controls["field"] = {ImVec2(field_left, row_top), ImVec2(field_right, row_bottom)};
  // The field is drawn in the language and direction of the keyboard shown.
  match_keyboard(keys, kind, s, field);
  ImGui::SetCursorScreenPos(ImVec2(field_left, row_top));
  render::text_field(c.frame.ui, "##field", field,
                     ImVec2(field_right - field_left, row_bottom - row_top), {.focused = true});
  const Typed typed = type_into(c, keys, kind, field);
  touch.changed = typed.changed;
  touch.next = touch.next || typed.done;
  return touch;
}

}  // namespace ih::kiosk
