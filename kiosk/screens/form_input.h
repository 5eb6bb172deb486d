// Typing on the shell's pages: the on-screen keyboards that the profile and
// login pages share, and one frame of typing into the field that has them.
//
// Five keyboards, made on first use from keyboard::shipped_layouts():
// the session language's letters (following it until the person picks
// another layout), Latin letters for personal codes (which are Latin in
// every language), and the number pad for PINs and phone numbers. The
// keyboard stands along the bottom of the screen; pages put their fields and
// buttons above keyboard_top().
//
// Not thread-safe: the UI thread owns it (the shell does, through its pages).
#pragma once

#include <initializer_list>
#include <memory>

#include "kiosk/keyboard/keyboard.h"
#include "kiosk/keyboard/layout_library.h"
#include "kiosk/screens/page.h"
#include "render/text_field.h"

namespace ih::kiosk {

// Letters: the session language's keyboard. Latin: Latin letters. Code:
// personal codes, on one layer (keyboard::code_layout). Digits: the PIN pad.
// Phone: the PIN pad with "+".
enum class KeysKind { Letters, Latin, Code, Digits, Phone };

// The direction of a text field for `language`: from the first strong letter
// typed, else the language's own (right to left for Arabic script).
render::Direction typing_direction(std::string_view language);

class FormKeys {
 public:
  // The keyboard of `kind` for the session language of `strings`.
  keyboard::Keyboard& keys(KeysKind kind, const i18n::Localizer& strings);
  // The top edge of that keyboard on a screen of `screen` pixels.
  float top(KeysKind kind, const i18n::Localizer& strings, ImVec2 screen);
  // New keyboards, as a kiosk that has just started has them (the session
  // language's layout, letters, shift off, nothing open or held): for the
  // next person. The layouts read stay.
  void reset();

 private:
  void make_keyboards();

  std::unique_ptr<keyboard::Keyboard> letters_;
  std::unique_ptr<keyboard::Keyboard> latin_;
  std::unique_ptr<keyboard::Keyboard> code_;
  std::unique_ptr<keyboard::Keyboard> digits_;
  std::unique_ptr<keyboard::Keyboard> phone_;
};

struct Typed {
  bool changed = false;  // the text or the caret changed
  bool done = false;     // the keyboard's ✓, or Return on a physical keyboard
};

// Gives a letters field (`kind` Letters) the language of the layout its
// keyboard shows: its shaping, and its direction while empty. Call before the
// field is drawn. True if that changed the field.
bool match_keyboard(FormKeys& keys, KeysKind kind, const i18n::Localizer& strings,
                    render::TextField& field);

// One frame of typing into `field`: draws the keyboard of `kind` and applies
// what it and a physical keyboard typed. A letters field takes the language
// of the layout shown (match_keyboard); if the person chose another layout,
// or the field was drawn before it matched, it asks for another frame.
Typed type_into(PageContext& c, FormKeys& keys, KeysKind kind, render::TextField& field);

// What a person did in typing_row() this frame.
struct RowTouch {
  bool back = false;     // Back was released
  bool next = false;     // Next was released, or the keyboard's ✓ or Return
  bool changed = false;  // the field changed
};

// The keyboards of typing steps that follow each other in a form (login's
// code and PIN): their rows stand above the tallest, all in one place.
using KeysKinds = std::initializer_list<KeysKind>;

// A form's typing step: one row just above the keyboard of `kind` (or the
// tallest of `together`, which holds `kind`), with Back at the start, `field`
// (focused) in the middle and Next (labelled `next_label`) at the end, and
// the keyboard along the bottom. The keyboards alone decide where the row
// stands, never the text above it: steps with the same keyboards keep Next in
// the same place, so a finger that learnt where it is finds it again.
// Controls: "back", "field", "next".
RowTouch typing_row(PageContext& c, FormKeys& keys, KeysKind kind, render::TextField& field,
                    std::string_view next_label, KeysKinds together = {});
// Where typing_row() puts its row: what the question above must end before.
float typing_row_top(PageContext& c, FormKeys& keys, KeysKind kind, KeysKinds together = {});

}  // namespace ih::kiosk
