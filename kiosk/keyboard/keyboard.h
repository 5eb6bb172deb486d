// The on-screen keyboard's behaviour: which layout and layer it shows, where
// each touch target is, and what a touch does. No drawing and no ImGui state:
// keyboard_view.h draws it and feeds it the finger each frame; tests feed it
// touches directly.
//
// Touch rules (the product brief's):
//  - A key acts when the finger is lifted over it, so sliding off cancels;
//    while held with the finger on it, it shows as pressed.
//  - A press on the key that acted last, sooner than KeyboardTiming::double_tap
//    after it, is taken for a bounce of the finger and ignored.
//  - A long press on a key with variants opens them in a row beside it (above
//    it, or below for the top row, never over the key itself). Lifting the
//    finger over a variant types it; lifting it on the key keeps the row open
//    for a tap; lifting it elsewhere, or touching anything outside the row,
//    closes it.
//  - Backspace deletes once on release, or, held, after repeat_delay and then
//    every repeat_interval while the finger stays on it.
//  - Shift applies to the next letter; a long press locks it. A layout with a
//    "shift" layer shows that layer instead of upper-casing.
//  - A syllable key (Ethiopic) opens the row of its syllables in the strip on top
//    of the keyboard; tapping one types it and closes the row. Tapping the
//    same consonant again closes it.
//  - The layout key opens a grid of every layout, each named in its own script,
//    the current one marked; tapping one switches to it.
//
// The keyboard follows the session language (follow()) until the person chooses
// another layout, and goes back to following when the session language changes.
//
// Not thread-safe: the UI thread owns it. It borrows the layout library.
#pragma once

#include <imgui.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/keyboard/keyboard_geometry.h"
#include "kiosk/keyboard/keyboard_layout.h"
#include "kiosk/keyboard/layout_library.h"
#include "render/touch.h"

namespace ih::kiosk::keyboard {

struct KeyboardTiming {
  double long_press = 0.5;       // seconds held: variants open, shift locks
  double repeat_delay = 0.5;     // seconds backspace is held before it repeats
  double repeat_interval = 0.1;  // seconds between repeats
  // A second press of a key sooner than this after it acted is a bounce, not
  // a tap: the same time as every other control's (render/touch.h).
  double double_tap = render::kBounceSeconds;
};

// The finger (or mouse) in one frame.
struct Touch {
  ImVec2 at{-1, -1};
  bool down = false;
};

// What the keyboard asks the focused field to do.
struct Stroke {
  enum class Kind : uint8_t { Text, Backspace, Left, Right, Done };
  Kind kind = Kind::Text;
  std::string text;  // Text: what to insert
  friend bool operator==(const Stroke&, const Stroke&) = default;
};

enum class TargetKind : uint8_t {
  Key,      // a key of the layer shown
  Form,     // a syllable in the picker row
  Variant,  // a variant in the long-press row
  Layout,   // a layout in the chooser
};

// Something the finger can touch, as shown this frame.
struct Target {
  TargetKind kind = TargetKind::Key;
  Rect rect;
  const Key* key = nullptr;  // Key: the key in the layout
  std::string text;          // Form, Variant: what it types; Layout: the layout's id
  std::string label;         // what it shows
  std::string language;      // of the label
};

enum class ShiftState : uint8_t { Off, Once, Locked };
enum class Layer : uint8_t { Letters, Symbols };

class Keyboard {
 public:
  explicit Keyboard(LayoutLibrary& library, KeyboardTiming timing = {});

  // Shows the layout `id` of the session language, unless the person chose
  // another since the session language last changed.
  void follow(std::string_view id);
  // Shows the layout `id` as the person's choice.
  void choose(std::string_view id);
  // Shows `layout`, which is not one of the library's (the number pad).
  void show(std::shared_ptr<const KeyboardLayout> layout);
  // Letters, shift off, nothing open, the session language's layout (if it
  // follows one): for the next person.
  void reset();
  const KeyboardLayout& layout() const { return *layout_; }

  // Places the keyboard on a screen of `screen` pixels. Call before touch() in
  // every frame.
  void arrange(ImVec2 screen);
  // The finger's state at time `now` (seconds, any steady clock); returns
  // what the keyboard typed or asked for.
  std::vector<Stroke> touch(const Touch& touch, double now);
  // When the keyboard will act next without new input (a long press, a
  // backspace repeat), on touch()'s clock; nothing when it waits for input.
  std::optional<double> next_deadline() const;

  // [SECTION] For drawing and for tests

  const PanelGeometry& geometry() const { return geometry_; }
  // Everything touchable, back to front: keys, then the picker, then the
  // long-press row (or the chooser alone).
  const std::vector<Target>& targets() const { return targets_; }
  // The target held with the finger on it, or null.
  const Target* pressed() const;
  // True for a target in an "on" state: shift on, a key whose syllable or
  // variant row is open, the current layout in the chooser.
  bool lit(const Target& target) const;
  ShiftState shift() const { return shift_; }
  Layer layer() const { return layer_; }
  bool chooser_open() const { return chooser_; }
  bool picker_open() const { return picker_key_ != nullptr; }
  bool variants_open() const { return popup_.has_value(); }
  // The first target of `kind` whose key types or shows `text` (or whose key
  // has `action`), or null: for tests that touch keys by what they are.
  const Target* find(std::string_view text) const;
  const Target* find(KeyAction action) const;

 private:
  struct Press {
    Target target;
    double start = 0;
    bool ignored = false;     // a bounce, or a touch on nothing
    bool long_fired = false;  // the long press acted
    bool repeated = false;    // backspace repeated while held
    double next_repeat = 0;
  };
  struct Popup {
    Target origin;
    std::vector<std::string> variants;
  };

  const KeyLayer& shown_layer() const;
  bool shift_applies() const;  // shift upper-cases the letters shown
  std::string label_of(const Key& key) const;
  void set_layout(std::shared_ptr<const KeyboardLayout> layout);
  void rebuild();
  const Target* target_at(ImVec2 at) const;
  void begin(ImVec2 at, double now);
  void hold(ImVec2 at, double now, std::vector<Stroke>& out);
  void end(ImVec2 at, double now, std::vector<Stroke>& out);
  void activate(const Target& target, std::vector<Stroke>& out);
  void open_variants(const Target& origin);

  LayoutLibrary& library_;
  KeyboardTiming timing_;
  std::shared_ptr<const KeyboardLayout> layout_;
  std::string followed_;  // the session language's layout
  ImVec2 screen_{0, 0};
  PanelGeometry geometry_;
  std::vector<Target> targets_;

  Layer layer_ = Layer::Letters;
  ShiftState shift_ = ShiftState::Off;
  bool chooser_ = false;
  const Key* picker_key_ = nullptr;
  std::optional<Popup> popup_;
  std::optional<Press> press_;
  std::optional<std::pair<Target, double>> last_;  // what acted last, and when
  ImVec2 finger_{-1, -1};
  bool was_down_ = false;
};

// Two targets are the same when they are the same thing on screen.
bool same_target(const Target& a, const Target& b);

}  // namespace ih::kiosk::keyboard
