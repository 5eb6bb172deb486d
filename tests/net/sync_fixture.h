// Helpers for tests that drive the outbox and the sync engine end to end.
#pragma once

#include <chrono>
#include <functional>
#include <thread>

#include "net/sync_engine.h"
#include "tests/hub/hub_fixture.h"

namespace ih::test {

// Polls `done` every 10 ms until it holds or `seconds` pass.
inline bool eventually(const std::function<bool()>& done, double seconds = 20) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return done();
}

// Backoff short enough for tests, long enough to show it grows.
inline net::SyncOptions fast_sync() {
  net::SyncOptions options;
  options.version = "test";
  options.first_backoff_ms = 20;
  options.max_backoff_ms = 200;
  options.heartbeat_interval_ms = 500;
  return options;
}

// A sync engine for an enrolled terminal, trusting only its hub.
inline net::SyncEngine engine_for(TestHub& hub, TestHub::EnrolledTerminal& terminal) {
  return net::SyncEngine(*terminal.outbox,
                         net::pinned_config(hub.client_config(), terminal.identity),
                         terminal.identity, fast_sync());
}

}  // namespace ih::test
