// The languages the kiosk speaks: one data file (assets/languages.json) with
// each language's tag, script, direction, fonts, keyboard, voice, fallback chain
// and translation status. What CLDR knows (the language's name for itself,
// plural rules, digits, calendar) comes from ICU, not from the file; the file
// types a name only where ICU has none that fits, and says why.
//
// A registry is plain data, loaded once and then only read; safe to share
// read-only between threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "i18n/diagnostic.h"
#include "i18n/direction.h"

namespace ih::i18n {

enum class TranslationStatus : uint8_t {
  Reviewed,  // a native speaker has checked every translation
  Draft,     // translated, not yet reviewed; its catalog marks entries fuzzy
  Pseudo,    // a pseudo-locale made from the English source
};

// How a pseudo-locale rewrites the English messages (see pseudo_locale.h).
enum class PseudoRewrite : uint8_t { None, Accents, Bidi };

struct Language {
  std::string tag;            // BCP 47, as the kiosk names it: "prs", "ckb", "en-XA"
  std::string locale;         // ICU locale for plurals, digits, calendar and names: "fa-AF" for prs
  std::string name;           // in the language itself, for the picker: "دری", "Kurmancî"
  bool name_from_icu = true;  // false: typed in the data file, ICU having no fitting one
  std::string script;         // ISO 15924: "Arab", "Ethi"
  Direction direction = Direction::Ltr;
  std::vector<std::string> fonts;     // font files, best first
  std::string keyboard;               // layout id: assets/keyboards/<keyboard>
  std::string voice;                  // espeak-ng voice; empty: none exists
  std::vector<std::string> fallback;  // tags, in order; the English source follows
  TranslationStatus status = TranslationStatus::Draft;
  PseudoRewrite rewrite = PseudoRewrite::None;

  bool pseudo() const { return rewrite != PseudoRewrite::None; }
};

struct LanguageRegistry {
  std::vector<Language> languages;  // picker order; pseudo-locales last

  // The language `tag` names: an exact match (ignoring case and '_' for '-'),
  // else the language of its primary subtag ("ar-SY" → ar). Null if none.
  const Language* find(std::string_view tag) const;
  // The real languages, in picker order, without the pseudo-locales.
  std::vector<const Language*> spoken() const;
};

struct RegistryResult {
  LanguageRegistry registry;  // holds every valid entry even when others failed
  std::vector<Diagnostic> diagnostics;
};

// Parses the data file's text; `origin` names it in diagnostics.
RegistryResult parse_registry(std::string_view text, std::string_view origin);

// Reads and parses the data file.
RegistryResult load_registry(const std::string& path);

// assets/languages.json of this build, or the installed copy (data_dir.h).
std::string default_registry_file();

// The registry of default_registry_file(), read once for the whole process on
// the first call (thread-safe), with what reading it reported. Every part of
// the kiosk that needs the shipped languages asks here, so the file is read
// once and all of them agree.
const RegistryResult& shipped_registry();

// The name of `language` in the UI locale `ui_locale` (e.g. "Arabisch" for ar in
// de), from ICU, capitalized as a list item; empty when ICU has none.
std::string display_name(const Language& language, std::string_view ui_locale);

}  // namespace ih::i18n
