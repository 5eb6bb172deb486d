#include "i18n/language_registry.h"

#include <unicode/locdspnm.h>
#include <unicode/locid.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>

#include "i18n/data_dir.h"
#include "i18n/language.h"

namespace ih::i18n {

namespace {

using nlohmann::json;

std::string normalized(std::string_view tag) {
  std::string out(tag);
  for (char& c : out)
    c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

icu::Locale icu_locale(std::string_view tag) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale l = icu::Locale::forLanguageTag(
      icu::StringPiece(tag.data(), static_cast<int32_t>(tag.size())), status);
  return U_SUCCESS(status) ? l : icu::Locale::getRoot();
}

// Whether ICU has data of its own for the locale's language, rather than
// answering from its root or the process's default locale.
bool icu_has_language(const icu::Locale& locale) {
  int32_t count = 0;
  const icu::Locale* available = icu::Locale::getAvailableLocales(count);
  for (int32_t i = 0; i < count; ++i)
    if (std::strcmp(available[i].getLanguage(), locale.getLanguage()) == 0) return true;
  return false;
}

// ICU's name of `language` in `in`, as an item of a list or menu; empty when ICU
// has none.
std::string icu_name(std::string_view language, const icu::Locale& in) {
  if (!icu_has_language(in)) return {};
  UDisplayContext contexts[] = {UDISPCTX_CAPITALIZATION_FOR_UI_LIST_OR_MENU,
                                UDISPCTX_NO_SUBSTITUTE};
  std::unique_ptr<icu::LocaleDisplayNames> names(
      icu::LocaleDisplayNames::createInstance(in, contexts, 2));
  if (!names) return {};
  icu::UnicodeString name;
  names->languageDisplayName(std::string(language).c_str(), name);
  if (name.isBogus()) return {};
  std::string out;
  name.toUTF8String(out);
  return out;
}

int line_of(std::string_view text, size_t byte) {
  byte = std::min(byte, text.size());
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(byte), '\n'));
}

std::vector<std::string> strings(const json& array) {
  std::vector<std::string> out;
  for (const json& item : array) out.push_back(item.get<std::string>());
  return out;
}

