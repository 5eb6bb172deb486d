// The UI language at run time: which language is shown, its catalogs, and the
// text of every message in it.
//
//   Localizer strings(registry, catalog_dir);
//   strings.set_language("prs");
//   strings.text(msg("Choose your language"));                          // «زبان خود را …»
//   strings.format(msg("{count, plural, one {# language} other {# languages}}"),
//                  {{"count", 18}});                                    // «۱۸ زبان»
//
// A message is looked up in the language's catalog, then in each language of its
// fallback chain (prs → fa → en), then taken from the English source text. The
// first time a language lacks a message, that is logged once (the message, not
// any argument: arguments may be personal). Catalogs are loaded when a language
// is first chosen and kept, so switching back and forth costs nothing after the
// first time; a catalog that fails to load is reported once and skipped.
// Pseudo-locales (en-XA, ar-XB) rewrite what their chain gives.
//
// Owned by the UI (one per kiosk); screens read it. Not thread-safe: catalogs
// load with libgettextpo, which is not, and ICU formatters are not.
#pragma once

#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "i18n/catalog.h"
#include "i18n/diagnostic.h"
#include "i18n/language_registry.h"
#include "i18n/locale_format.h"
#include "i18n/message.h"

namespace ih::i18n {

// Where log lines go (one line each, without a newline). The default writes to
// standard error.
using LogSink = std::function<void(const std::string&)>;

struct LocalizerOptions {
  std::string catalog_dir;  // holds <tag>.po; empty: default_catalog_dir()
  std::string time_zone;    // IANA zone for dates and times; empty: the system's
  LogSink log;              // empty: standard error
};

// i18n/po of this build, or the installed copy (data_dir.h).
std::string default_catalog_dir();

class Localizer {
 public:
  // Starts in English (the source language), with no catalog loaded.
  // `registry` must outlive the localizer.
  Localizer(const LanguageRegistry& registry, LocalizerOptions options = {});
  ~Localizer();
  Localizer(const Localizer&) = delete;
  Localizer& operator=(const Localizer&) = delete;

  // Makes `tag` the UI language: its own catalog and those of its fallback
  // chain are loaded if they were not yet. A tag the registry does not know is
  // used as it is (direction from ICU, English fallback). Returns the
  // problems found in the catalogs loaded now (also logged); the language is
  // switched in any case, with whatever loaded.
  std::vector<Diagnostic> set_language(std::string_view tag);

  // The UI language's tag as the registry spells it ("ar" for "ar-SY").
  const std::string& language() const { return language_.tag; }
  // Its registry entry, or a made-up one for a tag the registry does not know.
  const Language& info() const { return language_; }
  Direction direction() const { return language_.direction; }
  // Numbers, dates and times in the UI language's locale.
  const LocaleFormat& formats() const { return *formats_; }
  // The languages a message is looked for in, in order, before the source.
  const std::vector<std::string>& chain() const { return chain_; }
  // The languages it can switch to.
  const LanguageRegistry& registry() const { return registry_; }

  // The message in the UI language. For a message with arguments, its text with
  // the arguments' places shown as "{name}"; use format() instead. The view is
  // valid until the next set_language().
  std::string_view text(MessageId id) const;

  // The message in the UI language with `arguments` put in: numbers and dates
  // in the locale's digits and calendar, plural and select forms chosen,
  // strings isolated. A wrong argument is logged and the message shown as far
  // as it can be.
  std::string format(MessageId id, std::initializer_list<Argument> arguments) const;
  std::string format(MessageId id, std::span<const Argument> arguments) const;

  // Forgets the catalogs and formatters of every language but the current one
  // and its chain (they load again when chosen). For tests and benchmarks of
  // loading.
  void forget_other_languages();

 private:
  struct Resolved {
    std::string plain;                                 // the text when the message has no arguments
    std::shared_ptr<const icu::MessageFormat> format;  // null when it has none
  };
  const Resolved& resolve(MessageId id) const;
  const Catalog* catalog(const std::string& tag) const;
  void log(const std::string& line) const;

  const LanguageRegistry& registry_;
  LocalizerOptions options_;
  Language language_;
  std::vector<std::string> chain_;
  // Loaded catalogs by tag; null for one that failed to load.
  std::map<std::string, std::shared_ptr<const Catalog>, std::less<>> catalogs_;
  std::map<std::string, std::unique_ptr<LocaleFormat>, std::less<>> formats_by_locale_;
  LocaleFormat* formats_ = nullptr;
  // Messages of the current language as looked up so far, by message key.
  mutable std::unordered_map<std::string, Resolved> resolved_;
  // (language, message key) pairs already logged as missing or failing.
  mutable std::set<std::string> logged_;
};

}  // namespace ih::i18n
