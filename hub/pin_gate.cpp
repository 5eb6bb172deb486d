#include "hub/pin_gate.h"

#include "hub/crypto.h"

namespace ih::hub {

bool PinGate::enter() {
  std::unique_lock lock(mutex_);
  if (!freed_.wait_for(lock, wait_, [&] { return free_ > 0; })) return false;
  --free_;
  return true;
}

void PinGate::leave() {
  {
    std::lock_guard lock(mutex_);
    ++free_;
  }
  freed_.notify_one();
}

std::optional<std::string> PinGate::hash(std::string_view pin, PinCost cost) {
  if (!enter()) return std::nullopt;
  auto hashed = hash_pin(pin, cost);
  leave();
  return hashed;
}

std::optional<bool> PinGate::verify(const std::string& stored, std::string_view pin) {
  if (!enter()) return std::nullopt;
  const bool ok = verify_pin(stored, pin);
  leave();
  return ok;
}

}  // namespace ih::hub
