// Faults between the terminal and the hub: a proxy that drops, delays, cuts
// short and resets connections, and a hub that answers 500, 503 with
// Retry-After and 429, sometimes after it has applied the change. When the
// faults stop, every queued entry has been delivered exactly once.
#include <gtest/gtest.h>

#include <random>

#include "tests/hub/hub_fixture.h"
#include "tests/net/fault_proxy.h"
#include "tests/net/sync_fixture.h"

namespace ih::test {
namespace {

hub::Reply failure(int status, std::string retry_after = {}) {
  hub::Reply reply;
  reply.status = status;
  reply.content_type = "application/problem+json";
  reply.body = nlohmann::json{
      {"type", "https://ichhelfe.jetzt/problems/unavailable"},
      {"title", "injected"},
      {"status",
       status}}.dump();
  if (!retry_after.empty()) reply.headers.emplace_back("Retry-After", retry_after);
  // The connection ends with the failure, as it does when what failed was a
  // process on the way; the hub keeps connections alive otherwise, and the
  // fault proxy chooses its fault per connection.
  reply.headers.emplace_back("Connection", "close");
  return reply;
}

TEST(Faults, EveryQueuedEntryArrivesExactlyOnce) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);

  constexpr int kPeople = 3;
  constexpr int kRequestsEach = 10;
  for (int p = 0; p < kPeople; ++p) {
    const auto session = net::create_account(
        *terminal.outbox, terminal.identity,
        {"Person " + std::to_string(p), {"ar"}, "Dresden", "", "1111"}, hub.now());
    ASSERT_TRUE(session);
    for (int i = 0; i < kRequestsEach; ++i) {
      const nlohmann::json body = {
          {"category", "interpreting"},
          {"when", {{"part_of_day", "any"}}},
          {"town", "Dresden"},
          {"helper_language", "ar"},
          {"text", "fault " + std::to_string(p) + "-" + std::to_string(i)}};
      ASSERT_TRUE(
          net::queue_request(*terminal.outbox, terminal.identity, *session, body, hub.now()));
    }
  }
  const int64_t queued = terminal.outbox->depth();
  ASSERT_EQ(queued, kPeople * (kRequestsEach + 1));

  std::mt19937 random(12345);
  std::mutex random_mutex;
  FaultProxy proxy(hub.port(), [&] {
    std::lock_guard lock(random_mutex);
    static constexpr Fault kFaults[] = {Fault::Pass,     Fault::Pass,     Fault::Drop, Fault::Delay,
                                        Fault::Truncate, Fault::Truncate, Fault::Reset};
    return kFaults[random() % std::size(kFaults)];
  });
  // Retry-After waits are real seconds; a few of them show they are honoured
  // without making the test slow.
  std::atomic<int> slow_answers{0};
  std::atomic<int> injected{0};
  hub::set_fault_injector(
      hub.hub(), [&](const hub::Call& call, hub::FaultPhase phase) -> std::optional<hub::Reply> {
        if (call.path != "/v1/envelopes") return std::nullopt;
        std::lock_guard lock(random_mutex);
        const unsigned roll = random() % 10;
        if (phase == hub::FaultPhase::Before) {
          if (roll == 0) return ++injected, failure(500);
          if (roll == 1 && slow_answers < 2) return ++slow_answers, ++injected, failure(503, "1");
          if (roll == 2 && slow_answers < 4) return ++slow_answers, ++injected, failure(429, "1");
        } else if (roll == 3) {
          // Applied, but the terminal hears an error: it must retry, and the
          // hub must recognise the retry.
          return ++injected, failure(500);
        }
        return std::nullopt;
      });

  net::HttpConfig config = net::pinned_config(hub.client_config(proxy.port()), terminal.identity);
  config.total_timeout_ms = 2000;
  net::SyncEngine engine(*terminal.outbox, config, terminal.identity, fast_sync());
  engine.start();
  // Faults until half is through, or for at most 20 s.
  eventually([&] { return terminal.outbox->depth() <= queued / 2; }, 20);
  proxy.set_chooser([] { return Fault::Pass; });
  hub::set_fault_injector(hub.hub(), nullptr);
  engine.wake();
  ASSERT_TRUE(eventually([&] { return terminal.outbox->depth() == 0; }, 30))
      << terminal.outbox->depth() << " still queued; last error " << engine.status().last_error;
  engine.stop();

  EXPECT_GT(proxy.connections(), 1);
  EXPECT_GT(injected.load(), 0);
  EXPECT_EQ(hub::query_int(hub.hub(), "SELECT count(*) FROM accounts WHERE role = 'person'"),
            kPeople);
  EXPECT_EQ(hub::query_int(hub.hub(), "SELECT count(*) FROM requests"), kPeople * kRequestsEach);
  EXPECT_EQ(hub::query_int(hub.hub(), "SELECT count(DISTINCT text) FROM requests"),
            kPeople * kRequestsEach);
  EXPECT_EQ(engine.status().delivered, static_cast<uint64_t>(queued));
  EXPECT_EQ(engine.status().rejected, 0u);
}

TEST(Faults, RetryAfterIsHonouredEvenWhenWoken) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  ASSERT_TRUE(net::create_account(*terminal.outbox, terminal.identity,
                                  {"Wait", {"de"}, "Dresden", "", "1234"}, hub.now()));
  std::mutex mutex;
  std::vector<std::chrono::steady_clock::time_point> attempts;
  hub::set_fault_injector(
      hub.hub(), [&](const hub::Call& call, hub::FaultPhase phase) -> std::optional<hub::Reply> {
        if (call.path != "/v1/envelopes" || phase != hub::FaultPhase::Before) return std::nullopt;
        std::lock_guard lock(mutex);
        attempts.push_back(std::chrono::steady_clock::now());
        if (attempts.size() == 1) return failure(503, "2");
        return std::nullopt;
      });
  auto engine = engine_for(hub, terminal);
  engine.start();
  ASSERT_TRUE(eventually([&] { return engine.status().retry_in_ms >= 2000; }));
  EXPECT_EQ(engine.status().last_error, "server answered 503 unavailable");
  engine.wake();  // as when a person queues something: must not cut the server's wait short
  ASSERT_TRUE(eventually([&] { return engine.status().delivered == 1; }));
  engine.stop();
  std::lock_guard lock(mutex);
  ASSERT_EQ(attempts.size(), 2u);
  EXPECT_GE(attempts[1] - attempts[0], std::chrono::milliseconds(1950));
}

}  // namespace
}  // namespace ih::test
