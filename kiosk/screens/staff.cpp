// Staff mode's pages (staff.h): picks the page StaffState is at.
#include "kiosk/screens/staff.h"

#include "kiosk/screens/staff_pages.h"

namespace ih::kiosk {

std::optional<Action> draw_staff(PageContext& page, const StaffState& state, StaffForms& forms,
                                 const Settings& settings, const StaffServices& services) {
  // Always the standard sizes: large text is for the people in a session, and
  // staff pages are dense (and would jump under the finger that turns it on).
  PageContext c{page.frame, page.area,     metrics(page.frame.size),
                page.now,   page.controls, page.speech};
  if (!forms.text_keys) staff::make_forms(forms, c);
  forms.message.clear();
  switch (state.page) {
    case StaffPage::Pin:
      return staff::draw_pin(c, state, forms);
    case StaffPage::Menu:
      return staff::draw_menu(c, services);
    case StaffPage::Enrol:
      return staff::draw_enrol(c, state, forms, services);
    case StaffPage::Settings:
      return staff::draw_settings(c, state, forms, settings);
    case StaffPage::ResetPin:
      return staff::draw_reset(c, state, forms, services);
  }
  return std::nullopt;
}

}  // namespace ih::kiosk
