// The staff pages' forms (staff_pages.h): StaffForms, the code keyboard, the
// fields and the keyboards that type into them.
#include <SDL.h>

#include <algorithm>
#include <cmath>

#include "i18n/language.h"
#include "kiosk/keyboard/keyboard.h"
#include "kiosk/keyboard/keyboard_view.h"
#include "kiosk/keyboard/layout_library.h"
#include "kiosk/keyboard/physical_keys.h"
#include "kiosk/screens/staff_pages.h"
#include "render/text_draw.h"
#include "render/text_field.h"

namespace ih::kiosk {

// [SECTION] StaffForms

StaffForms::StaffForms() = default;

StaffForms::~StaffForms() {
  wipe();
}

render::TextField* StaffForms::field(std::string_view id) {
  const auto it = fields.find(id);
  return it == fields.end() ? nullptr : it->second.get();
}

void StaffForms::wipe_field(std::string_view id) {
  if (render::TextField* f = field(id)) f->wipe();
}

void StaffForms::close_keyboard() {
  focus.clear();
  for (auto* k : {text_keys.get(), code_keys.get(), pin_pad.get()})
    if (k) k->reset();
}

void StaffForms::wipe() {
  for (auto& [id, f] : fields) f->wipe();
  message.clear();
  close_keyboard();
}

namespace staff {

// [SECTION] The code keyboard

namespace {

// A form's rows at their least: a touch target's height, and a sliver apart.
constexpr float kLeastRow = render::kMinTouchTarget;
constexpr float kLeastRowGap = kTargetGap;

// The height of the tallest of a form's labels over the content width, as
// note() draws them above their fields (Nastaliq stands far taller than Latin).
float tallest_label(PageContext& c, std::span<const std::string_view> labels) {
  render::UiContext& ui = c.frame.ui;
  float tallest = 0;
  for (const std::string_view label : labels)
    tallest = std::max(tallest, ui.engine
                                    .layout(label, {c.m.body, ui.language, ui.direction},
                                            {.max_width = content(c).width})
                                    ->height);
  return tallest;
}

keyboard::Keyboard& keys_for(StaffForms& forms, Keys k) {
  return k == Keys::Pin ? *forms.pin_pad : k == Keys::Code ? *forms.code_keys : *forms.text_keys;
}

}  // namespace

float keyboard_top(StaffForms& forms, PageContext& c, Keys keys) {
  if (keys == Keys::Text) forms.text_keys->follow(c.frame.strings.info().keyboard);
  return keyboard::panel_geometry(c.frame.size, keys_for(forms, keys).layout()).panel.min.y;
}

// [SECTION] Fields and keyboards

void make_forms(StaffForms& s, PageContext& c) {
  render::UiContext& ui = c.frame.ui;
  s.text_keys = std::make_unique<keyboard::Keyboard>(keyboard::shipped_layouts());
  s.code_keys = std::make_unique<keyboard::Keyboard>(keyboard::shipped_layouts());
  s.code_keys->show(std::make_shared<const keyboard::KeyboardLayout>(keyboard::code_layout()));
  s.pin_pad = std::make_unique<keyboard::Keyboard>(keyboard::shipped_layouts());
  s.pin_pad->show(std::make_shared<const keyboard::KeyboardLayout>(keyboard::pin_pad_layout()));

  const Metrics m = metrics(c.frame.size);  // staff pages keep the standard sizes
  s.field_height = m.field;
  const float text_size = m.field_text;
  const auto make = [&](const FieldSpec& f) {
    render::TextFieldOptions o{.text_size = text_size, .max_graphemes = f.max};
    if (f.keys == Keys::Text) {
      // A terminal's name is in any language; typed in the UI language's first.
      o.language = ui.language;
      o.direction =
          i18n::is_rtl(ui.language) ? render::Direction::AutoRtl : render::Direction::Auto;
    } else {
      // Codes and PINs are Latin letters and digits, left to right everywhere.
      o.language = "en";
    }
    if (f.keys == Keys::Pin) {
      o.masked = true;
      o.placeholder = "🔒";
    }
    s.fields[f.id] = std::make_unique<render::TextField>(ui.engine, std::move(o));
  };
  make(kPinField);
  for (const FieldSpec& f : kEnrolFields) make(f);
  for (const FieldSpec& f : kResetFields) make(f);
}

std::string text_of(StaffForms& forms, std::string_view id) {
  return forms.field(id)->text();
}

bool type_into(StaffForms& s, PageContext& c, Keys keys, std::string_view id) {
  render::TextField& field = *s.field(id);
  render::UiContext& ui = c.frame.ui;
  bool done = false;
  const keyboard::PhysicalResult typed = keyboard::apply_physical(field, c.frame.typed);
  if (typed.changed) ui.needs_frame = true;
  done = typed.done;
  keyboard::Keyboard& k = keys_for(s, keys);
  if (keys == Keys::Text) k.follow(c.frame.strings.info().keyboard);
  const keyboard::KeyboardFrame kf =
      keyboard::keyboard_frame(ui, k, c.frame.size, &c.frame.strings.formats());
  for (const keyboard::Stroke& stroke : kf.strokes)
    if (keyboard::apply_stroke(field, stroke)) done = true;
  if (!kf.strokes.empty()) ui.needs_frame = true;
  if (kf.deadline) {
    const std::chrono::duration<double> wait(std::max(0.0, *kf.deadline - ImGui::GetTime()));
    redraw_by(c, c.now + std::chrono::duration_cast<Clock::duration>(wait));
  }
  return done;
}

// Draws the field `f` at `r`; a touch on it focuses it.
void draw_field(StaffForms& s, PageContext& c, const FieldSpec& f, Rect r) {
  c.controls[f.id] = r;
  ImGui::SetCursorScreenPos(r.min);
  const std::string imgui_id = std::string("##") + f.id;
  if (render::text_field(c.frame.ui, imgui_id.c_str(), *s.field(f.id),
                         ImVec2(r.width(), r.height()), {.focused = s.focus == f.id}))
    s.focus = f.id;
}

// A form: rows of a label and its field; a touch on a field opens its
// keyboard, and then only that field is shown, above the keyboard, until the
// keyboard's ✓ goes on to the next field (or closes after the last). Returns
// the y below the rows, or nullopt while the keyboard is open (the page then
// draws nothing else).
std::optional<float> draw_form(StaffForms& s, PageContext& c, std::span<const FieldSpec> specs,
                               std::span<const std::string_view> labels, float y, float bottom) {
  const i18n::Span box = content(c);
  const auto focused =
      std::find_if(specs.begin(), specs.end(), [&](const FieldSpec& f) { return s.focus == f.id; });
  if (focused != specs.end()) {
    const size_t i = static_cast<size_t>(focused - specs.begin());
    float top = c.area.min.y + c.m.margin;
    top = note(c, labels[i], top) + c.m.gap / 2;
    const float room = keyboard_top(s, c, focused->keys) - c.m.gap - top;
    const float h = std::max(render::kMinTouchTarget, std::min(s.field_height, room));
    draw_field(s, c, *focused, {ImVec2(box.left, top), ImVec2(box.right(), top + h)});
    if (type_into(s, c, focused->keys, focused->id)) {
      s.focus = i + 1 < specs.size() ? specs[i + 1].id : "";
      c.frame.ui.needs_frame = true;
    }
    return std::nullopt;
  }
  // Every row as high as fits, between 64 pixels and a field's full height,
  // and the gaps between them as wide as the rest allows.
  const float n = static_cast<float>(specs.size());
  render::UiContext& ui = c.frame.ui;
  const bool wide = landscape(c);
  // In portrait each field has its label above it.
  const float label_h = wide ? 0 : tallest_label(c, labels);
  const float h =
      std::clamp((bottom - y - n * label_h - (n - 1) * c.m.gap / 2) / n, kLeastRow, s.field_height);
  const float row_gap =
      n > 1 ? std::clamp((bottom - y - n * (h + label_h)) / (n - 1), kLeastRowGap, c.m.gap / 2) : 0;
  for (size_t i = 0; i < specs.size(); ++i) {
    if (wide) {
      // The label at the start, the field at the end, on one row.
      const float label_width = std::round(box.width * 0.4f);
      const float field_width = box.width - label_width - c.m.gap;
      const auto label = ui.engine.layout(labels[i], {c.m.body, ui.language, ui.direction},
                                          {.max_width = label_width});
      // Aligned to the start within its box, which is drawn from its left edge.
      const float lx = i18n::at_start(c.direction(), box, label_width);
      render::draw_layout(*ImGui::GetWindowDrawList(), ui.atlas, *label,
                          ImVec2(std::round(lx), std::round(y + (h - label->height) / 2)),
                          ui.theme.text);
      const float fx = i18n::at_end(c.direction(), box, field_width);
      draw_field(s, c, specs[i], {ImVec2(fx, y), ImVec2(fx + field_width, y + h)});
    } else {
      y = std::max(note(c, labels[i], y), y + label_h);
      draw_field(s, c, specs[i], {ImVec2(box.left, y), ImVec2(box.right(), y + h)});
    }
    y += h + row_gap;
  }
  return y;
}

float form_intro(PageContext& c, std::string_view heading, std::string_view intro, float y,
                 std::span<const std::string_view> labels, float bottom) {
  const float n = static_cast<float>(labels.size());
  // As draw_form() lays its rows out at their least: 64 px each, 4 px apart,
  // and in portrait a label above each.
  const float label_h = landscape(c) ? 0 : tallest_label(c, labels);
  const float least = n * (kLeastRow + label_h) + (n - 1) * kLeastRowGap;
  const PageBlock blocks[] = {{heading, c.m.title, {}, c.m.gap / 2},
                              {intro, c.m.body, {}, c.m.gap}};
  return page_blocks(c, blocks, y, bottom - least);
}

}  // namespace staff
}  // namespace ih::kiosk
