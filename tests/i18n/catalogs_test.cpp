// The kiosk's own catalogs (i18n/po) against its template and its language
// list: every message translated everywhere, every translation valid ICU
// MessageFormat with exactly its source's arguments, drafts marked as drafts.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>

#include "i18n/catalog.h"
#include "i18n/language_registry.h"
#include "i18n/message_pattern.h"
#include "i18n/po_file.h"

namespace ih::i18n {
namespace {

const std::string kPoDir = std::string(ICHHELFE_SOURCE_DIR) + "/i18n/po";

const LanguageRegistry& registry() {
  static const RegistryResult loaded =
      load_registry(std::string(ICHHELFE_SOURCE_DIR) + "/assets/languages.json");
  return loaded.registry;
}

// The template's messages, without the header.
std::vector<PoEntry> template_messages() {
  PoFile pot = read_po(kPoDir + "/kiosk.pot");
  EXPECT_TRUE(pot.usable);
  for (const Diagnostic& d : pot.diagnostics) ADD_FAILURE() << d.text();
  std::vector<PoEntry> out;
  for (PoEntry& e : pot.entries)
    if (!e.obsolete && !(e.source.empty() && !e.has_context)) out.push_back(std::move(e));
  return out;
}

class CatalogTest : public ::testing::TestWithParam<std::string> {
 protected:
  const Language& language() const { return *registry().find(GetParam()); }
  std::string path() const { return kPoDir + "/" + GetParam() + ".po"; }
};

TEST(CatalogsTest, TheTemplateHasMessagesAndTheyAreMessageFormat) {
  const auto messages = template_messages();
  EXPECT_GE(messages.size(), 3u);
  for (const PoEntry& e : messages) {
    const PatternInfo info = analyse_pattern(e.source);
    EXPECT_TRUE(info.ok()) << e.source << ": " << info.error;
    EXPECT_FALSE(e.comments.empty()) << "no TRANSLATORS: comment for “" << e.source << "”";
  }
}

TEST(CatalogsTest, TheTemplateHoldsEveryStringOfTheSources) {
  // xgettext extracts the msg("…") strings again and compares (needs Debian's
  // gettext, as scripts/update-po does).
  const std::string command =
      std::string(ICHHELFE_SOURCE_DIR) + "/scripts/update-po --check > /dev/null";
  EXPECT_EQ(std::system(command.c_str()), 0)
      << "i18n/po/kiosk.pot is out of date: run scripts/update-po";
}

TEST(CatalogsTest, EverySpokenLanguageHasACatalogAndNoOtherFileIsThere) {
  std::set<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(kPoDir))
    if (entry.path().extension() == ".po") files.insert(entry.path().stem().string());
  std::set<std::string> tags;
  for (const Language* l : registry().spoken()) tags.insert(l->tag);
  EXPECT_EQ(files, tags);
}

TEST_P(CatalogTest, LoadsWithoutErrorsOrWarnings) {
  const CatalogResult loaded = load_catalog(path(), language().locale);
  ASSERT_NE(loaded.catalog, nullptr);
  for (const Diagnostic& d : loaded.diagnostics) ADD_FAILURE() << d.text();
}

TEST_P(CatalogTest, TranslatesEveryMessageOfTheTemplate) {
  const CatalogResult loaded = load_catalog(path(), language().locale);
  ASSERT_NE(loaded.catalog, nullptr);
  for (const PoEntry& e : template_messages()) {
    const auto it = loaded.catalog->messages.find(message_key(e.context, e.has_context, e.source));
    ASSERT_NE(it, loaded.catalog->messages.end()) << GetParam() << " lacks “" << e.source << "”";
    EXPECT_FALSE(it->second.translation.empty());
  }
}

TEST_P(CatalogTest, UsesExactlyTheArgumentsOfTheSource) {
  // The loader refuses any other translation; this says it again as data, so
  // that a loader bug cannot hide a catalog bug.
  const PoFile po = read_po(path());
  ASSERT_TRUE(po.usable);
  for (const PoEntry& e : po.entries) {
    if (e.obsolete || e.source.empty()) continue;
    const PatternInfo source = analyse_pattern(e.source);
    const PatternInfo translation = analyse_pattern(e.translation);
    ASSERT_TRUE(translation.ok()) << path() << ":" << e.line << ": " << translation.error;
    std::set<std::string> a, b;
    for (const auto& arg : source.arguments) a.insert(arg.name);
    for (const auto& arg : translation.arguments) b.insert(arg.name);
    EXPECT_EQ(a, b) << path() << ":" << e.line;
  }
}

TEST_P(CatalogTest, DraftsAreMarkedFuzzyAndReviewedOnesAreNot) {
  const CatalogResult loaded = load_catalog(path(), language().locale);
  ASSERT_NE(loaded.catalog, nullptr);
  const size_t fuzzy = loaded.catalog->fuzzy_count();
  if (language().status == TranslationStatus::Reviewed)
    EXPECT_EQ(fuzzy, 0u) << GetParam() << " is listed as reviewed";
  else
    EXPECT_GT(fuzzy, 0u) << GetParam() << " is listed as a draft but nothing in it is fuzzy";
}

TEST_P(CatalogTest, SaysWhichLanguageItIs) {
  const PoFile po = read_po(path());
  EXPECT_EQ(po.language, GetParam());
  EXPECT_EQ(po.charset, "UTF-8");
}

std::vector<std::string> spoken_tags() {
  std::vector<std::string> tags;
  for (const Language* l : registry().spoken()) tags.push_back(l->tag);
  return tags;
}

INSTANTIATE_TEST_SUITE_P(Spoken, CatalogTest, ::testing::ValuesIn(spoken_tags()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace ih::i18n
