// One language's messages, read from its PO file and checked, ready to format.
//
// Loading checks every translation against its source (the msgid):
//  - it must be well-formed UTF-8 and parse as ICU MessageFormat;
//  - it must use exactly the source's arguments, each as the same kind of value
//    (a number stays a number);
//  - its plural forms must be forms of the catalog's language (Arabic has zero,
//    one, two, few, many and other; German one and other). A form the language
//    has but the translation leaves out is a warning: ICU then shows 'other'.
// A translation that fails is left out and reported; the localizer then takes
// that message from the next language of the fallback chain. A file that is not
// valid PO, or not UTF-8, yields no catalog at all.
//
// Empty translations are untranslated, not errors; obsolete entries are
// skipped. Fuzzy (draft) translations are loaded: the kiosk shows drafts.
//
// A Catalog is immutable once made and is shared (shared_ptr) between the
// localizer and whoever formats with it; formatting is const but, like ICU's
// formatters, not thread-safe.
#pragma once

#include <unicode/uversion.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "i18n/diagnostic.h"
#include "i18n/message.h"

U_NAMESPACE_BEGIN
class MessageFormat;
U_NAMESPACE_END

namespace ih::i18n {

struct CatalogMessage {
  std::string translation;  // an ICU MessageFormat pattern
  bool fuzzy = false;       // a draft no native speaker has reviewed
  int line = 0;             // of its msgstr in the file
  // The message as shown when it has no arguments (quoting apostrophes
  // resolved); empty otherwise.
  std::string plain;
  bool has_arguments = false;
  std::shared_ptr<const icu::MessageFormat> format;  // compiled for the catalog's locale
};

struct Catalog {
  std::string origin;  // the file it was read from
  std::string locale;  // ICU locale its messages format numbers and plurals in
  std::unordered_map<std::string, CatalogMessage> messages;  // by message_key()

  const CatalogMessage* find(MessageId id) const;
  size_t fuzzy_count() const;
};

// The key of a message: its context, U+0004, its text (gettext's convention), or
// just the text without a context.
std::string message_key(std::string_view context, bool has_context, std::string_view id);
std::string message_key(MessageId id);

struct CatalogResult {
  std::shared_ptr<const Catalog> catalog;  // null when the file is unusable
  std::vector<Diagnostic> diagnostics;     // errors and warnings, in file order
};

// Parses and checks PO text whose messages format in ICU locale `locale`
// (e.g. "ar", "fa-AF"). `origin` names the text in diagnostics.
CatalogResult parse_catalog(std::string_view text, std::string_view origin,
                            std::string_view locale);

// Reads, parses and checks a PO file.
CatalogResult load_catalog(const std::string& path, std::string_view locale);

// Compiles a message (from a catalog or a source string) for `locale`. Null and
// `error` set when it does not parse.
std::shared_ptr<const icu::MessageFormat> compile_message(std::string_view pattern,
                                                          std::string_view locale,
                                                          std::string* error = nullptr);

// Formats a compiled message. String arguments are isolated (U+2068 … U+2069).
// A failure (an argument of the wrong kind) gives the pattern text, never a
// crash; `error` says why.
std::string format_message(const icu::MessageFormat& format, std::span<const Argument> arguments,
                           std::string* error = nullptr);

}  // namespace ih::i18n
