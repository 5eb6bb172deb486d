// Reading ICU MessageFormat patterns: arguments and their kinds, plural forms,
// syntax errors, and rewriting only the literal text.
#include "i18n/message_pattern.h"

#include <gtest/gtest.h>

#include <string>

namespace ih::i18n {
namespace {

TEST(MessagePatternTest, ListsArgumentsWithTheirKinds) {
  const PatternInfo info = analyse_pattern(
      "{name} has {count, plural, one {# request} other {# requests}} since {day, date, short}; "
      "{gender, select, female {she} other {they}} came {n, selectordinal, one {#st} other {#th}}");
  ASSERT_TRUE(info.ok()) << info.error;
  ASSERT_EQ(info.arguments.size(), 5u);
  EXPECT_EQ(info.arguments[0].name, "name");
  EXPECT_EQ(info.arguments[0].kind, ArgumentKind::Any);
  EXPECT_EQ(info.arguments[1].kind, ArgumentKind::Number);
  EXPECT_EQ(info.arguments[1].plural_forms, (std::vector<std::string>{"one", "other"}));
  EXPECT_EQ(info.arguments[2].kind, ArgumentKind::Date);
  EXPECT_EQ(info.arguments[3].kind, ArgumentKind::Choice);
  EXPECT_TRUE(info.arguments[4].ordinal);
}

TEST(MessagePatternTest, FindsArgumentsInsideSubMessagesOnce) {
  const PatternInfo info = analyse_pattern(
      "{count, plural, =0 {nothing for {name}} one {one for {name}} other {# for {name}}}");
  ASSERT_TRUE(info.ok());
  ASSERT_EQ(info.arguments.size(), 2u);
  EXPECT_EQ(info.arguments[1].name, "name");
  // Explicit values are not plural forms.
  EXPECT_EQ(info.arguments[0].plural_forms, (std::vector<std::string>{"one", "other"}));
}

TEST(MessagePatternTest, SaysWhatIsWrongAndWhere) {
  EXPECT_EQ(analyse_pattern("Hello {name").error, "unmatched braces near “Hello {name”");
  EXPECT_NE(analyse_pattern("{n, plural, one {x}}").error.find("no 'other' form"),
            std::string::npos);
  EXPECT_NE(analyse_pattern("{0} files").error.find("numbered argument {0}"), std::string::npos);
  EXPECT_TRUE(analyse_pattern("It''s '{'literal'}'").ok());
}

TEST(MessagePatternTest, RewritesOnlyLiteralText) {
  const auto upper = [](std::u16string_view s) {
    std::u16string out(s);
    for (char16_t& c : out)
      if (c >= u'a' && c <= u'z') c = static_cast<char16_t>(c - 32);
    return out;
  };
  EXPECT_EQ(
      rewrite_literal_text(u"hi {name}, you have {n, plural, one {# file} other {# files}}", upper),
      u"HI {name}, YOU HAVE {n, plural, one {# FILE} other {# FILES}}");
  EXPECT_EQ(rewrite_literal_text(u"{s, select, a {x} other {y}}", upper),
            u"{s, select, a {X} other {Y}}");
  // Characters touching a quoting apostrophe stay, so the quotes keep quoting.
  EXPECT_EQ(rewrite_literal_text(u"'{'quote'}' it''s", upper), u"'{'qUOTe'}' IT''s");
  // Not a pattern: unchanged.
  EXPECT_EQ(rewrite_literal_text(u"broken {", upper), u"broken {");
}

}  // namespace
}  // namespace ih::i18n
