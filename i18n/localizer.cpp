#include "i18n/localizer.h"

#include <algorithm>
#include <cstdio>

#include "i18n/data_dir.h"
#include "i18n/language.h"
#include "i18n/pseudo_locale.h"

namespace ih::i18n {

namespace {

// The language of the source strings, and the locale they format in.
constexpr std::string_view kSourceLanguage = "en";

// A language the registry does not list: written as ICU says, falling back to
// the source.
Language unlisted(std::string_view tag) {
  Language l;
  l.tag = std::string(tag);
  l.locale = l.tag;
  l.name = l.tag;
  l.direction = direction_of(tag);
  l.fallback = {std::string(kSourceLanguage)};
  return l;
}

std::string describe(MessageId id) {
  std::string out = "“";
  if (id.context) out += std::string(id.context) + "|";
  out += id.id;
  return out + "”";
}

}  // namespace

std::string default_catalog_dir() {
  return data_path("po", ICHHELFE_CATALOG_DIR);
}

Localizer::Localizer(const LanguageRegistry& registry, LocalizerOptions options)
    : registry_(registry), options_(std::move(options)) {
  if (options_.catalog_dir.empty()) options_.catalog_dir = default_catalog_dir();
  set_language(kSourceLanguage);
}

Localizer::~Localizer() = default;

void Localizer::log(const std::string& line) const {
  if (options_.log)
    options_.log(line);
  else
    std::fprintf(stderr, "i18n: %s\n", line.c_str());
}

std::vector<Diagnostic> Localizer::set_language(std::string_view tag) {
  std::vector<Diagnostic> problems;
  const Language* listed = registry_.find(tag);
  language_ = listed ? *listed : unlisted(tag);
  if (!listed)
    log("'" + std::string(tag) + "' is not in the language list; showing it with " +
        std::string(kSourceLanguage) + " as fallback");

  chain_.clear();
  if (!language_.pseudo()) chain_.push_back(language_.tag);
  for (const std::string& f : language_.fallback) chain_.push_back(f);

  for (const std::string& t : chain_) {
    if (catalogs_.count(t)) continue;
    const Language* entry = registry_.find(t);
    const std::string locale = entry ? entry->locale : t;
    CatalogResult loaded = load_catalog(options_.catalog_dir + "/" + t + ".po", locale);
    for (const Diagnostic& d : loaded.diagnostics) log(d.text());
    if (!loaded.catalog) log(t + ": no catalog; its messages come from the next language");
    problems.insert(problems.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
    catalogs_.emplace(t, std::move(loaded.catalog));
  }

  auto known = formats_by_locale_.find(language_.locale);
  if (known == formats_by_locale_.end()) {
    LocaleFormat::Result made = LocaleFormat::create(language_.locale, options_.time_zone);
    if (!made.value) {
      log(language_.tag + ": " + made.error + "; formatting as " + std::string(kSourceLanguage));
      made = LocaleFormat::create(kSourceLanguage, options_.time_zone);
    }
    known = formats_by_locale_.emplace(language_.locale, std::move(made.value)).first;
  }
  formats_ = known->second.get();
  resolved_.clear();
  return problems;
}

const Catalog* Localizer::catalog(const std::string& tag) const {
  const auto it = catalogs_.find(tag);
  return it == catalogs_.end() ? nullptr : it->second.get();
}

const Localizer::Resolved& Localizer::resolve(MessageId id) const {
  std::string key = message_key(id);
  if (const auto it = resolved_.find(key); it != resolved_.end()) return it->second;

  const CatalogMessage* found = nullptr;
  std::string found_in;
  for (const std::string& t : chain_) {
    const Catalog* c = catalog(t);
    if (c && (found = c->find(id))) {
      found_in = t;
      break;
    }
  }
  // Missing from the language's own catalog: say so once per language.
  if (!language_.pseudo() && found_in != language_.tag &&
      logged_.insert(language_.tag + '\x1F' + key).second)
    log(language_.tag + ": no translation of " + describe(id) + "; showing it in " +
        (found ? found_in : std::string(kSourceLanguage) + " (the source)"));

  Resolved r;
  if (language_.pseudo()) {
    const std::string pattern =
        pseudo_translate(found ? std::string_view(found->translation) : id.id, language_.rewrite);
    r.format = compile_message(pattern, language_.locale);
  } else if (found) {
    if (found->has_arguments)
      r.format = found->format;
    else
      r.plain = found->plain;
  } else {
    std::string error;
    r.format = compile_message(id.id, kSourceLanguage, &error);
    if (!r.format && logged_.insert(std::string("source") + '\x1F' + key).second)
      log("the source " + describe(id) + " is not ICU MessageFormat: " + error);
  }
  if (r.format && r.plain.empty()) {
    // Without arguments ICU shows each argument's place as {name}.
    r.plain = format_message(*r.format, {});
  } else if (!r.format && r.plain.empty() && !found) {
    r.plain = id.id;
  }
  return resolved_.emplace(std::move(key), std::move(r)).first->second;
}

std::string_view Localizer::text(MessageId id) const {
  return resolve(id).plain;
}

std::string Localizer::format(MessageId id, std::initializer_list<Argument> arguments) const {
  return format(id, std::span<const Argument>(arguments.begin(), arguments.size()));
}

std::string Localizer::format(MessageId id, std::span<const Argument> arguments) const {
  const Resolved& r = resolve(id);
  if (!r.format) return r.plain;
  std::string error;
  std::string out = format_message(*r.format, arguments, &error);
  if (!error.empty() && logged_
                            .insert(language_.tag + '\x1F' + message_key(id) +
                                    "\x1F"
                                    "format")
                            .second)
    log(language_.tag + ": " + describe(id) + ": " + error);
  return out;
}

void Localizer::forget_other_languages() {
  for (auto it = catalogs_.begin(); it != catalogs_.end();) {
    if (std::find(chain_.begin(), chain_.end(), it->first) == chain_.end())
      it = catalogs_.erase(it);
    else
      ++it;
  }
  for (auto it = formats_by_locale_.begin(); it != formats_by_locale_.end();) {
    if (it->second.get() != formats_)
      it = formats_by_locale_.erase(it);
    else
      ++it;
  }
}

}  // namespace ih::i18n
