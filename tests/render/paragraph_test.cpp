// Paragraph layout: direction, visual order, wrapping, alignment, ellipsis,
// fallback and line metrics.
#include <unicode/uscript.h>

#include <cmath>

#include "engine_fixture.h"

namespace ih::render {
namespace {

using testing::EngineTest;
using testing::index_of;

TEST_F(EngineTest, DirectionComesFromTheFirstStrongCharacter) {
  EXPECT_EQ(lay("مرحبا Anna", "de")->shaped->base_level, 1);
  EXPECT_EQ(lay("Anna مرحبا", "ar")->shaped->base_level, 0);
  // Without a strong character the UI language decides, if the caller says so.
  TextStyle style{.size = 32, .language = "ar", .direction = Direction::AutoRtl};
  EXPECT_EQ(engine.layout("0176 1234", style)->shaped->base_level, 1);
  style.direction = Direction::Auto;
  EXPECT_EQ(engine.layout("0176 1234", style)->shaped->base_level, 0);
}

TEST_F(EngineTest, LatinNameInsideArabicSitsLeftOfTheArabic) {
  auto layout = lay("اسمي Anna Müller", "ar");
  ASSERT_EQ(layout->lines.size(), 1u);
  const Line& line = layout->lines[0];
  ASSERT_GE(line.runs.size(), 2u);
  const LineRun& left = line.runs.front();
  const LineRun& right = line.runs.back();
  const TextIndex anna = index_of(*layout->shaped, "Anna");
  EXPECT_TRUE(left.range.contains(anna));
  EXPECT_FALSE(left.rtl());
  EXPECT_TRUE(right.range.contains(0));
  EXPECT_TRUE(right.rtl());
  EXPECT_LT(left.x, right.x);
}

TEST_F(EngineTest, DigitsInsideArabicReadLeftToRight) {
  auto layout = lay("هاتفي 0176 555", "ar");
  const TextIndex digits = index_of(*layout->shaped, "0176");
  for (const LineRun& piece : layout->lines[0].runs) {
    if (!piece.range.contains(digits)) continue;
    EXPECT_EQ(piece.level, 2);
    for (size_t i = 1; i < piece.glyphs.size(); ++i)
      EXPECT_LT(piece.glyphs[i - 1].cluster, piece.glyphs[i].cluster);
    return;
  }
  FAIL() << "no run holds the digits";
}

TEST_F(EngineTest, ArabicLettersJoin) {
  // The same letter alone and inside a word must come out as different glyphs
  // (isolated and initial forms); runs of a word share a font.
  auto word = lay("سلام", "ar");
  auto alone = lay("س", "ar");
  ASSERT_EQ(word->shaped->runs.size(), 1u);
  const auto& word_glyphs = word->shaped->runs[0].glyphs;
  const Glyph& first = *std::find_if(word_glyphs.begin(), word_glyphs.end(),
                                     [](const Glyph& g) { return g.cluster == 0; });
  EXPECT_NE(first.id, alone->shaped->runs[0].glyphs[0].id);
}

TEST_F(EngineTest, ZeroWidthNonJoinerBreaksTheJoinInPersian) {
  // «می‌خواهم»: the ZWNJ after ی keeps it from joining the next letter, so ی takes
  // its final form; without the ZWNJ it is medial. The ZWNJ itself shows nothing.
  auto with = lay("می\u200cخواهم", "fa");
  auto without = lay("میخواهم", "fa");
  const auto glyph_at = [](const Layout& layout, TextIndex cluster) {
    for (const auto& run : layout.shaped->runs)
      for (const Glyph& g : run.glyphs)
        if (g.cluster == cluster) return g.id;
    return 0u;
  };
  EXPECT_NE(glyph_at(*with, 1), glyph_at(*without, 1));
  EXPECT_EQ(with->shaped->missing_glyphs, 0);
  EXPECT_EQ(with->shaped->runs.size(), 1u);
}

TEST_F(EngineTest, WrapsAtSpacesWithinTheWidth) {
  const std::string text = "Bitte nehmen Sie eine Nummer und warten Sie, bis sie aufgerufen wird.";
  auto layout = lay(text, "de", {.max_width = 300});
  ASSERT_GT(layout->lines.size(), 2u);
  TextIndex expected_start = 0;
  for (const Line& line : layout->lines) {
    EXPECT_EQ(line.range.start, expected_start);
    expected_start = line.range.end;
    EXPECT_LE(line.width, 300.0f);
    if (&line != &layout->lines.back()) {
      EXPECT_EQ(layout->shaped->text[static_cast<size_t>(line.range.end - 1)], u' ');
    }
  }
  EXPECT_EQ(expected_start, static_cast<TextIndex>(layout->shaped->text.size()));
  // Lines stack without gaps.
  for (size_t i = 1; i < layout->lines.size(); ++i)
    EXPECT_FLOAT_EQ(layout->lines[i].top, layout->lines[i - 1].top + layout->lines[i - 1].height);
}

TEST_F(EngineTest, RightToLeftLinesAlignToTheRight) {
  const std::string text =
      "نحن هنا لمساعدتك. اختر ما تحتاجه وسنجد لك شخصا يتحدث لغتك ويستطيع مرافقتك.";
  auto layout = lay(text, "ar", {.max_width = 320});
  ASSERT_GT(layout->lines.size(), 1u);
  for (const Line& line : layout->lines) {
    EXPECT_EQ(line.base_level, 1);
    EXPECT_NEAR(line.x + line.width, 320.0f, 0.01f);
    EXPECT_LE(line.width, 320.0f);
  }
}

TEST_F(EngineTest, AlignmentFollowsTheParagraphDirection) {
  for (const char* text : {"Hallo", "مرحبا"}) {
    const bool rtl = std::string(text) != "Hallo";
    auto start = lay(text, "de", {.max_width = 400, .align = Align::Start});
    auto end = lay(text, "de", {.max_width = 400, .align = Align::End});
    auto centre = lay(text, "de", {.max_width = 400, .align = Align::Center});
    const float w = start->lines[0].width;
    EXPECT_NEAR(start->lines[0].x, rtl ? 400 - w : 0, 0.01f) << text;
    EXPECT_NEAR(end->lines[0].x, rtl ? 0 : 400 - w, 0.01f) << text;
    EXPECT_NEAR(centre->lines[0].x, (400 - w) / 2, 0.01f) << text;
  }
}

TEST_F(EngineTest, AWordWiderThanTheLineIsCutBetweenGraphemes) {
  auto layout = lay("Donaudampfschifffahrtsgesellschaft", "de", {.max_width = 120});
  ASSERT_GT(layout->lines.size(), 2u);
  for (const Line& line : layout->lines) {
    EXPECT_LE(line.width, 120.0f);
    EXPECT_FALSE(line.range.empty());
  }
}

TEST_F(EngineTest, ACutThroughAnArabicWordReshapesTheLetterAtTheCut) {
  // The letter at the end of the first line must take its final form, not the
  // medial form it has inside the unbroken word.
  auto layout = lay("ببببببببببببببببببببببببب", "ar", {.max_width = 80});
  ASSERT_GT(layout->lines.size(), 1u);
  const Line& first = layout->lines[0];
  const TextIndex last = first.range.end - 1;
  uint32_t at_cut = 0;
  for (const LineRun& piece : first.runs)
    for (const Glyph& g : piece.glyphs)
      if (g.cluster == last) at_cut = g.id;
  uint32_t in_word = 0;
  for (const Glyph& g : layout->shaped->runs[0].glyphs)
    if (g.cluster == last) in_word = g.id;
  auto pair = lay("بب", "ar");
  uint32_t final_form = 0;
  for (const Glyph& g : pair->shaped->runs[0].glyphs)
    if (g.cluster == 1) final_form = g.id;
  EXPECT_NE(at_cut, in_word);
  EXPECT_EQ(at_cut, final_form);
}

TEST_F(EngineTest, NewlinesEndLines) {
  auto layout = lay("eins\nzwei\n", "de");
  ASSERT_EQ(layout->lines.size(), 3u);
  EXPECT_EQ(layout->lines[0].range, (TextRange{0, 5}));
  EXPECT_EQ(layout->lines[1].range, (TextRange{5, 10}));
  EXPECT_TRUE(layout->lines[2].range.empty());
  EXPECT_GT(layout->lines[2].height, 0.0f);
  EXPECT_EQ(layout->shaped->missing_glyphs, 0);
}

TEST_F(EngineTest, EllipsisShortensALabelThatDoesNotFit) {
  for (const char* text : {"Begleitung zu einer Behörde oder einem Amt",
                           "مرافقة إلى دائرة حكومية أو مكتب رسمي"}) {
    auto layout = lay(text, "de", {.max_width = 220, .ellipsis = true});
    EXPECT_TRUE(layout->ellipsized) << text;
    ASSERT_EQ(layout->lines.size(), 1u);
    EXPECT_LE(layout->width, 220.0f);
    EXPECT_GT(layout->width, 150.0f);
    EXPECT_EQ(layout->shaped->text.back(), u'\u2026');
  }
  auto fits = lay("Arzt", "de", {.max_width = 220, .ellipsis = true});
  EXPECT_FALSE(fits->ellipsized);
  EXPECT_EQ(fits->shaped->text, u"Arzt");
}

TEST_F(EngineTest, FontsFollowScriptAndLanguage) {
  struct Case {
    const char* text;
    const char* language;
    const char* font;
  };
  const Case cases[] = {
      {"Willkommen", "de", "NotoSans-Regular.ttf"},
      {"Добро пожаловать", "ru", "NotoSans-Regular.ttf"},
      {"خوش آمدید", "fa", "NotoNaskhArabic-Regular.ttf"},
      {"خوش آمدید", "ur", "NotoNastaliqUrdu-Regular.ttf"},
      {"ښه راغلاست", "ps", "NotoNaskhArabic-Regular.ttf"},
      {"بەخێربێیت", "ckb", "NotoNaskhArabic-Regular.ttf"},
      {"እንኳን ደህና መጡ", "am", "NotoSansEthiopic-Regular.ttf"},
      {"ሰላም", "de", "NotoSansEthiopic-Regular.ttf"},
      {"კეთილი იყოს", "ka", "NotoSansGeorgian-Regular.ttf"},
      {"שלום", "de", "NotoSansHebrew-Regular.ttf"},
  };
  for (const Case& c : cases) {
    auto layout = lay(c.text, c.language);
    EXPECT_EQ(layout->shaped->missing_glyphs, 0) << c.text;
    EXPECT_EQ(font_file(layout->lines[0].runs[0], *layout), c.font) << c.text << " in " << c.language;
  }
}

// A character shared by several scripts (Script=Common with Script_Extensions)
// takes the script around it if that is one of them. Otherwise it takes one of
// its own: the Arabic tatweel, whose list has nine scripts, alone or after Latin
// text is Arabic and drawn in an Arabic font, not a missing glyph.
TEST_F(EngineTest, ALoneTatweelIsArabic) {
  for (const char* language : {"de", "ar", "fa"}) {
    for (const char* text : {"\u0640", "A \u0640", "(\u0640)"}) {
      auto layout = lay(text, language);
      EXPECT_EQ(layout->shaped->missing_glyphs, 0) << text << " in " << language;
      const TextIndex tatweel = index_of(*layout->shaped, "\u0640");
      const ShapedRun& run =
          layout->shaped->runs[static_cast<size_t>(layout->shaped->run_at(tatweel))];
      EXPECT_EQ(run.script, USCRIPT_ARABIC) << text << " in " << language;
      EXPECT_EQ(engine.fonts().face(run.font).file, "NotoNaskhArabic-Regular.ttf");
    }
  }
}

// Of its scripts, a shared character takes the first that has fonts configured:
// a Chinese tone letter (Han, Latin) is Latin, as no font is configured for Han.
TEST_F(EngineTest, ASharedCharacterTakesTheFirstOfItsScriptsWithFonts) {
  auto layout = lay("\uA700", "de");
  ASSERT_EQ(layout->shaped->runs.size(), 1u);
  EXPECT_EQ(layout->shaped->runs[0].script, USCRIPT_LATIN);
}

TEST_F(EngineTest, EmojiFallBackPerGrapheme) {
  auto layout = lay("Hallo 👩‍👩‍👧 ❤️!", "de");
  EXPECT_EQ(layout->shaped->missing_glyphs, 0);
  const TextIndex family = index_of(*layout->shaped, "👩");
  const int32_t r = layout->shaped->run_at(family);
  const ShapedRun& run = layout->shaped->runs[static_cast<size_t>(r)];
  EXPECT_EQ(engine.fonts().face(run.font).file, "NotoColorEmoji.ttf");
  // The whole ZWJ sequence is one grapheme and one glyph.
  EXPECT_EQ(run.glyphs.size(), 1u);
}

TEST_F(EngineTest, LineHeightComesFromTheFontsOnTheLine) {
  auto latin = lay("Salam", "de");
  auto nastaliq = lay("سلام", "ur");
  EXPECT_GT(nastaliq->lines[0].height, latin->lines[0].height * 1.3f);
  // A mixed paragraph: only the line with Nastaliq is tall.
  auto mixed = lay("Salam\nسلام", "ur");
  ASSERT_EQ(mixed->lines.size(), 2u);
  EXPECT_LT(mixed->lines[0].height, mixed->lines[1].height);
}

TEST_F(EngineTest, IllFormedUtf8IsReplacedNotTrusted) {
  auto layout = lay("a\xff\xc0\x80z\xed\xa0\x80", "de");
  const std::u16string& text = layout->shaped->text;
  EXPECT_EQ(text[0], u'a');
  EXPECT_EQ(text.find(u'z'), 4u);  // FF, C0, 80 each became one U+FFFD
  EXPECT_EQ(std::count(text.begin(), text.end(), u'\uFFFD'), 6);
  EXPECT_EQ(layout->lines.size(), 1u);
}

TEST_F(EngineTest, EmptyTextHasOneEmptyLineOfTheLanguagesHeight) {
  auto layout = lay("", "ar");
  ASSERT_EQ(layout->lines.size(), 1u);
  EXPECT_GT(layout->height, 0.0f);
  EXPECT_EQ(layout->width, 0.0f);
}

TEST_F(EngineTest, LinesEndOnlyBetweenGraphemeClusters) {
  // Line breaking allows a break between a space and a following ZWNJ; grapheme
  // segmentation keeps them together. A line must never split a cluster.
  auto layout = lay("خوب \u200cمی\u200cخواهم \u200cبرویم", "fa", {.max_width = 1});
  const auto& graphemes = layout->shaped->graphemes;
  ASSERT_GT(layout->lines.size(), 3u);
  for (const Line& line : layout->lines) {
    EXPECT_TRUE(std::binary_search(graphemes.begin(), graphemes.end(), line.range.start))
        << line.range.start;
  }
}

}  // namespace
}  // namespace ih::render
