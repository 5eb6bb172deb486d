#include "render/itemizer.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

#include <iterator>

#include "render/unicode_properties.h"

namespace ih::render {

namespace {

bool is_generic(UScriptCode sc) {
  return sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED || sc == USCRIPT_UNKNOWN;
}

struct OpenBracket {
  UChar32 closing;
  size_t unit;  // where the bracket is, to fix its script once the text after it decides
};

}  // namespace

std::vector<int32_t> resolve_scripts(std::u16string_view text, const FontCollection& fonts,
                                     std::string_view language) {
  const int32_t n = static_cast<int32_t>(text.size());
  std::vector<int32_t> scripts(text.size(), USCRIPT_COMMON);
  std::vector<OpenBracket> brackets;
  UScriptCode current = USCRIPT_COMMON;
  size_t unresolved_from = 0;  // units before this already have a real script

  auto resolve_pending = [&](size_t end, UScriptCode sc) {
    for (size_t k = unresolved_from; k < end; ++k) {
      if (is_generic(static_cast<UScriptCode>(scripts[k]))) scripts[k] = sc;
    }
  };

  const UnicodeProperties& properties = UnicodeProperties::get();
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U16_NEXT(text.data(), i, n, c);
    UScriptCode sc = USCRIPT_COMMON;
    if (c < 0x80) {
      // ASCII: letters are Latin, the rest is Common with no script extensions.
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') sc = USCRIPT_LATIN;
    } else {
      sc = properties.script(c);
    }

    if (is_generic(sc) && c >= 0x80) {
      // Characters shared by a few scripts (Arabic comma, tatweel, Arabic-Indic
      // digits) stay with the current script if it is one of them, else take the
      // first that has fonts of its own, else the first. The buffer holds the
      // longest list (the tatweel's has 9 scripts, the Devanagari dandas' 21):
      // a list that does not fit is an error and would leave the character Common.
      UScriptCode extensions[48];
      UErrorCode status = U_ZERO_ERROR;
      const int32_t count = uscript_getScriptExtensions(
          c, extensions, static_cast<int32_t>(std::size(extensions)), &status);
      if (U_SUCCESS(status) && count > 0 && !is_generic(extensions[0]) &&
          !uscript_hasScript(c, current)) {
        sc = extensions[0];
        for (int32_t k = 0; k < count; ++k) {
          if (fonts.has_script_fonts(extensions[k], language)) {
            sc = extensions[k];
            break;
          }
        }
      }
    }

    if (is_generic(sc)) {
      // Paired brackets are all of bidi class ON: spaces, digits and most
      // punctuation need no lookup of the bracket type.
      const auto bracket_type = properties.bidi_class(c) != U_OTHER_NEUTRAL
                                    ? U_BPT_NONE
                                    : static_cast<UBidiPairedBracketType>(
                                          u_getIntPropertyValue(c, UCHAR_BIDI_PAIRED_BRACKET_TYPE));
      if (bracket_type == U_BPT_OPEN) {
        brackets.push_back({u_getBidiPairedBracket(c), static_cast<size_t>(start)});
        if (brackets.size() > 64) brackets.erase(brackets.begin());
      } else if (bracket_type == U_BPT_CLOSE) {
        // Pop to the matching opening bracket; the pair shares a script.
        for (size_t k = brackets.size(); k-- > 0;) {
          if (brackets[k].closing == c) {
            const auto opening_script = static_cast<UScriptCode>(scripts[brackets[k].unit]);
            brackets.resize(k);
            if (!is_generic(opening_script)) current = opening_script;
            break;
          }
        }
      }
      for (int32_t k = start; k < i; ++k) scripts[static_cast<size_t>(k)] = current;
      continue;
    }

    if (is_generic(current)) resolve_pending(static_cast<size_t>(start), sc);
    current = sc;
    unresolved_from = static_cast<size_t>(i);
    for (int32_t k = start; k < i; ++k) scripts[static_cast<size_t>(k)] = sc;
  }
  return scripts;
}

std::vector<Item> itemize(std::u16string_view text, const std::vector<uint8_t>& levels,
                          const std::vector<TextIndex>& graphemes, std::string_view language,
                          FontCollection& fonts) {
  std::vector<Item> items;
  if (text.empty()) return items;
  const std::vector<int32_t> scripts = resolve_scripts(text, fonts, language);

  int32_t list_script = -1;
  const std::vector<FontId>* candidates = nullptr;
  for (size_t g = 0; g + 1 < graphemes.size(); ++g) {
    const TextRange cluster{graphemes[g], graphemes[g + 1]};
    const auto first = static_cast<size_t>(cluster.start);
    const int32_t script = scripts[first];
    if (script != list_script) {
      candidates = &fonts.fonts_for(script, language);
      list_script = script;
    }
    const FontId font = fonts.font_for_cluster(
        *candidates, text.substr(first, static_cast<size_t>(cluster.size())));
    const uint8_t level = levels[first];
    if (!items.empty()) {
      Item& last = items.back();
      if (last.level == level && last.script == script && last.font == font) {
        last.range.end = cluster.end;
        continue;
      }
    }
    items.push_back({cluster, level, script, font});
  }
  return items;
}

}  // namespace ih::render
