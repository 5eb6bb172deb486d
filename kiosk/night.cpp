#include "kiosk/night.h"

#include <ctime>
#include <fstream>
#include <system_error>

namespace ih::kiosk {

using std::chrono::minutes;

namespace {

constexpr minutes kDay{24 * 60};
// How often a dark screen looks at the clock for the morning.
constexpr std::chrono::seconds kDarkCheck{60};

}  // namespace

std::optional<minutes> time_of_day_named(std::string_view hh_mm) {
  auto digit = [&](size_t i) { return hh_mm[i] >= '0' && hh_mm[i] <= '9'; };
  if (hh_mm.size() != 5 || hh_mm[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4))
    return std::nullopt;
  const int hours = (hh_mm[0] - '0') * 10 + (hh_mm[1] - '0');
  const int mins = (hh_mm[3] - '0') * 10 + (hh_mm[4] - '0');
  if (hours > 23 || mins > 59) return std::nullopt;
  return minutes(hours * 60 + mins);
}

bool in_dark_hours(const DarkHours& hours, minutes now) {
  if (hours.from == hours.until) return false;
  if (hours.from < hours.until) return now >= hours.from && now < hours.until;
  return now >= hours.from || now < hours.until;  // across midnight
}

minutes local_time_of_day() {
  const std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  return minutes(local.tm_hour * 60 + local.tm_min) % kDay;
}

void switch_backlights(bool on, const std::filesystem::path& sysfs_backlight) {
  std::error_code error;
  for (const auto& device : std::filesystem::directory_iterator(sysfs_backlight, error)) {
    std::ofstream power(device.path() / "bl_power");
    power << (on ? "0" : "4") << '\n';
  }
}

NightScreen::NightScreen(std::unique_ptr<Screen> inner, DarkHours hours, Clock::duration awake_for,
                         std::function<void(bool on)> backlight, NightClocks clocks)
    : inner_(std::move(inner)),
      hours_(hours),
      awake_for_(awake_for),
      backlight_(std::move(backlight)),
      clocks_(std::move(clocks)),
      last_touch_(clocks_.now()) {}

void NightScreen::draw(ScreenFrame& frame) {
  const Clock::time_point now = clocks_.now();
  const ImGuiIO& io = ImGui::GetIO();
  const bool touched = io.MouseDown[0] || io.MouseReleased[0];
  if (touched) last_touch_ = now;
  if (dark_ && touched) {
    dark_ = false;
    waking_ = true;
    backlight_(true);
  }
  // Black until the waking touch is released, its release frame included;
  // the frame after shows the screen, which saw none of it.
  const bool wake_frame = waking_;
  if (waking_) {
    waking_ = io.MouseDown[0];
    redraw_by(frame, now);
  } else if (!dark_ && now - last_touch_ >= awake_for_ &&
             in_dark_hours(hours_, clocks_.time_of_day())) {
    dark_ = true;
    backlight_(false);
  } else if (dark_ && !in_dark_hours(hours_, clocks_.time_of_day())) {
    dark_ = false;
    backlight_(true);
  }
  if (dark_ || wake_frame) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(
        origin, ImVec2(origin.x + frame.size.x, origin.y + frame.size.y), IM_COL32_BLACK);
    frame.orientation = orientation_;
    if (dark_) redraw_by(frame, now + kDarkCheck);
    return;
  }
  inner_->draw(frame);
  orientation_ = frame.orientation;
  // Look again when the screen may go dark.
  redraw_by(frame, std::max(now, last_touch_ + awake_for_));
}

}  // namespace ih::kiosk
