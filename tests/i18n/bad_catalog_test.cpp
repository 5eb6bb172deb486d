// Broken catalogs: each mistake a translator or an editor can make gives one
// clear error naming the file and the line, the broken part is left out, and
// the kiosk shows the next language of the chain instead. Nothing crashes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "i18n/catalog.h"
#include "i18n/localizer.h"
#include "tests/i18n/catalog_dir.h"

namespace ih::i18n {
namespace {

using testing::CatalogDir;
using testing::po_text;

// Each message of po_text() takes three lines after a four-line header: the
// first message's msgstr is on line 7, the second's on line 10.
constexpr int kFirstMsgstr = 7;
constexpr int kSecondMsgstr = 10;

std::string all(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += d.text() + "\n";
  return out;
}

// The one error of `result`, which must have exactly one diagnostic.
std::string only_error(const CatalogResult& result) {
  EXPECT_EQ(result.diagnostics.size(), 1u) << all(result.diagnostics);
  if (result.diagnostics.empty()) return {};
  EXPECT_EQ(result.diagnostics[0].severity, Diagnostic::Severity::Error);
  return result.diagnostics[0].text();
}

TEST(BadCatalogTest, APoSyntaxErrorRejectsTheFileAndNamesTheLine) {
  const std::string text =
      "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
      "msgid \"Hello\"\nmsgstr \"Hallo\n\nmsgid \"Bye\"\nmsgstr \"Tschüss\"\n";
  const CatalogResult r = parse_catalog(text, "de.po", "de");
  EXPECT_EQ(r.catalog, nullptr);
  ASSERT_FALSE(r.diagnostics.empty());
  // The string opens on line 6; like msgfmt, libgettextpo names the line where
  // it found the end of the line, 7.
  EXPECT_EQ(r.diagnostics[0].text(), "de.po:7: error: end-of-line within string");
}

TEST(BadCatalogTest, InvalidUtf8RejectsTheFileAndNamesTheLine) {
  const std::string text = po_text("de", {{"Hello", "Hallo"}, {"Bye", "Tsch\xFC\xFF"}});
  const CatalogResult r = parse_catalog(text, "de.po", "de");
  EXPECT_EQ(r.catalog, nullptr);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].text(),
            "de.po:" + std::to_string(kSecondMsgstr) + ": error: invalid multibyte sequence");
}

TEST(BadCatalogTest, ACharsetOtherThanUtf8RejectsTheFile) {
  std::string text = po_text("de", {{"Hello", "Hallo"}});
  text.replace(text.find("UTF-8"), 5, "ISO-8859-1");
  const CatalogResult r = parse_catalog(text, "de.po", "de");
  EXPECT_EQ(r.catalog, nullptr);
  EXPECT_EQ(only_error(r),
            "de.po: error: the header says charset=ISO-8859-1; catalogs must be UTF-8");
}

TEST(BadCatalogTest, AMessageFormatSyntaxErrorLeavesOutThatMessage) {
  const CatalogResult r =
      parse_catalog(po_text("de", {{"{n, plural, one {# file} other {# files}}",
                                    "{n, plurl, one {# Datei} other {# Dateien}}"},
                                   {"Hello", "Hallo"}}),
                    "de.po", "de");
  ASSERT_NE(r.catalog, nullptr);
  EXPECT_EQ(r.catalog->messages.size(), 1u);
  EXPECT_EQ(only_error(r), "de.po:" + std::to_string(kFirstMsgstr) +
                               ": error: “{n, plural, one {# file} other {# files}}”: the "
                               "translation is not ICU MessageFormat: {n} has the unknown type "
                               "“plurl”; ICU knows number, date, time, plural, select, "
                               "selectordinal, spellout, ordinal and duration");
}

TEST(BadCatalogTest, APluralWithoutOtherIsBroken) {
  const CatalogResult r = parse_catalog(
      po_text("ar",
              {{"{n, plural, one {# file} other {# files}}",
                "{n, plural, zero {لا ملفات} one {ملف} two {ملفان} few {# ملفات} many {# ملفًا}}"}}),
      "ar.po", "ar");
  ASSERT_NE(r.catalog, nullptr);
  EXPECT_TRUE(r.catalog->messages.empty());
  EXPECT_NE(only_error(r).find("a plural or select has no 'other' form"), std::string::npos)
      << all(r.diagnostics);
}

TEST(BadCatalogTest, APluralFormTheLanguageHasNotIsBroken) {
  // German has one and other; "few" is a Slavic or Arabic form.
  const CatalogResult r = parse_catalog(
      po_text("de", {{"{n, plural, one {# file} other {# files}}",
                      "{n, plural, one {# Datei} few {# Dateien} other {# Dateien}}"}}),
      "de.po", "de");
  ASSERT_NE(r.catalog, nullptr);
  EXPECT_TRUE(r.catalog->messages.empty());
  EXPECT_EQ(only_error(r),
            "de.po:7: error: “{n, plural, one {# file} other {# files}}”: broken "
            "plural {n}: few not a form of de, which has one, other");
}

TEST(BadCatalogTest, AMissingPluralFormIsAWarningAndTheMessageStays) {
  const CatalogResult r =
      parse_catalog(po_text("ru", {{"{n, plural, one {# file} other {# files}}",
                                    "{n, plural, one {# файл} other {# файла}}"}}),
                    "ru.po", "ru");
  ASSERT_NE(r.catalog, nullptr);
  EXPECT_EQ(r.catalog->messages.size(), 1u);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].severity, Diagnostic::Severity::Warning);
  EXPECT_NE(r.diagnostics[0].text().find("lacks the ru form(s) few, many"), std::string::npos)
      << r.diagnostics[0].text();
}

