// Staff mode (staff.h). Index:
//   [SECTION] Constants and small helpers
//   [SECTION] State
//   [SECTION] Fields and keyboards
//   [SECTION] The PIN page
//   [SECTION] The menu
//   [SECTION] Enrolment
//   [SECTION] Settings
//   [SECTION] Resetting a PIN
//   [SECTION] StaffMode
#include "kiosk/screens/staff.h"

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <span>
#include <vector>

#include "i18n/language.h"
#include "kiosk/keyboard/keyboard.h"
#include "kiosk/keyboard/keyboard_view.h"
#include "kiosk/keyboard/layout_library.h"
#include "kiosk/keyboard/physical_keys.h"
#include "kiosk/wipe.h"
#include "render/text_draw.h"
#include "render/text_field.h"

namespace ih::kiosk {

// [SECTION] Constants and small helpers

namespace {

using i18n::msg;
using namespace std::chrono_literals;

// Longest texts, in graphemes: an enrolment code ("XXXX-XXXX-XX") or a
// personal code with some slack for spaces; a terminal's name; a staff PIN
// (the platform allows longer staff secrets than a person's 4 to 8 digits).
constexpr int32_t kMaxCode = 16;
constexpr int32_t kMaxName = 60;
constexpr int32_t kMaxStaffPin = 16;
constexpr int32_t kMaxPin = 8;

// While a service works, a frame this often shows when it is done.
constexpr Clock::duration kPoll = 100ms;
// On the menu, the terminal's state is drawn again this often.
constexpr Clock::duration kStatusRefresh = 2s;


// The values the − and + of the idle and warning times step through; a value
// from the file between two steps goes to the next one.
constexpr int64_t kIdleSteps[] = {10,  20,  30,  45,  60,   90,   120,  180, 240,
                                  300, 450, 600, 900, 1200, 1800, 2700, 3600};
constexpr int64_t kWarningSteps[] = {20, 25, 30, 40, 45, 60, 90, 120, 180, 240, 300, 450, 600};

enum class Keys { Text, Code, Pin };  // which keyboard a field takes

struct FieldSpec {
  const char* id;
  Keys keys;
  int32_t max;
};

constexpr FieldSpec kPinField{"staff-pin", Keys::Pin, kMaxStaffPin};
constexpr FieldSpec kEnrolFields[] = {{"enrol-code", Keys::Code, kMaxCode},
                                      {"enrol-name", Keys::Text, kMaxName}};
constexpr FieldSpec kResetFields[] = {{"reset-staff-code", Keys::Code, kMaxCode},
                                      {"reset-staff-pin", Keys::Pin, kMaxStaffPin},
                                      {"reset-person", Keys::Code, kMaxCode},
                                      {"reset-new-pin", Keys::Pin, kMaxPin},
                                      {"reset-repeat", Keys::Pin, kMaxPin}};

// Asks for a frame at `at`, unless one is due earlier.
void redraw_by(PageContext& c, Clock::time_point at) {
  kiosk::redraw_by(c.frame, at);
}

// "4:07": minutes and seconds, in the UI language's digits.
std::string clock_text(const i18n::Localizer& s, Clock::duration d) {
  const int64_t total = std::chrono::ceil<std::chrono::seconds>(d).count();
  const int64_t seconds = total % 60;
  const i18n::LocaleFormat& f = s.formats();
  return f.number(total / 60) + ":" + (seconds < 10 ? f.number(int64_t{0}) : "") +
         f.number(seconds);
}

Rect bottom_cell(const PageContext& c, int i, int count) {
  const i18n::Span x = i18n::cell(c.direction(), content(c), i, count, c.m.gap);
  const float bottom = c.area.max.y - c.m.margin;
  return {ImVec2(x.left, bottom - c.m.button), ImVec2(x.right(), bottom)};
}

bool landscape(const PageContext& c) {
  return c.frame.size.x > c.frame.size.y;
}

// The bottom row of a page: Back at the start (i = 0), the page's action at
// the end (i = 1). In landscape they take a quarter of the width each and the
// message to staff goes between them; in portrait, where the row is narrow,
// they share it and the message goes above.
Rect bottom_button(const PageContext& c, int i) {
  if (!landscape(c)) return bottom_cell(c, i, 2);
  const i18n::Span box = content(c);
  const float w = std::round(box.width / 4);
  const float x =
      i == 0 ? i18n::at_start(c.direction(), box, w) : i18n::at_end(c.direction(), box, w);
  const float bottom = c.area.max.y - c.m.margin;
  return {ImVec2(x, bottom - c.m.button), ImVec2(x + w, bottom)};
}

Rect message_box(const PageContext& c) {
  const i18n::Span box = content(c);
  const float bottom = c.area.max.y - c.m.margin;
  if (landscape(c)) {
    const float w = std::round(box.width / 4) + c.m.gap;
    return {ImVec2(box.left + w, bottom - c.m.button), ImVec2(box.right() - w, bottom)};
  }
  const float band = std::round(c.m.body * 2.8f);
  const float top = bottom - c.m.button - c.m.gap - band;
  return {ImVec2(box.left, top), ImVec2(box.right(), top + band)};
}

// Where a page's content must end: above the bottom row and the message.
float content_bottom(const PageContext& c) {
  return landscape(c) ? c.area.max.y - c.m.margin - c.m.button - c.m.gap
                      : message_box(c).min.y - c.m.gap / 2;
}

// A line of running text in the body size; red for an error.
float note(PageContext& c, std::string_view text, float y, bool error = false) {
  return page_text(c, text, y, c.m.body, error ? std::optional(c.frame.ui.theme.error) : std::nullopt);
}

// Pixels `text` needs on a page_button of `height`, with room around it.
float button_width(PageContext& c, std::string_view text, float height) {
  render::UiContext& ui = c.frame.ui;
  const auto layout =
      ui.engine.layout(text, {std::round(c.m.button * 0.36f), ui.language, ui.direction});
  return std::max(height * 1.5f, std::ceil(layout->width) + 2 * c.m.gap);
}

// A tile that is on or off: on, it is filled and carries a check mark at its
// end corner, so the state shows in shape and not only in colour. True when
// released over it.
bool toggle(PageContext& c, const std::string& id, std::string_view text, std::string_view language,
            bool on, Rect r) {
  render::UiContext& ui = c.frame.ui;
  c.controls[id] = r;
  ImGui::SetCursorScreenPos(r.min);
  const bool released = ImGui::InvisibleButton(id.c_str(), ImVec2(r.width(), r.height()));
  const bool held = ImGui::IsItemActive() && ImGui::IsItemHovered();
  ImDrawList& list = *ImGui::GetWindowDrawList();
  const float radius = std::round(r.height() * 0.12f);
  const ImU32 fill = held ? ui.theme.button_pressed : on ? ui.theme.button : ui.theme.background;
  render::fill_rounded_rect(list, r.min, r.max, fill, radius);
  list.AddRect(ImVec2(r.min.x + 1.5f, r.min.y + 1.5f), ImVec2(r.max.x - 1.5f, r.max.y - 1.5f),
               ui.theme.button, radius, 0, 3.0f);
  const float mark = std::round(r.height() * 0.22f);
  const bool rtl = c.direction() == i18n::Direction::Rtl;
  // Text between the start edge and the check mark's room at the end.
  const float pad = std::round(r.height() * 0.18f);
  const float room = r.width() - 2 * pad - mark - pad / 2;
  const std::string shaping = language.empty() ? ui.language : std::string(language);
  const render::Direction direction =
      i18n::is_rtl(shaping) ? render::Direction::Rtl : render::Direction::Ltr;
  float size = std::round(std::min(r.height() * 0.36f, c.m.body));
  // A long name on a narrow tile gets smaller type before it loses letters.
  const float natural = ui.engine.layout(text, {size, shaping, direction})->width;
  if (natural > room) size = std::max(16.0f, std::floor(size * room / natural));
  const auto layout =
      ui.engine.layout(text, {size, shaping, direction},
                       {.max_width = room, .align = render::Align::Center, .ellipsis = true});
  // The text's box, centred in it: from the start edge to the check mark.
  const float x = rtl ? r.max.x - pad - room : r.min.x + pad;
  const float y = std::round(r.min.y + (r.height() - layout->height) / 2);
  render::draw_layout(list, ui.atlas, *layout, ImVec2(std::round(x), y),
                      on || held ? ui.theme.button_text : ui.theme.text);
  if (on) {
    // A check mark: a short stroke down, a long one up, at the end edge.
    const float cx = rtl ? r.min.x + pad + mark / 2 : r.max.x - pad - mark / 2;
    const float cy = r.centre().y;
    const ImVec2 points[] = {ImVec2(cx - mark * 0.5f, cy),
                             ImVec2(cx - mark * 0.15f, cy + mark * 0.35f),
                             ImVec2(cx + mark * 0.5f, cy - mark * 0.4f)};
    list.AddPolyline(points, 3, ui.theme.button_text, 0, std::max(3.0f, mark * 0.16f));
  }
  return released;
}

// Keys of the code keyboard: one of a kind, as the layout files write them.
keyboard::Key type_key(const char* text) {
  keyboard::Key k;
  k.text = text;
  return k;
}
keyboard::Key action_key(keyboard::KeyAction action, float width) {
  keyboard::Key k;
  k.action = action;
  k.width = width;
  return k;
}

// Enrolment and personal codes are Crockford digits (api/personal_code.h: no
// I, L, O or U) and hyphens: all of them on one layer, so staff need not
// switch between letters and digits.
keyboard::KeyboardLayout code_layout() {
  keyboard::KeyboardLayout l;
  l.id = "code";
  l.name = "0–9 A–Z";
  l.language = "en";
  using keyboard::KeyAction;
  const char* rows[][10] = {{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"},
                            {"Q", "W", "E", "R", "T", "Y", "P", "-", nullptr, nullptr},
                            {"A", "S", "D", "F", "G", "H", "J", "K", nullptr, nullptr},
                            {"Z", "X", "C", "V", "B", "N", "M", nullptr, nullptr, nullptr}};
  for (const auto& row : rows) {
    keyboard::KeyRow keys;
    for (const char* text : row)
      if (text) keys.push_back(type_key(text));
    l.letters.rows.push_back(std::move(keys));
  }
  l.letters.rows.back().push_back(action_key(KeyAction::Backspace, 1.5f));
  l.letters.rows.push_back({action_key(KeyAction::Left, 1), action_key(KeyAction::Right, 1),
                            action_key(KeyAction::Done, 2)});
  return l;
}

}  // namespace

// [SECTION] State

struct StaffMode::State {
  explicit State(StaffGate& g) : gate(g) {}

