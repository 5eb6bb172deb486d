#include "kiosk/keyboard/ethiopic.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace ih::kiosk::keyboard {

namespace {

constexpr char32_t kFirst = 0x1200;
constexpr char32_t kEndOfSeries = 0x1358;  // ፘ: syllables of no series follow
constexpr char32_t kSeriesLength = 8;

std::string utf8(char32_t c) {
  char bytes[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(bytes, length, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
  return error ? std::string() : std::string(bytes, static_cast<size_t>(length));
}

// Assigned syllables are letters; reserved places in a series are not.
bool is_syllable(char32_t c) {
  return u_charType(static_cast<UChar32>(c)) == U_OTHER_LETTER;
}

}  // namespace

bool is_ethiopic_series(char32_t c) {
  return c >= kFirst && c < kEndOfSeries && (c - kFirst) % kSeriesLength == 0 && is_syllable(c);
}

std::vector<std::string> ethiopic_syllables(char32_t base) {
  std::vector<std::string> out;
  if (!is_ethiopic_series(base)) return out;
  for (char32_t c = base; c < base + kSeriesLength; ++c)
    if (is_syllable(c)) out.push_back(utf8(c));
  return out;
}

}  // namespace ih::kiosk::keyboard
