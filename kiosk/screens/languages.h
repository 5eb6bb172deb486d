// The `languages` screen: the language picker, the first thing a person
// chooses. Every language of the kiosk is a large tile with the language's
// name in itself, in its own script and direction, and under it the name in the
// current UI language for the staff who help. Touching a tile (on release)
// switches the whole UI to that language at once: the header, the digits, the
// direction. The current language's tile has a thick border and a check mark,
// not only another colour. In a right-to-left UI language the header and the
// grid are mirrored: the first language sits at the top right.
//
// It fits 1920×1080, 1080×1920 and 1280×800 without scrolling; every tile is
// far above 64×64 pixels.
#pragma once

#include <string>
#include <vector>

#include "kiosk/screen.h"

namespace ih::kiosk {

// Where a language's tile was drawn in the last frame, in screen pixels.
struct LanguageTile {
  std::string tag;
  ImVec2 min;
  ImVec2 max;
};

class LanguagesScreen : public Screen {
 public:
  void draw(ScreenFrame& frame) override;

  // Offers only the languages `tags` (in the picker's own order); empty: all.
  void set_shown(const std::vector<std::string>& tags);

  // The tiles of the last frame, in picker order (for tests that touch them).
  const std::vector<LanguageTile>& tiles() const { return tiles_; }

 private:
  struct Fit {
    ImVec2 screen{0, 0};
    std::string language;                  // the UI language it was made for
    float name_size = 0;                   // pixels per em of the languages' own names
    std::vector<std::string> local_names;  // each language's name in the UI language
    // The most any name, and any name in the UI language, reaches above and
    // below its first baseline.
    float name_above = 0;
    float name_below = 0;
    float local_above = 0;
    float local_below = 0;
  };
  void fit(ScreenFrame& frame);
  std::vector<const i18n::Language*> offered(const ScreenFrame& frame) const;

  std::vector<std::string> shown_;
  Fit fit_;
  std::vector<LanguageTile> tiles_;
};

}  // namespace ih::kiosk