  StaffGate& gate;
  StaffPage page = StaffPage::Pin;

  // Made on the first frame, which brings the text engine and the registry.
  std::unique_ptr<keyboard::LayoutLibrary> library;
  std::unique_ptr<keyboard::Keyboard> text_keys;
  std::unique_ptr<keyboard::Keyboard> code_keys;
  std::unique_ptr<keyboard::Keyboard> pin_pad;
  std::map<std::string, std::unique_ptr<render::TextField>, std::less<>> fields;
  std::string focus;  // the field the keyboard types into; empty: closed
  float field_height = 96;

  // The PIN page: the last answer of the gate, and until when it waits.
  std::optional<GateAnswer> answer;
  Clock::time_point locked_until{};
  Clock::time_point wait_until{};
  std::optional<int> tries_left;  // after a wrong PIN
  bool first_frame = true;

  // Enrolment: running, and the outcome (empty: enrolled).
  std::optional<std::future<std::string>> enrolling;
  std::optional<std::string> enrolled;
  bool enrol_incomplete = false;

  // Settings: what the last save answered (empty: saved); whether anything
  // changed since.
  std::optional<std::string> saved;
  bool changed = false;
  bool last_language = false;  // a touch tried to hide the last language shown

  // Resetting a PIN.
  enum class Check { None, Incomplete, Mismatch, BadPin };
  Check check = Check::None;
  std::optional<std::future<PinResetResult>> resetting;
  std::optional<PinResetResult> reset;
  Clock::time_point reset_at{};  // when the result came (a lock counts from there)

  std::string message;  // the message shown to staff in the last frame