bool is_script_code(const std::string& s) {
  return s.size() == 4 && std::isupper(static_cast<unsigned char>(s[0])) &&
         std::all_of(s.begin() + 1, s.end(),
                     [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

// One entry of the file; errors go to `problems`, which names the entry.
bool read_language(const json& entry, bool pseudo, Language& out,
                   std::vector<std::string>& problems) {
  if (!entry.is_object()) {
    problems.push_back("is not an object");
    return false;
  }
  auto text = [&](const char* key, bool required) -> std::string {
    const auto it = entry.find(key);
    if (it == entry.end()) {
      if (required) problems.push_back(std::string("has no \"") + key + "\"");
      return {};
    }
    if (!it->is_string()) {
      problems.push_back(std::string("\"") + key + "\" is not a string");
      return {};
    }
    return it->get<std::string>();
  };
  auto list = [&](const char* key) -> std::vector<std::string> {
    const auto it = entry.find(key);
    if (it == entry.end() || !it->is_array() ||
        !std::all_of(it->begin(), it->end(), [](const json& j) { return j.is_string(); })) {
      problems.push_back(std::string("\"") + key + "\" is not a list of strings");
      return {};
    }
    return strings(*it);
  };
  const size_t before = problems.size();
  out.tag = text("tag", true);
  out.locale = text("locale", false);
  if (out.locale.empty()) out.locale = out.tag;
  out.name = text("name", false);
  out.script = text("script", true);
  const std::string direction = text("direction", true);
  out.fonts = list("fonts");
  out.keyboard = text("keyboard", true);
  out.voice = text("voice", true);
  out.fallback = list("fallback");
  const std::string status = text("status", true);
  const std::string rewrite = text("rewrite", pseudo);

  if (!out.script.empty() && !is_script_code(out.script))
    problems.push_back("script \"" + out.script + "\" is not an ISO 15924 code such as Arab");
  if (direction == "ltr" || direction == "rtl")
    out.direction = direction == "rtl" ? Direction::Rtl : Direction::Ltr;
  else if (!direction.empty())
    problems.push_back("direction \"" + direction + "\" is neither ltr nor rtl");
  if (status == "reviewed")
    out.status = TranslationStatus::Reviewed;
  else if (status == "draft")
    out.status = TranslationStatus::Draft;
  else if (status == "pseudo")
    out.status = TranslationStatus::Pseudo;
  else if (!status.empty())
    problems.push_back("status \"" + status + "\" is not reviewed, draft or pseudo");
  if (pseudo) {
    if (rewrite == "accents")
      out.rewrite = PseudoRewrite::Accents;
    else if (rewrite == "bidi")
      out.rewrite = PseudoRewrite::Bidi;
    else if (!rewrite.empty())
      problems.push_back("rewrite \"" + rewrite + "\" is neither accents nor bidi");
    if (out.status != TranslationStatus::Pseudo)
      problems.push_back("a pseudo-locale has status pseudo");
  }
  if (out.fonts.empty() && problems.size() == before) problems.push_back("lists no fonts");

  if (out.name.empty()) {
    out.name = icu_name(primary_language(out.tag), icu_locale(out.locale));
    if (out.name.empty() && !out.tag.empty())
      problems.push_back("ICU has no name for " + out.tag + " in " + out.locale +
                         "; type one as \"name\" and say why");
  } else {
    out.name_from_icu = false;
  }
  return problems.size() == before;
}

}  // namespace

const Language* LanguageRegistry::find(std::string_view tag) const {
  const std::string wanted = normalized(tag);
  for (const Language& l : languages)
    if (normalized(l.tag) == wanted) return &l;
  const std::string primary = primary_language(wanted);
  for (const Language& l : languages)
    if (!l.pseudo() && normalized(l.tag) == primary) return &l;
  return nullptr;
}

std::vector<const Language*> LanguageRegistry::spoken() const {
  std::vector<const Language*> out;
  for (const Language& l : languages)
    if (!l.pseudo()) out.push_back(&l);
  return out;
}

RegistryResult parse_registry(std::string_view text, std::string_view origin) {
  RegistryResult result;
  auto error = [&](int line, std::string what) {
    result.diagnostics.push_back(
        {std::string(origin), line, Diagnostic::Severity::Error, std::move(what)});
  };
  json root;
  try {
    root = json::parse(text.begin(), text.end(), nullptr, true, /*ignore_comments=*/true);
  } catch (const json::parse_error& e) {
    error(line_of(text, e.byte > 0 ? e.byte - 1 : 0), e.what());
    return result;
  }
  if (!root.is_object() || !root.contains("languages") || !root["languages"].is_array()) {
    error(0, "expected an object with a \"languages\" list");
    return result;
  }
  for (const char* section : {"languages", "pseudo"}) {
    if (!root.contains(section)) continue;
    const json& entries = root[section];
    if (!entries.is_array()) {
      error(0, std::string("\"") + section + "\" is not a list");
      continue;
    }
    for (size_t i = 0; i < entries.size(); ++i) {
      Language language;
      std::vector<std::string> problems;
      const bool ok =
          read_language(entries[i], std::string_view(section) == "pseudo", language, problems);
      if (ok && result.registry.find(language.tag) &&
          normalized(result.registry.find(language.tag)->tag) == normalized(language.tag))
        problems.push_back("is listed twice");
      const std::string who = std::string(section) + "[" + std::to_string(i) + "]" +
                              (language.tag.empty() ? "" : " (" + language.tag + ")");
      for (const std::string& p : problems) error(0, who + " " + p);
      if (problems.empty()) result.registry.languages.push_back(std::move(language));
    }
  }
  // Fallbacks must name languages of the file, and never the language itself.
  for (Language& l : result.registry.languages) {
    std::vector<std::string> kept;
    for (const std::string& f : l.fallback) {
      const Language* target = result.registry.find(f);
      if (!target || normalized(target->tag) != normalized(f) || target == &l)
        error(0, l.tag + ": fallback \"" + f + "\" is not another language of this file");
      else
        kept.push_back(f);
    }
    l.fallback = std::move(kept);
  }
  return result;
}

RegistryResult load_registry(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {{}, {{path, 0, Diagnostic::Severity::Error, "cannot open the file"}}};
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parse_registry(text, path);
}

std::string default_registry_file() {
  return data_path("languages.json", ICHHELFE_LANGUAGES_FILE);
}

const RegistryResult& shipped_registry() {
  static const RegistryResult shipped = load_registry(default_registry_file());
  return shipped;
}

std::string display_name(const Language& language, std::string_view ui_locale) {
  return icu_name(primary_language(language.tag), icu_locale(ui_locale));
}

}  // namespace ih::i18n
