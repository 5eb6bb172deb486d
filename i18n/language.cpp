#include "i18n/language.h"

#include <unicode/uloc.h>

#include <algorithm>
#include <cctype>

namespace ih::i18n {

std::string primary_language(std::string_view tag) {
  const auto end =
      std::find_if(tag.begin(), tag.end(), [](char c) { return c == '-' || c == '_'; });
  std::string out(tag.begin(), end);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

namespace {

// ISO 639-3 codes whose likely script ICU 72 does not know. Dari is written
// exactly like Persian.
std::string with_script(std::string_view tag) {
  if (primary_language(tag) == "prs") return "fa-Arab-AF";
  return std::string(tag);
}

}  // namespace

bool is_rtl(std::string_view tag) {
  // uloc_isRightToLeft adds likely subtags, so "ckb" finds Arab and "ku" finds Latn.
  char locale[ULOC_FULLNAME_CAPACITY];
  UErrorCode status = U_ZERO_ERROR;
  const std::string t = with_script(tag);
  uloc_forLanguageTag(t.c_str(), locale, sizeof locale, nullptr, &status);
  if (U_FAILURE(status)) return false;
  return uloc_isRightToLeft(locale);
}

}  // namespace ih::i18n
