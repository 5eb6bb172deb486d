// The language picker, the first thing a person chooses: a page like the
// others (page.h). Every language of the kiosk is a large tile with the
// language's name in itself, in its own script and direction, and under it the
// name in the current UI language for the staff who help. Releasing a tile
// returns Action::ChoseLanguage with its tag; the shell switches the whole UI
// to that language at once (the header, the digits, the direction) and goes
// on. The current language's tile has a thick border and a check mark, not
// only another colour. In a right-to-left UI language the header and the grid
// are mirrored: the first language sits at the top right.
//
// It fits 1920×1080, 1080×1920 and 1280×800 without scrolling; every tile is
// far above 64×64 pixels.
#pragma once

#include <string>
#include <vector>

#include "kiosk/screen.h"
#include "kiosk/screens/dev_view.h"
#include "kiosk/screens/page.h"

namespace ih::kiosk {

// Where a language's tile was drawn in the last frame, in screen pixels.
struct LanguageTile {
  std::string tag;
  ImVec2 min;
  ImVec2 max;
};

// The picker's widget state: the text sizes fitted to the area, the UI
// language and the languages shown (fitting lays out every name, so it is
// done again only when one of them changes), and the tiles of the last frame.
// The shell owns one; draw_languages() edits it.
struct LanguagePicker {
  struct Fit {
    ImVec2 screen{0, 0};
    std::string language;                  // the UI language it was made for
    std::vector<std::string> shown;        // the languages shown it was made for
    float name_size = 0;                   // pixels per em of the languages' own names
    float local_size = 0;                  // and of their names in the UI language
    std::vector<std::string> local_names;  // each language's name in the UI language
    // The most any name, and any name in the UI language, reaches above and
    // below its first baseline.
    float name_above = 0;
    float name_below = 0;
    float local_above = 0;
    float local_below = 0;
  };
  Fit fit;
  // The tiles of the last frame, in picker order (also in c.controls as
  // "tile-<tag>").
  std::vector<LanguageTile> tiles;
};

// Draws the picker into c.area, offering only the languages `shown` (in the
// picker's own order; empty: all). Returns ChoseLanguage with the tag of the
// tile a finger was pressed and released on, the current language's as well.
std::optional<Action> draw_languages(PageContext& c, LanguagePicker& picker,
                                     const std::vector<std::string>& shown);

// The developer view `--screen languages` (dev_view.h): the picker alone on
// the whole screen, every language offered; a tile released switches the UI
// language, and nothing else happens.
struct LanguagesView {
  std::optional<Action> draw_page(PageContext& c) { return draw_languages(c, picker, {}); }
  const std::vector<LanguageTile>& tiles() const { return picker.tiles; }
  LanguagePicker picker;
};

using LanguagesScreen = DevView<LanguagesView>;

}  // namespace ih::kiosk
