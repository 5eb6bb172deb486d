#include "i18n/bidi_isolation.h"

namespace ih::i18n {

namespace {

constexpr std::string_view kFirstStrongIsolate = "\u2068";
constexpr std::string_view kLeftToRightIsolate = "\u2066";
constexpr std::string_view kPopDirectionalIsolate = "\u2069";
constexpr std::string_view kNoBreakSpace = "\u00A0";

}  // namespace

std::string isolate(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 6);
  out += kFirstStrongIsolate;
  out += text;
  out += kPopDirectionalIsolate;
  return out;
}

std::string isolate_ltr(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 6);
  out += kLeftToRightIsolate;
  for (const char c : text) {
    if (c == ' ')
      out += kNoBreakSpace;
    else
      out += c;
  }
  out += kPopDirectionalIsolate;
  return out;
}

}  // namespace ih::i18n
