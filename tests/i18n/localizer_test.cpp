// The UI language at run time: lookups along the fallback chain, one log line
// per missing message, switching back and forth without a restart, pseudo-
// locales, and the kiosk's real catalogs (Arabic's six plural forms).
#include "i18n/localizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "i18n/pseudo_locale.h"
#include "tests/i18n/catalog_dir.h"

namespace ih::i18n {
namespace {

using testing::CatalogDir;
using testing::po_text;

constexpr MessageId kHello = msg("Hello");
constexpr MessageId kOnlyInPersian = msg("Only in Persian");
constexpr MessageId kNowhere = msg("Nowhere translated");
constexpr MessageId kFiles = msg("{count, plural, one {# file} other {# files}}");
constexpr MessageId kGreeting = msg("Hello, {name}!");

// Dari falls back to Persian, then English, as the kiosk's list says.
constexpr std::string_view kRegistry = R"({
  "languages": [
    {"tag": "prs", "locale": "fa-AF", "script": "Arab", "direction": "rtl", "fonts": ["x.ttf"],
     "keyboard": "fa", "voice": "", "fallback": ["fa", "en"], "status": "draft"},
    {"tag": "fa", "script": "Arab", "direction": "rtl", "fonts": ["x.ttf"], "keyboard": "fa",
     "voice": "fa", "fallback": ["en"], "status": "draft"},
    {"tag": "de", "script": "Latn", "direction": "ltr", "fonts": ["x.ttf"], "keyboard": "de",
     "voice": "de", "fallback": ["en"], "status": "draft"},
    {"tag": "en", "script": "Latn", "direction": "ltr", "fonts": ["x.ttf"], "keyboard": "en",
     "voice": "en", "fallback": [], "status": "reviewed"}
  ],
  "pseudo": [
    {"tag": "en-XA", "locale": "en", "name": "Pseudo-accents", "script": "Latn",
     "direction": "ltr", "fonts": ["x.ttf"], "keyboard": "en", "voice": "", "fallback": ["en"],
     "status": "pseudo", "rewrite": "accents"},
    {"tag": "ar-XB", "locale": "ar", "name": "Pseudo-bidi", "script": "Latn",
     "direction": "rtl", "fonts": ["x.ttf"], "keyboard": "en", "voice": "", "fallback": ["en"],
     "status": "pseudo", "rewrite": "bidi"}
  ]
})";

class LocalizerTest : public ::testing::Test {
 protected:
  LocalizerTest() {
    dir.write("prs.po", po_text("prs", {{"Hello", "سلام", true},
                                        {"{count, plural, one {# file} other {# files}}",
                                         "{count, plural, one {# فایل} other {# فایل}}", true}}));
    dir.write("fa.po", po_text("fa", {{"Hello", "درود"}, {"Only in Persian", "فقط فارسی"}}));
    dir.write("de.po", po_text("de", {{"Hello", "Hallo"},
                                      {"Hello, {name}!", "Hallo, {name}!"},
                                      {"{count, plural, one {# file} other {# files}}",
                                       "{count, plural, one {# Datei} other {# Dateien}}"}}));
    dir.write("en.po", po_text("en", {{"Hello", "Hello"}}));
    const RegistryResult r = parse_registry(kRegistry, "test.json");
    for (const Diagnostic& d : r.diagnostics) ADD_FAILURE() << d.text();
    registry = r.registry;
  }

  Localizer make() {
    return Localizer(registry, {dir.path(), "Europe/Berlin",
                                [this](const std::string& line) { log.push_back(line); }});
  }

  CatalogDir dir;
  LanguageRegistry registry;
  std::vector<std::string> log;
};

TEST_F(LocalizerTest, StartsInTheSourceLanguage) {
  Localizer strings = make();
  EXPECT_EQ(strings.language(), "en");
  EXPECT_EQ(strings.text(kHello), "Hello");
  EXPECT_EQ(strings.direction(), Direction::Ltr);
}

TEST_F(LocalizerTest, FallsBackAlongTheChainAndLogsOnce) {
  Localizer strings = make();
  EXPECT_TRUE(strings.set_language("prs").empty());
  EXPECT_EQ(strings.chain(), (std::vector<std::string>{"prs", "fa", "en"}));
  EXPECT_EQ(strings.text(kHello), "سلام");                  // Dari's own, a draft: shown
  EXPECT_EQ(strings.text(kOnlyInPersian), "فقط فارسی");     // from Persian
  EXPECT_EQ(strings.text(kNowhere), "Nowhere translated");  // the source
  log.clear();
  strings.text(kOnlyInPersian);
  strings.text(kNowhere);
  EXPECT_TRUE(log.empty());
  // Back and forth: still logged only once per language.
  strings.set_language("de");
  strings.set_language("prs");
  strings.text(kOnlyInPersian);
  for (const std::string& line : log) EXPECT_EQ(line.find("Only in Persian"), std::string::npos);
}

TEST_F(LocalizerTest, TheLogNamesLanguageMessageAndWhereItCameFrom) {
  Localizer strings = make();
  strings.set_language("prs");
  log.clear();
  strings.text(kOnlyInPersian);
  strings.text(kNowhere);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0], "prs: no translation of “Only in Persian”; showing it in fa");
  EXPECT_EQ(log[1], "prs: no translation of “Nowhere translated”; showing it in en (the source)");
}

