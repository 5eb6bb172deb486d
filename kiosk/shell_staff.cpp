// The shell's side of staff mode (shell_staff.h).
#include "kiosk/shell_staff.h"

#include <algorithm>

#include "kiosk/wipe.h"
#include "render/text_field.h"

namespace ih::kiosk {

namespace {

// The fields of each staff form, as the pages name them (staff_pages.h).
constexpr const char* kStaffPin = "staff-pin";
constexpr const char* kEnrolCode = "enrol-code";
constexpr const char* kResetFields[] = {"reset-staff-code", "reset-staff-pin", "reset-person",
                                        "reset-new-pin", "reset-repeat"};

void go(StaffState& s, StaffForms& forms, StaffPage to) {
  s.page = to;
  forms.close_keyboard();
}

void try_pin(StaffState& s, StaffForms& forms, StaffGate& gate, std::string& pin,
             Clock::time_point now) {
  const GateAnswer a = gate.try_pin(pin, now);
  s.answer = a;
  switch (a.verdict) {
    case GateVerdict::Open:
      forms.wipe_field(kStaffPin);
      s.answer.reset();
      s.tries_left.reset();
      go(s, forms, StaffPage::Menu);
      return;
    case GateVerdict::Wrong:
      forms.wipe_field(kStaffPin);
      s.tries_left = a.tries_left;
      s.wait_until = now + a.wait;
      return;
    case GateVerdict::Waiting:
      // The try that used up the last attempt answers with none left; a try
      // while locked keeps the lock. Either way the PIN was not checked.
      if (a.tries_left == 0 || now < s.locked_until) {
        s.locked_until = now + a.wait;
        s.tries_left.reset();
        forms.wipe_field(kStaffPin);
      }
      s.wait_until = now + a.wait;
      return;
    case GateVerdict::Disabled:
      forms.wipe_field(kStaffPin);
      return;
  }
}

// Leaving a page for the menu forgets its outcome, and the secrets typed
// into it (a name or a staff code stays for the next try).
void leave_page(StaffState& s, StaffForms& forms) {
  switch (s.page) {
    case StaffPage::Enrol:
      forms.wipe_field(kEnrolCode);
      s.enrolled.reset();
      s.enrol_incomplete = false;
      return;
    case StaffPage::Settings:
      s.saved.reset();
      s.changed = false;
      s.last_language = false;
      return;
    case StaffPage::ResetPin:
      for (const char* id : kResetFields) forms.wipe_field(id);
      s.reset.reset();
      s.check = StaffState::Check::None;
      return;
    case StaffPage::Pin:
    case StaffPage::Menu:
      return;
  }
}

void enrol(StaffState& s, EnrolRequest& r, const StaffServices& services) {
  if (!services.enrol || s.enrolling) return;
  s.enrol_incomplete = r.code.empty() || r.name.empty();
  s.enrolled.reset();
  if (!s.enrol_incomplete) s.enrolling = services.enrol(r.code, r.name);
}

bool digits_only(const std::string& pin) {
  return std::all_of(pin.begin(), pin.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

void reset_pin(StaffState& s, StaffForms& forms, const PinResetRequest& q,
               const StaffServices& services) {
  if (s.resetting) return;
  const PinReset& r = q.reset;
  s.reset.reset();
  using Check = StaffState::Check;
  if (r.staff_code.empty() || r.staff_pin.empty() || r.personal_code.empty() || r.new_pin.empty() ||
      q.repeat.empty())
    s.check = Check::Incomplete;
  else if (r.new_pin != q.repeat)
    s.check = Check::Mismatch;
  else if (r.new_pin.size() < 4 || r.new_pin.size() > 8 || !digits_only(r.new_pin))
    s.check = Check::BadPin;
  else
    s.check = Check::None;
  if (s.check == Check::None && services.reset_pin) s.resetting = services.reset_pin(r);
  if (s.check == Check::Mismatch) {
    forms.wipe_field("reset-new-pin");
    forms.wipe_field("reset-repeat");
  }
}

template <class T>
bool ready(const std::optional<std::future<T>>& f) {
  return f && f->wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

}  // namespace

StaffState open_staff(const StaffGate& gate, Clock::time_point now) {
  StaffState s;
  if (const Clock::duration wait = gate.wait(now); wait > Clock::duration::zero())
    s.locked_until = s.wait_until = now + wait;
  return s;
}

void apply_staff(Action& action, StaffState& s, StaffForms& forms, Settings& settings,
                 StaffGate& gate, const StaffServices& services, Clock::time_point now) {
  switch (action.kind) {
    case Action::StaffPin:
      try_pin(s, forms, gate, action.get<std::string>(), now);
      wipe(action.get<std::string>());
      return;
    case Action::ShowStaffPage:
      if (action.get<StaffPage>() == StaffPage::Menu) leave_page(s, forms);
      go(s, forms, action.get<StaffPage>());
      return;
    case Action::ChangeSettings:
      settings = action.get<Settings>();
      s.changed = true;
      s.last_language = false;
      s.saved.reset();
      return;
    case Action::LastLanguageStays:
      s.last_language = true;
      return;
    case Action::SaveSettings:
      s.last_language = false;
      s.saved = services.save_settings
                    ? services.save_settings(settings)
                    // English like the reasons save_staff_settings gives.
                    : std::string("this kiosk was started without a configuration file");
      if (s.saved->empty()) s.changed = false;
      return;
    case Action::Enrol: {
      EnrolRequest& r = action.get<EnrolRequest>();
      enrol(s, r, services);
      wipe(r.code);
      wipe(r.name);
      return;
    }
    case Action::ResetPin: {
      PinResetRequest& q = action.get<PinResetRequest>();
      reset_pin(s, forms, q, services);
      wipe(q.reset);
      wipe(q.repeat);
      return;
    }
    default:
      return;
  }
}

bool poll_staff(StaffState& s, StaffForms& forms, Clock::time_point now) {
  bool came = false;
  if (ready(s.enrolling)) {
    try {
      s.enrolled = s.enrolling->get();
    } catch (const std::future_error&) {
      s.enrolled = "stopped";  // the worker went away before it answered
    }
    s.enrolling.reset();
    if (s.enrolled->empty()) forms.wipe_field(kEnrolCode);  // a used code is no secret, but no use
    came = true;
  }
  if (ready(s.resetting)) {
    try {
      s.reset = s.resetting->get();
    } catch (const std::future_error&) {
      s.reset = PinResetResult{PinResetError::Failed, 0, 0, "stopped"};
    }
    s.resetting.reset();
    s.reset_at = now;
    // The PINs are done with either way; the codes stay for a correction.
    for (const char* id : {"reset-staff-pin", "reset-new-pin", "reset-repeat"})
      forms.wipe_field(id);
    if (s.reset->ok()) forms.wipe_field("reset-person");
    came = true;
  }
  return came;
}

}  // namespace ih::kiosk