TEST(BadCatalogTest, AnUnknownArgumentIsAnError) {
  const CatalogResult r = parse_catalog(
      po_text("de", {{"Hello", "Hallo"}, {"Hello, {name}!", "Hallo, {nmae}!"}}), "de.po", "de");
  ASSERT_NE(r.catalog, nullptr);
  EXPECT_EQ(r.catalog->messages.size(), 1u);
  const std::vector<Diagnostic>& d = r.diagnostics;
  ASSERT_EQ(d.size(), 2u) << all(d);
  EXPECT_EQ(d[0].text(),
            "de.po:10: error: “Hello, {name}!”: the translation uses {nmae}, which "
            "the source has not");
  EXPECT_EQ(d[1].text(), "de.po:10: error: “Hello, {name}!”: the translation leaves out {name}");
}

TEST(BadCatalogTest, AnArgumentOfAnotherKindIsAnError) {
  const CatalogResult r = parse_catalog(
      po_text("de", {{"{n, plural, one {# file} other {# files}}", "{n, date} Dateien"}}), "de.po",
      "de");
  EXPECT_NE(only_error(r).find("{n} is a number in the source but a date in the translation"),
            std::string::npos);
}

TEST(BadCatalogTest, NumberedArgumentsAndGettextPluralsAreRefused) {
  const CatalogResult numbered =
      parse_catalog(po_text("de", {{"{0} files", "{0} Dateien"}}), "de.po", "de");
  EXPECT_NE(only_error(numbered).find("numbered argument {0}"), std::string::npos);

  const std::string text =
      "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
      "msgid \"file\"\nmsgid_plural \"files\"\nmsgstr[0] \"Datei\"\nmsgstr[1] \"Dateien\"\n";
  const CatalogResult plural = parse_catalog(text, "de.po", "de");
  EXPECT_EQ(only_error(plural),
            "de.po:6: error: “file”: gettext plural forms (msgid_plural) are "
            "not used; write an ICU plural in the msgid");
}

TEST(BadCatalogTest, EmptyTranslationsAreUntranslatedNotErrors) {
  const CatalogResult r =
      parse_catalog(po_text("de", {{"Hello", ""}, {"Bye", "Tschüss"}}), "de.po", "de");
  ASSERT_NE(r.catalog, nullptr);
  EXPECT_TRUE(r.diagnostics.empty()) << all(r.diagnostics);
  EXPECT_EQ(r.catalog->messages.size(), 1u);
}

TEST(BadCatalogTest, AMissingFileIsAnError) {
  const CatalogResult r = load_catalog("/nonexistent/xx.po", "de");
  EXPECT_EQ(r.catalog, nullptr);
  EXPECT_EQ(only_error(r), "/nonexistent/xx.po: error: cannot open the file");
}

TEST(BadCatalogTest, GarbageIsAnErrorNotACrash) {
  const std::string garbage[] = {
      "",         std::string("\x00\x01\x02", 3),
      "msgid",    "msgstr \"x\"",
      "\"\"\"\"", "msgid \"a\"\nmsgstr \"b\"\nmsgid \"a\"\nmsgstr \"c\"\n"};
  for (const std::string& g : garbage) {
    const CatalogResult r = parse_catalog(g, "g.po", "de");
    for (const Diagnostic& d : r.diagnostics) EXPECT_TRUE(d.text().starts_with("g.po"));
  }
}

// [SECTION] What the kiosk does with them

constexpr std::string_view kRegistry = R"({"languages": [
  {"tag": "ar", "script": "Arab", "direction": "rtl", "fonts": ["x.ttf"], "keyboard": "ar",
   "voice": "ar", "fallback": ["fr", "en"], "status": "draft"},
  {"tag": "fr", "script": "Latn", "direction": "ltr", "fonts": ["x.ttf"], "keyboard": "fr",
   "voice": "fr", "fallback": ["en"], "status": "draft"},
  {"tag": "en", "script": "Latn", "direction": "ltr", "fonts": ["x.ttf"], "keyboard": "en",
   "voice": "en", "fallback": [], "status": "reviewed"}
]})";

TEST(BadCatalogTest, TheKioskFallsBackToTheNextLanguageAndReportsOnce) {
  CatalogDir dir;
  // An Arabic catalog with a syntax error, a good French one.
  dir.write("ar.po", "msgid \"Hello\"\nmsgstr \"مرحبا\n");
  dir.write("fr.po", po_text("fr", {{"Hello", "Bonjour"}, {"Hello, {name}!", "Bonjour, {nom} !"}}));
  const RegistryResult registry = parse_registry(kRegistry, "test.json");
  std::vector<std::string> log;
  Localizer strings(registry.registry,
                    {dir.path(), {}, [&](const std::string& line) { log.push_back(line); }});
  const std::vector<Diagnostic> problems = strings.set_language("ar");
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0].origin, dir.path() + "/ar.po");
  EXPECT_EQ(problems[0].line, 3);                  // the string of line 2 ends there (see above)
  EXPECT_EQ(strings.direction(), Direction::Rtl);  // still Arabic, with French words
  EXPECT_EQ(strings.text(msg("Hello")), "Bonjour");
  // French's broken message falls through to the source.
  EXPECT_EQ(strings.format(msg("Hello, {name}!"), {{"name", "Ali"}}), "Hello, \u2068Ali\u2069!");
  // Switching away and back reports nothing again.
  const size_t lines = log.size();
  EXPECT_TRUE(strings.set_language("fr").empty());
  EXPECT_TRUE(strings.set_language("ar").empty());
  EXPECT_EQ(log.size(), lines);
}

}  // namespace
}  // namespace ih::i18n
