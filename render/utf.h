// Conversion between the UTF-8 the kiosk stores and the UTF-16 the layout works in.
//
// Input is never trusted: ill-formed UTF-8 (overlong forms, surrogates, truncated
// sequences, bytes above F4) becomes U+FFFD, one per maximal ill-formed subpart, as
// the Unicode Standard recommends (section 3.9, "U+FFFD Substitution of Maximal Subparts").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/text_range.h"

namespace ih::render {

// Decodes UTF-8 to UTF-16, replacing ill-formed sequences with U+FFFD.
std::u16string utf8_to_utf16(std::string_view utf8);

// Encodes UTF-16 as UTF-8; unpaired surrogates become U+FFFD.
std::string utf16_to_utf8(std::u16string_view utf16);

// Maps UTF-16 offsets of `utf16` to UTF-8 byte offsets of its UTF-8 encoding.
// The result has utf16.size() + 1 entries; entry i is the byte offset of unit i
// (the low surrogate of a pair maps to the same offset as its high surrogate).
std::vector<int32_t> utf16_to_utf8_offsets(std::u16string_view utf16);

// True when `utf8` is well-formed UTF-8.
bool is_valid_utf8(std::string_view utf8);

}  // namespace ih::render
