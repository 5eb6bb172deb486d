// Night: the screen goes dark during the configured hours and wakes on a touch.
//
// cage 0.1.4 has no output power management, so the kiosk darkens the screen
// itself: NightScreen wraps the kiosk's screen and, at night, once nobody has
// touched it for a while, draws black and asks for one frame a minute (the
// loop's idle waits still feed the watchdog). Where the panel has a backlight
// (/sys/class/backlight), it is switched off too, and on again at the wake.
//
// The first touch in the dark only wakes the screen: the screen underneath
// sees neither its press nor its release, so it starts no session.
//
// The hours are display.dark_from and display.dark_until in the configuration
// (config.h), local time; none: never dark. Not thread-safe: the UI thread.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/screen.h"

namespace ih::kiosk {

// The hours the screen is dark, local time in minutes after midnight: from
// `from` until `until`, across midnight when until < from.
struct DarkHours {
  std::chrono::minutes from{0};
  std::chrono::minutes until{0};
};

// "HH:MM" (00:00 to 23:59) as minutes after midnight; nullopt otherwise.
std::optional<std::chrono::minutes> time_of_day_named(std::string_view hh_mm);

// True when `now` (minutes after midnight) lies in [from, until), which may
// span midnight (22:00 to 06:00). from == until: never.
bool in_dark_hours(const DarkHours& hours, std::chrono::minutes now);

// Minutes after midnight, local time, now.
std::chrono::minutes local_time_of_day();

// The panels' backlights: bl_power of every device in `sysfs_backlight`
// (/sys/class/backlight), 0 for on and 4 (FB_BLANK_POWERDOWN) for off. Writing
// needs the group's write permission (image/rootfs's udev rule); a failure is
// ignored: the black picture remains.
void switch_backlights(bool on,
                       const std::filesystem::path& sysfs_backlight = "/sys/class/backlight");

// Where NightScreen reads the time: the real clocks, or a test's.
struct NightClocks {
  std::function<Clock::time_point()> now = Clock::now;
  std::function<std::chrono::minutes()> time_of_day = local_time_of_day;
};

class NightScreen : public Screen {
 public:
  // Shows `inner` except in the dark `hours` when nothing touched the screen
  // for `awake_for` (longer than a session's idle time and warning, so it
  // never goes dark under a person). `backlight(on)` is told each change.
  NightScreen(
      std::unique_ptr<Screen> inner, DarkHours hours, Clock::duration awake_for,
      std::function<void(bool on)> backlight = [](bool on) { switch_backlights(on); },
      NightClocks clocks = {});

  void draw(ScreenFrame& frame) override;
  bool dark() const { return dark_; }

 private:
  std::unique_ptr<Screen> inner_;
  DarkHours hours_;
  Clock::duration awake_for_;
  std::function<void(bool)> backlight_;
  NightClocks clocks_;
  Clock::time_point last_touch_;
  bool dark_ = false;
  // A touch that woke the screen, until its release: the inner screen must
  // not see it.
  bool waking_ = false;
  // The inner screen's wish, kept while it is not drawn.
  Orientation orientation_ = Orientation::Auto;
};

}  // namespace ih::kiosk
