// Marking source strings for translation, and the values they are formatted with.
//
// Every string a person reads on the kiosk is written in the source as
//
//   strings.text(msg("Choose your language"))
//   strings.format(msg("{count, plural, one {# language} other {# languages}}"), {{"count", 18}})
//   strings.text(msg("button", "Back"))        // with a context for translators
//
// `msg` is the keyword scripts/update-po gives xgettext, which copies every such
// string into the template i18n/po/kiosk.pot. The text is English and is itself
// the fallback when no catalog has it. It is ICU MessageFormat: arguments are
// named ({name}), plurals and selects are ICU's ({n, plural, one {…} other {…}}),
// '#' in a plural is the number in the locale's digits, and an apostrophe before
// a brace quotes it ('{'), as ICU's DOUBLE_OPTIONAL apostrophe mode says.
#pragma once

#include <chrono>
#include <concepts>
#include <cstdint>
#include <string_view>
#include <variant>

namespace ih::i18n {

// A message as the source names it: an optional context and the English text.
// Both point at string literals (msg is consteval), so a MessageId is cheap to
// pass and never dangles.
struct MessageId {
  const char* context = nullptr;  // null: no context
  const char* id = "";
};

consteval MessageId msg(const char* id) {
  return {nullptr, id};
}
consteval MessageId msg(const char* context, const char* id) {
  return {context, id};
}

using Timestamp = std::chrono::system_clock::time_point;

// One named value for a message's argument. Strings are shown as given, each
// isolated (U+2068 … U+2069) so that a Latin name cannot reorder the Arabic
// sentence around it; numbers and dates are formatted in the UI locale.
struct Argument {
  using Value = std::variant<int64_t, double, std::string_view, Timestamp>;

  Argument(std::string_view n, std::integral auto v) : name(n), value(static_cast<int64_t>(v)) {}
  Argument(std::string_view n, double v) : name(n), value(v) {}
  Argument(std::string_view n, std::string_view v) : name(n), value(v) {}
  Argument(std::string_view n, const char* v) : name(n), value(std::string_view(v)) {}
  Argument(std::string_view n, Timestamp v) : name(n), value(v) {}

  std::string_view name;
  Value value;
};

}  // namespace ih::i18n
