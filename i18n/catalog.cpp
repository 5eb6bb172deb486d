#include "i18n/catalog.h"

#include <unicode/fmtable.h>
#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/plurrule.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>

#include "i18n/bidi_isolation.h"
#include "i18n/message_pattern.h"
#include "i18n/po_file.h"

namespace ih::i18n {

namespace {

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

// The source text, short enough to name a message in one line.
std::string quote(std::string_view source) {
  constexpr size_t kMax = 60;
  if (source.size() <= kMax) return "“" + std::string(source) + "”";
  size_t cut = kMax;
  while (cut > 0 && (static_cast<uint8_t>(source[cut]) & 0xC0) == 0x80) --cut;
  return "“" + std::string(source.substr(0, cut)) + "…”";
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// The plural keywords CLDR gives `locale`, cardinal or ordinal.
std::vector<std::string> plural_keywords(const icu::Locale& locale, bool ordinal) {
  std::vector<std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(
      locale, ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, status));
  if (U_FAILURE(status)) return out;
  std::unique_ptr<icu::StringEnumeration> keywords(rules->getKeywords(status));
  if (U_FAILURE(status)) return out;
  while (const char* k = keywords->next(nullptr, status)) out.emplace_back(k);
  return out;
}

// The checks of catalog.h, between a source and its translation. Returns the
// errors; adds warnings to `warnings`.
std::vector<std::string> compare(const PatternInfo& source, const PatternInfo& translation,
                                 const icu::Locale& locale, std::string_view locale_tag,
                                 std::vector<std::string>& warnings) {
  std::vector<std::string> errors;
  for (const PatternArgument& a : translation.arguments) {
    const PatternArgument* s = source.find(a.name);
    if (!s) {
      errors.push_back("the translation uses {" + a.name + "}, which the source has not");
      continue;
    }
    if (a.kind != ArgumentKind::Any && s->kind != ArgumentKind::Any && a.kind != s->kind)
      errors.push_back("{" + a.name + "} is a " + std::string(to_string(s->kind)) +
                       " in the source but a " + std::string(to_string(a.kind)) +
                       " in the translation");
    if (a.plural_forms.empty()) continue;
    const std::vector<std::string> forms = plural_keywords(locale, a.ordinal);
    std::vector<std::string> foreign, missing;
    for (const std::string& f : a.plural_forms)
      if (std::find(forms.begin(), forms.end(), f) == forms.end()) foreign.push_back(f);
    for (const std::string& f : forms)
      if (std::find(a.plural_forms.begin(), a.plural_forms.end(), f) == a.plural_forms.end())
        missing.push_back(f);
    if (!foreign.empty())
      errors.push_back("broken plural {" + a.name + "}: " + join(foreign) + " not a form of " +
                       std::string(locale_tag) + ", which has " + join(forms));
    else if (!missing.empty())
      warnings.push_back("plural {" + a.name + "} lacks the " + std::string(locale_tag) +
                         " form(s) " + join(missing) + "; 'other' is shown instead");
  }
  for (const PatternArgument& s : source.arguments)
    if (!translation.find(s.name)) errors.push_back("the translation leaves out {" + s.name + "}");
  return errors;
}

icu::UnicodeString unicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

}  // namespace

std::string message_key(std::string_view context, bool has_context, std::string_view id) {
  if (!has_context) return std::string(id);
  std::string key(context);
  key += '\x04';
  key += id;
  return key;
}

std::string message_key(MessageId id) {
  return message_key(id.context ? id.context : "", id.context != nullptr, id.id);
}

const CatalogMessage* Catalog::find(MessageId id) const {
  const auto it = messages.find(message_key(id));
  return it == messages.end() ? nullptr : &it->second;
}

size_t Catalog::fuzzy_count() const {
  return static_cast<size_t>(std::count_if(messages.begin(), messages.end(),
                                           [](const auto& m) { return m.second.fuzzy; }));
}

std::shared_ptr<const icu::MessageFormat> compile_message(std::string_view pattern,
                                                          std::string_view locale,
                                                          std::string* error) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale l = icu::Locale::forLanguageTag(
      icu::StringPiece(locale.data(), static_cast<int32_t>(locale.size())), status);
  if (U_FAILURE(status)) {
    if (error) *error = "no such locale '" + std::string(locale) + "'";
    return nullptr;
  }
  UParseError where{};
  auto format = std::make_shared<icu::MessageFormat>(unicode(pattern), l, where, status);
  if (U_FAILURE(status)) {
    if (error) *error = std::string("ICU cannot format it (") + u_errorName(status) + ")";
    return nullptr;
  }
  return format;
}

