// Readiness and the watchdog for systemd: READY=1 once, at the first frame;
// WATCHDOG=1 only from the frame loop, at most every quarter timeout.
#include "kiosk/watchdog.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ih::kiosk {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;

// A watchdog whose messages land in `sent` instead of systemd's socket.
struct Recorder {
  std::vector<std::string> sent;
  Watchdog make(std::optional<microseconds> timeout) {
    return Watchdog(timeout, [this](const std::string& m) { sent.push_back(m); });
  }
};

const Clock::time_point kStart{};

TEST(WatchdogTimeout, IsReadFromWatchdogUsecInMicroseconds) {
  EXPECT_EQ(watchdog_timeout("6000000"), microseconds(6'000'000));
}

TEST(WatchdogTimeout, IsAbsentWhenTheVariableIsMissingEmptyZeroOrNotANumber) {
  EXPECT_EQ(watchdog_timeout(nullptr), std::nullopt);
  EXPECT_EQ(watchdog_timeout(""), std::nullopt);
  EXPECT_EQ(watchdog_timeout("0"), std::nullopt);
  EXPECT_EQ(watchdog_timeout("6s"), std::nullopt);
  EXPECT_EQ(watchdog_timeout("-5"), std::nullopt);
  EXPECT_EQ(watchdog_timeout("99999999999999999999999"), std::nullopt);
}

TEST(Watchdog, NothingIsSentBeforeTheFirstFrame) {
  Recorder r;
  Watchdog w = r.make(microseconds(6'000'000));
  EXPECT_FALSE(w.ready());
  // The loop may wait idle before any frame (it does not: the first frame is
  // drawn at once); a ping then would tell systemd nothing false, but readiness
  // must wait for a picture.
  w.idle_wait_ended(kStart);
  for (const std::string& m : r.sent) EXPECT_EQ(m.find("READY=1"), std::string::npos) << m;
}

TEST(Watchdog, TheFirstPresentedFrameSendsReadyOnceAndTheFirstPing) {
  Recorder r;
  Watchdog w = r.make(microseconds(6'000'000));
  w.frame_presented(kStart);
  w.frame_presented(kStart + milliseconds(16));
  EXPECT_TRUE(w.ready());
  ASSERT_EQ(r.sent.size(), 2u);
  EXPECT_EQ(r.sent[0].rfind("READY=1\n", 0), 0u) << r.sent[0];
  EXPECT_EQ(r.sent[1], "WATCHDOG=1");
}

TEST(Watchdog, FramesPingAtMostEveryQuarterOfTheTimeout) {
  Recorder r;
  Watchdog w = r.make(microseconds(4'000'000));  // a ping at most every second
  // 60 frames a second for 3.5 s.
  for (int frame = 0; frame <= 210; ++frame)
    w.frame_presented(kStart + milliseconds(frame * 50 / 3));
  std::vector<std::string> pings;
  for (const std::string& m : r.sent)
    if (m == "WATCHDOG=1") pings.push_back(m);
  EXPECT_EQ(pings.size(), 4u) << "at 0, 1, 2 and 3 s";
}

TEST(Watchdog, AnIdleLoopPingsEachTimeItsLimitedWaitEnds) {
  Recorder r;
  Watchdog w = r.make(microseconds(6'000'000));
  EXPECT_EQ(w.idle_wait_limit(), milliseconds(1500));
  w.frame_presented(kStart);
  r.sent.clear();
  for (int wait = 1; wait <= 4; ++wait) w.idle_wait_ended(kStart + wait * w.idle_wait_limit());
  EXPECT_EQ(r.sent, std::vector<std::string>(4, "WATCHDOG=1"));
}

TEST(Watchdog, AnEventShortlyAfterAPingDoesNotPingAgain) {
  Recorder r;
  Watchdog w = r.make(microseconds(6'000'000));
  w.frame_presented(kStart);
  r.sent.clear();
  w.idle_wait_ended(kStart + milliseconds(200));
  EXPECT_TRUE(r.sent.empty());
}

TEST(Watchdog, WithoutATimeoutOnlyReadinessIsSentAndTheLoopMayWaitForever) {
  Recorder r;
  Watchdog w = r.make(std::nullopt);
  EXPECT_EQ(w.idle_wait_limit(), milliseconds(0));
  w.frame_presented(kStart);
  w.idle_wait_ended(kStart + std::chrono::hours(1));
  w.frame_presented(kStart + std::chrono::hours(2));
  ASSERT_EQ(r.sent.size(), 1u);
  EXPECT_EQ(r.sent[0].rfind("READY=1", 0), 0u);
}

}  // namespace
}  // namespace ih::kiosk
