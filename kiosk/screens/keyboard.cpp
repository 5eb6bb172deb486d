#include "kiosk/screens/keyboard.h"

#include <SDL.h>

#include <algorithm>
#include <cmath>

#include "i18n/language.h"
#include "kiosk/keyboard/keyboard_view.h"
#include "kiosk/keyboard/physical_keys.h"
#include "kiosk/screens/form_input.h"
#include "kiosk/screens/page.h"

namespace ih::kiosk {

namespace {

constexpr int32_t kMaxText = 200;  // graphemes: a name, a short request
constexpr int32_t kMaxPin = 6;
constexpr float kPinFieldKeys = 3.5f;  // the PIN field is this many field heights wide

struct Placement {
  float margin;
  float gap;
  float field_height;
};

Placement placement(ImVec2 screen) {
  const Metrics m = metrics(screen);
  return {m.tight_margin, m.tight_gap, m.field};
}

}  // namespace

KeyboardView::KeyboardView(Focus focus) : focus_(focus) {}

KeyboardView::~KeyboardView() = default;

void KeyboardView::start(PageContext& c) {
  const ScreenFrame& frame = c.frame;
  keyboard_ = std::make_unique<keyboard::Keyboard>(keyboard::shipped_layouts());
  keyboard_->follow(frame.strings.info().keyboard);
  pin_pad_ = std::make_unique<keyboard::Keyboard>(keyboard::shipped_layouts());
  pin_pad_->show(std::make_shared<const keyboard::KeyboardLayout>(keyboard::pin_pad_layout()));

  const keyboard::KeyboardLayout& layout = keyboard_->layout();
  const float text_size = std::round(placement(frame.size).field_height * 0.4f);
  text_ = std::make_unique<render::TextField>(
      frame.ui.engine, render::TextFieldOptions{.language = layout.language,
                                                .direction = typing_direction(layout.language),
                                                .text_size = text_size,
                                                .max_graphemes = kMaxText});
  text_->set_text(layout.sample);
  layout_shown_ = layout.id;
  pin_ = std::make_unique<render::TextField>(frame.ui.engine,
                                             render::TextFieldOptions{.language = frame.ui.language,
                                                                      .text_size = text_size,
                                                                      .max_graphemes = kMaxPin,
                                                                      .masked = true,
                                                                      .placeholder = "🔒"});
}

void KeyboardView::wipe() {
  if (text_) text_->wipe();
  if (pin_) pin_->wipe();
  if (keyboard_) keyboard_->reset();
  if (pin_pad_) pin_pad_->reset();
}

void KeyboardView::apply(const keyboard::Stroke& stroke, render::TextField& field) {
  if (keyboard::apply_stroke(field, stroke)) focus_ = Focus::None;
}

std::optional<Action> KeyboardView::draw_page(PageContext& c) {
  ScreenFrame& frame = c.frame;
  if (!keyboard_) start(c);
  render::UiContext& ui = frame.ui;
  keyboard_->follow(frame.strings.info().keyboard);
  const keyboard::KeyboardLayout& layout = keyboard_->layout();
  if (layout.id != layout_shown_) {
    // Typing another language: its shaping, and its direction while empty.
    text_->set_language(layout.language, typing_direction(layout.language));
    layout_shown_ = layout.id;
  }

  // [SECTION] The fields, at the top: above every keyboard at every screen size.
  const Placement p = placement(frame.size);
  const ImVec2 origin = c.area.min;
  text_rect_ = {ImVec2(origin.x + p.margin, origin.y + p.margin),
                ImVec2(origin.x + frame.size.x - p.margin, origin.y + p.margin + p.field_height)};
  const float pin_width = std::min(text_rect_.width(), std::round(p.field_height * kPinFieldKeys));
  const float pin_left =
      i18n::is_rtl(ui.language) ? text_rect_.max.x - pin_width : text_rect_.min.x;
  pin_rect_ = {ImVec2(pin_left, text_rect_.max.y + p.gap),
               ImVec2(pin_left + pin_width, text_rect_.max.y + p.gap + p.field_height)};

  ImGui::SetCursorScreenPos(text_rect_.min);
  if (render::text_field(ui, "##text", *text_, ImVec2(text_rect_.width(), text_rect_.height()),
                         {.focused = focus_ == Focus::Text}))
    focus_ = Focus::Text;
  ImGui::SetCursorScreenPos(pin_rect_.min);
  if (render::text_field(ui, "##pin", *pin_, ImVec2(pin_rect_.width(), pin_rect_.height()),
                         {.focused = focus_ == Focus::Pin}))
    focus_ = Focus::Pin;

  render::TextField* field = focus_ == Focus::Text  ? text_.get()
                             : focus_ == Focus::Pin ? pin_.get()
                                                    : nullptr;
  if (!field) return std::nullopt;

  // [SECTION] A physical keyboard
  const keyboard::PhysicalResult typed = keyboard::apply_physical(*field, frame.typed);
  if (typed.changed) ui.needs_frame = true;
  if (typed.done) {
    focus_ = Focus::None;
    return std::nullopt;
  }

  // [SECTION] The on-screen keyboard
  keyboard::Keyboard& keys = focus_ == Focus::Pin ? *pin_pad_ : *keyboard_;
  const keyboard::KeyboardFrame kf =
      keyboard::keyboard_frame(ui, keys, frame.size, &frame.strings.formats());
  for (const keyboard::Stroke& stroke : kf.strokes) apply(stroke, *field);
  if (kf.deadline) {
    const std::chrono::duration<double> wait(std::max(0.0, *kf.deadline - ImGui::GetTime()));
    redraw_by(frame, c.now + std::chrono::duration_cast<Clock::duration>(wait));
  }
  return std::nullopt;
}

}  // namespace ih::kiosk
