// The shell in the real event loop: a page nobody touches draws no frames until
// the idle warning is due, and the warning draws one frame per second of its
// countdown, not continuously. SDL's dummy video driver, no display server.
#include <gtest/gtest.h>

#include <cstdlib>
#include <thread>

#include "kiosk/app.h"
#include "kiosk/shell.h"
#include "settle.h"

namespace ih::kiosk {
namespace {

using namespace std::chrono_literals;

AppConfig config() {
  AppConfig c;
  c.fullscreen = false;
  c.width = 1280;
  c.height = 800;
  c.ui = {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "de"};
  return c;
}

using testing::settle;

TEST(ShellIdleTest, AnUntouchedPageDrawsNothingAndTheWarningOneFramePerSecond) {
  setenv("SDL_VIDEODRIVER", "dummy", 1);
  Settings s;
  s.idle_after = 10s;
  s.warning_for = 20s;
  auto shell = std::make_unique<Shell>(ShellOptions{s, [] { return Clock::now(); }, {}});
  shell->show(Page::Home);
  Shell& watched = *shell;
  App::Result made = App::create(config(), std::move(shell));
  ASSERT_TRUE(made.app) << made.error;
  App& app = *made.app;

  uint64_t settled = 0, idle = 0, warned_at = 0, counted = 0;
  std::thread watcher([&] {
    settled = settle(app);
    std::this_thread::sleep_for(3s);
    idle = app.frames_drawn();
    // The warning comes 10 s after the start; watch 3 s of its countdown.
    std::this_thread::sleep_for(7500ms);
    warned_at = app.frames_drawn();
    std::this_thread::sleep_for(3s);
    counted = app.frames_drawn() - warned_at;
    app.quit();
  });
  app.run();
  watcher.join();

  EXPECT_EQ(idle, settled) << "frames were drawn with nothing to show";
  // Read once the loop has ended: the shell belongs to the UI thread.
  EXPECT_TRUE(watched.warning_shown());
  EXPECT_GE(counted, 2u);
  EXPECT_LE(counted, 4u) << "one frame per second of the countdown";
}

}  // namespace
}  // namespace ih::kiosk
