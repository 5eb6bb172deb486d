// Pseudo-locales: English messages rewritten so that a screen's faults show
// without a translator (the CLDR tags en-XA and ar-XB, usable as --lang).
//
//  accents  "Choose your language" → "[Çĥööööšéé ýýööûûŕ ļááñĝûûááĝéé]": every
//           letter accented (still readable; glyphs above and below the Latin
//           x-height), vowels doubled and brackets added, about 40% longer, the
//           way German and Finnish run longer than English. Text that is cut off
//           loses its bracket.
//  bidi     every word forced right to left (U+202E … U+202C) after a
//           right-to-left mark: "egaugnal ruoy esoohC" read from the right, in a
//           layout mirrored as for Arabic, but with Latin letters anyone can read.
//
// Only literal text changes: argument names, plural and select keywords, '#'
// and quoting stay, so a rewritten message formats as its source does. Pure
// functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "i18n/language_registry.h"

namespace ih::i18n {

// `pattern` (an ICU MessageFormat pattern, UTF-8) rewritten for `rewrite`.
// PseudoRewrite::None returns it unchanged.
std::string pseudo_translate(std::string_view pattern, PseudoRewrite rewrite);

}  // namespace ih::i18n
