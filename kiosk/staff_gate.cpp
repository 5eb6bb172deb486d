#include "kiosk/staff_gate.h"

#include <sodium.h>

#include <algorithm>

namespace ih::kiosk {

StaffGate::StaffGate(std::string pin_hash, int attempts, Clock::duration lockout)
    : pin_hash_(std::move(pin_hash)), attempts_(std::max(1, attempts)), lockout_(lockout) {}

Clock::duration StaffGate::wait(Clock::time_point now) const {
  return std::max(Clock::duration::zero(), next_try_ - now);
}

GateAnswer StaffGate::try_pin(std::string_view pin, Clock::time_point now) {
  if (pin_hash_.empty()) return {GateVerdict::Disabled, 0, {}};
  if (now < next_try_) return {GateVerdict::Waiting, attempts_ - failures_, next_try_ - now};
  if (sodium_init() >= 0 &&
      crypto_pwhash_str_verify(pin_hash_.c_str(), pin.data(), pin.size()) == 0) {
    failures_ = 0;
    next_try_ = {};
    return {GateVerdict::Open, attempts_, {}};
  }
  ++failures_;
  if (failures_ >= attempts_) {
    // The lockout ends with a fresh count, so the next person can try again.
    failures_ = 0;
    next_try_ = now + lockout_;
    return {GateVerdict::Waiting, 0, lockout_};
  }
  next_try_ = now + std::chrono::seconds(failures_);
  return {GateVerdict::Wrong, attempts_ - failures_, next_try_ - now};
}

}  // namespace ih::kiosk
