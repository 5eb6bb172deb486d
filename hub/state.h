// The inside of a Hub (hub.h keeps it opaque): its configuration, store, keys
// and counters. Route handlers see it through CallContext (call_context.h).
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

#include "hub/hub.h"
#include "hub/pin_gate.h"
#include "hub/store.h"

namespace ih::hub {

struct Hub {
  Config config;
  std::unique_ptr<Store> store;
  std::vector<unsigned char> box_public;
  // The secret half; like fingerprint_key, the database holds it only sealed
  // with the key file (hub_keys.h).
  std::vector<unsigned char> box_secret;
  // Keys the fingerprints of idempotent requests, so the stored fingerprint of
  // a login does not reveal its PIN to whoever reads the database.
  std::vector<unsigned char> fingerprint_key;
  std::unique_ptr<PinGate> pins;
  // What a login verifies its PIN against when the code cannot log in here
  // (unknown, or a person's without a terminal): the same work, no account.
  std::string decoy_pin_hash;
  // When keep_house() is next due (housekeeping.h), Unix seconds.
  std::atomic<int64_t> housekeeping_due{0};
  std::atomic<uint64_t> applied{0};
  std::atomic<uint64_t> replayed{0};
  std::mutex fault_mutex;
  FaultInjector fault;

  int64_t now() const { return config.clock(); }
};

// Routes a call to its handler, without fault injection: handle() wraps it,
// and envelopes use it for the call they carry.
Reply dispatch(Hub& hub, const Call& call);

}  // namespace ih::hub
