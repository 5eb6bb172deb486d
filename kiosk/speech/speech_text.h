// What may be spoken: text checked and prepared for espeak-ng, and the wiping
// of the copies speech makes of a person's text.
//
// Text spoken at the kiosk is untrusted (a helper's message, what a person
// typed), so it is checked before espeak-ng sees it: espeak-ng 1.51 reads
// invalid UTF-8 as Latin-1 letters without an error, stops at the first NUL, and
// synthesises any length (a megabyte of text is a day of audio). Every Unicode
// decimal digit becomes its ASCII digit, because the Urdu voice drops
// Extended Arabic-Indic digits (۰-۹) without a sound, while every voice reads
// ASCII digits as numbers in its own language.
//
// Free functions, no state; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ih::speech {

// The longest text spoken at once, in UTF-8 bytes: the platform's longest
// message (2000 graphemes of at most 8 bytes, api/field_rules.h) fits. Longer
// text is refused whole rather than cut, so nothing is read without its end.
inline constexpr std::size_t kMaxTextBytes = 16000;

enum class TextProblem {
  none,
  invalid_utf8,  // ill-formed UTF-8: overlong forms, surrogates, stray or missing bytes
  nul_byte,      // espeak-ng would silently stop reading at it
  too_long,      // more than kMaxTextBytes bytes
};

// A sentence for logs and errors; never contains the text itself.
std::string describe(TextProblem problem);

// Checks `utf8` and writes the text to speak into `out` (replacing what it held):
// the same text with every decimal digit (Unicode general category Nd: ٠-٩,
// ۰-۹, ०-९, fullwidth ０-９, …) as its ASCII digit. On a problem `out` is left
// empty. `out` is never longer than `utf8`.
TextProblem prepare_for_speech(std::string_view utf8, std::string& out);

// Overwrites the whole buffer of `s` (its capacity, not only its size), then
// empties it and gives the buffer back. For the copies of a person's text that
// speech makes; the kiosk's own wipe() (kiosk/wipe.h) does the same for its state.
void wipe_text(std::string& s);

}  // namespace ih::speech
