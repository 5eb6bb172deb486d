// On-screen keyboard layouts: what each key types and shows, as data files in
// assets/keyboards/<id>.json, one per language or script (the id is the
// "keyboard" of assets/languages.json), so that a native speaker can review and
// change a layout without touching code.
//
// The format (JSON with comments):
//
//   {
//     "name": "فارسی",        // the layout in its own language: chooser, space bar
//     "language": "fa",        // BCP 47: shapes the labels; shift upper-cases by its rules
//     "letters_label": "ابپ", // optional: the key back to the letters (default "ABC")
//     "sample": "…",           // optional: a phrase typed on this layout, which the
//                              // keyboard screen shows (a reviewer sees it join)
//     "letters": [ROW, …],     // the first layer; needs a backspace and a space key
//     "shift": [ROW, …],       // optional: what shift shows; without it, shift
//                              // upper-cases the letters (Turkish i → İ)
//     "symbols": [ROW, …]      // optional: digits and symbols; without it, built-in ones
//   }
//
// A ROW is a list of keys. A key is a string, which it types and shows, or an
// object with exactly one of
//   "text": "…"             types this
//   "action": "…"           shift, backspace, space, symbols, letters, layout,
//                           left, right or done
//   "syllables": ["ሰ", …]   opens a row of the syllables of these Ethiopic
//                           consonants (see ethiopic.h); a tap there types one
// and optionally "label" (what the key shows instead), "width" (in keys, 0.5 to
// 8; default 1) and "variants" (what a long press offers, for "text" keys).
//
// A file that breaks any of these rules is refused as a whole, with an error
// that names the file and the key; the keyboard then falls back to the
// built-in Latin layout. Layouts are plain data; safe to share read-only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/diagnostic.h"

namespace ih::kiosk::keyboard {

enum class KeyAction : uint8_t {
  Type,       // types Key::text (Key::shifted with shift on)
  Syllables,  // opens the syllable row Key::forms
  Shift,      // shift once; a long press locks it
  Backspace,  // deletes the grapheme before the caret; repeats while held
  Space,
  Symbols,  // to the digits and symbols layer
  Letters,  // back to the letters
  Layout,   // opens the layout chooser
  Left,     // moves the caret one step left on screen
  Right,
  Done,  // the person has finished typing
};

struct Key {
  KeyAction action = KeyAction::Type;
  std::string text;                           // Type: what it types (UTF-8)
  std::string shifted;                        // Type: what it types with shift on
  std::string label;                          // what it shows; empty: text, or the action's symbol
  float width = 1;                            // in key widths
  std::vector<std::string> variants;          // Type: offered on a long press
  std::vector<std::string> shifted_variants;  // the same with shift on
  std::vector<std::string> forms;             // Syllables: the row it opens, in order
};

using KeyRow = std::vector<Key>;

struct KeyLayer {
  std::vector<KeyRow> rows;
  bool empty() const { return rows.empty(); }
};

struct KeyboardLayout {
  std::string id;        // the file's name without ".json": "fa", "ethiopic"
  std::string name;      // in its own language
  std::string language;  // BCP 47
  std::string letters_label = "ABC";
  std::string sample;  // a phrase in the language; may be empty
  KeyLayer letters;
  KeyLayer shift;  // empty: shift upper-cases the letters
  KeyLayer symbols;
  bool pad = false;  // a number pad: few large keys, centred
};

struct LayoutResult {
  KeyboardLayout layout;                 // the file's, or the built-in Latin layout
  std::vector<i18n::Diagnostic> errors;  // why the file was refused; empty if it was not
  bool ok() const { return errors.empty(); }
};

// Limits a file must keep, so that every key stays large enough for a finger
// on the kiosk's smallest screen.
inline constexpr size_t kMaxRows = 6;
inline constexpr float kMaxRowWidth = 14;  // in key widths
inline constexpr size_t kMaxVariants = 10;
inline constexpr size_t kMaxTextBytes = 32;
inline constexpr size_t kMaxSampleBytes = 200;
inline constexpr size_t kMaxFileBytes = 256 * 1024;

// Parses a layout file's text. `origin` names the file in errors; `id` becomes
// the layout's id.
LayoutResult parse_layout(std::string_view text, std::string_view origin, std::string_view id);

// Reads <dir>/<id>.json. An id that is not a plain name ([a-z0-9_-]) is refused.
LayoutResult load_layout(const std::string& dir, std::string_view id);

// assets/keyboards of this build, or the installed copy (i18n/data_dir.h).
std::string default_keyboard_dir();

// The layout used when a file is missing or refused: English QWERTY with
// German, French, Spanish and Turkish letters on long presses.
KeyboardLayout builtin_latin_layout();

// Digits and symbols, Latin digits: the symbols layer of a layout without one.
KeyLayer builtin_symbols(std::string_view letters_label);

// A large number pad for PINs: 1–9, 0, backspace and done.
KeyboardLayout pin_pad_layout();

// The number pad for phone numbers: the PIN pad's digits, "+" for the country
// code, and backspace (the form's Next goes on); as high as the PIN pad, so
// the form's buttons stay where they were from one step to the next.
KeyboardLayout phone_pad_layout();

// Personal and enrolment codes on one layer: the digits and the capitals of
// Crockford's alphabet (api/personal_code.h: no I, L, O or U), the hyphen,
// backspace, the arrows and done, so a code is typed without switching.
KeyboardLayout code_layout();

}  // namespace ih::kiosk::keyboard
