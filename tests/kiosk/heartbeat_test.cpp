// The loop's heartbeat, which feeds systemd's watchdog (kiosk/watchdog.h):
// every presented frame beats, and an idle loop wakes to beat at least as
// often as it was asked, without drawing.
//
// The real loop runs on the test's thread with SDL's dummy video driver; a
// second thread watches and ends it.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <string>
#include <thread>

#include "kiosk/app.h"
#include "settle.h"

namespace ih::kiosk {
namespace {

using namespace std::chrono_literals;
using testing::settle;

struct Beats {
  std::atomic<uint64_t> presented{0};
  std::atomic<uint64_t> idle{0};
};

AppConfig beating(Beats& beats, std::chrono::milliseconds every) {
  AppConfig config;
  config.fullscreen = false;
  config.width = 800;
  config.height = 600;
  config.ui = {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "de"};
  config.heartbeat = [&beats](AppConfig::Beat beat) {
    ++(beat == AppConfig::Beat::FramePresented ? beats.presented : beats.idle);
  };
  config.beat_at_least_every = every;
  return config;
}

class Heartbeat : public ::testing::Test {
 protected:
  void SetUp() override { setenv("SDL_VIDEODRIVER", "dummy", 1); }
};

TEST_F(Heartbeat, EveryPresentedFrameBeats) {
  Beats beats;
  App::Result made = App::create(beating(beats, 0ms), make_screen("specimen"));
  ASSERT_TRUE(made.app) << made.error;
  App& app = *made.app;
  uint64_t frames = 0;
  std::thread watcher([&] {
    frames = settle(app);
    app.quit();
  });
  app.run();
  watcher.join();
  EXPECT_GT(frames, 0u);
  EXPECT_EQ(beats.presented.load(), app.frames_drawn());
}

TEST_F(Heartbeat, AnIdleLoopWakesToBeatAndDrawsNothing) {
  Beats beats;
  App::Result made = App::create(beating(beats, 20ms), make_screen("specimen"));
  ASSERT_TRUE(made.app) << made.error;
  App& app = *made.app;
  uint64_t settled = 0, idle_before = 0, idle_after = 0;
  std::thread watcher([&] {
    settled = settle(app);
    idle_before = beats.idle.load();
    std::this_thread::sleep_for(500ms);
    idle_after = beats.idle.load();
    app.quit();
  });
  app.run();
  watcher.join();
  // 25 waits of 20 ms at most; a loaded machine wakes late, never early.
  EXPECT_GE(idle_after - idle_before, 10u);
  EXPECT_LE(idle_after - idle_before, 26u);
  EXPECT_EQ(app.frames_drawn(), settled) << "a beat draws no frame";
}

}  // namespace
}  // namespace ih::kiosk
