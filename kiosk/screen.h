// A screen of the kiosk: what the application draws each frame, full-screen.
// Everything drawn is a page (page.h). A screen is what hosts pages: the
// shell (shell.h), which draws the kiosk's pages and owns their state, and
// DevView (screens/dev_view.h), which shows one developer view of --screen
// (specimen, keyboard, keyboard-pin, languages) alone.
//
// The application owns the current screen and calls draw() once per frame,
// inside a full-screen ImGui window whose cursor starts at the top-left corner.
// Screens report what they need (another frame at some time, another UI
// language); they do not reach into the network or the database.
//
// Not thread-safe: screens live on the UI thread.
#pragma once

#include <imgui.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/localizer.h"
#include "kiosk/settings.h"
#include "render/widgets.h"

namespace ih::kiosk {

using Clock = std::chrono::steady_clock;

// One thing a physical keyboard sent (staff at the terminal may plug one in):
// text as UTF-8 straight from SDL_TEXTINPUT, since ImGui's 16-bit characters
// cannot hold every code point, or a key pressed (SDL_KEYDOWN), for editing.
struct KeyboardInput {
  std::string text;  // empty for a key
  int32_t key = 0;   // SDL_Keycode; 0 for text
};

// What a screen gets for one frame, and what it asks for the next.
struct ScreenFrame {
  render::UiContext& ui;
  ImVec2 size;  // pixels
  // An animating screen sets this to when it wants its next frame, through
  // redraw_by(). Without input, a wake-up or this, no frame is drawn.
  std::optional<Clock::time_point> redraw_at;
  // The UI language's messages, numbers and dates.
  const i18n::Localizer& strings;
  // A screen sets this to change the UI language (a BCP 47 tag); it takes
  // effect from the next frame. The shell does, on a page's action; pages
  // never do.
  std::optional<std::string> switch_language;
  // What a physical keyboard sent since the last frame, in order.
  std::span<const KeyboardInput> typed = {};
  // How the screen wants to be turned (the settings'); the application
  // applies it from the next frame.
  Orientation orientation = Orientation::Auto;
};

// Asks for a frame at `at` at the latest: keeps the earlier of `at` and the
// time the frame asked for already, so one part of a screen (the idle
// countdown, a keyboard's long press, an attract animation) never overwrites
// an earlier request of another.
inline void redraw_by(ScreenFrame& frame, Clock::time_point at) {
  if (!frame.redraw_at || at < *frame.redraw_at) frame.redraw_at = at;
}

class Screen {
 public:
  virtual ~Screen() = default;
  virtual void draw(ScreenFrame& frame) = 0;
};

// The screen called `name`, or null if there is none. "shell" is the kiosk
// itself, from the attract screen on; "attract", "picker", "privacy", "start", "code",
// "home" and "idle-warning" are the shell at that page with a clock that
// stands still (for pictures and tests).
std::unique_ptr<Screen> make_screen(std::string_view name, const Settings& settings);
std::unique_ptr<Screen> make_screen(std::string_view name);

struct AccountServices;
struct StaffServices;
struct SpeechServices;
// The kiosk itself ("shell") with the network behind `accounts` (link.h),
// staff mode's services behind `staff` (screens/staff.h) and reading aloud
// behind `speech` (services.h).
std::unique_ptr<Screen> make_shell(const Settings& settings, AccountServices accounts,
                                   StaffServices staff, SpeechServices speech);

// Reading aloud that says nothing, for the pictures of make_screen() and for
// tests: pages then show the speech buttons of a terminal with audio.
SpeechServices silent_speech();

// Names make_screen() knows, for help and error messages.
std::vector<std::string_view> screen_names();

}  // namespace ih::kiosk
