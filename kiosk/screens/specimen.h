// The `specimen` screen: one greeting in every language the kiosk speaks, each
// in its own script and direction, and lines that mix scripts (a Latin name and
// a phone number inside Arabic, Latin inside Persian, brackets around Hebrew and
// Arabic, a wrapping paragraph). For looking at the text engine's output and for
// golden-image tests. It fits landscape and portrait screens without scrolling.
#pragma once

#include <span>

#include "kiosk/screens/dev_view.h"

namespace ih::kiosk {

struct SpecimenLine {
  const char* language;  // BCP 47; chooses fonts, locale forms and direction
  const char* text;
};

// What the screen shows: a greeting per language, then the mixed lines.
std::span<const SpecimenLine> specimen_greetings();
std::span<const SpecimenLine> specimen_mixed_lines();

// The view's page (dev_view.h) and the text size it fitted.
class SpecimenView {
 public:
  std::optional<Action> draw_page(PageContext& c);

 private:
  ImVec2 fitted_for_{0, 0};  // the screen size text_size_ was chosen for
  float text_size_ = 0;
};

using SpecimenScreen = DevView<SpecimenView>;

}  // namespace ih::kiosk