  render::TextField& field(std::string_view id) { return *fields.find(id)->second; }
  keyboard::Keyboard& keys_for(Keys k) {
    return k == Keys::Pin ? *pin_pad : k == Keys::Code ? *code_keys : *text_keys;
  }
  void wipe_fields(std::span<const FieldSpec> specs) {
    for (const FieldSpec& f : specs)
      if (auto it = fields.find(f.id); it != fields.end()) it->second->wipe();
  }
  void go(StaffPage to) {
    page = to;
    focus.clear();
    for (auto* k : {text_keys.get(), code_keys.get(), pin_pad.get()})
      if (k) k->reset();
  }
};

// [SECTION] Fields and keyboards

namespace {

using State = StaffMode::State;

// A message to staff (an outcome, progress, a problem), kept for tests: at
// `y` on the PIN page, in the message box (message_box()) elsewhere.
float say_at(State& s, PageContext& c, std::string_view text, float y, bool error = false) {
  s.message = std::string(text);
  return note(c, text, y, error);
}

void say(State& s, PageContext& c, std::string_view text, bool error = false) {
  s.message = std::string(text);
  render::UiContext& ui = c.frame.ui;
  const Rect box = message_box(c);
  const float size = landscape(c) ? std::round(c.m.body * 0.85f) : c.m.body;
  const auto layout =
      ui.engine.layout(text, {size, ui.language, ui.direction},
                       {.max_width = box.width(),
                        .align = landscape(c) ? render::Align::Center : render::Align::Start});
  const float y = std::round(box.min.y + std::max(0.0f, box.height() - layout->height) / 2);
  render::draw_layout(*ImGui::GetWindowDrawList(), ui.atlas, *layout, ImVec2(box.min.x, y),
                      error ? ui.theme.error : ui.theme.text);
}

void start(State& s, PageContext& c) {
  render::UiContext& ui = c.frame.ui;
  s.library = std::make_unique<keyboard::LayoutLibrary>(
      keyboard::default_keyboard_dir(), keyboard::layout_ids(c.frame.strings.registry()),
      [](const std::string& line) { SDL_Log("%s", line.c_str()); });
  s.text_keys = std::make_unique<keyboard::Keyboard>(*s.library);
  s.code_keys = std::make_unique<keyboard::Keyboard>(*s.library);
  s.code_keys->show(std::make_shared<const keyboard::KeyboardLayout>(code_layout()));
  s.pin_pad = std::make_unique<keyboard::Keyboard>(*s.library);
  s.pin_pad->show(std::make_shared<const keyboard::KeyboardLayout>(keyboard::pin_pad_layout()));

  const float unit = std::min(c.frame.size.x, c.frame.size.y);
  s.field_height = std::round(std::max(96.0f, unit * 0.1f));
  const float text_size = std::round(std::max(26.0f, unit * 0.032f));
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

// The on-screen keyboard of `keys` under the page and a physical keyboard,
// both typing into `field`; true when either says the typing is done.
bool type_into(State& s, PageContext& c, Keys keys, render::TextField& field) {
  render::UiContext& ui = c.frame.ui;
  bool done = false;
  const keyboard::PhysicalResult typed = keyboard::apply_physical(field, c.frame.typed);
  if (typed.changed) ui.needs_frame = true;
  done = typed.done;
  keyboard::Keyboard& k = s.keys_for(keys);
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

// Where the keyboard of `keys` begins, from the top of the screen.
float keyboard_top(State& s, PageContext& c, Keys keys) {
  if (keys == Keys::Text) s.text_keys->follow(c.frame.strings.info().keyboard);
  return keyboard::panel_geometry(c.frame.size, s.keys_for(keys).layout()).panel.min.y;
}

// Draws the field `f` at `r`; a touch on it focuses it.
void draw_field(State& s, PageContext& c, const FieldSpec& f, Rect r) {
  c.controls[f.id] = r;
  ImGui::SetCursorScreenPos(r.min);
  const std::string imgui_id = std::string("##") + f.id;
  if (render::text_field(c.frame.ui, imgui_id.c_str(), s.field(f.id), ImVec2(r.width(), r.height()),
                         {.focused = s.focus == f.id}))
    s.focus = f.id;
}

// A form: rows of a label and its field; a touch on a field opens its
// keyboard, and then only that field is shown, above the keyboard, until the
// keyboard's ✓ goes on to the next field (or closes after the last). Returns
// the y below the rows, or nullopt while the keyboard is open (the page then
// draws nothing else).
std::optional<float> draw_form(State& s, PageContext& c, std::span<const FieldSpec> specs,
                               std::span<const std::string_view> labels, float y, float bottom) {
  const i18n::Span box = content(c);
  const auto focused =
      std::find_if(specs.begin(), specs.end(), [&](const FieldSpec& f) { return s.focus == f.id; });
  if (focused != specs.end()) {
    const size_t i = static_cast<size_t>(focused - specs.begin());
    float top = c.area.min.y + c.m.margin;
    top = note(c, labels[i], top) + c.m.gap / 2;
    const float room = keyboard_top(s, c, focused->keys) - c.m.gap - top;
    const float h = std::max(64.0f, std::min(s.field_height, room));
    draw_field(s, c, *focused, {ImVec2(box.left, top), ImVec2(box.right(), top + h)});
    if (type_into(s, c, focused->keys, s.field(focused->id))) {
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
  const float label_h =
      wide ? 0 : ui.engine.layout("Ag", {c.m.body, ui.language, ui.direction})->height;
  const float h =
      std::clamp((bottom - y - n * label_h - (n - 1) * c.m.gap / 2) / n, 64.0f, s.field_height);
  const float row_gap =
      n > 1 ? std::clamp((bottom - y - n * (h + label_h)) / (n - 1), 4.0f, c.m.gap / 2) : 0;
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
      y = note(c, labels[i], y);
      draw_field(s, c, specs[i], {ImVec2(box.left, y), ImVec2(box.right(), y + h)});
    }
    y += h + row_gap;
  }
  return y;
}

// [SECTION] The PIN page

void submit_pin(State& s, Clock::time_point now) {
  render::TextField& field = s.field(kPinField.id);
  std::string pin = field.text();
  const GateAnswer a = s.gate.try_pin(pin, now);
  wipe(pin);
  s.answer = a;
  switch (a.verdict) {
    case GateVerdict::Open:
      field.wipe();
      s.answer.reset();
      s.tries_left.reset();
      s.go(StaffPage::Menu);
      return;
    case GateVerdict::Wrong:
      field.wipe();
      s.tries_left = a.tries_left;
      s.wait_until = now + a.wait;
      return;
    case GateVerdict::Waiting:
      // The try that used up the last attempt answers with none left; a try
      // while locked keeps the lock. Either way the PIN was not checked.
      if (a.tries_left == 0 || now < s.locked_until) {
        s.locked_until = now + a.wait;
        s.tries_left.reset();
        field.wipe();
      }
      s.wait_until = now + a.wait;
      return;
    case GateVerdict::Disabled:
      field.wipe();
      return;
  }
}

std::optional<StaffExit> draw_pin(State& s, PageContext& c) {
  const i18n::Localizer& str = c.frame.strings;
  if (s.first_frame) {
    // A lock (or a wait) from before staff mode was last closed still holds.
    if (const Clock::duration wait = s.gate.wait(c.now); wait > Clock::duration::zero())
      s.locked_until = s.wait_until = c.now + wait;
  }
  std::optional<StaffExit> exit;
  // TRANSLATORS: Heading of the staff PIN page and of the staff menu. Staff
  // are social workers and volunteers who look after the terminal.
  float y = page_heading(c, str.text(msg("Staff mode")), c.area.min.y + c.m.margin);
  // TRANSLATORS: On the staff PIN page, above the PIN field.
  y = note(c, str.text(msg("Enter the staff PIN.")), y + c.m.gap / 2) + c.m.gap;

  const i18n::Span box = content(c);
  const float h = s.field_height;
  // TRANSLATORS: Button beside the staff PIN field: check the PIN.
  const std::string_view open = str.text(msg("Open"));
  // TRANSLATORS: Button on the staff PIN page: go back without staff mode.
  const std::string_view cancel = str.text(msg("Cancel"));
  const float open_w = button_width(c, open, h);
  const float cancel_w = button_width(c, cancel, h);
  const float field_w = std::min(std::round(h * 4.5f), box.width - open_w - cancel_w - 2 * c.m.gap);
  const float fx = i18n::at_start(c.direction(), box, field_w);
  draw_field(s, c, kPinField, {ImVec2(fx, y), ImVec2(fx + field_w, y + h)});
  s.focus = kPinField.id;
  bool submit = false;
  const float ox = i18n::at_start(c.direction(), box, open_w, field_w + c.m.gap);
  if (page_button(c, "staff-open", open, {ImVec2(ox, y), ImVec2(ox + open_w, y + h)}))
    submit = true;
  const float cx = i18n::at_end(c.direction(), box, cancel_w);
  if (page_button(c, "staff-cancel", cancel, {ImVec2(cx, y), ImVec2(cx + cancel_w, y + h)}))
    exit = StaffExit::Leave;
  y += h + c.m.gap;

  if (s.answer && s.answer->verdict == GateVerdict::Disabled) {
    say_at(s, c,
           // TRANSLATORS: On the staff PIN page when the terminal's configuration
           // sets no staff PIN.
           str.text(msg("Staff mode is not set up on this terminal: its configuration has no "
                        "staff PIN.")),
           y, true);
  } else if (c.now < s.locked_until) {
    say_at(s, c,
           // TRANSLATORS: On the staff PIN page after too many wrong PINs; {time}
           // counts down in minutes and seconds, e.g. "4:59".
           str.format(msg("Too many wrong PINs. Staff mode is locked; try again in {time}."),
                      {{"time", clock_text(str, s.locked_until - c.now)}}),
           y, true);
    redraw_by(c, c.now + std::min<Clock::duration>(1s, s.locked_until - c.now));
  } else if (c.now < s.wait_until && s.answer && s.answer->verdict == GateVerdict::Waiting) {
    say_at(s, c,
           // TRANSLATORS: On the staff PIN page when a PIN was entered too soon
           // after a wrong one; {time} is minutes and seconds, e.g. "0:02".
           str.format(msg("Wait {time}, then try again."),
                      {{"time", clock_text(str, s.wait_until - c.now)}}),
           y, true);
    redraw_by(c, c.now + std::min<Clock::duration>(1s, s.wait_until - c.now));
  } else if (s.tries_left) {
    say_at(s, c,
           // TRANSLATORS: On the staff PIN page after a wrong PIN.
           str.format(msg("Wrong PIN. {tries, plural, one {# more try} other {# more tries}} "
                          "before staff mode locks."),
                      {{"tries", *s.tries_left}}),
           y, true);
  }

  if (type_into(s, c, Keys::Pin, s.field(kPinField.id))) submit = true;
  if (submit && !exit) {
    submit_pin(s, c.now);
    c.frame.ui.needs_frame = true;
  }
  return exit;
}

// [SECTION] The menu

void draw_menu(State& s, PageContext& c, const StaffServices& services,
               std::optional<StaffExit>& exit) {
  const i18n::Localizer& str = c.frame.strings;
  float y = page_heading(c, str.text(msg("Staff mode")), c.area.min.y + c.m.margin) + c.m.gap / 2;

  // The terminal's state, one fact a line.
  const std::optional<SyncStatus> status = services.status ? services.status() : std::nullopt;
  std::string_view connection;
  if (!status)
    // TRANSLATORS: Staff menu: the terminal has no network settings or is not
    // enrolled, so nothing is sent.
    connection = str.text(msg("Connection: none (nothing is sent)"));
  else if (status->state == SyncState::Online)
    // TRANSLATORS: Staff menu: the terminal reaches the platform.
    connection = str.text(msg("Connection: online"));
  else if (status->state == SyncState::Sending)
    // TRANSLATORS: Staff menu: the terminal is sending what people entered.
    connection = str.text(msg("Connection: sending"));
  else
    // TRANSLATORS: Staff menu: the terminal cannot reach the platform now.
    connection = str.text(msg("Connection: offline"));
  y = note(c, connection, y);
  if (status) {
    y = note(c, str.format(msg("Waiting to be sent: {count}"), {{"count", status->waiting}}), y);
    if (status->last_contact > 0) {
      const i18n::Timestamp then{std::chrono::seconds(status->last_contact)};
      y = note(c,
               // TRANSLATORS: Staff menu: when the platform last answered, e.g. "Last
               // contact with the platform: 5 minutes ago".
               str.format(msg("Last contact with the platform: {when}"),
                          {{"when", str.formats().relative(then, services.wall_clock())}}),
               y);
    } else {
      // TRANSLATORS: Staff menu: the platform has not answered since the
      // kiosk started.
      y = note(c, str.text(msg("Last contact with the platform: not yet")), y);
    }
  }
  if (services.version)
    // TRANSLATORS: Staff menu: the kiosk software's version, e.g. "Version: 1.4.2".
    y = note(c, str.format(msg("Version: {version}"), {{"version", services.version()}}), y);
  const bool enrolled = services.enrolled && services.enrolled();
  y = note(c,
           enrolled
               // TRANSLATORS: Staff menu: the terminal is registered with the platform.
               ? str.text(msg("This terminal is enrolled."))
               // TRANSLATORS: Staff menu: the terminal is not registered with the
               // platform yet; staff enrol it with a code from the platform team.
               : str.text(msg("This terminal is not enrolled yet.")),
           y);
  redraw_by(c, c.now + kStatusRefresh);

  // The ways on, in a grid that ends at the bottom of the page.
  struct Way {
    const char* id;
    std::string_view text;
  };
  const Way ways[] = {
      // TRANSLATORS: Staff menu button: register this terminal with the platform.
      {"menu-enrol", str.text(msg("Enrol terminal"))},
      // TRANSLATORS: Staff menu button: the terminal's settings.
      {"menu-settings", str.text(msg("Settings"))},
      // TRANSLATORS: Staff menu button: set a new PIN for a person who forgot theirs.
      {"menu-reset", str.text(msg("Reset a PIN"))},
      // TRANSLATORS: Staff menu button: make a profile for a person at the
      // staff member's side.
      {"menu-register", str.text(msg("Register someone"))},
      // TRANSLATORS: Staff menu button: close staff mode.
      {"menu-leave", str.text(msg("Leave staff mode"))},
  };
  const bool landscape = c.frame.size.x > c.frame.size.y;
  const int columns = landscape ? 3 : 1;
  const int count = static_cast<int>(std::size(ways));
  const int rows = (count + columns - 1) / columns;
  const float bottom = c.area.max.y - c.m.margin;
  const float top = std::max(y + c.m.gap, bottom - rows * c.m.button - (rows - 1) * c.m.gap);
  const float h = std::min(c.m.button, (bottom - top - (rows - 1) * c.m.gap) / rows);
  for (int i = 0; i < count; ++i) {
    const int row = i / columns;
    const i18n::Span x = i18n::cell(c.direction(), content(c), i % columns, columns, c.m.gap);
    const float t = top + static_cast<float>(row) * (h + c.m.gap);
    if (!page_button(c, ways[i].id, ways[i].text, {ImVec2(x.left, t), ImVec2(x.right(), t + h)}))
      continue;
    switch (i) {
      case 0:
        s.go(StaffPage::Enrol);
        break;
      case 1:
        s.go(StaffPage::Settings);
        break;
      case 2:
        s.go(StaffPage::ResetPin);
        break;
      case 3:
        exit = StaffExit::RegisterPerson;
        break;
      case 4:
        exit = StaffExit::Leave;
        break;
    }
    c.frame.ui.needs_frame = true;
  }
}

// [SECTION] Enrolment

void draw_enrol(State& s, PageContext& c, const StaffServices& services) {
  const i18n::Localizer& str = c.frame.strings;
  if (s.enrolling && s.enrolling->wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
    try {
      s.enrolled = s.enrolling->get();
    } catch (const std::future_error&) {
      s.enrolled = "stopped";  // the worker went away before it answered
    }
    s.enrolling.reset();
    if (s.enrolled->empty())
      s.field(kEnrolFields[0].id).wipe();  // a used code is no secret, but no use
    c.frame.ui.needs_frame = true;
  }
  // TRANSLATORS: Labels of the enrolment form's fields.
  const std::string_view labels[] = {str.text(msg("Enrolment code")),
                                     // TRANSLATORS: e.g. "Reception, hall 2".
                                     str.text(msg("Name of this terminal"))};
  float y = c.area.min.y + c.m.margin;
  if (s.focus.empty()) {
    // TRANSLATORS: Heading of the page where staff enrol the terminal.
    y = page_heading(c, str.text(msg("Enrol this terminal")), y) + c.m.gap / 2;
    y = note(c,
             // TRANSLATORS: On the enrolment page, above the form.
             str.text(msg("Type the one-time code from the platform team and a name that tells "
                          "where this terminal stands.")),
             y) +
        c.m.gap;
  }
  if (!draw_form(s, c, kEnrolFields, labels, y, content_bottom(c))) return;
  if (!services.enrol) {
    say(s, c,
        // TRANSLATORS: On the enrolment page when the configuration names no
        // platform address.
        str.text(msg("This terminal has no platform address in its configuration, so it "
                     "cannot enrol.")),
        true);
  } else if (s.enrolling) {
    // TRANSLATORS: On the enrolment page while the terminal talks to the platform.
    say(s, c, str.text(msg("Enrolling…")));
    redraw_by(c, c.now + kPoll);
  } else if (s.enrol_incomplete) {
    // TRANSLATORS: On the enrolment page when a field is empty.
    say(s, c, str.text(msg("Type the code and a name first.")), true);
  } else if (s.enrolled && s.enrolled->empty()) {
    // TRANSLATORS: On the enrolment page after it succeeded.
    say(s, c, str.text(msg("Done: this terminal is enrolled and sends what people enter.")));
  } else if (s.enrolled) {
    say(s, c,
        // TRANSLATORS: On the enrolment page after it failed; {reason} is a
        // technical category in English for the platform team, e.g. "code refused".
        str.format(msg("Enrolment failed ({reason}). Check the code, or ask the platform team for "
                       "a new one."),
                   {{"reason", *s.enrolled}}),
        true);
  }

  // TRANSLATORS: Button: back to the staff menu.
  if (page_button(c, "back", str.text(msg("Back")), bottom_button(c, 0))) {
    s.field(kEnrolFields[0].id).wipe();
    s.enrolled.reset();
    s.enrol_incomplete = false;
    s.go(StaffPage::Menu);
    c.frame.ui.needs_frame = true;
    return;
  }
  // TRANSLATORS: Button on the enrolment page: start enrolling.
  if (page_button(c, "enrol-start", str.text(msg("Enrol")), bottom_button(c, 1)) &&
      services.enrol && !s.enrolling) {
    render::TextField& code = s.field(kEnrolFields[0].id);
    render::TextField& name = s.field(kEnrolFields[1].id);
    s.enrol_incomplete = code.empty() || name.empty();
    s.enrolled.reset();
    if (!s.enrol_incomplete) {
      std::string code_text = code.text();
      const std::string name_text = name.text();
      s.enrolling = services.enrol(code_text, name_text);
      wipe(code_text);
      redraw_by(c, c.now + kPoll);
    }
    c.frame.ui.needs_frame = true;
  }
}

// [SECTION] Settings

// The next value of `steps` above (`up`) or below `value`, or `value` at the end.
int64_t step(std::span<const int64_t> steps, int64_t value, bool up) {
  if (up) {
    for (const int64_t v : steps)
      if (v > value) return v;
  } else {
    for (auto it = steps.rbegin(); it != steps.rend(); ++it)
      if (*it < value) return *it;
  }
  return value;
}

// A label in the body size over `column` at `y`; returns the y below it.
float column_label(PageContext& c, std::string_view text, i18n::Span column, float y) {
  ImGui::SetCursorScreenPos(ImVec2(column.left, y));
  render::label(c.frame.ui, text, column.width, {.size = c.m.body});
  return ImGui::GetCursorScreenPos().y;
}

// − value + on one row `h` high at `y`; true when the value changed.
bool stepper(PageContext& c, const char* id, std::chrono::seconds& value,
             std::span<const int64_t> steps, i18n::Span column, float y, float h) {
  const i18n::Localizer& str = c.frame.strings;
  render::UiContext& ui = c.frame.ui;
  const std::string minus_id = std::string(id) + "-minus";
  const std::string plus_id = std::string(id) + "-plus";
  bool changed = false;
  // − at the start, + at the end of a row as wide as the column allows, up to
  // four buttons' widths of room for the value between them.
  const float row = std::min(column.width, h * 6);
  const i18n::Span box{i18n::at_start(c.direction(), column, row), row};
  const float mx = i18n::at_start(c.direction(), box, h);
  const float px = i18n::at_end(c.direction(), box, h);
  // U+2212 MINUS SIGN: as wide as the plus, unlike a hyphen.
  if (page_button(c, minus_id.c_str(), "\u2212", {ImVec2(mx, y), ImVec2(mx + h, y + h)})) {
    value = std::chrono::seconds(step(steps, value.count(), false));
    changed = true;
  }
  if (page_button(c, plus_id.c_str(), "+", {ImVec2(px, y), ImVec2(px + h, y + h)})) {
    value = std::chrono::seconds(step(steps, value.count(), true));
    changed = true;
  }
  // TRANSLATORS: A time in seconds on the staff settings page, e.g. "90 seconds".
  const std::string text = str.format(msg("{seconds, plural, one {# second} other {# seconds}}"),
                                      {{"seconds", value.count()}});
  const auto layout = ui.engine.layout(text, {c.m.body, ui.language, ui.direction},
                                       {.max_width = row - 2 * h, .align = render::Align::Center});
  render::draw_layout(*ImGui::GetWindowDrawList(), ui.atlas, *layout,
                      ImVec2(box.left + h, std::round(y + (h - layout->height) / 2)),
                      ui.theme.text);
  return changed;
}

// Shows or hides `tag` on the picker. Empty means every language: hiding one
// lists all the others, and listing all of them empties the list again. The
// last language shown stays; false when that was refused.
bool toggle_language(Settings& settings, const std::vector<const i18n::Language*>& spoken,
                     const std::string& tag) {
  std::vector<std::string>& shown = settings.languages_shown;
  if (shown.empty())
    for (const i18n::Language* l : spoken) shown.push_back(l->tag);
  const auto it = std::find(shown.begin(), shown.end(), tag);
  if (it != shown.end()) {
    if (shown.size() == 1) return false;
    shown.erase(it);
  } else {
    // In the picker's order.
    std::vector<std::string> ordered;
    for (const i18n::Language* l : spoken)
      if (l->tag == tag || std::find(shown.begin(), shown.end(), l->tag) != shown.end())
        ordered.push_back(l->tag);
    shown = std::move(ordered);
  }
  if (shown.size() == spoken.size()) shown.clear();
  return true;
}

void draw_settings(State& s, PageContext& c, Settings& settings, const StaffServices& services) {
  const i18n::Localizer& str = c.frame.strings;
  render::UiContext& ui = c.frame.ui;
  const float y =
      // TRANSLATORS: Heading of the staff page with the terminal's settings.
      page_heading(c, str.text(msg("Terminal settings")), c.area.min.y + c.m.margin) + c.m.gap / 2;
  const i18n::Span box = content(c);
  const bool wide = landscape(c);
  const float bottom = content_bottom(c);
  // Landscape: the languages at the start, the rest at the end; portrait:
  // one under the other.
  const i18n::Span languages_column =
      wide ? i18n::cell(c.direction(), box, 0, 2, c.m.gap * 2) : box;
  const i18n::Span other_column = wide ? i18n::cell(c.direction(), box, 1, 2, c.m.gap * 2) : box;
  const float control_h = std::max(64.0f, std::round(c.m.button * 0.62f));
  const float tile_gap = std::round(c.m.gap / 2);
  const float label_gap = std::round(c.m.gap / 3);
  bool changed = false;

  // The labels are measured first: the height left is shared out after them.
  // TRANSLATORS: Staff settings: which languages the language picker offers.
  const std::string_view languages_label = str.text(msg("Languages offered"));
  // TRANSLATORS: Staff settings: seconds without a touch before the idle warning.
  const std::string_view idle_label = str.text(msg("Time without a touch before the warning"));
  // TRANSLATORS: Staff settings: seconds the idle warning counts down before
  // the session ends and everything is erased.
  const std::string_view warning_label = str.text(msg("Countdown of the warning"));
  // TRANSLATORS: Staff settings: how the screen is turned.
  const std::string_view orientation_label = str.text(msg("Screen orientation"));
  const auto height_of = [&](std::string_view text, i18n::Span column) {
    return ui.engine
        .layout(text, {c.m.body, ui.language, ui.direction}, {.max_width = column.width})
        ->height;
  };
  // Three labels and four rows of controls, without the gaps between them.
  const float others = height_of(idle_label, other_column) +
                       height_of(warning_label, other_column) +
                       height_of(orientation_label, other_column) + 3 * label_gap + 4 * control_h;

  // [The languages] in as few columns as let every tile be 64 pixels high.
  const std::vector<const i18n::Language*> spoken = str.registry().spoken();
  float ly = column_label(c, languages_label, languages_column, y) + label_gap;
  const float room = wide ? bottom - ly : bottom - ly - c.m.gap - others - 3 * c.m.gap;
  const int count = static_cast<int>(spoken.size());
  int columns = 3;
  const auto rows_of = [&](int n) { return (count + n - 1) / n; };
  while (columns < 6 && rows_of(columns) * (64 + tile_gap) - tile_gap > room) ++columns;
  const int rows = rows_of(columns);
  const float tile_h = std::clamp((room - (rows - 1) * tile_gap) / rows, 64.0f, control_h);
  for (int i = 0; i < count; ++i) {
    const i18n::Span x =
        i18n::cell(c.direction(), languages_column, i % columns, columns, tile_gap);
    const float t = ly + static_cast<float>(i / columns) * (tile_h + tile_gap);
    const std::string& tag = spoken[static_cast<size_t>(i)]->tag;
    const bool on = settings.languages_shown.empty() ||
                    std::find(settings.languages_shown.begin(), settings.languages_shown.end(),
                              tag) != settings.languages_shown.end();
    if (toggle(c, "lang-" + tag, spoken[static_cast<size_t>(i)]->name, tag, on,
               {ImVec2(x.left, t), ImVec2(x.right(), t + tile_h)})) {
      s.last_language = !toggle_language(settings, spoken, tag);
      changed = !s.last_language;
    }
  }
  ly += static_cast<float>(rows) * (tile_h + tile_gap) - tile_gap;

  // [The rest] with gaps that share out the height left.
  float oy = wide ? y : ly + c.m.gap;
  const float item_gap = std::clamp((bottom - oy - others) / 3, 4.0f, c.m.gap);
  oy = column_label(c, idle_label, other_column, oy) + label_gap;
  if (stepper(c, "idle", settings.idle_after, kIdleSteps, other_column, oy, control_h))
    changed = true;
  oy += control_h + item_gap;
  oy = column_label(c, warning_label, other_column, oy) + label_gap;
  if (stepper(c, "warning", settings.warning_for, kWarningSteps, other_column, oy, control_h))
    changed = true;
  oy += control_h + item_gap;
  oy = column_label(c, orientation_label, other_column, oy) + label_gap;
  struct Choice {
    const char* id;
    std::string_view text;
    Orientation value;
  };
  const Choice choices[] = {
      // TRANSLATORS: Screen orientation: as the display reports it.
      {"orientation-auto", str.text(msg("Automatic")), Orientation::Auto},
      // TRANSLATORS: Screen orientation: wider than high.
      {"orientation-landscape", str.text(msg("Landscape")), Orientation::Landscape},
      // TRANSLATORS: Screen orientation: higher than wide.
      {"orientation-portrait", str.text(msg("Portrait")), Orientation::Portrait},
  };
  for (int i = 0; i < 3; ++i) {
    const i18n::Span x = i18n::cell(c.direction(), other_column, i, 3, tile_gap);
    if (toggle(c, choices[i].id, choices[i].text, {}, settings.orientation == choices[i].value,
               {ImVec2(x.left, oy), ImVec2(x.right(), oy + control_h)}) &&
        settings.orientation != choices[i].value) {
      settings.orientation = choices[i].value;
      changed = true;
    }
  }
  oy += control_h + item_gap;

  // [Large text] [Reach band], side by side
  const float switch_w = std::min((other_column.width - tile_gap) / 2, control_h * 6);
  const float lx = i18n::at_start(c.direction(), other_column, switch_w);
  // TRANSLATORS: Staff settings: a switch for larger text in every session.
  if (toggle(c, "large-text", str.text(msg("Large text")), {}, settings.large_text,
             {ImVec2(lx, oy), ImVec2(lx + switch_w, oy + control_h)})) {
    settings.large_text = !settings.large_text;
    changed = true;
  }
  const float rx = i18n::at_start(c.direction(), other_column, switch_w, switch_w + tile_gap);
  // TRANSLATORS: Staff settings: a switch that keeps every button in the
  // lower part of a tall (portrait) screen, within reach of people seated.
  if (toggle(c, "reach-band", str.text(msg("Buttons low")), {}, settings.reach_band,
             {ImVec2(rx, oy), ImVec2(rx + switch_w, oy + control_h)})) {
    settings.reach_band = !settings.reach_band;
    changed = true;
  }

  if (changed) {
    s.changed = true;
    s.saved.reset();
    c.frame.ui.needs_frame = true;
  }
  if (s.last_language)
    // TRANSLATORS: Staff settings: the touch tried to hide the only language left.
    say(s, c, str.text(msg("At least one language stays on offer.")), true);
  else if (s.saved && s.saved->empty())
    // TRANSLATORS: Staff settings: after Save.
    say(s, c, str.text(msg("Saved.")));
  else if (s.saved)
    // TRANSLATORS: Staff settings: the file could not be written; {reason} is
    // technical, in English.
    say(s, c, str.format(msg("Not saved: {reason}"), {{"reason", *s.saved}}), true);
  else if (s.changed)
    // TRANSLATORS: Staff settings: changes take effect at once; Save keeps them.
    say(s, c, str.text(msg("Changes apply now. Save keeps them after a restart.")));

  if (page_button(c, "back", str.text(msg("Back")), bottom_button(c, 0))) {
    s.saved.reset();
    s.changed = false;
    s.last_language = false;
    s.go(StaffPage::Menu);
    c.frame.ui.needs_frame = true;
    return;
  }
  // TRANSLATORS: Button: write the settings into the terminal's configuration.
  if (page_button(c, "save", str.text(msg("Save")), bottom_button(c, 1))) {
    s.last_language = false;
    s.saved = services.save_settings
                  ? services.save_settings(settings)
                  // English like the reasons save_staff_settings gives.
                  : std::string("this kiosk was started without a configuration file");
    if (s.saved->empty()) s.changed = false;
    c.frame.ui.needs_frame = true;
  }
}

// [SECTION] Resetting a PIN

bool digits_only(const std::string& pin) {
  return std::all_of(pin.begin(), pin.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

void start_reset(State& s, PageContext& c, const StaffServices& services) {
  PinReset r{s.field("reset-staff-code").text(), s.field("reset-staff-pin").text(),
                  s.field("reset-person").text(), s.field("reset-new-pin").text()};
  std::string repeat = s.field("reset-repeat").text();
  s.reset.reset();
  if (r.staff_code.empty() || r.staff_pin.empty() || r.personal_code.empty() || r.new_pin.empty() ||
      repeat.empty())
    s.check = State::Check::Incomplete;
  else if (r.new_pin != repeat)
    s.check = State::Check::Mismatch;
  else if (r.new_pin.size() < 4 || r.new_pin.size() > 8 || !digits_only(r.new_pin))
    s.check = State::Check::BadPin;
  else
    s.check = State::Check::None;
  if (s.check == State::Check::None && services.reset_pin) {
    s.resetting = services.reset_pin(r);
    redraw_by(c, c.now + kPoll);
  }
  if (s.check == State::Check::Mismatch) {
    s.field("reset-new-pin").wipe();
    s.field("reset-repeat").wipe();
  }
  wipe(r);
  wipe(repeat);
}

// What the outcome of a reset says to staff.
void reset_note(State& s, PageContext& c) {
  const i18n::Localizer& str = c.frame.strings;
  switch (s.check) {
    case State::Check::Incomplete:
      // TRANSLATORS: Reset a PIN: a field is empty.
      say(s, c, str.text(msg("Fill in every field first.")), true);
      return;
    case State::Check::Mismatch:
      // TRANSLATORS: Reset a PIN: the new PIN and its repetition differ.
      say(s, c, str.text(msg("The two new PINs are not the same. Type the new PIN twice again.")),
          true);
      return;
    case State::Check::BadPin:
      // TRANSLATORS: Reset a PIN: a person's PIN has 4 to 8 digits.
      say(s, c, str.text(msg("A PIN has 4 to 8 digits.")), true);
      return;
    case State::Check::None:
      break;
  }
  if (s.resetting) {
    // TRANSLATORS: Reset a PIN: while the terminal talks to the platform.
    say(s, c, str.text(msg("Setting the new PIN…")));
    return;
  }
  if (!s.reset) return;
  switch (s.reset->error) {
    case PinResetError::None:
      // TRANSLATORS: Reset a PIN: it worked.
      say(s, c, str.text(msg("Done: the person logs in with the new PIN from now on.")));
      return;
    case PinResetError::WrongStaffPin:
      // TRANSLATORS: Reset a PIN: the staff member's own code or PIN is wrong.
      say(s, c, str.text(msg("Your staff code or staff PIN is wrong.")), true);
      return;
    case PinResetError::NotStaff:
      // TRANSLATORS: Reset a PIN: the code typed as the staff code is not a staff member's.
      say(s, c, str.text(msg("This staff code does not belong to staff.")), true);
      return;
    case PinResetError::PersonNotFound:
      // TRANSLATORS: Reset a PIN: no one has the personal code typed.
      say(s, c, str.text(msg("No one has this personal code. Check it with the person.")), true);
      return;
    case PinResetError::PinRefused:
      // TRANSLATORS: Reset a PIN: the platform did not accept the new PIN.
      say(s, c, str.text(msg("The platform does not accept this PIN. Choose 4 to 8 digits.")),
          true);
      return;
    case PinResetError::Locked: {
      const Clock::duration left =
          s.reset_at + std::chrono::seconds(s.reset->retry_after_s) - c.now;
      if (left > Clock::duration::zero()) {
        say(s, c,
            // TRANSLATORS: Reset a PIN: too many wrong staff logins; {time} counts
            // down in minutes and seconds.
            str.format(msg("Too many wrong tries. Try again in {time}."),
                       {{"time", clock_text(str, left)}}),
            true);
        redraw_by(c, c.now + std::min<Clock::duration>(1s, left));
      }
      return;
    }
    case PinResetError::Offline:
      // TRANSLATORS: Reset a PIN: the platform cannot be reached.
      say(s, c, str.text(msg("The platform cannot be reached now. Try again later.")), true);
      return;
    case PinResetError::Failed:
      say(s, c,
          // TRANSLATORS: Reset a PIN: any other failure; {reason} is technical, in English.
          str.format(msg("The PIN was not changed ({reason})."),
                     {{"reason", s.reset->detail.empty() ? "failed" : s.reset->detail}}),
          true);
      return;
  }
}

void draw_reset(State& s, PageContext& c, const StaffServices& services) {
  const i18n::Localizer& str = c.frame.strings;
  if (s.resetting && s.resetting->wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
    try {
      s.reset = s.resetting->get();
    } catch (const std::future_error&) {
      s.reset = PinResetResult{PinResetError::Failed, 0, 0, "stopped"};
    }
    s.resetting.reset();
    s.reset_at = c.now;
    // The PINs are done with either way; the codes stay for a correction.
    for (const char* id : {"reset-staff-pin", "reset-new-pin", "reset-repeat"}) s.field(id).wipe();
    if (s.reset->ok()) s.field("reset-person").wipe();
    c.frame.ui.needs_frame = true;
  }
  const std::string_view labels[] = {
      // TRANSLATORS: Reset a PIN: the staff member's own code.
      str.text(msg("Your staff code")),
      // TRANSLATORS: Reset a PIN: the staff member's own PIN.
      str.text(msg("Your staff PIN")),
      // TRANSLATORS: Reset a PIN: the code of the person who needs a new PIN.
      str.text(msg("The person's code")),
      // TRANSLATORS: Reset a PIN: the person's new PIN.
      str.text(msg("New PIN")),
      // TRANSLATORS: Reset a PIN: the new PIN once more, to catch a typo.
      str.text(msg("New PIN again")),
  };
  float y = c.area.min.y + c.m.margin;
  if (s.focus.empty()) {
    // TRANSLATORS: Heading of the staff page that sets a new PIN for a person.
    y = page_heading(c, str.text(msg("Reset a PIN")), y) + c.m.gap / 2;
    y = note(c,
             // TRANSLATORS: Reset a PIN: above the form.
             str.text(msg("For a person at your side whose identity you have checked. Their "
                          "sessions end, and they log in with the new PIN.")),
             y) +
        c.m.gap;
  }
  if (!draw_form(s, c, kResetFields, labels, y, content_bottom(c))) return;
  if (!services.reset_pin)
    say(s, c,
        // TRANSLATORS: Reset a PIN: the terminal has no network, so it cannot.
        str.text(msg("This terminal has no connection to the platform, so it cannot reset "
                     "PINs.")),
        true);
  else
    reset_note(s, c);
  if (s.resetting) redraw_by(c, c.now + kPoll);

  if (page_button(c, "back", str.text(msg("Back")), bottom_button(c, 0))) {
    s.wipe_fields(kResetFields);
    s.reset.reset();
    s.check = State::Check::None;
    s.go(StaffPage::Menu);
    c.frame.ui.needs_frame = true;
    return;
  }
  // TRANSLATORS: Button: set the person's new PIN.
  if (page_button(c, "reset-start", str.text(msg("Set the new PIN")), bottom_button(c, 1)) &&
      !s.resetting) {
    start_reset(s, c, services);
    c.frame.ui.needs_frame = true;
  }
}

}  // namespace

// [SECTION] StaffMode

StaffMode::StaffMode(StaffGate& gate) : s_(std::make_unique<State>(gate)) {}

StaffMode::~StaffMode() {
  wipe();
}

std::optional<StaffExit> StaffMode::draw(PageContext& page, Settings& settings,
                                         const StaffServices& services) {
  // Always the standard sizes: large text is for the people in a session, and
  // staff pages are dense (and would jump under the finger that turns it on).
  PageContext c{page.frame, page.area, metrics(page.frame.size), page.now, page.controls};
  State& s = *s_;
  if (!s.library) start(s, c);
  s.message.clear();
  std::optional<StaffExit> exit;
  switch (s.page) {
    case StaffPage::Pin:
      exit = draw_pin(s, c);
      break;
    case StaffPage::Menu:
      draw_menu(s, c, services, exit);
      break;
    case StaffPage::Enrol:
      draw_enrol(s, c, services);
      break;
    case StaffPage::Settings:
      draw_settings(s, c, settings, services);
      break;
    case StaffPage::ResetPin:
      draw_reset(s, c, services);
      break;
  }
  s.first_frame = false;
  if (exit) {
    wipe();
    c.frame.ui.needs_frame = true;
  }
  return exit;
}

void StaffMode::wipe() {
  State& s = *s_;
  for (auto& [id, field] : s.fields) field->wipe();
  s.enrolling.reset();
  s.resetting.reset();
  s.enrolled.reset();
  s.reset.reset();
  s.saved.reset();
  s.answer.reset();
  s.tries_left.reset();
  s.check = State::Check::None;
  s.enrol_incomplete = s.changed = s.last_language = false;
  s.first_frame = true;
  s.go(StaffPage::Pin);
}

StaffPage StaffMode::page() const {
  return s_->page;
}

render::TextField* StaffMode::field(std::string_view id) {
  const auto it = s_->fields.find(id);
  return it == s_->fields.end() ? nullptr : it->second.get();
}

const std::string& StaffMode::message() const {
  return s_->message;
}

const std::string& StaffMode::focus() const {
  return s_->focus;
}

}  // namespace ih::kiosk
