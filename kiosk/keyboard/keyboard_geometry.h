// Where the on-screen keyboard and its keys go on a screen. Pure functions of
// the screen size and the layout; all positions are screen pixels.
//
// The keyboard is a panel along the bottom edge, as wide as the screen. Its
// height follows from the most rows any layer of the layout has, so that it does
// not jump when the person switches between letters, shift and symbols; layouts
// with syllable keys add a row on top for the syllable picker. Keys are as tall
// as the screen allows, never below 64 pixels (touch targets of at least 64×64
// at 1080p), and as wide as the longest row allows, up to a limit that keeps
// them from becoming slabs on a wide screen. A key `width` keys wide spans the
// gaps between them too, so keys of different rows line up. A number pad has
// three columns of larger keys, centred.
#pragma once

#include <imgui.h>

#include <vector>

#include "kiosk/keyboard/keyboard_layout.h"
#include "kiosk/rect.h"
#include "render/widgets.h"

namespace ih::kiosk::keyboard {

inline constexpr float kMinKey = render::kMinTouchTarget;

struct PanelGeometry {
  Rect panel;  // the whole keyboard
  Rect strip;  // the syllable picker's row; empty for layouts without one
  Rect keys;   // where the rows of keys go
  float key_height = 0;
  float gap = 0;
};

// The keyboard of `layout` on a screen of `screen` pixels.
PanelGeometry panel_geometry(ImVec2 screen, const KeyboardLayout& layout);

// True when some key of `layout` opens the syllable picker.
bool has_syllables(const KeyboardLayout& layout);

struct PlacedKey {
  const Key* key = nullptr;  // into the layer placed
  Rect rect;
};

// The keys of `layer` in the area `g.keys`, row by row, each row centred.
std::vector<PlacedKey> place_layer(const KeyLayer& layer, const PanelGeometry& g, bool pad);

// `count` cells of a key's size in one row inside `area`, centred on `centre_x`
// and kept inside the area (the syllable picker, the long-press variants).
std::vector<Rect> place_cells(size_t count, float centre_x, float top, float pitch,
                              const PanelGeometry& g);

// `count` cells in a grid of `columns` filling the key area (the layout chooser).
std::vector<Rect> place_grid(size_t count, int columns, const PanelGeometry& g);

}  // namespace ih::kiosk::keyboard
