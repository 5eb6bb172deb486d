// The enrolment page (staff.h): the one-time code from the platform team and
// a name for the terminal, then progress and the outcome. Returns
// Enrol{code, name}; the shell starts the enrolment and polls it
// (shell_staff.cpp).
#include <cmath>

#include "kiosk/screens/staff_pages.h"

namespace ih::kiosk::staff {

using i18n::msg;

std::optional<Action> draw_enrol(PageContext& c, const StaffState& s, StaffForms& forms,
                                 const StaffServices& services) {
  const i18n::Localizer& str = c.frame.strings;
  // TRANSLATORS: Labels of the enrolment form's fields.
  const std::string_view labels[] = {str.text(msg("Enrolment code")),
                                     // TRANSLATORS: e.g. "Reception, hall 2".
                                     str.text(msg("Name of this terminal"))};
  float y = c.area.min.y + c.m.margin;
  if (forms.focus.empty()) {
    // TRANSLATORS: Heading of the page where staff enrol the terminal.
    const std::string_view heading = str.text(msg("Enrol this terminal"));
    y = form_intro(c, heading,
                   // TRANSLATORS: On the enrolment page, above the form.
                   str.text(msg("Type the one-time code from the platform team and a name that "
                                "tells where this terminal stands.")),
                   y, labels, content_bottom(c));
  }
  if (!draw_form(forms, c, kEnrolFields, labels, y, content_bottom(c))) return std::nullopt;
  if (!services.enrol) {
    say(forms, c,
        // TRANSLATORS: On the enrolment page when the configuration names no
        // platform address.
        str.text(msg("This terminal has no platform address in its configuration, so it "
                     "cannot enrol.")),
        true);
  } else if (s.enrolling) {
    // TRANSLATORS: On the enrolment page while the terminal talks to the platform.
    say(forms, c, str.text(msg("Enrolling…")));
    redraw_by(c, c.now + kPoll);
  } else if (s.enrol_incomplete) {
    // TRANSLATORS: On the enrolment page when a field is empty.
    say(forms, c, str.text(msg("Type the code and a name first.")), true);
  } else if (s.enrolled && s.enrolled->empty()) {
    // TRANSLATORS: On the enrolment page after it succeeded.
    say(forms, c, str.text(msg("Done: this terminal is enrolled and sends what people enter.")));
  } else if (s.enrolled) {
    say(forms, c,
        // TRANSLATORS: On the enrolment page after it failed; {reason} is a
        // technical category in English for the platform team, e.g. "code refused".
        str.format(msg("Enrolment failed ({reason}). Check the code, or ask the platform team for "
                       "a new one."),
                   {{"reason", *s.enrolled}}),
        true);
  }

  // TRANSLATORS: Button: back to the staff menu.
  if (page_button(c, "back", str.text(msg("Back")), bottom_button(c, 0)))
    return Action{Action::ShowStaffPage, StaffPage::Menu};
  // TRANSLATORS: Button on the enrolment page: start enrolling.
  if (page_button(c, "enrol-start", str.text(msg("Enrol")), bottom_button(c, 1)) &&
      services.enrol && !s.enrolling)
    return Action{Action::Enrol, EnrolRequest{text_of(forms, kEnrolFields[0].id),
                                              text_of(forms, kEnrolFields[1].id)}};
  return std::nullopt;
}

}  // namespace ih::kiosk::staff
