// The door to staff mode: a PIN checked against its Argon2id hash, rate-limited
// and locked for a while after repeated failures, so that a PIN cannot be
// guessed at the terminal.
//
// Each wrong PIN makes the next try wait one second longer than the last
// (1 s, 2 s, …); after `attempts` wrong PINs in a row the gate stays shut for
// `lockout`, whatever is typed. A right PIN resets the count. The times come
// from the caller, so tests need no waiting.
//
// Not thread-safe: the UI thread owns it. Checking a PIN costs Argon2id's
// interactive limits (about 0.1 s and 64 MiB), deliberately.
#pragma once

#include <string>
#include <string_view>

#include "kiosk/screen.h"

namespace ih::kiosk {

enum class GateVerdict {
  Open,      // the PIN is right
  Wrong,     // the PIN is wrong; tries_left more before the lockout
  Waiting,   // too soon after a wrong PIN, or locked out: not even checked
  Disabled,  // no staff PIN is configured
};

struct GateAnswer {
  GateVerdict verdict = GateVerdict::Disabled;
  int tries_left = 0;
  Clock::duration wait{};  // until the next PIN is checked
};

class StaffGate {
 public:
  StaffGate(std::string pin_hash, int attempts, Clock::duration lockout);

  GateAnswer try_pin(std::string_view pin, Clock::time_point now);
  // How long until a PIN is checked again; zero when it would be now.
  Clock::duration wait(Clock::time_point now) const;

 private:
  std::string pin_hash_;
  int attempts_;
  Clock::duration lockout_;
  int failures_ = 0;
  Clock::time_point next_try_{};
};

}  // namespace ih::kiosk
