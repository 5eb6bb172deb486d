// The syllables of Ethiopic consonants, for the syllable picker of Tigrinya
// and Amharic.
//
// Ethiopic writes syllables, each one character: a consonant with one of seven
// vowels (the orders ä u i a e ə o). In the Ethiopic block (U+1200–U+137F) a
// consonant's series starts at a multiple of eight from U+1200, its orders in
// that order, and the eighth place holds a labialised form (ሏ lwa) where one
// exists. The exceptions follow from which code points are assigned: the
// labiovelar series (ቈ ቘ ኈ ኰ ዀ ጐ) have only five forms, at places 0 and 2–5;
// ቐ ኸ ዐ have no eighth form; ሀ ቀ ኀ ከ ወ የ ገ ፀ have an -oa form there (ሇ), and
// ጘ an -waa form. The block ends its series at U+1357; from U+1358 on come
// other syllables, marks, punctuation and numerals.
#pragma once

#include <string>
#include <vector>

namespace ih::kiosk::keyboard {

// True when `c` is the first syllable (ä order) of a series of the Ethiopic block.
bool is_ethiopic_series(char32_t c);

// The syllables of the series that starts with `base`, in code point order
// (UTF-8, one character each); empty when `base` starts no series.
std::vector<std::string> ethiopic_syllables(char32_t base);

}  // namespace ih::kiosk::keyboard
