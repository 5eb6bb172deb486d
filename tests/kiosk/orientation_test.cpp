// A display that reports landscape while it hangs in portrait: the kiosk lays
// its screens out for the turned size and maps touches back onto them.
#include "kiosk/orientation.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <thread>

#include "kiosk/app.h"
#include "settle.h"

namespace ih::kiosk {
namespace {

TEST(OrientationTest, OnlyAWindowTheOtherWayRoundIsTurned) {
  EXPECT_FALSE(turned(Orientation::Auto, ImVec2(1920, 1080)));
  EXPECT_FALSE(turned(Orientation::Landscape, ImVec2(1920, 1080)));
  EXPECT_TRUE(turned(Orientation::Portrait, ImVec2(1920, 1080)));
  EXPECT_FALSE(turned(Orientation::Portrait, ImVec2(1080, 1920)));
  EXPECT_TRUE(turned(Orientation::Landscape, ImVec2(1080, 1920)));
  const ImVec2 size = content_size(ImVec2(1920, 1080), true);
  EXPECT_EQ(size.x, 1080);
  EXPECT_EQ(size.y, 1920);
}

TEST(OrientationTest, TouchesMapOntoTheTurnedPicture) {
  // Turned a quarter clockwise, the content's top-left corner is the window's
  // top-right one, and its bottom-left the window's top-left.
  const ImVec2 window(1920, 1080);
  const ImVec2 top_left = to_content(ImVec2(1919, 0), window);
  EXPECT_NEAR(top_left.x, 0, 1e-3);
  EXPECT_NEAR(top_left.y, 1, 1e-3);
  const ImVec2 bottom_left = to_content(ImVec2(0, 0), window);
  EXPECT_NEAR(bottom_left.x, 0, 1e-3);
  EXPECT_NEAR(bottom_left.y, 1920, 1e-3);
  const ImVec2 top_right = to_content(ImVec2(1920, 1080), window);
  EXPECT_NEAR(top_right.x, 1080, 1e-3);
  EXPECT_NEAR(top_right.y, 0, 1e-3);
}

// A screen that wants portrait and remembers the size it was given.
struct PortraitProbe : Screen {
  void draw(ScreenFrame& frame) override {
    frame.orientation = Orientation::Portrait;
    size = frame.size;
  }
  ImVec2 size{0, 0};
};

TEST(OrientationTest, TheAppLaysAPortraitScreenOutTurnedOnALandscapeWindow) {
  setenv("SDL_VIDEODRIVER", "dummy", 1);
  AppConfig config;
  config.fullscreen = false;
  config.width = 640;
  config.height = 400;
  config.ui = {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "de"};
  auto probe = std::make_unique<PortraitProbe>();
  PortraitProbe& seen = *probe;
  App::Result made = App::create(config, std::move(probe));
  ASSERT_TRUE(made.app) << made.error;
  std::thread watcher([&] {
    testing::settle(*made.app);
    made.app->quit();
  });
  made.app->run();
  watcher.join();
  EXPECT_EQ(seen.size.x, 400);
  EXPECT_EQ(seen.size.y, 640);
}

}  // namespace
}  // namespace ih::kiosk
