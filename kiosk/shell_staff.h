// The shell's side of staff mode (screens/staff.h): opening it, applying
// what its pages ask for, and taking the answers of the services it started.
// The shell calls these, with the StaffState, StaffForms, settings and gate it
// owns; tests of staff mode call them as the shell does.
//
// Not thread-safe: UI thread only.
#pragma once

#include "kiosk/action.h"
#include "kiosk/screens/staff.h"
#include "kiosk/services.h"
#include "kiosk/settings.h"
#include "kiosk/staff_gate.h"

namespace ih::kiosk {

// Staff mode as it opens: at the PIN page, with a lock (or a wait) of the
// gate from before it was last closed still shown.
StaffState open_staff(const StaffGate& gate, Clock::time_point now);

// Applies a staff page's action (StaffPin, ShowStaffPage, ChangeSettings,
// LastLanguageStays, SaveSettings, Enrol, ResetPin; others are the shell's
// own and change nothing here): asks the gate, starts services through
// `services`, changes `settings`, and empties the fields whose text is used
// up. Overwrites what the action carried that was typed. `now` is the
// shell's clock.
void apply_staff(Action& action, StaffState& state, StaffForms& forms, Settings& settings,
                 StaffGate& gate, const StaffServices& services, Clock::time_point now);

// Takes the answers of an enrolment or a PIN reset that finished, and empties
// the fields they used up; true when one came (the page then needs a frame).
bool poll_staff(StaffState& state, StaffForms& forms, Clock::time_point now);

}  // namespace ih::kiosk
