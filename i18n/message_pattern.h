// Looking inside ICU MessageFormat patterns without formatting them: which
// arguments a message uses, which plural forms it writes out, and where its
// literal text is. Catalog checks compare a translation with its source through
// this; pseudo-locales rewrite only the literal text.
//
// Patterns are parsed with icu::MessagePattern in ICU's default apostrophe mode
// (DOUBLE_OPTIONAL), the mode icu::MessageFormat formats with. Pure functions;
// thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ih::i18n {

// What kind of value an argument takes, from how the pattern uses it.
enum class ArgumentKind : uint8_t {
  Any,     // {name}: shown as given, whatever it is
  Number,  // {n, number}, {n, plural, …}, {n, selectordinal, …}, spellout, …
  Date,    // {d, date}, {t, time}
  Choice,  // {s, select, …}: a keyword
};

// "any", "number", "date", "select".
std::string_view to_string(ArgumentKind kind);

struct PatternArgument {
  std::string name;
  ArgumentKind kind = ArgumentKind::Any;  // the most specific use when it appears several times
  // Plural keywords written out ("one", "few", "other"; not "=0"), each once,
  // in order of appearance. Empty unless a plural or selectordinal.
  std::vector<std::string> plural_forms;
  bool ordinal = false;  // selectordinal
};

struct PatternInfo {
  std::vector<PatternArgument> arguments;  // in order of first appearance, each name once
  // Empty when the pattern parses; otherwise what is wrong and where, e.g.
  // "syntax error at character 12 near “{count, plurl”".
  std::string error;
  bool ok() const { return error.empty(); }
  const PatternArgument* find(std::string_view name) const;
};

// Parses `pattern` (UTF-8) and lists its arguments. Numbered arguments ({0}) are
// an error: the kiosk's messages name their arguments so translators know what
// each one is.
PatternInfo analyse_pattern(std::string_view pattern);

// Returns `pattern` with every stretch of literal text (outside arguments, and
// inside the sub-messages of plural and select) replaced by `rewrite(stretch)`.
// Argument names, keywords, '#' and quoting apostrophes are kept as they are, so
// the result parses as the pattern did. A pattern that does not parse is
// returned unchanged. UTF-16 in and out, as ICU works.
std::u16string rewrite_literal_text(
    std::u16string_view pattern, const std::function<std::u16string(std::u16string_view)>& rewrite);

}  // namespace ih::i18n
