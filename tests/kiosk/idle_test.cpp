// The event-driven loop: an idle kiosk draws nothing; a wake-up from another
// thread draws exactly one frame; a screen's redraw requests are honoured, and
// stop when it stops asking. Frames are counted, not timed.
//
// The real loop runs on the test's thread with SDL's dummy video driver (no
// display server); a second thread watches, wakes and ends it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/app.h"
#include "settle.h"

namespace ih::kiosk {
namespace {

using namespace std::chrono_literals;
using testing::settle;

AppConfig test_config() {
  AppConfig config;
  config.fullscreen = false;
  config.width = 800;
  config.height = 600;
  config.ui = {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "de"};
  return config;
}

class IdleTest : public ::testing::Test {
 protected:
  void SetUp() override { setenv("SDL_VIDEODRIVER", "dummy", 1); }

  // Runs `app` here while `watch` runs on another thread; `watch` must end
  // with app.quit().
  template <typename Watch>
  void run(App& app, Watch watch) {
    std::thread watcher([&] { watch(); });
    app.run();
    watcher.join();
  }
};

TEST_F(IdleTest, NoInputNoFramesAndAWakeUpDrawsOne) {
  App::Result made = App::create(test_config(), make_screen("specimen"));
  ASSERT_TRUE(made.app) << made.error;
  App& app = *made.app;

  uint64_t settled = 0, after_idle = 0, after_wake = 0;
  run(app, [&] {
    settled = settle(app);
    std::this_thread::sleep_for(10s);
    after_idle = app.frames_drawn();
    app.wake();
    for (int i = 0; i < 500 && app.frames_drawn() == after_idle; ++i)
      std::this_thread::sleep_for(10ms);
    after_wake = settle(app);
    app.quit();
  });

  EXPECT_GE(settled, 1u);
  EXPECT_EQ(after_idle, settled) << "frames were drawn with nothing to show";
  EXPECT_EQ(after_wake, settled + 1) << "a wake-up should draw exactly one frame";
}

// Asks for its next frame 50 ms after each of its first five.
class AnimatedScreen : public Screen {
 public:
  void draw(ScreenFrame& frame) override {
    times.push_back(Clock::now());
    if (times.size() < 5) frame.redraw_at = times.back() + 50ms;
  }
  std::vector<Clock::time_point> times;  // read after run() returns
};

TEST_F(IdleTest, AScreenGetsTheFramesItAsksForAndNoMore) {
  auto screen = std::make_unique<AnimatedScreen>();
  AnimatedScreen& animated = *screen;
  App::Result made = App::create(test_config(), std::move(screen));
  ASSERT_TRUE(made.app) << made.error;
  App& app = *made.app;

  uint64_t settled = 0, later = 0;
  run(app, [&] {
    settled = settle(app);
    std::this_thread::sleep_for(500ms);
    later = app.frames_drawn();
    app.quit();
  });

  EXPECT_EQ(settled, 5u);
  EXPECT_EQ(later, settled);
  ASSERT_EQ(animated.times.size(), 5u);
  // The requested frames came no earlier than asked.
  for (size_t i = 2; i < animated.times.size(); ++i)
    EXPECT_GE(animated.times[i] - animated.times[i - 1], 50ms);
}

}  // namespace
}  // namespace ih::kiosk
