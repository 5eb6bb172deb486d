// Staff mode: what social workers and volunteers at the desk do at the
// terminal, behind the staff PIN. Its pages are pages like the others
// (page.h): they read StaffState and return actions; the shell owns the
// state, applies the actions and polls the services (shell_staff.h).
//
//   PIN       the staff PIN on the number pad, masked; the StaffGate (owned by
//             the shell for the kiosk's whole life, so closing staff mode does
//             not reset the count) rate-limits it and locks after
//             Settings::staff_attempts wrong PINs in a row   (staff_pin.cpp)
//   menu      the terminal's state: online, sending or offline, items waiting,
//             the last contact with the platform, version, enrolled or not;
//             and the ways on                                 (staff_menu.cpp)
//   enrol     the one-time code from the platform team and a name for the
//             terminal, typed on the on-screen keyboard; progress; the outcome
//                                                             (staff_enrol.cpp)
//   settings  languages the picker shows, idle and warning seconds, screen
//             orientation, large text; each change applies at once, Save
//             writes them into the configuration file     (staff_settings.cpp)
//   reset PIN the staff member's code and PIN, the person's code, their new
//             PIN twice; progress; the outcome                (staff_reset.cpp)
//   register  Action::RegisterPerson: the shell opens the profile form for the
//             person at the staff member's side
//   leave     Action::LeaveStaff: the shell ends staff mode and the session
//
// What each page returns: StaffPin{pin}, ShowStaffPage{page}, ChangeSettings
// {settings}, LastLanguageStays, SaveSettings, Enrol{EnrolRequest}, ResetPin
// {PinResetRequest}, RegisterPerson, LeaveStaff (action.h).
//
// Two kinds of state, two owners:
//   StaffState  what staff mode is at: the page, the gate's last answer, the
//               services' futures and outcomes. Plain data; the shell owns it,
//               pages only read it.
//   StaffForms  the widgets' own state, as ImGui keeps it for its widgets: the
//               text typed into the fields, which field the keyboard types
//               into, the keyboards' layers, the message drawn. The shell owns
//               it too; the pages edit it as a person types (staff_form.cpp).
//
// Pages place everything at the start and the end of the line
// (i18n/direction.h), so right-to-left languages mirror, and every touch
// target is at least 64 px. Nothing typed here is logged; StaffForms::wipe()
// overwrites it.
//
// Not thread-safe: the UI thread owns both. The fields borrow the text engine
// of the frames they are drawn in (render::TextField), so StaffForms must be
// destroyed before the Ui that owns that engine.
#pragma once

#include <chrono>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/action.h"
#include "kiosk/screens/page.h"
#include "kiosk/services.h"
#include "kiosk/settings.h"
#include "kiosk/staff_gate.h"

namespace ih::render {
class TextField;
}
namespace ih::kiosk::keyboard {
class Keyboard;
}  // namespace ih::kiosk::keyboard

namespace ih::kiosk {

// Where staff mode is, and what its services answered. Owned by the shell
// while staff mode is open (open_staff() in shell_staff.h makes it); pages
// read it.
struct StaffState {
  StaffPage page = StaffPage::Pin;

  // The PIN page: the gate's last answer, and until when it waits.
  std::optional<GateAnswer> answer;
  Clock::time_point locked_until{};
  Clock::time_point wait_until{};
  std::optional<int> tries_left;  // after a wrong PIN

  // Enrolment: running, and the outcome (empty: enrolled).
  std::optional<std::future<std::string>> enrolling;
  std::optional<std::string> enrolled;
  bool enrol_incomplete = false;

  // Settings: what the last save answered (empty: saved); whether anything
  // changed since; whether a touch tried to hide the last language shown.
  std::optional<std::string> saved;
  bool changed = false;
  bool last_language = false;

  // Resetting a PIN: the form's check, the request running, its result and
  // when it came (a lock counts from there).
  enum class Check { None, Incomplete, Mismatch, BadPin };
  Check check = Check::None;
  std::optional<std::future<PinResetResult>> resetting;
  std::optional<PinResetResult> reset;
  Clock::time_point reset_at{};
};

// The widgets of staff mode: its text fields and keyboards, made on the first
// frame (which brings the text engine and the language registry).
struct StaffForms {
  StaffForms();
  ~StaffForms();  // wipes
  StaffForms(const StaffForms&) = delete;
  StaffForms& operator=(const StaffForms&) = delete;

  // The field called `id` ("staff-pin", "enrol-code", "enrol-name",
  // "reset-staff-code", "reset-staff-pin", "reset-person", "reset-new-pin",
  // "reset-repeat"; as in PageContext::controls), or null before the first
  // frame.
  render::TextField* field(std::string_view id);
  // Empties the field `id`, overwriting what was typed (none: nothing).
  void wipe_field(std::string_view id);
  // Closes the keyboard and drops its layer (a page change does).
  void close_keyboard();
  // Overwrites every text typed here and closes the keyboard.
  void wipe();

  std::unique_ptr<keyboard::Keyboard> text_keys;
  std::unique_ptr<keyboard::Keyboard> code_keys;
  std::unique_ptr<keyboard::Keyboard> pin_pad;
  std::map<std::string, std::unique_ptr<render::TextField>, std::less<>> fields;
  std::string focus;  // the id of the field the keyboard types into; empty: closed
  float field_height = 96;
  // The message to staff drawn in the last frame (an outcome, progress or a
  // problem, in the UI language); empty when there was none.
  std::string message;
};

// Draws the staff page `state.page` into c.area (below the shell's status
// bar) and returns what a touch or the physical keyboard (c.frame.typed)
// asked for. Staff pages keep the standard sizes (metrics(size)) whatever c.m
// says: large text is for the people in a session. Sets c.frame.redraw_at (to
// the earlier of its own and what is there) while it waits for a service, a
// lockout or a keyboard repeat, and every 2 s on the menu, whose terminal
// state changes by itself.
std::optional<Action> draw_staff(PageContext& c, const StaffState& state, StaffForms& forms,
                                 const Settings& settings, const StaffServices& services);

}  // namespace ih::kiosk
