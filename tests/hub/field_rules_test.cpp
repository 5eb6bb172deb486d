// api/field_rules.h at the edges of every rule: the last value that passes and
// the first that does not, in the unit the rule names. (The api library has no
// test folder of its own; the hub is the rules' first user.)
#include "api/field_rules.h"

#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/personal_code.h"

namespace ih::test {
namespace {

using api::FieldProblem;
using api::Reason;
using api::Unit;

std::string times(std::string_view piece, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += piece;
  return out;
}

FieldProblem too_long(Unit unit, int64_t limit) {
  return {Reason::TooLong, unit, limit};
}

FieldProblem too_short(Unit unit, int64_t limit) {
  return {Reason::TooShort, unit, limit};
}

// One grapheme each, in the scripts and sequences people use for names.
const char* const kArabic = "ب";                          // 2 bytes
const char* const kArabicWithVowel = "بَ";                 // letter and fatha: 4 bytes
const char* const kTigrinya = "ሰ";                        // 3 bytes
const char* const kGeorgian = "ნ";                        // 3 bytes
const char* const kFamily = "👩‍👩‍👧‍👦";  // 7 code points joined by ZWJ: 25 bytes
const char* const kFlag = "🇪🇷";                           // two regional indicators: 8 bytes
const char* const kStacked = "e\u0323\u0302";             // ệ from e and two marks: 5 bytes
const char* const kKiss =
    "👩🏽‍❤️‍💋‍👨🏿";  // the longest emoji sequence: 35 bytes

TEST(FieldRules, GraphemesAreWhatAPersonSeesAsOneCharacter) {
  for (const char* one :
       {kArabic, kArabicWithVowel, kTigrinya, kGeorgian, kFamily, kFlag, kStacked, kKiss, "\r\n"}) {
    EXPECT_EQ(api::count_graphemes(one), 1) << one;
  }
  EXPECT_EQ(api::count_graphemes(""), 0);
  EXPECT_EQ(api::count_graphemes("Amira"), 5);
  EXPECT_EQ(api::count_graphemes(std::string(kFlag) + kFlag), 2);
  EXPECT_EQ(api::count_graphemes("\xC3"), std::nullopt);
}

TEST(FieldRules, ANameIs40GraphemesInEveryScript) {
  for (const char* one :
       {"a", kArabic, kArabicWithVowel, kTigrinya, kGeorgian, kFamily, kFlag, kStacked, kKiss}) {
    EXPECT_EQ(api::check_display_name(times(one, 40)), std::nullopt) << one;
    EXPECT_EQ(api::check_display_name(times(one, 41)), too_long(Unit::Graphemes, 40)) << one;
  }
  EXPECT_EQ(api::check_display_name(""), too_short(Unit::Graphemes, 1));
  EXPECT_EQ(api::check_display_name("A"), std::nullopt);
}

TEST(FieldRules, OneGraphemeStuffedWithMarksIsRefusedByItsBytes) {
  EXPECT_EQ(api::kDisplayName.max_bytes, 2560);
  // 1 + 2 · 1279 = 2559 bytes, one grapheme: fits; one mark more does not.
  const std::string stuffed = "a" + times("\u0301", 1279);
  ASSERT_EQ(api::count_graphemes(stuffed), 1);
  EXPECT_EQ(api::check_display_name(stuffed), std::nullopt);
  EXPECT_EQ(api::check_display_name(stuffed + "\u0301"), too_long(Unit::Bytes, 2560));
  EXPECT_EQ(api::check_display_name("a" + times("\u0301", 5000)), too_long(Unit::Bytes, 2560));
}

TEST(FieldRules, OneLineFieldsRefuseControlsAndLineBreaks) {
  for (const char* bad : {"Ami\nra", "Ami\tra", "\x7f", "Ami\u2028ra", "\u0085"}) {
    EXPECT_EQ(api::check_display_name(bad), FieldProblem{Reason::ControlCharacter}) << bad;
    EXPECT_EQ(api::check_town(bad), FieldProblem{Reason::ControlCharacter}) << bad;
  }
  // Joiners and marks are not controls (Cf, Mn): Persian needs ZWNJ.
  EXPECT_EQ(api::check_display_name("می\u200cخواهم"), std::nullopt);
  EXPECT_EQ(api::check_display_name("\xFF"), FieldProblem{Reason::NotUtf8});
  EXPECT_EQ(api::check_display_name("\xED\xA0\x80"), FieldProblem{Reason::NotUtf8})
      << "an encoded surrogate";
}

TEST(FieldRules, RequestAndMessageTextsAreProseWithLineBreaks) {
  EXPECT_EQ(api::check_request_text(""), std::nullopt) << "optional";
  EXPECT_EQ(api::check_request_text("Termin\r\nam Montag\tfrüh"), std::nullopt);
  EXPECT_EQ(api::check_request_text("\x1b[31m"), FieldProblem{Reason::ControlCharacter});
  EXPECT_EQ(api::check_request_text(times(kTigrinya, 500)), std::nullopt);
  EXPECT_EQ(api::check_request_text(times(kTigrinya, 501)), too_long(Unit::Graphemes, 500));
  EXPECT_EQ(api::check_request_text(times("ab", 2000)), too_long(Unit::Graphemes, 500));
  EXPECT_EQ(api::kRequestText.max_bytes, 4000);
  EXPECT_EQ(api::check_request_text(times(kFamily, 161)), too_long(Unit::Bytes, 4000));

  EXPECT_EQ(api::check_message_text(""), too_short(Unit::Graphemes, 1));
  EXPECT_EQ(api::check_message_text(times(kArabicWithVowel, 2000)), std::nullopt);
  EXPECT_EQ(api::check_message_text(times(kArabicWithVowel, 2001)),
            too_long(Unit::Graphemes, 2000));
  EXPECT_EQ(api::kMessageText.max_bytes, 16000);
  EXPECT_EQ(api::check_message_text(times(kFamily, 700)), too_long(Unit::Bytes, 16000));
}

TEST(FieldRules, NulIsAControlCharacterInEveryTextField) {
  const std::string nul("Ami\0ra", 6);
  EXPECT_EQ(api::check_display_name(nul), FieldProblem{Reason::ControlCharacter});
  EXPECT_EQ(api::check_town(nul), FieldProblem{Reason::ControlCharacter});
  EXPECT_EQ(api::check_place(nul), FieldProblem{Reason::ControlCharacter});
  EXPECT_EQ(api::check_request_text(nul), FieldProblem{Reason::ControlCharacter});
  EXPECT_EQ(api::check_message_text(nul), FieldProblem{Reason::ControlCharacter});
  EXPECT_EQ(api::check_password(nul), FieldProblem{Reason::ControlCharacter});
}

// Each text a client shows is isolated (FSI … PDI): nothing stored may reach
// out of that isolate and reorder what stands around it.
TEST(FieldRules, NoTextTakesABidiEmbeddingOrOverride) {
  for (const char* spoof : {"\u202EnaM", "Amira\u202A", "a\u202Bb\u202C", "\u202Dabc"}) {
    SCOPED_TRACE(spoof);
    EXPECT_EQ(api::check_display_name(spoof), FieldProblem{Reason::BadCharacter});
    EXPECT_EQ(api::check_town(spoof), FieldProblem{Reason::BadCharacter});
    EXPECT_EQ(api::check_request_text(spoof), FieldProblem{Reason::BadCharacter});
    EXPECT_EQ(api::check_message_text(spoof), FieldProblem{Reason::BadCharacter});
  }
}

TEST(FieldRules, IsolatesMustPairUpWithinTheirLine) {
  for (const char* paired :
       {"\u2067أمل\u2069 kommt", "\u2066+49 351\u2069", "\u2068a\u2066b\u2069\u2069"}) {
    SCOPED_TRACE(paired);
    EXPECT_EQ(api::check_display_name(paired), std::nullopt);
    EXPECT_EQ(api::check_message_text(paired), std::nullopt);
  }
  for (const char* unpaired :
       {"\u2067Amira", "Amira\u2069", "\u2069\u2068", "\u2068a\u2066b\u2069"}) {
    SCOPED_TRACE(unpaired);
    EXPECT_EQ(api::check_display_name(unpaired), FieldProblem{Reason::BadFormat});
    EXPECT_EQ(api::check_message_text(unpaired), FieldProblem{Reason::BadFormat});
  }
  // A line break ends every isolate still open.
  EXPECT_EQ(api::check_message_text("\u2067Termin\n\u2069"), FieldProblem{Reason::BadFormat});
  EXPECT_EQ(api::check_message_text("\u2067Termin\u2069\n\u2066+49\u2069"), std::nullopt);
}

TEST(FieldRules, BidiMarksAndJoinersAreText) {
  EXPECT_EQ(api::check_display_name("Anna\u200F"), std::nullopt);
  EXPECT_EQ(api::check_message_text("\u200EBus 12\u200E \u061Cمن"), std::nullopt);
  EXPECT_EQ(api::check_message_text("👩\u200D👩\u200D👧 می\u200Cخواهم"), std::nullopt);
}

TEST(FieldRules, TownsPlacesAndTerminalNamesAre80Graphemes) {
  EXPECT_EQ(api::check_town(times(kGeorgian, 80)), std::nullopt);
  EXPECT_EQ(api::check_town(times(kGeorgian, 81)), too_long(Unit::Graphemes, 80));
  EXPECT_EQ(api::check_town(""), too_short(Unit::Graphemes, 1));
  EXPECT_EQ(api::check_place(""), std::nullopt) << "a place is optional";
  EXPECT_EQ(api::check_place(times("ö", 81)), too_long(Unit::Graphemes, 80));
  EXPECT_EQ(api::check_terminal_name("Erstaufnahme Dresden, Halle 2"), std::nullopt);
  EXPECT_EQ(api::check_terminal_name(times("x", 81)), too_long(Unit::Graphemes, 80));
}

TEST(FieldRules, APinIs4To8AsciiDigits) {
  EXPECT_EQ(api::check_pin("1234"), std::nullopt);
  EXPECT_EQ(api::check_pin("12345678"), std::nullopt);
  EXPECT_EQ(api::check_pin("123"), too_short(Unit::Characters, 4));
  EXPECT_EQ(api::check_pin("123456789"), too_long(Unit::Characters, 8));
  EXPECT_EQ(api::check_pin("12ab"), FieldProblem{Reason::BadCharacter});
  EXPECT_EQ(api::check_pin("١٢٣٤"), FieldProblem{Reason::BadCharacter}) << "Arabic-Indic digits";
  EXPECT_EQ(api::check_pin(""), too_short(Unit::Characters, 4));
}

TEST(FieldRules, APhoneIsDigitsAndSpacesAfterAnOptionalPlus) {
  EXPECT_EQ(api::check_phone("+49 176 555 0101"), std::nullopt);
  EXPECT_EQ(api::check_phone("+123"), std::nullopt) << "4 characters, the + counted";
  EXPECT_EQ(api::check_phone("123"), too_short(Unit::Characters, 4));
  EXPECT_EQ(api::check_phone(times("1", 30)), std::nullopt);
  EXPECT_EQ(api::check_phone("+" + times("1", 30)), too_long(Unit::Characters, 30));
  EXPECT_EQ(api::check_phone("0176-555"), FieldProblem{Reason::BadCharacter});
  EXPECT_EQ(api::check_phone("12+34"), FieldProblem{Reason::BadCharacter});
}

TEST(FieldRules, CodesAreReadLenientlyButMustCheck) {
  const auto code = *api::make_personal_code("ABC", 1234);
  std::string wrong = code;
  wrong.back() = wrong.back() == '0' ? '1' : '0';
  EXPECT_EQ(api::check_personal_code(wrong), FieldProblem{Reason::BadFormat})
      << "a wrong check character";
  EXPECT_EQ(api::check_personal_code(code), std::nullopt);
  std::string lower = code;
  for (char& c : lower) c = static_cast<char>(std::tolower(c));
  EXPECT_EQ(api::check_personal_code(" " + lower + " "), std::nullopt);
  EXPECT_EQ(api::check_personal_code(""), too_short(Unit::Characters, 1));
  EXPECT_EQ(api::check_personal_code(times(" ", 21)), too_long(Unit::Characters, 20));

  EXPECT_EQ(api::check_enrolment_code("7QX2-MD4K-9B"), std::nullopt);
  EXPECT_EQ(api::check_enrolment_code(times("A", 41)), too_long(Unit::Characters, 40));
  EXPECT_EQ(api::check_enrolment_code("7QX2\n"), FieldProblem{Reason::BadCharacter});
  EXPECT_EQ(api::canonical_enrolment_code("7qx2-md4k 9b"), "7QX2MD4K9B");

  EXPECT_EQ(api::check_request_id("r_" + times("a", 16)), std::nullopt);
  EXPECT_EQ(api::check_request_id("r_" + times("a", 43)), std::nullopt);
  EXPECT_EQ(api::check_request_id("r_" + times("a", 15)), too_short(Unit::Characters, 18));
  EXPECT_EQ(api::check_request_id("r_" + times("a", 44)), too_long(Unit::Characters, 45));
  EXPECT_EQ(api::check_request_id("x_" + times("a", 20)), FieldProblem{Reason::BadFormat});
  EXPECT_EQ(api::check_request_id("r_" + times("+", 20)), FieldProblem{Reason::BadCharacter});

  EXPECT_EQ(api::check_message_id("12"), std::nullopt);
  EXPECT_EQ(api::check_message_id(""), too_short(Unit::Characters, 1));
  EXPECT_EQ(api::check_message_id("1x"), FieldProblem{Reason::BadCharacter});
  EXPECT_EQ(api::check_date("2026-02-29"), FieldProblem{Reason::BadFormat});
  EXPECT_EQ(api::check_date("2028-02-29"), std::nullopt);
}

TEST(FieldRules, LanguagesAreOneToEightOfTheKiosksTags) {
  EXPECT_EQ(api::known_languages().size(), 18u);
  EXPECT_EQ(api::check_language("prs"), std::nullopt);
  EXPECT_EQ(api::check_language("en-XA"), FieldProblem{Reason::UnknownValue}) << "pseudo-locale";
  EXPECT_EQ(api::check_language("xx"), FieldProblem{Reason::UnknownValue});
  const std::vector<std::string> eight = {"de", "ar", "uk", "ru", "prs", "ps", "tr", "kmr"};
  EXPECT_EQ(api::check_languages(eight), std::nullopt);
  std::vector<std::string> nine = eight;
  nine.push_back("fa");
  EXPECT_EQ(api::check_languages(nine), too_long(Unit::Items, 8));
  EXPECT_EQ(api::check_languages(std::vector<std::string>{}), too_short(Unit::Items, 1));
  EXPECT_EQ(api::check_languages(std::vector<std::string>{"de", "Deutsch"}),
            FieldProblem{Reason::UnknownValue});
}

TEST(FieldRules, KnownLanguagesAreTheKiosksOwnNotItsPseudoLocales) {
  std::ifstream in(ICHHELFE_SOURCE_DIR "/assets/languages.json");
  const auto file = nlohmann::json::parse(in, nullptr, false, /*ignore_comments=*/true);
  ASSERT_TRUE(file.is_object());
  std::vector<std::string> kiosk;
  for (const auto& language : file["languages"]) kiosk.push_back(language["tag"]);
  EXPECT_EQ(kiosk,
            std::vector<std::string>(api::known_languages().begin(), api::known_languages().end()));
}

TEST(FieldRules, CategoriesAndPartsOfDayAreLists) {
  EXPECT_EQ(api::categories().size(), 13u);
  EXPECT_EQ(api::check_category("doctor"), std::nullopt);
  EXPECT_EQ(api::check_category("Doctor"), FieldProblem{Reason::UnknownValue});
  EXPECT_EQ(api::check_part_of_day("evening"), std::nullopt);
  EXPECT_EQ(api::check_part_of_day("night"), FieldProblem{Reason::UnknownValue});
}

TEST(FieldRules, ReasonsAndUnitsHaveTheirWireNames) {
  EXPECT_EQ(api::reason_name(Reason::TooLong), "too_long");
  EXPECT_EQ(api::reason_name(Reason::ControlCharacter), "control_character");
  EXPECT_EQ(api::reason_name(Reason::WrongTerminal), "wrong_terminal");
  EXPECT_EQ(api::unit_name(Unit::Graphemes), "graphemes");
  EXPECT_EQ(api::unit_name(Unit::Characters), "characters");
  EXPECT_EQ(api::unit_name(Unit::None), "");
}

}  // namespace
}  // namespace ih::test
