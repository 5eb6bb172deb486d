// The staff PIN page (staff.h): the PIN on the number pad, masked, and what
// the gate last answered. Returns StaffPin{pin} when it is typed and
// LeaveStaff on Cancel; the shell asks the gate (shell_staff.cpp).
#include <algorithm>
#include <cmath>

#include "kiosk/screens/staff_pages.h"

namespace ih::kiosk::staff {

using i18n::msg;

std::optional<Action> draw_pin(PageContext& c, const StaffState& s, StaffForms& forms) {
  const i18n::Localizer& str = c.frame.strings;
  std::optional<Action> exit;
  const float h = forms.field_height;
  // The heading and the line under it end above the row of the field, which
  // stays clear of the number pad: drawn smaller where they would not.
  const PageBlock blocks[] = {
      // TRANSLATORS: Heading of the staff PIN page and of the staff menu. Staff
      // are social workers and volunteers who look after the terminal.
      {str.text(msg("Staff mode")), c.m.title, {}, c.m.gap / 2},
      // TRANSLATORS: On the staff PIN page, above the PIN field.
      {str.text(msg("Enter the staff PIN.")), c.m.body, {}, c.m.gap}};
  float y = page_blocks(c, blocks, c.area.min.y + c.m.margin,
                        keyboard_top(forms, c, Keys::Pin) - c.m.gap - h);

  const i18n::Span box = content(c);
  // TRANSLATORS: Button beside the staff PIN field: check the PIN.
  const std::string_view open = str.text(msg("Open"));
  // TRANSLATORS: Button on the staff PIN page: go back without staff mode.
  const std::string_view cancel = str.text(msg("Cancel"));
  const float open_w = button_width(c, open, h);
  const float cancel_w = button_width(c, cancel, h);
  const float field_w = std::min(std::round(h * 4.5f), box.width - open_w - cancel_w - 2 * c.m.gap);
  const float fx = i18n::at_start(c.direction(), box, field_w);
  draw_field(forms, c, kPinField, {ImVec2(fx, y), ImVec2(fx + field_w, y + h)});
  forms.focus = kPinField.id;
  bool submit = false;
  const float ox = i18n::at_start(c.direction(), box, open_w, field_w + c.m.gap);
  if (page_button(c, "staff-open", open, {ImVec2(ox, y), ImVec2(ox + open_w, y + h)}))
    submit = true;
  const float cx = i18n::at_end(c.direction(), box, cancel_w);
  if (page_button(c, "staff-cancel", cancel, {ImVec2(cx, y), ImVec2(cx + cancel_w, y + h)}))
    exit = Action::LeaveStaff;
  y += h + c.m.gap;

  if (s.answer && s.answer->verdict == GateVerdict::Disabled) {
    say_at(forms, c,
           // TRANSLATORS: On the staff PIN page when the terminal's configuration
           // sets no staff PIN.
           str.text(msg("Staff mode is not set up on this terminal: its configuration has no "
                        "staff PIN.")),
           y, true);
  } else if (c.now < s.locked_until) {
    say_at(forms, c,
           // TRANSLATORS: On the staff PIN page after too many wrong PINs; {time}
           // counts down in minutes and seconds, e.g. "4:59".
           str.format(msg("Too many wrong PINs. Staff mode is locked; try again in {time}."),
                      {{"time", clock_text(str, s.locked_until - c.now)}}),
           y, true);
    redraw_by(c, c.now + std::min<Clock::duration>(1s, s.locked_until - c.now));
  } else if (c.now < s.wait_until && s.answer && s.answer->verdict == GateVerdict::Waiting) {
    say_at(forms, c,
           // TRANSLATORS: On the staff PIN page when a PIN was entered too soon
           // after a wrong one; {time} is minutes and seconds, e.g. "0:02".
           str.format(msg("Wait {time}, then try again."),
                      {{"time", clock_text(str, s.wait_until - c.now)}}),
           y, true);
    redraw_by(c, c.now + std::min<Clock::duration>(1s, s.wait_until - c.now));
  } else if (s.tries_left) {
    say_at(forms, c,
           // TRANSLATORS: On the staff PIN page after a wrong PIN.
           str.format(msg("Wrong PIN. {tries, plural, one {# more try} other {# more tries}} "
                          "before staff mode locks."),
                      {{"tries", *s.tries_left}}),
           y, true);
  }

  if (type_into(forms, c, Keys::Pin, kPinField.id)) submit = true;
  if (submit && !exit) return Action{Action::StaffPin, text_of(forms, kPinField.id)};
  return exit;
}

}  // namespace ih::kiosk::staff
