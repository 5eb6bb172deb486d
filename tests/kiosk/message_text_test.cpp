// What the kiosk does to text the server relays before it shows it
// (kiosk/message_text.h): broken bytes, controls, bidi tricks and floods
// come out as well-formed text that stays in its own place.
#include "kiosk/message_text.h"

#include <gtest/gtest.h>

#include <string>

#include "i18n/bidi_isolation.h"
#include "render/bidi.h"
#include "render/utf.h"

namespace ih::kiosk {
namespace {

std::string message(std::string_view bytes) {
  return safe_message(bytes, 0).text;
}

TEST(MessageText, InvalidUtf8BecomesOneReplacementPerMaximalSubpart) {
  EXPECT_EQ(message("a\xC0\xAF"
                    "b"),
            "a\uFFFD\uFFFDb");
  EXPECT_EQ(message("a\xE2\x82"), "a\uFFFD");
  EXPECT_EQ(message("\xF0\x9F\x98x"), "\uFFFDx");
  EXPECT_EQ(message("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD") << "a surrogate is not a character";
  EXPECT_EQ(message("\xF4\x90\x80\x80"), "\uFFFD\uFFFD\uFFFD\uFFFD") << "above U+10FFFF";
  EXPECT_EQ(message("\xEF\xBF\xBE"), "\uFFFD") << "a noncharacter";
  EXPECT_TRUE(render::is_valid_utf8(message("\xFF\xFE\xC3")));
}

TEST(MessageText, NulAndControlCharactersAreRemoved) {
  const SafeText safe = safe_message(std::string("a\0b\x01"
                                                 "c\x7F\x1B[31md\xC2\x9B",
                                                 14),
                                     0);
  EXPECT_EQ(safe.text, "abc[31md");
  EXPECT_EQ(safe.dropped, 5);
}

TEST(MessageText, EveryKindOfLineBreakBecomesALineFeedAndBlankRunsShrink) {
  EXPECT_EQ(message("a\r\nb\rc\u2028d\u2029e\x0B"
                    "f\x0C"
                    "g\xC2\x85h"),
            "a\nb\nc\nd\ne\nf\ng\nh");
  EXPECT_EQ(message("a\n\n\n\n\n\nb"), "a\n\nb");
  EXPECT_EQ(message("\n\n  a  \t b \n\n"), "a b");
}

TEST(MessageText, EmbeddingsOverridesAndIsolatesAreRemoved) {
  const SafeText safe =
      safe_message("\u202Eevil\u202C \u2067x\u2069 \u202Ay\u202B\u2066\u2068z", 0);
  EXPECT_EQ(safe.text, "evil x yz");
  EXPECT_EQ(safe.dropped, 8);
}

TEST(MessageText, ANameWithARightToLeftOverrideCannotTurnTheTextAfterItAround) {
  // "Hallo " + U+202E + "Anna und Gruß" would show the rest reversed; the
  // name as kept and isolated leaves the words after it left to right, level 0.
  const std::string name = safe_name("\u202EAnna", 40).text;
  EXPECT_EQ(name, "Anna");
  const std::u16string sentence =
      render::utf8_to_utf16("Hallo " + i18n::isolate(name) + " und Gruß");
  render::BidiParagraph bidi;
  ASSERT_TRUE(bidi.set(sentence, render::Direction::Ltr));
  for (const uint8_t level : bidi.levels()) EXPECT_EQ(level, 0);
  // A stray PDI in a name cannot end the isolate around it early.
  EXPECT_EQ(safe_name("محمد\u2069\u202E", 40).text, "محمد");
}

TEST(MessageText, MarksThatWouldPickTheDirectionOrRepeatAreDroppedOthersStay) {
  EXPECT_EQ(message("\u200FHello"), "Hello");
  EXPECT_EQ(text_direction(message("\u200F\u200FHello")), TextDirection::Ltr);
  EXPECT_EQ(message("سلام\u200E 123"), "سلام\u200E 123") << "a mark in Persian text stays";
  EXPECT_EQ(message("سلام\u200F\u200F\u200F!"), "سلام\u200F!");
}

TEST(MessageText, InvisibleFormatCharactersGoButJoinersAndTagsStay) {
  EXPECT_EQ(message("\uFEFFa\uFFF9b\uFFFBc\u206Ad"), "abcd");
  EXPECT_EQ(message("می\u200Cخواهم"), "می\u200Cخواهم") << "ZWNJ in Persian";
  const std::string family = "👨‍👩‍👧‍👦";
  EXPECT_EQ(message(family), family);
  const std::string scotland = "🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F";
  EXPECT_EQ(message(scotland), scotland);
  EXPECT_EQ(message("1\uFE0F\u20E3"), "1\uFE0F\u20E3") << "a keycap";
}

TEST(MessageText, ALetterKeepsAtMostEightCombiningMarks) {
  std::string zalgo = "a";
  for (int i = 0; i < 50; ++i) zalgo += "\u0301";
  const SafeText safe = safe_message(zalgo + "b", 0);
  std::string expected = "a";
  for (int i = 0; i < kMaxMarksPerLetter; ++i) expected += "\u0301";
  EXPECT_EQ(safe.text, expected + "b");
  EXPECT_EQ(safe.dropped, 50 - kMaxMarksPerLetter);
  // Arabic with a vowel and shadda, Vietnamese with two marks: untouched.
  EXPECT_EQ(message("شَدَّة ệ"), "شَدَّة ệ");
}

TEST(MessageText, AHundredKilobyteMessageIsCutAtTheLimitOnAGraphemeBoundary) {
  std::string huge;
  while (huge.size() < 100 * 1024) huge += "ab👨‍👩‍👧 ";
  const SafeText safe = safe_message(huge, 2000);
  EXPECT_TRUE(safe.cut);
  EXPECT_LT(safe.text.size(), huge.size());
  // 2000 graphemes of "a", "b", a family and a space: 500 times each.
  EXPECT_EQ(safe.text.size(), 500 * std::string("ab👨‍👩‍👧 ").size() - 1)
      << "the family is never split, the trailing space stays out";
  EXPECT_TRUE(render::is_valid_utf8(safe.text));
  EXPECT_FALSE(safe_message("short", 2000).cut);
}

TEST(MessageText, NamesInManyScriptsPassUnchanged) {
  for (const char* name :
       {"Олена", "محمد", "ሰላም", "ნინო", "Ahmad", "अनीता", "李明", "Ñandú", "Zoë", "שרה", "ملالۍ",
        "کوردی", "Łukasz", "Nguyễn", "ශ්‍රී", "Ⴀ", "김민지", "Αλέξης"}) {
    EXPECT_EQ(safe_name(name, 40).text, name);
  }
}

TEST(MessageText, ANameIsOneTrimmedLineAtMostTheLimitLong) {
  EXPECT_EQ(safe_name("  Anna\nMaria\t\r\n  Müller ", 40).text, "Anna Maria Müller");
  const SafeText long_name = safe_name(std::string(100, 'x'), 40);
  EXPECT_EQ(long_name.text, std::string(40, 'x'));
  EXPECT_TRUE(long_name.cut);
  EXPECT_EQ(safe_name("\u202E\u2066", 40).text, "") << "nothing visible is left";
}

TEST(MessageText, APreviewEndsOnAGraphemeBoundaryAfterItsLinesOrLetters) {
  const std::string text = "👨‍👩‍👧‍👦👨‍👩‍👧‍👦 abc";
  const Preview two = preview(text, 2, 0);
  EXPECT_TRUE(two.cut);
  EXPECT_EQ(two.text, "👨‍👩‍👧‍👦👨‍👩‍👧‍👦");
  const Preview lines = preview("one\ntwo\nthree\nfour", 400, 2);
  EXPECT_TRUE(lines.cut);
  EXPECT_EQ(lines.text, "one\ntwo");
  const Preview whole = preview("short", 400, 12);
  EXPECT_FALSE(whole.cut);
  EXPECT_EQ(whole.text, "short");
}

TEST(MessageText, TheDirectionIsTheFirstStrongLetters) {
  EXPECT_EQ(text_direction("مرحبا Anna"), TextDirection::Rtl);
  EXPECT_EQ(text_direction("123 Hallo مرحبا"), TextDirection::Ltr);
  EXPECT_EQ(text_direction("👍 123"), TextDirection::Neutral);
  EXPECT_EQ(text_direction("ሰላም"), TextDirection::Ltr);
  EXPECT_EQ(text_direction("שלום"), TextDirection::Rtl);
}

TEST(MessageText, ThousandsOfMessagesComeOutWellFormed) {
  // Every byte value in every position, as a broken server might send it.
  std::string bytes;
  for (int i = 0; i < 5000; ++i) {
    bytes.assign(static_cast<size_t>(i % 97), static_cast<char>(i % 256));
    bytes += static_cast<char>((i * 7) % 256);
    bytes += static_cast<char>((i * 13) % 256);
    const SafeText safe = safe_message(bytes, 2000);
    ASSERT_TRUE(render::is_valid_utf8(safe.text)) << i;
    ASSERT_EQ(safe.text.find('\0'), std::string::npos) << i;
  }
}

}  // namespace
}  // namespace ih::kiosk
