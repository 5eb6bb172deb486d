// The language list (assets/languages.json): the eighteen languages of the
// product brief, in its order; what it types agrees with ICU and with the font
// configuration; what ICU knows comes from ICU; broken files are reported.
#include "i18n/language_registry.h"

#include <gtest/gtest.h>
#include <unicode/locid.h>
#include <unicode/uloc.h>

#include <algorithm>
#include <string>

#include "i18n/language.h"
#include "render/font_config.h"

namespace ih::i18n {
namespace {

const RegistryResult& loaded() {
  static const RegistryResult r =
      load_registry(std::string(ICHHELFE_SOURCE_DIR) + "/assets/languages.json");
  return r;
}
const LanguageRegistry& registry() {
  return loaded().registry;
}

TEST(LanguageRegistryTest, TheFileLoadsCleanly) {
  for (const Diagnostic& d : loaded().diagnostics) ADD_FAILURE() << d.text();
}

TEST(LanguageRegistryTest, ListsTheEighteenLanguagesInPriorityOrder) {
  std::vector<std::string> tags;
  for (const Language* l : registry().spoken()) tags.push_back(l->tag);
  const std::vector<std::string> expected = {"de", "ar",  "uk", "ru",  "prs", "ps",
                                             "tr", "kmr", "fa", "ckb", "so",  "ti",
                                             "am", "es",  "en", "fr",  "ka",  "ur"};
  EXPECT_EQ(tags, expected);
}

TEST(LanguageRegistryTest, NamesComeFromIcuExceptWhereIcuHasNone) {
  // Each language's name for itself, as CLDR has it (or as typed, with why).
  const std::pair<const char*, const char*> expected[] = {
      {"de", "Deutsch"},    {"ar", "العربية"},
      {"uk", "Українська"}, {"ru", "Русский"},
      {"prs", "دری"},       {"ps", "پښتو"},
      {"tr", "Türkçe"},     {"kmr", "Kurmancî"},
      {"fa", "فارسی"},      {"ckb", "کوردیی ناوەندی"},
      {"so", "Soomaali"},   {"ti", "ትግርኛ"},
      {"am", "አማርኛ"},       {"es", "Español"},
      {"en", "English"},    {"fr", "Français"},
      {"ka", "ქართული"},    {"ur", "اردو"},
  };
  for (const auto& [tag, name] : expected) {
    const Language* l = registry().find(tag);
    ASSERT_NE(l, nullptr) << tag;
    EXPECT_EQ(l->name, name) << tag;
  }
  for (const Language* l : registry().spoken()) {
    // Typed only for Kurmanji: ICU 72 has no kmr locale of its own.
    EXPECT_EQ(l->name_from_icu, l->tag != "kmr") << l->tag;
  }
}

TEST(LanguageRegistryTest, ScriptAndDirectionAgreeWithIcu) {
  for (const Language* l : registry().spoken()) {
    char likely[ULOC_FULLNAME_CAPACITY];
    char script[ULOC_SCRIPT_CAPACITY];
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = icu::Locale::forLanguageTag(l->locale, status);
    uloc_addLikelySubtags(locale.getName(), likely, sizeof likely, &status);
    uloc_getScript(likely, script, sizeof script, &status);
    ASSERT_TRUE(U_SUCCESS(status)) << l->tag;
    EXPECT_EQ(l->script, script) << l->tag;
    EXPECT_EQ(l->direction == Direction::Rtl, is_rtl(l->tag)) << l->tag;
  }
}

TEST(LanguageRegistryTest, FontsAreWhatTheFontConfigurationGivesFirst) {
  const auto config =
      render::load_font_config(std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf");
  ASSERT_TRUE(config.ok()) << config.error;
  for (const Language& l : registry().languages) {
    const auto files = render::font_files_for(config.config, l.script, primary_language(l.tag));
    ASSERT_GE(files.size(), l.fonts.size()) << l.tag;
    EXPECT_TRUE(std::equal(l.fonts.begin(), l.fonts.end(), files.begin())) << l.tag;
  }
}

TEST(LanguageRegistryTest, VoicesWhereEspeakHasThemAndNoneWhereItHasNot) {
  for (const char* tag : {"ps", "ckb", "ti", "so"})
    EXPECT_EQ(registry().find(tag)->voice, "") << tag;
  for (const char* tag : {"ar", "fa", "ur", "am", "uk", "ru", "tr", "de", "en", "fr", "es", "ka"})
    EXPECT_EQ(registry().find(tag)->voice, tag);
  EXPECT_EQ(registry().find("kmr")->voice, "ku");
  EXPECT_EQ(registry().find("prs")->voice, "fa");  // Dari is read by the Persian voice
}

TEST(LanguageRegistryTest, FallbackChainsEndInEnglishAndDariLeadsToPersian) {
  for (const Language* l : registry().spoken()) {
    if (l->tag == "en") {
      EXPECT_TRUE(l->fallback.empty());
      continue;
    }
    ASSERT_FALSE(l->fallback.empty()) << l->tag;
    EXPECT_EQ(l->fallback.back(), "en") << l->tag;
  }
  EXPECT_EQ(registry().find("prs")->fallback, (std::vector<std::string>{"fa", "en"}));
  EXPECT_EQ(registry().find("ps")->fallback, (std::vector<std::string>{"prs", "fa", "en"}));
}

TEST(LanguageRegistryTest, EveryLanguageHasAKeyboardAndAFormattingLocale) {
  for (const Language& l : registry().languages) {
    EXPECT_FALSE(l.keyboard.empty()) << l.tag;
    EXPECT_FALSE(l.locale.empty()) << l.tag;
  }
  EXPECT_EQ(registry().find("prs")->locale, "fa-AF");
  EXPECT_EQ(registry().find("kmr")->locale, "ku");
  EXPECT_EQ(registry().find("ti")->keyboard, registry().find("am")->keyboard);
}

TEST(LanguageRegistryTest, PseudoLocalesAreListedButNotSpoken) {
  const Language* accents = registry().find("en-XA");
  const Language* bidi = registry().find("ar-XB");
  ASSERT_NE(accents, nullptr);
  ASSERT_NE(bidi, nullptr);
  EXPECT_EQ(accents->rewrite, PseudoRewrite::Accents);
  EXPECT_EQ(bidi->rewrite, PseudoRewrite::Bidi);
  EXPECT_EQ(bidi->direction, Direction::Rtl);
  EXPECT_EQ(registry().spoken().size(), 18u);
}

TEST(LanguageRegistryTest, FindsByRegionAndCase) {
  EXPECT_EQ(registry().find("ar-SY")->tag, "ar");
  EXPECT_EQ(registry().find("FA_af")->tag, "fa");
  EXPECT_EQ(registry().find("en-xa")->tag, "en-XA");
  EXPECT_EQ(registry().find("sv"), nullptr);
}

TEST(LanguageRegistryTest, NamesLanguagesInTheUiLanguage) {
  EXPECT_EQ(display_name(*registry().find("ar"), "de"), "Arabisch");
  EXPECT_EQ(display_name(*registry().find("de"), "ar"), "الألمانية");
  EXPECT_EQ(display_name(*registry().find("prs"), "de"), "Dari");
}

// [SECTION] Broken files

TEST(LanguageRegistryTest, ASyntaxErrorNamesTheLine) {
  const RegistryResult r =
      parse_registry("{\n  \"languages\": [\n    {\"tag\": \"de\",,}\n  ]\n}", "broken.json");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_TRUE(r.diagnostics[0].text().starts_with("broken.json:3: error: "))
      << r.diagnostics[0].text();
  EXPECT_TRUE(r.registry.languages.empty());
}

TEST(LanguageRegistryTest, BadEntriesAreReportedAndLeftOutTheRestStays) {
  const RegistryResult r = parse_registry(R"({"languages": [
    {"tag": "de", "script": "Latn", "direction": "ltr", "fonts": ["a.ttf"], "keyboard": "de",
     "voice": "de", "fallback": ["en", "xx"], "status": "draft"},
    {"tag": "ar", "script": "arabic", "direction": "sideways", "fonts": ["a.ttf"],
     "keyboard": "ar", "voice": "ar", "fallback": [], "status": "maybe"},
    {"tag": "en", "script": "Latn", "direction": "ltr", "fonts": ["a.ttf"], "keyboard": "en",
     "voice": "en", "fallback": [], "status": "reviewed"},
    {"tag": "zz", "script": "Latn", "direction": "ltr", "fonts": ["a.ttf"], "keyboard": "en",
     "voice": "", "fallback": [], "status": "draft"}
  ]})",
                                          "bad.json");
  std::string all;
  for (const Diagnostic& d : r.diagnostics) all += d.text() + "\n";
  EXPECT_NE(all.find("languages[1] (ar) script \"arabic\""), std::string::npos) << all;
  EXPECT_NE(all.find("direction \"sideways\""), std::string::npos) << all;
  EXPECT_NE(all.find("status \"maybe\""), std::string::npos) << all;
  EXPECT_NE(all.find("de: fallback \"xx\""), std::string::npos) << all;
  EXPECT_NE(all.find("ICU has no name for zz"), std::string::npos) << all;
  ASSERT_EQ(r.registry.languages.size(), 2u);
  EXPECT_EQ(r.registry.find("de")->fallback, std::vector<std::string>{"en"});
}

}  // namespace
}  // namespace ih::i18n
