// Layout by reading direction, icon mirroring, and isolated phone numbers and
// codes inside right-to-left text (laid out by the real text engine).
#include "i18n/direction.h"

#include <gtest/gtest.h>

#include <string>

#include "i18n/bidi_isolation.h"
#include "render/text_engine.h"

namespace ih::i18n {
namespace {

TEST(DirectionTest, StartAndEndSwapSides) {
  const Span box{100, 500};
  EXPECT_EQ(at_start(Direction::Ltr, box, 50), 100);
  EXPECT_EQ(at_start(Direction::Rtl, box, 50), 550);
  EXPECT_EQ(at_end(Direction::Ltr, box, 50, 10), 540);
  EXPECT_EQ(at_end(Direction::Rtl, box, 50, 10), 110);
}

TEST(DirectionTest, CellsCountFromTheStartEdge) {
  const Span box{0, 320};
  EXPECT_EQ(cell(Direction::Ltr, box, 0, 3, 10).left, 0);
  EXPECT_EQ(cell(Direction::Ltr, box, 2, 3, 10).left, 220);
  EXPECT_EQ(cell(Direction::Rtl, box, 0, 3, 10).left, 220);
  EXPECT_EQ(cell(Direction::Rtl, box, 2, 3, 10).left, 0);
  EXPECT_EQ(cell(Direction::Rtl, box, 1, 3, 10).width, 100);
}

TEST(DirectionTest, DirectionOfTheKiosksLanguages) {
  for (const char* tag : {"ar", "fa", "prs", "ps", "ckb", "ur", "ar-XB"})
    EXPECT_EQ(direction_of(tag), Direction::Rtl) << tag;
  for (const char* tag : {"de", "uk", "ti", "ka", "kmr", "en-XA"})
    EXPECT_EQ(direction_of(tag), Direction::Ltr) << tag;
}

TEST(DirectionTest, OnlyIconsThatShowADirectionMirror) {
  for (const char* icon : {"back", "forward", "send", "reply", "chevron-end"})
    EXPECT_TRUE(mirrors_in_rtl(icon)) << icon;
  for (const char* icon : {"check", "clock", "phone", "play", "person"})
    EXPECT_FALSE(mirrors_in_rtl(icon)) << icon;
}

TEST(BidiIsolationTest, WrapsTextInIsolates) {
  EXPECT_EQ(isolate("Anna"), "\u2068Anna\u2069");
  EXPECT_EQ(phone_number("+49 351 1234567"), "\u2066+49\u00A0351\u00A01234567\u2069");
  EXPECT_EQ(personal_code("K7Q-42"), "\u2066K7Q-42\u2069");
}

// The glyph clusters of `layout`'s first line, left to right, as text offsets.
std::vector<render::TextIndex> visual_clusters(const render::Layout& layout) {
  std::vector<render::TextIndex> out;
  for (const render::LineRun& run : layout.lines.at(0).runs)
    for (const render::Glyph& g : run.glyphs) out.push_back(g.cluster);
  return out;
}

TEST(BidiIsolationTest, APhoneNumberKeepsItsOrderInArabic) {
  const auto fonts = render::FontCollection::from_file(std::string(ICHHELFE_SOURCE_DIR) +
                                                       "/assets/fonts/fonts.conf");
  render::TextEngine engine(*fonts);
  const std::string number = "+49 351 1234567";
  const std::string text = "اتصل بالرقم " + phone_number(number) + " الآن";
  const auto layout = engine.layout(text, {32, "ar", render::Direction::Rtl});
  const std::u16string& units = layout->shaped->text;
  // Read the number's characters in visual order, left to right.
  std::u16string seen;
  for (const render::TextIndex c : visual_clusters(*layout)) {
    const char16_t u = units[static_cast<size_t>(c)];
    if ((u >= u'0' && u <= u'9') || u == u'+') seen += u;
  }
  EXPECT_EQ(seen, u"+493511234567");
  // And the Arabic stays right to left around it: the first word is rightmost.
  EXPECT_EQ(visual_clusters(*layout).back(), 0);
}

}  // namespace
}  // namespace ih::i18n
