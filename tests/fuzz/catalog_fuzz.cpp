// Any bytes as a PO catalog (i18n/catalog.h). Translators edit these files by
// hand and with many tools, so the loader must turn every mistake into a
// diagnostic, never a crash, and what it accepts must hold what catalog.h
// promises:
//
//  - every diagnostic names the file: "fuzz.po:<line>: …" or "fuzz.po: …";
//  - a file that yields no catalog has at least one error;
//  - every accepted message parses as ICU MessageFormat, formats with values of
//    the kinds it asks for into valid UTF-8, and still parses after either
//    pseudo-locale rewrote it.
//
// The size of the input picks the locale, so plural checks run against
// languages with two, three, four and six forms.
#include <unicode/utf8.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/catalog.h"
#include "i18n/message_pattern.h"
#include "i18n/pseudo_locale.h"

namespace {

using namespace ih::i18n;

constexpr std::string_view kOrigin = "fuzz.po";
constexpr const char* kLocales[] = {"ar", "de", "ru", "fa-AF", "ku", "fr"};

void require(bool condition, const char* promise, std::string_view text) {
  if (condition) return;
  std::fprintf(stderr, "broken promise: %s\ncatalog (%zu bytes):\n%.*s\n", promise, text.size(),
               static_cast<int>(text.size()), text.data());
  std::abort();
}

bool valid_utf8(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

// A value of the kind each argument asks for.
std::vector<Argument> arguments_for(const PatternInfo& info) {
  std::vector<Argument> out;
  for (const PatternArgument& a : info.arguments) {
    switch (a.kind) {
      case ArgumentKind::Number:
        out.emplace_back(a.name, 3);
        break;
      case ArgumentKind::Date:
        out.emplace_back(a.name, Timestamp(std::chrono::seconds(1700000000)));
        break;
      case ArgumentKind::Choice:
        out.emplace_back(a.name, "other");
        break;
      case ArgumentKind::Any:
        out.emplace_back(a.name, "Anna");
        break;
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const char* locale = kLocales[size % std::size(kLocales)];
  const CatalogResult result = parse_catalog(text, kOrigin, locale);
  for (const Diagnostic& d : result.diagnostics)
    require(d.text().starts_with(std::string(kOrigin) + ":"), "diagnostics name the file", text);
  if (!result.catalog) {
    require(has_error(result.diagnostics), "a rejected file has an error", text);
    return 0;
  }
  for (const auto& [key, message] : result.catalog->messages) {
    const PatternInfo info = analyse_pattern(message.translation);
    require(info.ok(), "accepted translations parse", text);
    require(message.format != nullptr, "accepted translations are compiled", text);
    const std::vector<Argument> arguments = arguments_for(info);
    require(valid_utf8(format_message(*message.format, arguments)), "formatting gives UTF-8", text);
    for (const PseudoRewrite rewrite : {PseudoRewrite::Accents, PseudoRewrite::Bidi})
      require(analyse_pattern(pseudo_translate(message.translation, rewrite)).ok(),
              "pseudo-locales keep the message valid", text);
  }
  return 0;
}
