// What staff do at a terminal that needs the platform at once: set a new PIN
// for a person they have identified at their side (the product brief's answer
// to WCAG 3.3.8: no one is locked out by a forgotten PIN).
//
// reset_pin() logs the staff member in with the terminal's credential
// (POST /v1/sessions), sets the person's new PIN
// (POST /v1/accounts/{code}/pin-reset, which also ends the person's sessions
// and lifts a login lock), and logs the staff session out again, so no staff
// session outlives the call. It answers with an error category for the screen,
// never with anything typed: PINs and codes are not logged, and the request
// bodies that held them are overwritten before they are freed.
//
// Blocking (three HTTPS calls): run it on a Background worker (background.h),
// never on the UI thread. Thread-safe as far as its HttpClient is (one per
// thread).
#pragma once

#include <cstdint>
#include <string>

#include "net/http_client.h"
#include "net/terminal.h"

namespace ih::net {

enum class PinResetError {
  None,            // the new PIN is set
  WrongStaffPin,   // the staff code or PIN is wrong (the platform counts the try)
  NotStaff,        // the code logged in, but is not a staff member's
  PersonNotFound,  // no person has this personal code (or it is mistyped)
  PinRefused,      // the new PIN is not one the platform takes (4 to 8 digits)
  Locked,          // too many wrong logins: wait retry_after_s
  Offline,         // no answer from the platform (network, TLS, timeout)
  Failed,          // any other answer: the terminal credential, a server fault
};

// A short English name of `error` for logs and tests ("wrong staff PIN", …).
const char* pin_reset_error_name(PinResetError error);

// What staff typed. Personal: the caller overwrites it when done.
struct PinReset {
  std::string staff_code;
  std::string staff_pin;
  std::string personal_code;
  std::string new_pin;
};

struct PinResetResult {
  PinResetError error = PinResetError::None;
  int64_t retry_after_s = 0;   // Locked: seconds until a login is taken again
  int64_t sessions_ended = 0;  // None: the person's sessions the reset ended
  // Failed and Offline: the problem type or transport category, for a log
  // line or a support call; never personal.
  std::string detail;
  bool ok() const { return error == PinResetError::None; }
};

// Logs the staff member in, resets the person's PIN, logs out. `now` (Unix
// seconds) reads a Retry-After that is a date.
PinResetResult reset_pin(HttpClient& client, const TerminalIdentity& identity,
                         const PinReset& reset, int64_t now);

}  // namespace ih::net
