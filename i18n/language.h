// Facts about a language tag that the layout needs before catalogs exist.
#pragma once

#include <string>
#include <string_view>

namespace ih::i18n {

// True when the language is written right to left (from CLDR's likely scripts,
// through ICU), e.g. "ar", "fa", "prs", "ps", "ckb", "ur".
bool is_rtl(std::string_view tag);

// The primary language subtag, lower case: "fa-AF" → "fa".
std::string primary_language(std::string_view tag);

}  // namespace ih::i18n
