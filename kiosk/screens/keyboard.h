// The `keyboard` screen: a text field and a PIN field above the on-screen
// keyboard of the UI language, for trying every layout and for pictures of
// them (`--screen keyboard --lang fa`). The text field starts with the layout's
// sample phrase, as if typed, so a picture shows the script joined and shaped
// in the field; `keyboard-pin` starts with the PIN field focused and the number
// pad open.
//
// Touching a field focuses it and places its caret; the text field gets the
// layout keyboard (which follows the UI language until the person picks another
// layout), the PIN field the number pad. The keyboard's ✓ key closes it. The
// fields always sit above the keyboard, whichever layout is open. A physical
// keyboard types into the focused field too; Return closes the keyboard.
//
// Not thread-safe: the UI thread owns it.
#pragma once

#include <memory>
#include <optional>

#include "kiosk/keyboard/keyboard.h"
#include "kiosk/keyboard/layout_library.h"
#include "kiosk/screens/dev_view.h"
#include "render/text_field.h"

namespace ih::kiosk {

// The view's page (dev_view.h) and its state.
class KeyboardView {
 public:
  enum class Focus { None, Text, Pin };

  explicit KeyboardView(Focus focus = Focus::Text);
  ~KeyboardView();

  std::optional<Action> draw_page(PageContext& c);

  // Wipes both fields and puts the keyboard back to the session language: what
  // the end of a session does.
  void wipe();

  // [SECTION] For tests (null before the first frame)
  Focus focus() const { return focus_; }
  render::TextField* text() { return text_.get(); }
  render::TextField* pin() { return pin_.get(); }
  keyboard::Keyboard* keys() { return focus_ == Focus::Pin ? pin_pad_.get() : keyboard_.get(); }
  // Where the fields were drawn in the last frame.
  const Rect& text_rect() const { return text_rect_; }
  const Rect& pin_rect() const { return pin_rect_; }

 private:
  void start(PageContext& c);
  void apply(const keyboard::Stroke& stroke, render::TextField& field);

  Focus focus_;
  std::unique_ptr<keyboard::Keyboard> keyboard_;
  std::unique_ptr<keyboard::Keyboard> pin_pad_;
  std::unique_ptr<render::TextField> text_;
  std::unique_ptr<render::TextField> pin_;
  std::string layout_shown_;  // the layout the text field was last set up for
  Rect text_rect_;
  Rect pin_rect_;
};

using KeyboardScreen = DevView<KeyboardView>;

}  // namespace ih::kiosk
