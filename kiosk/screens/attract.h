// The attract screen: what a terminal shows while nobody uses it. A greeting
// in one language after another, each in its own script and direction, and
// under it, in the kiosk's default language, that a touch starts. The whole
// screen is one touch target.
//
// The greeting changes every few seconds: the page asks for a frame at the next
// change and draws nothing in between.
#pragma once

#include <span>

#include "kiosk/screens/page.h"

namespace ih::kiosk {

struct Greeting {
  const char* language;  // BCP 47
  const char* text;
};

// The greetings, in the order they are shown.
std::span<const Greeting> attract_greetings();

// How long each greeting stays.
inline constexpr std::chrono::seconds kGreetingPeriod{3};

// `since` is when the attract screen appeared; the greeting shown follows from
// the time passed since.
std::optional<Action> draw_attract(PageContext& c, Clock::time_point since);

}  // namespace ih::kiosk
