// How many PIN hashes (Argon2id) a hub computes at once. Each one holds its
// memory while it runs (64 MiB at PinCost::Interactive) and a core, and any
// stranger can ask for one by logging in with a made-up code; so the slots
// bound the memory and the cores that logins can take, and a call that finds
// no slot free within the wait is answered 503 with Retry-After rather than
// queueing without end. Thread-safe; one per Hub (state.h).
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "hub/hub.h"

namespace ih::hub {

class PinGate {
 public:
  PinGate(int slots, std::chrono::milliseconds wait) : free_(slots), wait_(wait) {}

  // crypto.h's hash_pin() in a slot. nullopt if no slot came free in time or
  // the hash ran out of memory.
  std::optional<std::string> hash(std::string_view pin, PinCost cost);
  // crypto.h's verify_pin() in a slot. nullopt if no slot came free in time.
  std::optional<bool> verify(const std::string& stored, std::string_view pin);

 private:
  bool enter();
  void leave();
  std::mutex mutex_;
  std::condition_variable freed_;
  int free_;
  std::chrono::milliseconds wait_;
};

}  // namespace ih::hub
