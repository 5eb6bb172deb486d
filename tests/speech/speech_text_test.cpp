// What may be spoken: text is checked and its digits made ASCII before
// espeak-ng sees it.
#include "kiosk/speech/speech_text.h"

#include <gtest/gtest.h>

namespace ih::speech {
namespace {

std::string prepared(std::string_view text) {
  std::string out;
  EXPECT_EQ(prepare_for_speech(text, out), TextProblem::none) << text;
  return out;
}

TextProblem problem_of(std::string_view text) {
  std::string out = "left over";
  const TextProblem problem = prepare_for_speech(text, out);
  EXPECT_TRUE(out.empty());
  return problem;
}

TEST(SpeechTextTest, EveryKindOfDecimalDigitBecomesItsAsciiDigit) {
  EXPECT_EQ(prepared("٠١٢٣٤٥٦٧٨٩"), "0123456789");  // Arabic-Indic
  EXPECT_EQ(prepared("۰۱۲۳۴۵۶۷۸۹"), "0123456789");  // Extended Arabic-Indic (fa, ur)
  EXPECT_EQ(prepared("०१२"), "012");                // Devanagari
  EXPECT_EQ(prepared("０９"), "09");                // fullwidth
  EXPECT_EQ(prepared("رقمي ۰۱۷۶ ١٢٣٤"), "رقمي 0176 1234");
}

TEST(SpeechTextTest, LettersAndOtherNumbersAreLeftAsTheyAre) {
  EXPECT_EQ(prepared("Житло"), "Житло");
  EXPECT_EQ(prepared("الطبيب"), "الطبيب");
  // Ethiopic numerals and superscripts are numbers but not decimal digits.
  EXPECT_EQ(prepared("፩ ²"), "፩ ²");
  EXPECT_EQ(prepared("3٫5"), "3٫5");  // the Arabic decimal separator stays
  EXPECT_EQ(prepared(""), "");
}

TEST(SpeechTextTest, IllFormedUtf8IsRefused) {
  EXPECT_EQ(problem_of("\xff\xfe\xc3"), TextProblem::invalid_utf8);
  EXPECT_EQ(problem_of("ok \xc0\xaf"), TextProblem::invalid_utf8);       // overlong '/'
  EXPECT_EQ(problem_of("\xed\xa0\x80"), TextProblem::invalid_utf8);      // a surrogate
  EXPECT_EQ(problem_of("\xf4\x90\x80\x80"), TextProblem::invalid_utf8);  // beyond U+10FFFF
  EXPECT_EQ(problem_of("سك\xd9"), TextProblem::invalid_utf8);            // cut in a letter
  EXPECT_EQ(problem_of("\x80"), TextProblem::invalid_utf8);              // a stray continuation
}

TEST(SpeechTextTest, ANulCharacterIsRefusedRatherThanEndingTheTextThere) {
  EXPECT_EQ(problem_of(std::string_view("Hilfe\0 und mehr", 15)), TextProblem::nul_byte);
}

TEST(SpeechTextTest, TextUpToTheLimitIsTakenAndLongerRefusedWhole) {
  EXPECT_EQ(prepared(std::string(kMaxTextBytes, 'a')).size(), kMaxTextBytes);
  EXPECT_EQ(problem_of(std::string(kMaxTextBytes + 1, 'a')), TextProblem::too_long);
}

TEST(SpeechTextTest, DescriptionsNameTheProblemButNotTheText) {
  EXPECT_NE(describe(TextProblem::too_long).find(std::to_string(kMaxTextBytes)), std::string::npos);
  EXPECT_NE(describe(TextProblem::invalid_utf8).find("UTF-8"), std::string::npos);
}

TEST(SpeechTextTest, WipingEmptiesTheString) {
  std::string s = "a name typed by a person, longer than the short-string buffer";
  wipe_text(s);
  EXPECT_TRUE(s.empty());
}

}  // namespace
}  // namespace ih::speech