TEST_F(LocalizerTest, SwitchesAtRunTimeWithoutReloading) {
  Localizer strings = make();
  strings.set_language("de");
  EXPECT_EQ(strings.text(kHello), "Hallo");
  EXPECT_EQ(strings.direction(), Direction::Ltr);
  strings.set_language("fa");
  EXPECT_EQ(strings.text(kHello), "درود");
  EXPECT_EQ(strings.direction(), Direction::Rtl);
  EXPECT_EQ(strings.formats().numbering_system(), "arabext");
  // The catalogs are kept: removing the files changes nothing any more.
  std::filesystem::remove(dir.path() + "/de.po");
  log.clear();
  strings.set_language("de");
  EXPECT_EQ(strings.text(kHello), "Hallo");
  EXPECT_EQ(strings.formats().numbering_system(), "latn");
  EXPECT_TRUE(log.empty());
}

TEST_F(LocalizerTest, FormatsPluralsInTheLocalesDigits) {
  Localizer strings = make();
  strings.set_language("de");
  EXPECT_EQ(strings.format(kFiles, {{"count", 1}}), "1 Datei");
  EXPECT_EQ(strings.format(kFiles, {{"count", 1500}}), "1.500 Dateien");
  strings.set_language("prs");
  EXPECT_EQ(strings.format(kFiles, {{"count", 12}}), "۱۲ فایل");
}

TEST_F(LocalizerTest, IsolatesStringArguments) {
  Localizer strings = make();
  strings.set_language("de");
  EXPECT_EQ(strings.format(kGreeting, {{"name", "Anna"}}), "Hallo, \u2068Anna\u2069!");
}

TEST_F(LocalizerTest, AMessageFromAFallbackFormatsInThatLanguage) {
  // Persian has no translation of the plural message; it shows the English
  // source, and English text takes English plural rules and digits.
  Localizer strings = make();
  strings.set_language("fa");
  EXPECT_EQ(strings.format(kFiles, {{"count", 2}}), "2 files");
}

TEST_F(LocalizerTest, AWrongArgumentIsLoggedNotThrown) {
  Localizer strings = make();
  strings.set_language("de");
  log.clear();
  const std::string shown = strings.format(kFiles, {{"count", "many"}});
  EXPECT_FALSE(shown.empty());
  ASSERT_EQ(log.size(), 1u);
  EXPECT_NE(log[0].find("cannot format"), std::string::npos) << log[0];
  // The value is not in the log: it might be personal.
  EXPECT_EQ(log[0].find("many"), std::string::npos) << log[0];
}

TEST_F(LocalizerTest, AnUnlistedLanguageIsShownInTheSourceLanguage) {
  Localizer strings = make();
  strings.set_language("he");
  EXPECT_EQ(strings.language(), "he");
  EXPECT_EQ(strings.direction(), Direction::Rtl);
  EXPECT_EQ(strings.text(kHello), "Hello");
}

TEST_F(LocalizerTest, PseudoAccentsRewriteTheEnglish) {
  Localizer strings = make();
  strings.set_language("en-XA");
  EXPECT_EQ(strings.text(kHello), "[Ĥééļļöö]");
  EXPECT_EQ(strings.format(kFiles, {{"count", 3}}), "[3 ƒîîļééš]");
  EXPECT_EQ(strings.direction(), Direction::Ltr);
}

TEST_F(LocalizerTest, PseudoBidiIsRightToLeft) {
  Localizer strings = make();
  strings.set_language("ar-XB");
  EXPECT_EQ(strings.direction(), Direction::Rtl);
  EXPECT_EQ(strings.text(kHello), "\u200F\u202EHello\u202C");
}

// [SECTION] The kiosk's real catalogs

class KioskCatalogsTest : public ::testing::Test {
 protected:
  KioskCatalogsTest() {
    loaded = load_registry(default_registry_file());
    for (const Diagnostic& d : loaded.diagnostics) ADD_FAILURE() << d.text();
  }
  RegistryResult loaded;
};

constexpr MessageId kLanguages = msg("{count, plural, one {# language} other {# languages}}");

TEST_F(KioskCatalogsTest, ArabicHasSixPluralForms) {
  Localizer strings(loaded.registry,
                    {{}, {}, [](const std::string& line) { ADD_FAILURE() << line; }});
  EXPECT_TRUE(strings.set_language("ar").empty());
  // zero, one, two, few (3–10), many (11–99), other (100–102, …)
  EXPECT_EQ(strings.format(kLanguages, {{"count", 0}}), "لا توجد لغات");
  EXPECT_EQ(strings.format(kLanguages, {{"count", 1}}), "لغة واحدة");
  EXPECT_EQ(strings.format(kLanguages, {{"count", 2}}), "لغتان");
  EXPECT_EQ(strings.format(kLanguages, {{"count", 3}}), "٣ لغات");
  EXPECT_EQ(strings.format(kLanguages, {{"count", 11}}), "١١ لغةً");
  EXPECT_EQ(strings.format(kLanguages, {{"count", 100}}), "١٠٠ لغة");
}

TEST_F(KioskCatalogsTest, EveryLanguageSaysHowManyLanguagesInItsOwnDigits) {
  Localizer strings(loaded.registry);
  const std::pair<const char*, const char*> expected[] = {
      {"de", "18 Sprachen"}, {"ar", "١٨ لغةً"}, {"fa", "۱۸ زبان"},
      {"prs", "۱۸ زبان"},    {"ps", "۱۸ ژبې"}, {"ur", "18 زبانیں"},
      {"ru", "18 языков"},   {"uk", "18 мов"}, {"ckb", "١٨ زمان"},
  };
  for (const auto& [tag, text] : expected) {
    strings.set_language(tag);
    EXPECT_EQ(strings.format(kLanguages, {{"count", 18}}), text) << tag;
  }
}

}  // namespace
}  // namespace ih::i18n
