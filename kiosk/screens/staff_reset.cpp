// The PIN reset page (staff.h): the staff member's code and PIN, the
// person's code, their new PIN twice, then progress and the outcome. Returns
// ResetPin with the form as typed; the shell checks it, sends it and polls
// the answer (shell_staff.cpp).
#include <algorithm>
#include <cmath>

#include "kiosk/screens/staff_pages.h"

namespace ih::kiosk::staff {

namespace {

using i18n::msg;

// What the outcome of a reset says to staff.
void reset_note(const StaffState& s, StaffForms& forms, PageContext& c) {
  const i18n::Localizer& str = c.frame.strings;
  switch (s.check) {
    case StaffState::Check::Incomplete:
      // TRANSLATORS: Reset a PIN: a field is empty.
      say(forms, c, str.text(msg("Fill in every field first.")), true);
      return;
    case StaffState::Check::Mismatch:
      say(forms, c,
          // TRANSLATORS: Reset a PIN: the new PIN and its repetition differ.
          str.text(msg("The two new PINs are not the same. Please type the new PIN in both "
                       "fields again.")),
          true);
      return;
    case StaffState::Check::BadPin:
      // TRANSLATORS: Reset a PIN: a person's PIN has 4 to 8 digits.
      say(forms, c, str.text(msg("A PIN has 4 to 8 digits.")), true);
      return;
    case StaffState::Check::None:
      break;
  }
  if (s.resetting) {
    // TRANSLATORS: Reset a PIN: while the terminal talks to the platform.
    say(forms, c, str.text(msg("Setting the new PIN…")));
    return;
  }
  if (!s.reset) return;
  switch (s.reset->error) {
    case PinResetError::None:
      // TRANSLATORS: Reset a PIN: it worked.
      say(forms, c, str.text(msg("Done: the person logs in with the new PIN from now on.")));
      return;
    case PinResetError::WrongStaffPin:
      // TRANSLATORS: Reset a PIN: the staff member's own code or PIN is wrong.
      say(forms, c, str.text(msg("Your staff code or staff PIN is wrong.")), true);
      return;
    case PinResetError::NotStaff:
      // TRANSLATORS: Reset a PIN: the code typed as the staff code is not a staff member's.
      say(forms, c, str.text(msg("This staff code does not belong to staff.")), true);
      return;
    case PinResetError::PersonNotFound:
      // TRANSLATORS: Reset a PIN: no one has the personal code typed.
      say(forms, c, str.text(msg("No one has this personal code. Check it with the person.")),
          true);
      return;
    case PinResetError::PinRefused:
      // TRANSLATORS: Reset a PIN: the platform did not accept the new PIN.
      say(forms, c, str.text(msg("The platform does not accept this PIN. Choose 4 to 8 digits.")),
          true);
      return;
    case PinResetError::Locked: {
      const Clock::duration left =
          s.reset_at + std::chrono::seconds(s.reset->retry_after_s) - c.now;
      if (left > Clock::duration::zero()) {
        say(forms, c,
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
      say(forms, c, str.text(msg("The platform cannot be reached now. Try again later.")), true);
      return;
    case PinResetError::Failed:
      say(forms, c,
          // TRANSLATORS: Reset a PIN: any other failure; {reason} is technical, in English.
          str.format(msg("The PIN was not changed ({reason})."),
                     {{"reason", s.reset->detail.empty() ? "failed" : s.reset->detail}}),
          true);
      return;
  }
}

}  // namespace

std::optional<Action> draw_reset(PageContext& c, const StaffState& s, StaffForms& forms,
                                 const StaffServices& services) {
  const i18n::Localizer& str = c.frame.strings;
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
  if (forms.focus.empty()) {
    // TRANSLATORS: Heading of the staff page that sets a new PIN for a person.
    const std::string_view heading = str.text(msg("Reset a PIN"));
    y = form_intro(c, heading,
                   // TRANSLATORS: Reset a PIN: above the form.
                   str.text(msg("For a person at your side whose identity you have checked. "
                                "Their sessions end, and they log in with the new PIN.")),
                   y, labels, content_bottom(c));
  }
  if (!draw_form(forms, c, kResetFields, labels, y, content_bottom(c))) return std::nullopt;
  if (!services.reset_pin)
    say(forms, c,
        // TRANSLATORS: Reset a PIN: the terminal has no network, so it cannot.
        str.text(msg("This terminal has no connection to the platform, so it cannot reset "
                     "PINs.")),
        true);
  else
    reset_note(s, forms, c);
  if (s.resetting) redraw_by(c, c.now + kPoll);

  if (page_button(c, "back", str.text(msg("Back")), bottom_button(c, 0)))
    return Action{Action::ShowStaffPage, StaffPage::Menu};
  // TRANSLATORS: Button: set the person's new PIN.
  if (page_button(c, "reset-start", str.text(msg("Set the new PIN")), bottom_button(c, 1)) &&
      !s.resetting)
    return Action{
        Action::ResetPin,
        PinResetRequest{{text_of(forms, "reset-staff-code"), text_of(forms, "reset-staff-pin"),
                         text_of(forms, "reset-person"), text_of(forms, "reset-new-pin")},
                        text_of(forms, "reset-repeat")}};
  return std::nullopt;
}

}  // namespace ih::kiosk::staff
