// Carets and hit testing: what a text field will stand on.
#include "render/caret.h"

#include "engine_fixture.h"

namespace ih::render {
namespace {

using testing::EngineTest;
using testing::index_of;

TEST_F(EngineTest, LeftToRightCaretsMoveRightAndHitTestRoundTrips) {
  auto layout = lay("Hallo Welt", "de");
  const TextIndex n = static_cast<TextIndex>(layout->shaped->text.size());
  EXPECT_FLOAT_EQ(caret_at(*layout, 0).strong.x, 0.0f);
  EXPECT_NEAR(caret_at(*layout, n).strong.x, layout->width, 0.01f);
  for (TextIndex i = 1; i <= n; ++i) {
    const Carets c = caret_at(*layout, i);
    EXPECT_GT(c.strong.x, caret_at(*layout, i - 1).strong.x);
    EXPECT_FALSE(c.split());
    EXPECT_EQ(hit_test(*layout, c.strong.x + 0.5f, 10), i);
    EXPECT_EQ(hit_test(*layout, c.strong.x - 0.5f, 10), i);
  }
}

TEST_F(EngineTest, RightToLeftCaretsMoveLeft) {
  auto layout = lay("سلام عليكم", "ar");
  const TextIndex n = static_cast<TextIndex>(layout->shaped->text.size());
  EXPECT_NEAR(caret_at(*layout, 0).strong.x, layout->width, 0.01f);
  EXPECT_NEAR(caret_at(*layout, n).strong.x, 0.0f, 0.01f);
  for (TextIndex i = 1; i <= n; ++i) {
    const Carets c = caret_at(*layout, i);
    EXPECT_LT(c.strong.x, caret_at(*layout, i - 1).strong.x);
    EXPECT_EQ(hit_test(*layout, c.strong.x + 0.5f, 10), i);
    EXPECT_EQ(hit_test(*layout, c.strong.x - 0.5f, 10), i);
  }
  // Beyond the edges: the right end is the logical start, the left end the end.
  EXPECT_EQ(hit_test(*layout, layout->width + 50, 10), 0);
  EXPECT_EQ(hit_test(*layout, -50, 10), n);
}

TEST_F(EngineTest, ADirectionChangeShowsTwoCarets) {
  // "abc אבג": at the start of the Hebrew the strong caret follows the Latin
  // (the paragraph's direction), the weak one stands at the far right, where a
  // Hebrew letter would appear.
  auto layout = lay("abc אבג", "de");
  const TextIndex hebrew = index_of(*layout->shaped, "א");
  const Carets c = caret_at(*layout, hebrew);
  EXPECT_TRUE(c.split());
  EXPECT_NEAR(c.strong.x, caret_at(*layout, hebrew - 1).strong.x +
                              layout->shaped->advance({hebrew - 1, hebrew}), 0.01f);
  EXPECT_NEAR(c.weak.x, layout->width, 0.01f);
  // At the end of the text the caret is after the last Hebrew letter in logical
  // order, which is its left edge, right after the space.
  const Carets end = caret_at(*layout, static_cast<TextIndex>(layout->shaped->text.size()));
  EXPECT_NEAR(end.strong.x, c.strong.x, 0.01f);
}

TEST_F(EngineTest, TapsOnMixedTextLandOnTheLogicalSideOfTheLetter) {
  // Arabic paragraph with a Latin name and a number.
  auto layout = lay("اسمي Anna ورقمي 0176", "ar");
  const ShapedParagraph& shaped = *layout->shaped;
  const TextIndex anna = index_of(shaped, "Anna");
  // Left half of "A" → before it; right half → after it.
  const float a_left = caret_at(*layout, anna).weak.x;
  float a_right = caret_at(*layout, anna + 1).strong.x;
  EXPECT_LT(a_left, a_right);
  EXPECT_EQ(hit_test(*layout, a_left + 1, 10), anna);
  EXPECT_EQ(hit_test(*layout, a_right - 1, 10), anna + 1);
  // Left half of the first Arabic letter (rightmost glyph) → after it.
  const float alef_right = caret_at(*layout, 0).strong.x;
  const float alef_left = caret_at(*layout, 1).strong.x;
  EXPECT_LT(alef_left, alef_right);
  EXPECT_EQ(hit_test(*layout, alef_left + 1, 10), 1);
  EXPECT_EQ(hit_test(*layout, alef_right - 1, 10), 0);
  // Digits inside the Arabic read left to right.
  const TextIndex digits = index_of(shaped, "0176");
  EXPECT_LT(caret_at(*layout, digits + 1).strong.x, caret_at(*layout, digits + 2).strong.x);
}

TEST_F(EngineTest, CaretsStandOnlyBetweenGraphemes) {
  // e + combining acute; Arabic beh + kasra; an emoji family; Ethiopic syllables.
  auto layout = lay("e\u0301بِ👩‍👩‍👧ሰላ", "de");
  const ShapedParagraph& shaped = *layout->shaped;
  std::vector<TextIndex> walk{0};
  while (walk.back() < static_cast<TextIndex>(shaped.text.size()))
    walk.push_back(next_grapheme(shaped, walk.back()));
  EXPECT_EQ(walk, (std::vector<TextIndex>{0, 2, 4, 12, 13, 14}));
  EXPECT_EQ(previous_grapheme(shaped, 12), 4);
  EXPECT_EQ(previous_grapheme(shaped, 7), 4);
  // A caret asked for inside a cluster snaps to its start.
  EXPECT_FLOAT_EQ(caret_at(*layout, 1).strong.x, caret_at(*layout, 0).strong.x);
  EXPECT_FLOAT_EQ(caret_at(*layout, 8).strong.x, caret_at(*layout, 4).strong.x);
}

TEST_F(EngineTest, HitTestFindsTheLineByHeight) {
  auto layout = lay("erste Zeile zweite Zeile dritte Zeile", "de", {.max_width = 200});
  ASSERT_EQ(layout->lines.size(), 3u);
  for (size_t i = 0; i < layout->lines.size(); ++i) {
    const Line& line = layout->lines[i];
    const TextIndex hit = hit_test(*layout, 1, line.top + line.height / 2);
    EXPECT_EQ(hit, line.range.start);
    EXPECT_EQ(caret_at(*layout, line.range.start).strong.line, static_cast<int32_t>(i));
  }
  // Below the last line: the last line.
  EXPECT_EQ(hit_test(*layout, 1, layout->height + 100), layout->lines.back().range.start);
}

TEST_F(EngineTest, LigatureSharesItsWidthAmongItsGraphemes) {
  // Lam-alef shows as one shape for two letters (Naskh draws it as a lam and a
  // zero-width alef); each letter gets half of it.
  auto layout = lay("لا", "ar");
  const float right = caret_at(*layout, 0).strong.x;
  const float middle = caret_at(*layout, 1).strong.x;
  const float left = caret_at(*layout, 2).strong.x;
  EXPECT_NEAR(right - middle, middle - left, 0.01f);
  EXPECT_GT(right, middle);
}

TEST_F(EngineTest, AGraphemeSplitByBidiLevelsIsHitAsAWhole) {
  // U+0605 ARABIC NUMBER MARK ABOVE prepends to the space after it: one grapheme
  // whose two characters resolve to different levels and land in different runs.
  auto layout = lay("01\u0605 \u0628", "de");
  const auto& graphemes = layout->shaped->graphemes;
  for (float x = -5; x < layout->width + 5; x += 0.5f) {
    const TextIndex hit = hit_test(*layout, x, 10);
    EXPECT_TRUE(std::binary_search(graphemes.begin(), graphemes.end(), hit)) << x << " → " << hit;
  }
}

}  // namespace
}  // namespace ih::render
