// The text field's editing model: insert at the caret, delete whole grapheme
// clusters, move the caret the way the arrow points, place it by a tap, keep it
// in view, mask a PIN, and keep the text out of every shared cache.
#include "render/text_field.h"

#include <algorithm>
#include <set>

#include "engine_fixture.h"

namespace ih::render {
namespace {

using testing::EngineTest;

class TextFieldTest : public EngineTest {
 protected:
  TextField field(std::string language, TextFieldOptions options = {}) {
    options.language = std::move(language);
    return TextField(engine, options);
  }
  // The caret's x in the view after each press of `key` until it stops moving.
  static std::vector<float> walk(TextField& f, FieldKey key) {
    std::vector<float> xs{f.caret_in_view().x};
    while (f.apply(key)) xs.push_back(f.caret_in_view().x);
    return xs;
  }
};

// [SECTION] Typing and deleting

TEST_F(TextFieldTest, TypesAtTheCaret) {
  TextField f = field("de");
  EXPECT_TRUE(f.insert("Hlo"));
  EXPECT_EQ(f.caret(), 3);
  f.apply(FieldKey::Home);
  f.apply(FieldKey::Right);
  EXPECT_TRUE(f.insert("al"));
  EXPECT_EQ(f.text(), "Hallo");
  EXPECT_EQ(f.caret(), 3);
  f.apply(FieldKey::End);
  EXPECT_EQ(f.caret(), 5);
}

TEST_F(TextFieldTest, KeepsTheZeroWidthNonJoinerOfPersian) {
  TextField f = field("fa", {.direction = Direction::AutoRtl});
  for (const char* letter : {"م", "ی", "\u200c", "خ", "و", "ا", "ه", "م"}) f.insert(letter);
  EXPECT_EQ(f.text(), "می‌خواهم");
  EXPECT_TRUE(f.rtl());
}

TEST_F(TextFieldTest, DropsControlCharactersForItHasOneLine) {
  TextField f = field("de");
  EXPECT_FALSE(f.insert("a\nb\tc\u2028d"));
  EXPECT_EQ(f.text(), "abcd");
  EXPECT_TRUE(f.insert("\u200d"));  // a joiner is a format character, not a control
}

struct Cluster {
  const char* name;
  const char* language;
  const char* before;
  const char* cluster;
  const char* after;
};
void PrintTo(const Cluster& c, std::ostream* os) {
  *os << c.name;
}

class GraphemeDeletionTest : public TextFieldTest, public ::testing::WithParamInterface<Cluster> {};

TEST_P(GraphemeDeletionTest, BackspaceDeletesTheWholeClusterBeforeTheCaret) {
  const Cluster c = GetParam();
  TextField f = field(c.language);
  f.set_text(std::string(c.before) + c.cluster);
  const int32_t count = f.grapheme_count();
  EXPECT_TRUE(f.delete_backward());
  EXPECT_EQ(f.text(), c.before);
  EXPECT_EQ(f.grapheme_count(), count - 1);
  EXPECT_EQ(f.caret(), static_cast<TextIndex>(utf8_to_utf16(c.before).size()));
}

TEST_P(GraphemeDeletionTest, DeleteRemovesTheWholeClusterAfterTheCaret) {
  const Cluster c = GetParam();
  TextField f = field(c.language);
  f.set_text(std::string(c.cluster) + c.after);
  f.apply(FieldKey::Home);
  EXPECT_TRUE(f.delete_forward());
  EXPECT_EQ(f.text(), c.after);
  EXPECT_EQ(f.caret(), 0);
}

INSTANTIATE_TEST_SUITE_P(Clusters, GraphemeDeletionTest,
                         ::testing::Values(
                             // beh with kasra and shadda: one letter with its harakat
                             Cluster{"ArabicWithHarakat", "ar", "كتا", "بِّ", "ي"},
                             Cluster{"EthiopicSyllable", "ti", "ሰላ", "ም", "ን"},
                             // woman, ZWJ, woman, ZWJ, girl: one family
                             Cluster{"EmojiZwjSequence", "de", "ok ", "👩‍👩‍👧", "!"},
                             Cluster{"LatinWithCombiningMark", "fr", "caf", "e\u0301", "s"},
                             Cluster{"RegionalIndicatorFlag", "de", "DE ", "🇩🇪", "."}),
                         [](const auto& info) { return std::string(info.param.name); });

TEST_F(TextFieldTest, NothingToDeleteAtTheEnds) {
  TextField f = field("de");
  EXPECT_FALSE(f.delete_backward());
  EXPECT_FALSE(f.delete_forward());
  f.insert("a");
  EXPECT_FALSE(f.delete_forward());
  f.apply(FieldKey::Home);
  EXPECT_FALSE(f.delete_backward());
}

// [SECTION] Maximum length

TEST_F(TextFieldTest, TakesAsManyWholeClustersAsTheMaximumAllows) {
  TextField f = field("de", {.max_graphemes = 4});
  EXPECT_FALSE(f.insert("ab👩‍👩‍👧cd"));
  EXPECT_EQ(f.text(), "ab👩‍👩‍👧c");
  EXPECT_EQ(f.grapheme_count(), 4);
  // A combining mark joins the letter before it: still four clusters.
  EXPECT_TRUE(f.insert("\u0301"));
  EXPECT_EQ(f.text(), "ab👩‍👩‍👧c\u0301");
  EXPECT_FALSE(f.insert("x"));
  EXPECT_EQ(f.grapheme_count(), 4);
}

TEST_F(TextFieldTest, ACombiningMarkThatWouldPassTheByteLimitIsLeftOut) {
  // Four clusters of 2 bytes each, then marks of 2 bytes on the last: one
  // grapheme can grow only until the field's bytes are used up.
  TextField f = field("de", {.max_graphemes = 4, .max_bytes = 12});
  EXPECT_TRUE(f.insert("éèêë"));
  EXPECT_EQ(f.text().size(), 8u);
  EXPECT_TRUE(f.insert("\u0301"));
  EXPECT_TRUE(f.insert("\u0301"));
  EXPECT_EQ(f.text().size(), 12u);
  EXPECT_FALSE(f.insert("\u0301"));
  EXPECT_EQ(f.text().size(), 12u);
  EXPECT_EQ(f.grapheme_count(), 4);
  // An insertion of several clusters keeps the whole ones that fit.
  f.set_text("");
  EXPECT_FALSE(f.insert("ab\u0301\u0301\u0301\u0301\u0301cd"));
  EXPECT_EQ(f.text(), "ab\u0301\u0301\u0301\u0301\u0301");
}

// [SECTION] Direction

TEST_F(TextFieldTest, DirectionComesFromTheFirstStrongCharacterElseTheLanguage) {
  TextField persian = field("fa", {.direction = Direction::AutoRtl});
  EXPECT_TRUE(persian.rtl());  // empty: the language's
  persian.insert("123");
  EXPECT_TRUE(persian.rtl());  // digits are not strong
  persian.insert(" Anna");
  EXPECT_FALSE(persian.rtl());  // a Persian speaker typing a Latin name

  TextField german = field("de");
  EXPECT_FALSE(german.rtl());
  german.insert("سلام");
  EXPECT_TRUE(german.rtl());
}

TEST_F(TextFieldTest, AnEmptyFieldHasItsCaretAtTheStartSide) {
  TextField ltr = field("de");
  ltr.set_view_width(400);
  EXPECT_NEAR(ltr.caret_in_view().x, 0, 0.5f);
  TextField rtl = field("ar", {.direction = Direction::AutoRtl});
  rtl.set_view_width(400);
  EXPECT_NEAR(rtl.caret_in_view().x, 400, 0.5f);
  EXPECT_GT(rtl.caret_in_view().bottom, rtl.caret_in_view().top + 20);
}

// [SECTION] Caret placement by tap

TEST_F(TextFieldTest, ATapInMixedArabicLatinAndDigitsLandsOnTheTouchedSide) {
  TextField f = field("ar", {.direction = Direction::AutoRtl});
  f.set_view_width(1000);
  f.set_text("اسمي Anna ورقمي 0176");
  ASSERT_TRUE(f.rtl());
  const Layout& layout = f.layout();
  const ShapedParagraph& shaped = *layout.shaped;
  const auto at = [&](std::string_view s) { return testing::index_of(shaped, s); };
  const float y = layout.height / 2;
  // The view x of the edge between logical positions index and index + 1 of
  // a left-to-right stretch, and of a right-to-left one.
  const auto left_edge = [&](TextIndex i) {
    const Carets c = caret_at(layout, i);
    return std::min(c.strong.x, c.weak.x) + f.offset();
  };
  // "A" of Anna: left half → before it, right half → after it.
  const TextIndex anna = at("Anna");
  const float a0 = left_edge(anna);
  const float a1 = caret_at(layout, anna + 1).strong.x + f.offset();
  f.tap(a0 + 2, y);
  EXPECT_EQ(f.caret(), anna);
  f.tap(a1 - 2, y);
  EXPECT_EQ(f.caret(), anna + 1);
  // The digits read left to right inside the Arabic: the "7" of 0176.
  const TextIndex seven = at("0176") + 2;
  const float s0 = caret_at(layout, seven).strong.x + f.offset();
  const float s1 = caret_at(layout, seven + 1).strong.x + f.offset();
  ASSERT_LT(s0, s1);
  f.tap(s0 + 1, y);
  EXPECT_EQ(f.caret(), seven);
  f.tap(s1 - 1, y);
  EXPECT_EQ(f.caret(), seven + 1);
  // The first Arabic letter is the rightmost: its right half is before it.
  const float alef_right = caret_at(layout, 0).strong.x + f.offset();
  const float alef_left = caret_at(layout, 1).strong.x + f.offset();
  f.tap(alef_right - 1, y);
  EXPECT_EQ(f.caret(), 0);
  f.tap(alef_left + 1, y);
  EXPECT_EQ(f.caret(), 1);
  // Beyond the ends: the right end is the start of an Arabic paragraph.
  f.tap(f.view_width() + 50, y);
  EXPECT_EQ(f.caret(), 0);
  // A tap puts the visible caret where the finger was.
  f.tap(a0 + 2, y);
  EXPECT_NEAR(f.caret_in_view().x, a0, 1.0f);
}

// [SECTION] Visual caret movement

TEST_F(TextFieldTest, ArrowsMoveTheCaretTheWayTheyPointAcrossDirections) {
  // Right to left with a Latin name and digits inside: every press moves the
  // caret one step in the arrow's direction on screen, through every place a
  // caret can stand, and back the same way.
  TextField f = field("ar", {.direction = Direction::AutoRtl});
  f.set_view_width(2000);
  f.set_text("سلام Anna 42 يا");
  f.apply(FieldKey::Home);
  ASSERT_NEAR(f.caret_in_view().x, f.offset() + f.layout().width, 0.5f);  // start: right end
  const std::vector<float> left = walk(f, FieldKey::Left);
  ASSERT_GT(left.size(), 10u);
  for (size_t i = 1; i < left.size(); ++i) EXPECT_LT(left[i], left[i - 1]) << i;
  EXPECT_NEAR(left.back(), f.offset(), 0.5f);  // the left end
  const std::vector<float> right = walk(f, FieldKey::Right);
  ASSERT_EQ(right.size(), left.size());
  for (size_t i = 0; i < right.size(); ++i) EXPECT_NEAR(right[i], left[left.size() - 1 - i], 0.01f);
  // Every grapheme boundary was visited on the way.
  f.apply(FieldKey::Home);
  std::set<TextIndex> visited{f.caret()};
  while (f.apply(FieldKey::Left)) visited.insert(f.caret());
  // Two positions share a place where the Latin meets the Arabic after it
  // (the end of "42" and the start of "يا" look the same), so all but those.
  EXPECT_GE(visited.size() + 2, f.layout().shaped->graphemes.size());
}

TEST_F(TextFieldTest, LeftToRightWithAnArabicWordInside) {
  TextField f = field("de");
  f.set_view_width(2000);
  f.set_text("Tee شاي ok");
  f.apply(FieldKey::Home);
  const std::vector<float> right = walk(f, FieldKey::Right);
  for (size_t i = 1; i < right.size(); ++i) EXPECT_GT(right[i], right[i - 1]) << i;
  EXPECT_NEAR(right.front(), 0, 0.5f);
  EXPECT_NEAR(right.back(), f.layout().width, 0.5f);
  // Inside the Arabic word, Right goes backwards in logical order: from the
  // end of "شاي" (its left edge) to before its last letter, then before the one
  // before that.
  f.apply(FieldKey::Home);
  for (int i = 0; i < 5; ++i) f.apply(FieldKey::Right);  // "Tee " and into the word
  EXPECT_EQ(f.caret(), testing::index_of(*f.layout().shaped, "ي"));
  f.apply(FieldKey::Right);
  EXPECT_EQ(f.caret(), testing::index_of(*f.layout().shaped, "اي"));
}

TEST_F(TextFieldTest, HomeAndEndAreLogical) {
  TextField f = field("ar", {.direction = Direction::AutoRtl});
  f.set_text("مرحبا");
  f.apply(FieldKey::Home);
  EXPECT_EQ(f.caret(), 0);
  f.apply(FieldKey::End);
  EXPECT_EQ(f.caret(), static_cast<TextIndex>(f.text16().size()));
}

// [SECTION] Scrolling

TEST_F(TextFieldTest, LongTextScrollsToKeepTheCaretInView) {
  TextField f = field("de");
  f.set_view_width(200);
  f.set_text("Ein ziemlich langer Satz, der nicht in das Feld passt");
  ASSERT_GT(f.layout().width, 200);
  const auto in_view = [&] {
    const float x = f.caret_in_view().x;
    return x >= -0.5f && x <= f.view_width() + 0.5f;
  };
  EXPECT_TRUE(in_view());
  EXPECT_LT(f.offset(), 0);
  f.apply(FieldKey::Home);
  EXPECT_TRUE(in_view());
  EXPECT_NEAR(f.offset(), 0, 0.01f);
  for (int i = 0; i < 30; ++i) {
    f.apply(FieldKey::Right);
    EXPECT_TRUE(in_view()) << i;
  }
  // The view never shows space beyond either end of the text.
  EXPECT_LE(f.offset(), 0);
  EXPECT_GE(f.offset() + f.layout().width, f.view_width() - 0.5f);
}

TEST_F(TextFieldTest, AFingerScrollsALongLineWithinItsEnds) {
  TextField f = field("de");
  f.set_view_width(200);
  f.set_text("Ein ziemlich langer Satz, der nicht in das Feld passt");
  const float end = f.offset();  // the caret at the end keeps the end in view
  f.scroll_by(80);
  EXPECT_NEAR(f.offset(), end + 80, 0.01f);
  f.scroll_by(10000);
  EXPECT_NEAR(f.offset(), 0, 0.01f);
  f.scroll_by(-10000);
  EXPECT_NEAR(f.offset(), end, 0.01f);
  // A line that fits does not scroll.
  TextField s = field("de");
  s.set_view_width(200);
  s.set_text("kurz");
  s.scroll_by(50);
  EXPECT_NEAR(s.offset(), 0, 0.01f);
}

TEST_F(TextFieldTest, LongRightToLeftTextScrollsToo) {
  TextField f = field("fa", {.direction = Direction::AutoRtl});
  f.set_view_width(150);
  f.set_text("این یک جملهٔ بلند است که در این جا جا نمی‌شود");
  const float x = f.caret_in_view().x;  // at the logical end: the left side
  EXPECT_GE(x, -0.5f);
  EXPECT_LE(x, 150.5f);
  f.apply(FieldKey::Home);
  EXPECT_NEAR(f.caret_in_view().x, 150, 0.5f);
}

// [SECTION] Masked mode

TEST_F(TextFieldTest, AMaskedFieldShowsBulletsAndNeverItsText) {
  TextField f = field("ar", {.direction = Direction::AutoRtl, .masked = true});
  f.insert("4");
  f.insert("7");
  f.insert("1");
  f.insert("1");
  EXPECT_EQ(f.text(), "4711");
  EXPECT_EQ(f.layout().shaped->text, u"\u2022\u2022\u2022\u2022");
  EXPECT_EQ(f.layout().shaped->missing_glyphs, 0);
  f.apply(FieldKey::Home);
  f.apply(FieldKey::Delete);
  EXPECT_EQ(f.text(), "711");
  EXPECT_EQ(f.layout().shaped->text.size(), 3u);
}

// [SECTION] Privacy

TEST_F(TextFieldTest, TheTextNeverEntersTheEnginesCache) {
  const LayoutCache::Stats before = engine.cache_stats();
  TextField f = field("de", {.placeholder = ""});
  f.set_view_width(300);
  f.insert("Geheimnis");
  f.apply(FieldKey::Left);
  f.delete_backward();
  f.tap(10, 10);
  const LayoutCache::Stats after = engine.cache_stats();
  EXPECT_EQ(after.shape_hits + after.shape_misses, before.shape_hits + before.shape_misses);
  EXPECT_EQ(after.layout_hits + after.layout_misses, before.layout_hits + before.layout_misses);
}

TEST_F(TextFieldTest, WipeEmptiesTheFieldForTheNextPerson) {
  TextField f = field("de", {.max_graphemes = 20});
  f.set_view_width(100);
  f.set_text("Anna Beispiel 0176");
  f.wipe();
  EXPECT_TRUE(f.empty());
  EXPECT_EQ(f.text(), "");
  EXPECT_EQ(f.caret(), 0);
  EXPECT_NEAR(f.offset(), 0, 0.01f);
  EXPECT_TRUE(f.insert("neu"));
  EXPECT_EQ(f.text(), "neu");
}

}  // namespace
}  // namespace ih::render
