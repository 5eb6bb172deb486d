// The Link tells the kiosk when something arrived in the background, so the
// next frame shows it without a touch: an enrolment's answer, the sync engine
// coming online, a login's answer (told only once the answer can be taken).
#include "kiosk/link.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

#include "tests/hub/hub_fixture.h"

namespace ih::kiosk {
namespace {

using namespace std::chrono_literals;

// Counts the Link's calls of its on_change function, from its threads.
struct Told {
  std::mutex mutex;
  std::condition_variable changed;
  int calls = 0;
  std::future<LoginOutcome> login;  // assigned under the mutex
  int login_ready_when_told = 0;

  void operator()() {
    std::lock_guard lock(mutex);
    ++calls;
    if (login.valid() && login.wait_for(0s) == std::future_status::ready) ++login_ready_when_told;
    changed.notify_all();
  }
  template <typename Done>
  bool wait(Done done) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, 20s, done);
  }
};

TEST(LinkTest, TellsWhenAnEnrolmentTheConnectionAndALoginAnswer) {
  test::TestHub hub;
  test::TempDir state;
  Told told;  // outlives the Link, whose threads call it
  Link::Opened opened = Link::open({"https://127.0.0.1:" + std::to_string(hub.port()),
                                    test::test_ca_file(), (state.path / "kiosk").string(), "test"});
  ASSERT_TRUE(opened.link) << opened.error;
  Link& link = *opened.link;
  link.on_change([&told] { told(); });

  ASSERT_EQ(link.enrol(hub.enrolment_code(), "link-test").get(), "");
  EXPECT_TRUE(told.wait([&] { return told.calls >= 1; })) << "the enrolment's answer";

  link.status();  // the UI's next frame: starts the sync engine
  ASSERT_TRUE(link.enrolled());
  int before = 0;
  {
    std::lock_guard lock(told.mutex);
    before = told.calls;
  }
  // The engine's first contact changes what the status bar shows.
  EXPECT_TRUE(told.wait([&] { return told.calls > before; })) << "the connection";
  for (int i = 0; i < 200 && link.status().state != net::SyncState::Online; ++i)
    std::this_thread::sleep_for(50ms);
  EXPECT_EQ(link.status().state, net::SyncState::Online);

  {
    std::lock_guard lock(told.mutex);
    told.login = link.login("K7Q0-18SM", "2468");
  }
  EXPECT_TRUE(told.wait([&] { return told.login_ready_when_told > 0; }))
      << "the login's answer came without a word";
  std::lock_guard lock(told.mutex);
  ASSERT_EQ(told.login.wait_for(0s), std::future_status::ready);
  EXPECT_NE(told.login.get().result, LoginOutcome::Result::LoggedIn);
}

}  // namespace
}  // namespace ih::kiosk
