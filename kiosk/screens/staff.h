// Staff mode: what social workers and volunteers at the desk do at the
// terminal, behind the staff PIN. A self-contained part of the shell: the shell
// makes a StaffMode when staff mode opens, draws it in place of its pages until
// it returns an exit, and then wipes and destroys it.
//
//   PIN       the staff PIN on the number pad, masked; the StaffGate (owned by
//             the shell for the kiosk's whole life, so closing staff mode does
//             not reset the count) rate-limits it and locks after
//             Settings::staff_attempts wrong PINs in a row
//   menu      the terminal's state: online, sending or offline, items waiting,
//             the last contact with the platform, version, enrolled or not;
//             and the ways on:
//   enrol     the one-time code from the platform team and a name for the
//             terminal, typed on the on-screen keyboard; progress; the outcome
//   settings  languages the picker shows, idle and warning seconds, screen
//             orientation, large text; each change applies at once, Save
//             writes them into the configuration file
//   reset PIN the staff member's code and PIN, the person's code, their new
//             PIN twice; progress; the outcome
//   register  hands back to the shell (StaffExit::RegisterPerson), which opens
//             the profile form for the person at the staff member's side
//   leave     StaffExit::Leave
//
// Slow work (enrolment, a PIN reset, saving) goes through StaffServices, which
// the shell binds to the network layer and the configuration file and tests
// bind to fakes; StaffMode polls the futures each frame and asks for frames
// while it waits. Pages place everything at the start and the end of the line
// (i18n/direction.h), so right-to-left languages mirror, and every touch
// target is at least 64 px. Nothing typed here is logged; wipe() overwrites it.
//
// Not thread-safe: the UI thread owns it. Its text fields borrow the text
// engine of the frames it draws (render::TextField), so it must be destroyed
// before the Ui that owns that engine.
#pragma once

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/screens/page.h"
#include "kiosk/services.h"
#include "kiosk/settings.h"
#include "kiosk/staff_gate.h"

namespace ih::render {
class TextField;
}

namespace ih::kiosk {

// How staff mode ends.
enum class StaffExit {
  Leave,           // back to the attract screen
  RegisterPerson,  // the shell opens the profile form, with staff at the person's side
};

enum class StaffPage { Pin, Menu, Enrol, Settings, ResetPin };

class StaffMode {
 public:
  // `gate` checks the staff PIN; it must outlive this object (the shell keeps
  // one for the kiosk's whole life).
  explicit StaffMode(StaffGate& gate);
  ~StaffMode();  // wipes
  StaffMode(const StaffMode&) = delete;
  StaffMode& operator=(const StaffMode&) = delete;

  // Draws the current page into c.area (below the shell's status bar) and
  // handles its touches; physical keyboard input comes from c.frame.typed.
  // Staff pages keep the standard sizes (metrics(size)) whatever c.m says:
  // large text is for the people in a session.
  // Changes of the settings page apply to `settings` at once. Sets
  // c.frame.redraw_at (to the earlier of its own and what is there) while it
  // waits for a service, a lockout or a keyboard repeat, and every 2 s on the
  // menu, whose terminal state changes by itself. Returns how staff mode ends,
  // once; it has wiped itself by then.
  std::optional<StaffExit> draw(PageContext& c, Settings& settings, const StaffServices& services);

  // Overwrites every text typed here (PINs, codes, names), drops the
  // keyboards' state and forgets results, and goes back to the PIN page: what
  // the shell does when staff mode ends or the terminal sits idle. Replies of
  // services still running are dropped when they arrive.
  void wipe();

  // [SECTION] For tests
  StaffPage page() const;
  // The field called `id` (as in PageContext::controls: "staff-pin",
  // "enrol-code", "enrol-name", "reset-staff-code", "reset-staff-pin",
  // "reset-person", "reset-new-pin", "reset-repeat"), or null before the
  // first frame.
  render::TextField* field(std::string_view id);
  // The id of the field the keyboard types into; empty when it is closed.
  const std::string& focus() const;
  // The message to staff drawn in the last frame (an outcome, progress or a
  // problem, in the UI language); empty when there was none.
  const std::string& message() const;

  // Everything else, in staff.cpp.
  struct State;

 private:
  std::unique_ptr<State> s_;
};

}  // namespace ih::kiosk
