// Night: dark in the configured hours once nobody touches the screen, woken
// by a touch that the screen underneath never sees.
#include "kiosk/night.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "kiosk/ui.h"

namespace ih::kiosk {
namespace {

using namespace std::chrono_literals;
using std::chrono::minutes;

TEST(DarkHours, SpanMidnightWhenTheyEndEarlierThanTheyStart) {
  const DarkHours night{22h, 6h};
  EXPECT_TRUE(in_dark_hours(night, 23h));
  EXPECT_TRUE(in_dark_hours(night, 0h));
  EXPECT_TRUE(in_dark_hours(night, 5h + 59min));
  EXPECT_FALSE(in_dark_hours(night, 6h));
  EXPECT_FALSE(in_dark_hours(night, 12h));
  EXPECT_TRUE(in_dark_hours(night, 22h));
}

TEST(DarkHours, WithinOneDayAndNeverWhenBothAreTheSame) {
  EXPECT_TRUE(in_dark_hours({1h, 5h}, 3h));
  EXPECT_FALSE(in_dark_hours({1h, 5h}, 6h));
  EXPECT_FALSE(in_dark_hours({3h, 3h}, 3h));
}

TEST(DarkHours, TimesAreWrittenHoursColonMinutes) {
  EXPECT_EQ(time_of_day_named("22:00"), minutes(22 * 60));
  EXPECT_EQ(time_of_day_named("06:05"), minutes(6 * 60 + 5));
  EXPECT_EQ(time_of_day_named("23:59"), minutes(23 * 60 + 59));
  for (const char* wrong : {"24:00", "6:00", "06:60", "0600", "", "ab:cd", "06:00 "})
    EXPECT_EQ(time_of_day_named(wrong), std::nullopt) << wrong;
}

TEST(Backlights, EveryDeviceIsPoweredDownAndUpThroughBlPower) {
  const auto sysfs =
      std::filesystem::temp_directory_path() / ("night_test_backlight_" + std::to_string(getpid()));
  for (const char* device : {"intel_backlight", "acpi_video0"})
    std::filesystem::create_directories(sysfs / device);
  auto power = [&](const char* device) {
    std::ifstream in(sysfs / device / "bl_power");
    std::string value;
    in >> value;
    return value;
  };
  switch_backlights(false, sysfs);
  EXPECT_EQ(power("intel_backlight"), "4");
  EXPECT_EQ(power("acpi_video0"), "4");
  switch_backlights(true, sysfs);
  EXPECT_EQ(power("intel_backlight"), "0");
  std::filesystem::remove_all(sysfs);
  switch_backlights(true, sysfs / "missing");  // no panel with a backlight: nothing happens
}

// The kiosk's screen under the night: counts its frames and the touches it saw.
struct Underneath : Screen {
  int frames = 0;
  int touches_seen = 0;
  void draw(ScreenFrame& frame) override {
    ++frames;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseDown[0] || io.MouseReleased[0]) ++touches_seen;
    frame.orientation = Orientation::Portrait;
  }
};

// A NightScreen over Underneath with clocks the test sets, drawn through a Ui.
class Night : public ::testing::Test {
 protected:
  Night() : ui_({std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "de"}, nullptr) {
    ui_.io().DisplaySize = ImVec2(800, 600);
    ui_.io().DeltaTime = 0.1f;
    auto inner = std::make_unique<Underneath>();
    underneath_ = inner.get();
    night_ = std::make_unique<NightScreen>(
        std::move(inner), DarkHours{22h, 6h}, kAwake, [this](bool on) { backlight_.push_back(on); },
        NightClocks{[this] { return now_; }, [this] { return time_of_day_; }});
  }
  FrameOutcome frame(bool finger_down = false) {
    ui_.io().MousePos = ImVec2(400, 300);
    ui_.io().MouseDown[0] = finger_down;
    return ui_.build_frame(*night_);
  }
  void tap() {
    frame(true);
    frame(false);
  }

  static constexpr Clock::duration kAwake = 150s;
  Ui ui_;
  Underneath* underneath_ = nullptr;
  std::unique_ptr<NightScreen> night_;
  std::vector<bool> backlight_;
  Clock::time_point now_ = Clock::time_point() + 1000h;
  minutes time_of_day_ = 12h;
};

TEST_F(Night, ByDayTheScreenIsShownHoweverLongNobodyTouchesIt) {
  frame();
  now_ += 10h;
  frame();
  EXPECT_FALSE(night_->dark());
  EXPECT_EQ(underneath_->frames, 2);
  EXPECT_TRUE(backlight_.empty());
}

TEST_F(Night, AtNightItGoesDarkOnlyWhenNobodyTouchedItForTheAwakeTime) {
  time_of_day_ = 23h;
  frame();
  now_ += kAwake - 1s;
  frame();
  EXPECT_FALSE(night_->dark()) << "a person may still be using it";
  now_ += 1s;
  const FrameOutcome dark = frame();
  EXPECT_TRUE(night_->dark());
  EXPECT_EQ(underneath_->frames, 2);
  EXPECT_EQ(backlight_, std::vector<bool>{false});
  ASSERT_TRUE(dark.redraw_at);
  EXPECT_LE(*dark.redraw_at - now_, 60s) << "it looks at the clock for the morning";
  EXPECT_EQ(dark.orientation, Orientation::Portrait) << "the screen's wish is kept";
}

TEST_F(Night, ATouchInTheDarkWakesTheScreenWhichSeesNeitherItsPressNorItsRelease) {
  time_of_day_ = 2h;
  now_ += kAwake;
  frame();
  ASSERT_TRUE(night_->dark());
  const int frames_before = underneath_->frames;
  tap();
  EXPECT_FALSE(night_->dark());
  EXPECT_EQ(underneath_->frames, frames_before) << "black until the finger is lifted";
  EXPECT_EQ(backlight_, (std::vector<bool>{false, true}));
  frame();
  EXPECT_EQ(underneath_->frames, frames_before + 1);
  EXPECT_EQ(underneath_->touches_seen, 0);
  // Awake for the awake time again, then dark.
  now_ += kAwake;
  frame();
  EXPECT_TRUE(night_->dark());
}

TEST_F(Night, TheMorningLightsTheScreenAgain) {
  time_of_day_ = 5h + 59min;
  now_ += kAwake;
  frame();
  ASSERT_TRUE(night_->dark());
  time_of_day_ = 6h;
  now_ += 60s;
  frame();
  EXPECT_FALSE(night_->dark());
  EXPECT_EQ(backlight_, (std::vector<bool>{false, true}));
}

}  // namespace
}  // namespace ih::kiosk