std::string format_message(const icu::MessageFormat& format, std::span<const Argument> arguments,
                           std::string* error) {
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  names.reserve(arguments.size());
  values.reserve(arguments.size());
  for (const Argument& a : arguments) {
    names.push_back(unicode(a.name));
    if (const auto* i = std::get_if<int64_t>(&a.value)) {
      values.emplace_back(*i);
    } else if (const auto* d = std::get_if<double>(&a.value)) {
      values.emplace_back(*d);
    } else if (const auto* s = std::get_if<std::string_view>(&a.value)) {
      values.emplace_back(unicode(isolate(*s)));
    } else {
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
          std::get<Timestamp>(a.value).time_since_epoch());
      values.emplace_back(static_cast<UDate>(ms.count()), icu::Formattable::kIsDate);
    }
  }
  icu::UnicodeString out;
  UErrorCode status = U_ZERO_ERROR;
  format.format(names.data(), values.data(), static_cast<int32_t>(values.size()), out, status);
  std::string text;
  if (U_FAILURE(status)) {
    if (error) *error = std::string("cannot format: ") + u_errorName(status);
    format.toPattern(out.remove()).toUTF8String(text);
    return text;
  }
  out.toUTF8String(text);
  return text;
}

CatalogResult parse_catalog(std::string_view text, std::string_view origin,
                            std::string_view locale) {
  CatalogResult result;
  PoFile po = parse_po(text, origin);
  result.diagnostics = std::move(po.diagnostics);
  if (!po.usable) return result;

  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale icu_locale = icu::Locale::forLanguageTag(
      icu::StringPiece(locale.data(), static_cast<int32_t>(locale.size())), status);
  auto catalog = std::make_shared<Catalog>();
  catalog->origin = std::string(origin);
  catalog->locale = std::string(locale);

  for (PoEntry& e : po.entries) {
    if (e.obsolete || (e.source.empty() && !e.has_context)) continue;  // the header
    auto report = [&](Diagnostic::Severity severity, const std::string& what) {
      result.diagnostics.push_back(
          {catalog->origin, e.line, severity, quote(e.source) + ": " + what});
    };
    auto fail = [&](const std::string& what) { report(Diagnostic::Severity::Error, what); };
    if (e.gettext_plural) {
      fail("gettext plural forms (msgid_plural) are not used; write an ICU plural in the msgid");
      continue;
    }
    if (e.translation.empty()) continue;
    if (!valid_utf8(e.source) || !valid_utf8(e.translation) || !valid_utf8(e.context)) {
      fail("not valid UTF-8");
      continue;
    }
    const PatternInfo source = analyse_pattern(e.source);
    if (!source.ok()) {
      fail("the source is not ICU MessageFormat: " + source.error);
      continue;
    }
    const PatternInfo translation = analyse_pattern(e.translation);
    if (!translation.ok()) {
      fail("the translation is not ICU MessageFormat: " + translation.error);
      continue;
    }
    std::vector<std::string> warnings;
    const std::vector<std::string> errors =
        compare(source, translation, icu_locale, locale, warnings);
    for (const std::string& w : warnings) report(Diagnostic::Severity::Warning, w);
    for (const std::string& m : errors) fail(m);
    if (!errors.empty()) continue;
    std::string error;
    auto format = compile_message(e.translation, locale, &error);
    if (!format) {
      fail("the translation is not ICU MessageFormat: " + error);
      continue;
    }
    CatalogMessage message;
    message.translation = std::move(e.translation);
    message.fuzzy = e.fuzzy;
    message.line = e.line;
    message.has_arguments = !translation.arguments.empty();
    if (!message.has_arguments) message.plain = format_message(*format, {});
    message.format = std::move(format);
    catalog->messages.emplace(message_key(e.context, e.has_context, e.source), std::move(message));
  }
  result.catalog = std::move(catalog);
  return result;
}

CatalogResult load_catalog(const std::string& path, std::string_view locale) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {nullptr, {{path, 0, Diagnostic::Severity::Error, "cannot open the file"}}};
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parse_catalog(text, path, locale);
}

}  // namespace ih::i18n
