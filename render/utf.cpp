#include "render/utf.h"

#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace ih::render {

std::u16string utf8_to_utf16(std::string_view utf8) {
  std::u16string out;
  if (utf8.empty()) return out;
  // ICU substitutes maximal ill-formed subparts, one U+FFFD each.
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  out.resize(utf8.size());  // never more UTF-16 units than UTF-8 bytes
  u_strFromUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length, utf8.data(),
                       static_cast<int32_t>(utf8.size()), 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) return std::u16string(1, u'\uFFFD');
  out.resize(static_cast<size_t>(length));
  return out;
}

std::string utf16_to_utf8(std::u16string_view utf16) {
  std::string out;
  out.reserve(utf16.size() * 3);
  const int32_t n = static_cast<int32_t>(utf16.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U16_NEXT(utf16.data(), i, n, c);
    if (U_IS_SURROGATE(c)) c = 0xFFFD;
    uint8_t buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);  // c is a scalar value here: 1 to 4 bytes, always fits
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
  }
  return out;
}

std::vector<int32_t> utf16_to_utf8_offsets(std::u16string_view utf16) {
  std::vector<int32_t> map(utf16.size() + 1);
  const int32_t n = static_cast<int32_t>(utf16.size());
  int32_t bytes = 0;
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U16_NEXT(utf16.data(), i, n, c);
    if (U_IS_SURROGATE(c)) c = 0xFFFD;
    for (int32_t k = start; k < i; ++k) map[static_cast<size_t>(k)] = bytes;
    bytes += U8_LENGTH(c);
  }
  map[utf16.size()] = bytes;
  return map;
}

bool is_valid_utf8(std::string_view utf8) {
  const int32_t n = static_cast<int32_t>(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace ih::render
