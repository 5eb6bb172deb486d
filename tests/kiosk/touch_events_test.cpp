// Touch as a person gives it: SDL finger and mouse events pushed into the real
// event loop and ImGui's real SDL backend (SDL_VIDEODRIVER=dummy), nothing
// written into ImGui's state by hand. A tap shorter than a frame still taps; a
// drag scrolls a list and touches nothing; a list that does not fit says so.
#include <SDL.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <thread>

#include "kiosk/app.h"
#include "kiosk/shell.h"
#include "settle.h"

namespace ih::kiosk {
namespace {

using testing::settle;

// The window's size; finger events are in fractions of it.
int width = 1280;
int height = 800;

AppConfig window() {
  AppConfig config;
  config.fullscreen = false;
  config.width = width;
  config.height = height;
  config.ui = {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "de"};
  return config;
}

void push_finger(uint32_t type, ImVec2 at) {
  SDL_Event e{};
  e.type = type;
  e.tfinger.touchId = 1;
  e.tfinger.fingerId = 7;
  e.tfinger.x = at.x / static_cast<float>(width);
  e.tfinger.y = at.y / static_cast<float>(height);
  e.tfinger.pressure = 1;
  SDL_PushEvent(&e);
}

// A tap: down and up pushed together, faster than any frame.
void tap(ImVec2 at) {
  push_finger(SDL_FINGERDOWN, at);
  push_finger(SDL_FINGERUP, at);
}

void push_mouse_button(uint32_t type, ImVec2 at) {
  SDL_Event e{};
  e.type = type;
  e.button.button = SDL_BUTTON_LEFT;
  e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
  e.button.x = static_cast<int>(at.x);
  e.button.y = static_cast<int>(at.y);
  SDL_PushEvent(&e);
}

// A drag with the mouse from `from`, `dy` pixels up or down, in ten moves.
void mouse_drag(ImVec2 from, float dy) {
  push_mouse_button(SDL_MOUSEBUTTONDOWN, from);
  for (int i = 1; i <= 10; ++i) {
    SDL_Event e{};
    e.type = SDL_MOUSEMOTION;
    e.motion.state = SDL_BUTTON_LMASK;
    e.motion.x = static_cast<int>(from.x);
    e.motion.y = static_cast<int>(from.y + dy * static_cast<float>(i) / 10);
    e.motion.yrel = static_cast<int>(dy / 10);
    SDL_PushEvent(&e);
  }
  push_mouse_button(SDL_MOUSEBUTTONUP, ImVec2(from.x, from.y + dy));
}

class TouchEventsTest : public ::testing::Test {
 protected:
  void SetUp() override { open(1280, 800); }

  // The profile's languages step in a window of w × h.
  void open(int w, int h) {
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    width = w;
    height = h;
    app_.reset();
    std::unique_ptr<Screen> screen = make_screen("profile-languages");
    shell_ = dynamic_cast<Shell*>(screen.get());
    ASSERT_NE(shell_, nullptr);
    App::Result made = App::create(window(), std::move(screen));
    ASSERT_TRUE(made.app) << made.error;
    app_ = std::move(made.app);
    step([] {});
  }

  // Runs the loop while `input` pushes events from another thread, until
  // everything they cause has been drawn.
  template <typename Input>
  void step(Input input) {
    std::thread watcher([&] {
      settle(*app_);
      input();
      settle(*app_);
      app_->quit();
    });
    app_->run();
    watcher.join();
  }

  Rect control(const std::string& id) const {
    const auto& controls = shell_->controls();
    const auto it = controls.find(id);
    EXPECT_NE(it, controls.end()) << id;
    return it == controls.end() ? Rect{} : it->second;
  }
  // The bottom of the language list: the Back and Next buttons stand below it.
  float list_bottom() const { return control("next").min.y; }

  Shell* shell_ = nullptr;
  std::unique_ptr<App> app_;
};

TEST_F(TouchEventsTest, AQuickTapOnAToggleTurnsItOnAndAnotherOff) {
  // Each tap's down and up come faster than a frame; neither is lost.
  const ImVec2 toggle = control("large-text").centre();
  ASSERT_FALSE(shell_->session().large_text);
  step([&] { tap(toggle); });
  EXPECT_TRUE(shell_->session().large_text);
  step([&] { tap(toggle); });
  EXPECT_FALSE(shell_->session().large_text);
}

TEST_F(TouchEventsTest, EveryLanguageFitsAtFullHdEitherWayRound) {
  // 18 languages: all on screen, the last row too (Georgian and Urdu were
  // hidden below the edge at 1920×1080).
  for (const auto& [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
    open(w, h);
    for (const char* tag : {"ka", "ur", "fr", "en"})
      EXPECT_LE(control(std::string("language-") + tag).max.y, list_bottom())
          << tag << " at " << w << "x" << h;
  }
}

TEST_F(TouchEventsTest, WithLargeTextADragOfMouseEventsScrollsTheLanguagesAndTouchesNone) {
  const ImVec2 toggle = control("large-text").centre();
  step([&] { tap(toggle); });
  ASSERT_TRUE(shell_->session().large_text);
  const std::vector<std::string> chosen = shell_->profile_form().languages();
  const Rect georgian = control("language-ka");
  ASSERT_GT(georgian.max.y, list_bottom()) << "with large text the list should not fit";

  const Rect start = control("language-uk");
  const float dy = -(georgian.max.y - list_bottom() + 20);
  step([&] { mouse_drag(start.centre(), dy); });

  EXPECT_LE(control("language-ka").max.y, list_bottom()) << "Georgian is still hidden";
  EXPECT_LT(control("language-uk").min.y, start.min.y) << "the list did not move";
  EXPECT_EQ(shell_->profile_form().languages(), chosen) << "the drag touched a tile";

  // And a tap on a tile that came into view chooses it.
  const ImVec2 georgian_now = control("language-ka").centre();
  step([&] { tap(georgian_now); });
  const std::vector<std::string>& now = shell_->profile_form().languages();
  EXPECT_NE(std::find(now.begin(), now.end(), "ka"), now.end());
}

}  // namespace
}  // namespace ih::kiosk
