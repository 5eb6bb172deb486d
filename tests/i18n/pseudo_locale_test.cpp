// Pseudo-locales: about 40% longer with accents, or right to left; the result
// is still the same message (same arguments), and every letter has a glyph.
#include "i18n/pseudo_locale.h"

#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <string>

#include "i18n/message_pattern.h"
#include "i18n/po_file.h"
#include "render/text_engine.h"

namespace ih::i18n {
namespace {

int32_t length(const std::string& s) {
  return icu::UnicodeString::fromUTF8(s).countChar32();
}

TEST(PseudoLocaleTest, AccentsKeepArgumentsAndKeywords) {
  EXPECT_EQ(pseudo_translate("Choose your language", PseudoRewrite::Accents),
            "[Çĥööööšéé ýýööûûŕ ļááñĝûûááĝéé]");
}

TEST(PseudoLocaleTest, AccentsAreAboutFortyPercentLongerOnTheKiosksMessages) {
  const PoFile pot = read_po(std::string(ICHHELFE_SOURCE_DIR) + "/i18n/po/kiosk.pot");
  ASSERT_TRUE(pot.usable);
  double source = 0, pseudo = 0;
  for (const PoEntry& e : pot.entries) {
    if (e.source.empty()) continue;
    const std::string rewritten = pseudo_translate(e.source, PseudoRewrite::Accents);
    source += length(e.source);
    pseudo += length(rewritten);
    const PatternInfo a = analyse_pattern(e.source), b = analyse_pattern(rewritten);
    ASSERT_TRUE(b.ok()) << rewritten << ": " << b.error;
    ASSERT_EQ(a.arguments.size(), b.arguments.size());
    for (size_t i = 0; i < a.arguments.size(); ++i) {
      EXPECT_EQ(a.arguments[i].name, b.arguments[i].name);
      EXPECT_EQ(a.arguments[i].plural_forms, b.arguments[i].plural_forms);
    }
  }
  EXPECT_GT(pseudo / source, 1.3);
  EXPECT_LT(pseudo / source, 1.6);
}

TEST(PseudoLocaleTest, BidiForcesEveryWordRightToLeft) {
  EXPECT_EQ(pseudo_translate("Hello {name}, bye", PseudoRewrite::Bidi),
            "\u200F\u202EHello\u202C {name}\u202E,\u202C \u202Ebye\u202C");
}

TEST(PseudoLocaleTest, EveryAccentedLetterHasAGlyph) {
  const auto fonts = render::FontCollection::from_file(std::string(ICHHELFE_SOURCE_DIR) +
                                                       "/assets/fonts/fonts.conf");
  render::TextEngine engine(*fonts);
  const std::string all = pseudo_translate("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                           PseudoRewrite::Accents);
  const auto shaped = engine.shape(all, {32, "en-XA", render::Direction::Ltr});
  EXPECT_EQ(shaped->missing_glyphs, 0) << all;
}

TEST(PseudoLocaleTest, QuotingApostrophesKeepTheirMeaning) {
  for (const PseudoRewrite rewrite : {PseudoRewrite::Accents, PseudoRewrite::Bidi}) {
    const std::string out = pseudo_translate("It''s '{'x'}' for {name}", rewrite);
    const PatternInfo info = analyse_pattern(out);
    ASSERT_TRUE(info.ok()) << out << ": " << info.error;
    ASSERT_EQ(info.arguments.size(), 1u) << out;
  }
  EXPECT_EQ(pseudo_translate("It''s '{'x'}'", PseudoRewrite::Bidi),
            "\u200F\u202EIt\u202C''s '{'x'}'");
}

TEST(PseudoLocaleTest, NoneChangesNothing) {
  EXPECT_EQ(pseudo_translate("{n} x", PseudoRewrite::None), "{n} x");
}

}  // namespace
}  // namespace ih::i18n
