// Keeping inserted text from reordering the sentence around it (UAX #9 isolates).
//
// A phone number inside Arabic text, without care, is taken apart by the bidi
// algorithm: "+49 351 1234567" shows as "1234567 351 49+". Isolated and forced
// left to right (U+2066 … U+2069) it keeps its order, and the Arabic around it
// keeps its own. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace ih::i18n {

// `text` isolated with its direction taken from its first strong character
// (U+2068 FIRST STRONG ISOLATE … U+2069): for names and other text a person typed.
std::string isolate(std::string_view text);

// `text` isolated and forced left to right (U+2066 LEFT-TO-RIGHT ISOLATE …
// U+2069), with its spaces made no-break so a line never splits it: for phone
// numbers, personal codes, PINs' positions and anything else that is always
// read left to right, in any language.
std::string isolate_ltr(std::string_view text);

// A phone number for display: isolate_ltr(). Its digits stay Latin in every
// locale, as dialled and as printed on the person's own phone.
inline std::string phone_number(std::string_view number) {
  return isolate_ltr(number);
}

// A personal code (a short code of letters and digits that a person uses to
// log in): isolate_ltr(). Never localized: it must match what is typed.
inline std::string personal_code(std::string_view code) {
  return isolate_ltr(code);
}

}  // namespace ih::i18n
