// The sync engine tells the kiosk when what it shows changes (online or not,
// what waits, what was delivered), so a screen shows it without polling, and
// stays quiet while nothing changes.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "net/sync_engine.h"
#include "tests/hub/hub_fixture.h"
#include "tests/net/sync_fixture.h"

namespace ih::test {
namespace {

using namespace std::chrono_literals;

TEST(SyncNotify, TheEngineAnnouncesDeliveryAndGoingOnlineAndThenFallsQuiet) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  ASSERT_TRUE(net::create_account(*terminal.outbox, terminal.identity,
                                  {"Amal", {"ar"}, "Leipzig", "", "2580"}, hub.now()));

  std::atomic<int> calls{0};
  std::atomic<int64_t> waiting_when_told{-1};
  net::SyncOptions options = fast_sync();
  options.heartbeat_interval_ms = 60'000;  // no heartbeat during the quiet part
  net::SyncEngine* engine_seen = nullptr;
  options.on_change = [&] {
    ++calls;
    // Called without the engine's lock: status() must not deadlock here.
    if (engine_seen) waiting_when_told = engine_seen->status().waiting;
  };
  net::SyncEngine engine(*terminal.outbox,
                         net::pinned_config(hub.client_config(), terminal.identity),
                         terminal.identity, options);
  engine_seen = &engine;
  engine.start();
  ASSERT_TRUE(eventually([&] {
    return engine.status().delivered == 1 && engine.status().state == net::SyncState::Online;
  }));
  // The last announcement came after the entry left the outbox.
  ASSERT_TRUE(eventually([&] { return waiting_when_told == 0; }));
  EXPECT_GE(calls.load(), 2);  // sending, delivered/online

  // Nothing changes: no more announcements (the engine sleeps until the
  // next heartbeat, far beyond this wait).
  const int settled = calls.load();
  std::this_thread::sleep_for(500ms);
  EXPECT_EQ(calls.load(), settled);

  // A new entry and a wake-up: announced again.
  ASSERT_TRUE(net::create_account(*terminal.outbox, terminal.identity,
                                  {"Dawit", {"ti"}, "Leipzig", "", "1357"}, hub.now()));
  engine.wake();
  EXPECT_TRUE(eventually([&] { return calls.load() > settled && engine.status().delivered == 2; }));
  engine.stop();
}

}  // namespace
}  // namespace ih::test
