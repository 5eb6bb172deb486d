// What the next person sees: after a session ends by idle timeout, the screen
// is pixel for pixel the attract screen of a kiosk that no one has touched, so
// nothing of the person (their name, their language, a page they left open)
// shows through.
#include <gtest/gtest.h>

#include <memory>

#include "kiosk/screenshot.h"
#include "kiosk/shell.h"
#include "tests/kiosk/golden_image.h"

namespace ih::kiosk {
namespace {

using namespace std::chrono_literals;

struct Kiosk {
  explicit Kiosk(const Settings& settings, std::shared_ptr<Clock::time_point> clock) {
    auto made = OffscreenTarget::create(
        1920, 1080, {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "de"});
    EXPECT_TRUE(made.target) << made.error;
    target = std::move(made.target);
    shell = std::make_unique<Shell>(ShellOptions{settings, [clock] { return *clock; }, {}});
  }
  void frame() { target->draw(*shell); }
  void touch(const std::string& id) {
    ImGuiIO& io = target->ui().io();
    io.MousePos = shell->controls().at(id).centre();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    frame();
  }
  std::unique_ptr<OffscreenTarget> target;
  std::unique_ptr<Shell> shell;
};

TEST(PrivacyScreenTest, AfterAnIdleTimeoutTheScreenIsThatOfAnUntouchedKiosk) {
  Settings settings;
  settings.idle_after = 30s;
  settings.warning_for = 20s;
  auto clock = std::make_shared<Clock::time_point>(Clock::now());

  Kiosk used(settings, clock);
  used.frame();
  used.touch("attract");
  used.touch("tile-ar");
  used.touch("accept");
  used.shell->session().display_name = "Zuhair Qassemi-Nourbakhsh";
  used.shell->show(Page::Home);
  used.frame();
  used.frame();
  const Image with_person = used.target->read_pixels();

  *clock += settings.idle_after;
  used.frame();
  ASSERT_TRUE(used.shell->warning_shown());
  *clock += settings.warning_for;
  used.frame();
  used.frame();
  ASSERT_EQ(used.shell->page(), Page::Attract);
  const Image after = used.target->read_pixels();

  // A kiosk made at this moment, never touched.
  Kiosk fresh(settings, clock);
  fresh.frame();
  fresh.frame();
  const Image untouched = fresh.target->read_pixels();

  Image diff;
  EXPECT_GT(golden::compare(with_person, untouched, diff), 10000u)
      << "the comparison must see a page that shows a person";
  EXPECT_EQ(golden::compare(after, untouched, diff), 0u)
      << "the screen after the session differs from an untouched kiosk's";
}

}  // namespace
}  // namespace ih::kiosk
