// The catalogs' wording and typography (catalog_checks.h): first what each
// check finds in a catalog made to have the fault, then every real catalog
// against its glossary, its script and its language's typography.
#include "tests/i18n/catalog_checks.h"

#include <gtest/gtest.h>

#include <fstream>

#include "i18n/language_registry.h"
#include "tests/i18n/catalog_dir.h"

namespace ih::i18n::checks {
namespace {

using ih::i18n::testing::po_text;
using ih::i18n::testing::PoMessage;

const std::string kPoDir = std::string(ICHHELFE_SOURCE_DIR) + "/i18n/po";

PoFile po(const std::string& language, const std::vector<PoMessage>& messages) {
  return parse_po(po_text(language, messages), language + ".po");
}

std::string joined(const std::vector<std::string>& findings) {
  std::string out;
  for (const std::string& f : findings) out += f + "\n";
  return out;
}

Glossary arabic_glossary() {
  Glossary g;
  g.language = "ar";
  g.terms.push_back({{"PIN", "PINs"}, "الرقم السري", {"سري", "سرية"}, {"رمز PIN"}, {}});
  g.latin_allowed = {"ichhelfe.jetzt", "(PIN)"};
  return g;
}

TEST(CatalogChecksTest, ATermSaidAnotherWayIsFoundWithItsLine) {
  const PoFile file = po("ar", {{"Type your PIN", "اكتب رمزك"}, {"New PIN", "الرقم السري الجديد"}});
  const auto findings = check_terms(file, arabic_glossary(), "ar.po");
  ASSERT_EQ(findings.size(), 1u) << joined(findings);
  EXPECT_NE(findings[0].find("ar.po:"), std::string::npos);
  EXPECT_NE(findings[0].find("اكتب رمزك"), std::string::npos);
}

TEST(CatalogChecksTest, ATermIsMatchedAsAWholeWordInAnyCase) {
  Glossary g;
  g.terms.push_back({{"staff"}, "Personal", {"personal"}, {}, {}});
  const PoFile file = po("de", {{"Staff", "Personalmodus"},
                                {"Ask staff.", "Fragen Sie das Personal."},
                                {"Staffed", "Besetzt"}});
  EXPECT_TRUE(check_terms(file, g, "de.po").empty());
}

TEST(CatalogChecksTest, AnAvoidedRenderingIsFoundWhereverItIs) {
  const PoFile file = po("ar", {{"Choose a PIN", "اختر رمز PIN"}});
  EXPECT_EQ(check_terms(file, arabic_glossary(), "ar.po").size(), 2u)
      << "the avoided rendering, and the term missing";
}

TEST(CatalogChecksTest, AnEntryTheGlossaryExceptsMayLeaveTheTermOut) {
  Glossary g = arabic_glossary();
  g.terms[0].except = {"A PIN can only have digits."};
  const PoFile file = po("ar", {{"A PIN can only have digits.", "أرقام فقط."}});
  EXPECT_TRUE(check_terms(file, g, "ar.po").empty());
}

TEST(CatalogChecksTest, LatinLettersInArabicTextAreFoundButNotTheAllowedOnesNorArguments) {
  const PoFile file = po("ar", {{"Type your PIN", "اكتب PIN"},
                                {"Choose a PIN", "اختر رقمًا سريًا (PIN)"},
                                {"Sent to ichhelfe.jetzt", "أُرسل إلى ichhelfe.jetzt"},
                                {"Hello, {name}!", "مرحبًا {name}!"},
                                {"{n, plural, one {# try} other {# tries}}",
                                 "{n, plural, one {محاولة} other {# محاولات}}"}});
  const auto findings = check_latin_letters(file, arabic_glossary(), "ar.po");
  ASSERT_EQ(findings.size(), 1u) << joined(findings);
  EXPECT_NE(findings[0].find("اكتب PIN"), std::string::npos);
}

TEST(CatalogChecksTest, ABreakableSpaceBeforeFrenchHighPunctuationIsFound) {
  Glossary g;
  g.space_before = {"?", "!", ":", ";", "»"};
  g.space_after = {"«"};
  const PoFile file = po("fr", {{"Still there?", "Encore là ?"},
                                {"Still there? ", "Encore là\u202F?"},
                                {"Hello, {name}!", "Bonjour, {name}\u00A0!"},
                                {"“Staff”", "« Équipe\u202F»"}});
  const auto findings = check_no_break_spaces(file, g, "fr.po");
  ASSERT_EQ(findings.size(), 2u) << joined(findings);
  EXPECT_NE(findings[0].find("Encore là ?"), std::string::npos);
  EXPECT_NE(findings[1].find("« Équipe"), std::string::npos);
}

TEST(CatalogChecksTest, TwoKindsOfApostropheInOneCatalogAreFoundOnTheRarerSide) {
  const PoFile file = po("fr", {{"a", "l’aide"}, {"b", "s’il vous plaît"}, {"c", "n'est pas"}});
  const auto findings = check_apostrophes(file, "fr.po");
  ASSERT_EQ(findings.size(), 1u) << joined(findings);
  EXPECT_NE(findings[0].find("n'est"), std::string::npos);
  EXPECT_TRUE(check_apostrophes(po("fr", {{"a", "l’aide"}, {"b", "n’est"}}), "fr.po").empty());
}

TEST(CatalogChecksTest, ASoraniSuffixCutOffByASpaceIsFound) {
  Glossary g;
  g.joins_word_before = {"ە", "ێ", "ۆ"};
  const PoFile file =
      po("ckb", {{"Type your PIN", "PIN ەکەت بنووسە"}, {"Type your code", "کۆدەکەت بنووسە"}});
  const auto findings = check_joined_suffixes(file, g, "ckb.po");
  ASSERT_EQ(findings.size(), 1u) << joined(findings);
  EXPECT_NE(findings[0].find("PIN ەکەت"), std::string::npos);
}

TEST(CatalogChecksTest, ACharacterTheCatalogDoesNotUseIsFound) {
  Glossary g;
  g.not_used = {"፡"};
  const PoFile file = po("ti", {{"It is sent, then deleted.", "ይለኣኽ፡ ድሕሪኡ ይድምሰስ።"},
                                {"Sent, then deleted.", "ይለኣኽ፣ ድሕሪኡ ይድምሰስ።"}});
  const auto findings = check_unused_characters(file, g, "ti.po");
  ASSERT_EQ(findings.size(), 1u) << joined(findings);
  EXPECT_NE(findings[0].find("ይለኣኽ፡"), std::string::npos);
}

TEST(CatalogChecksTest, AsciiQuestionMarksAndCommasInArabicTextAreFoundButNotInSyntax) {
  const PoFile file = po("ar", {{"Are you still there?", "هل ما زلت هنا?"},
                                {"Wait, then try again.", "انتظر, ثم حاول."},
                                {"{n, plural, one {# try} other {# tries}}",
                                 "{n, plural, one {محاولة} other {# محاولات}}"},
                                {"Hello, {name}!", "مرحبًا، {name}!"}});
  EXPECT_EQ(check_arabic_punctuation(file, "ar.po").size(), 2u);
}

// ---------------------------------------------------------------------------
// The real catalogs.

const LanguageRegistry& registry() {
  static const RegistryResult loaded =
      load_registry(std::string(ICHHELFE_SOURCE_DIR) + "/assets/languages.json");
  return loaded.registry;
}

class CatalogWordingTest : public ::testing::TestWithParam<std::string> {
 protected:
  std::string name() const { return GetParam() + ".po"; }
  PoFile catalog() const { return read_po(kPoDir + "/" + name()); }
  Glossary glossary() const {
    const GlossaryResult r = read_glossary(kPoDir + "/glossary/" + GetParam() + ".toml");
    EXPECT_EQ(r.error, "");
    return r.glossary;
  }
};

TEST_P(CatalogWordingTest, HasAGlossaryThatItsHeaderPointsTo) {
  const Glossary g = glossary();
  EXPECT_EQ(g.language, GetParam());
  EXPECT_FALSE(g.address.empty()) << "the glossary says which form of address the catalog uses";
  EXPECT_FALSE(g.terms.empty());
  std::ifstream file(kPoDir + "/" + name());
  std::string line, header;
  while (std::getline(file, line) && line.rfind('#', 0) == 0) header += line + "\n";
  EXPECT_NE(header.find("i18n/po/glossary/" + GetParam() + ".toml"), std::string::npos)
      << "the first comment of " << name() << " names its glossary";
}

TEST_P(CatalogWordingTest, SaysEveryKeyTermAsItsGlossaryDoes) {
  const auto findings = check_terms(catalog(), glossary(), name());
  EXPECT_TRUE(findings.empty()) << joined(findings);
}

TEST_P(CatalogWordingTest, PutsNoBreakableSpaceBesideHighPunctuation) {
  const auto findings = check_no_break_spaces(catalog(), glossary(), name());
  EXPECT_TRUE(findings.empty()) << joined(findings);
}

TEST_P(CatalogWordingTest, WritesItsApostrophesOneWay) {
  const auto findings = check_apostrophes(catalog(), name());
  EXPECT_TRUE(findings.empty()) << joined(findings);
}

TEST_P(CatalogWordingTest, WritesNoCharacterItsGlossarySetsAside) {
  const auto findings = check_unused_characters(catalog(), glossary(), name());
  EXPECT_TRUE(findings.empty()) << joined(findings);
}

TEST_P(CatalogWordingTest, JoinsItsSuffixesToTheirWord) {
  const auto findings = check_joined_suffixes(catalog(), glossary(), name());
  EXPECT_TRUE(findings.empty()) << joined(findings);
}

std::vector<std::string> spoken_tags() {
  std::vector<std::string> tags;
  for (const Language* l : registry().spoken()) tags.push_back(l->tag);
  return tags;
}

// The catalogs of one kind of script, by assets/languages.json.
std::vector<std::string> tags_where(bool (*keep)(const std::string& script)) {
  std::vector<std::string> tags;
  for (const Language* l : registry().spoken())
    if (keep(l->script)) tags.push_back(l->tag);
  return tags;
}

class NonLatinCatalogTest : public CatalogWordingTest {};
class ArabicScriptCatalogTest : public CatalogWordingTest {};

TEST_P(NonLatinCatalogTest, WritesNoLatinLettersButTheAllowedOnes) {
  const auto findings = check_latin_letters(catalog(), glossary(), name());
  EXPECT_TRUE(findings.empty()) << joined(findings);
}

TEST_P(ArabicScriptCatalogTest, WritesArabicQuestionMarksCommasAndSemicolons) {
  const auto findings = check_arabic_punctuation(catalog(), name());
  EXPECT_TRUE(findings.empty()) << joined(findings);
}

INSTANTIATE_TEST_SUITE_P(Spoken, CatalogWordingTest, ::testing::ValuesIn(spoken_tags()),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(Spoken, NonLatinCatalogTest,
                         ::testing::ValuesIn(tags_where([](const std::string& s) {
                           return s != "Latn";
                         })),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(Spoken, ArabicScriptCatalogTest,
                         ::testing::ValuesIn(tags_where([](const std::string& s) {
                           return s == "Arab";
                         })),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace ih::i18n::checks
