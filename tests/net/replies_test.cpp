// The parsers of server replies, Retry-After, personal codes and times on the
// wire: what they accept and what they refuse.
#include "net/replies.h"

#include <gtest/gtest.h>

#include <set>

#include "api/personal_code.h"
#include "api/time_text.h"

namespace ih::net {
namespace {

TEST(Replies, ProblemDetailsKeepTheName) {
  const auto p = parse_problem(
      R"({"type":"https://ichhelfe.jetzt/problems/rate-limited","title":"Wait","status":429})");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->type, "rate-limited");
  EXPECT_EQ(p->status, 429);
  EXPECT_FALSE(parse_problem(R"({"type":"x","title":"y","status":99})"));
  EXPECT_FALSE(parse_problem(R"({"type":"x","status":400})"));
  EXPECT_FALSE(parse_problem("<html>"));
}

TEST(Replies, EnrolmentNeedsA32ByteKeyAndAPrefix) {
  const std::string good =
      R"({"terminal_id":"t_1","code_prefix":"001","server_box_public_key":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",)"
      R"("tls_public_key_pin":"sha256//x","heartbeat_interval_s":300})";
  ASSERT_TRUE(parse_enrolment(good));
  EXPECT_EQ(parse_enrolment(good)->server_box_public_key.size(), 32u);
  std::string short_key = good;
  short_key.replace(short_key.find("AAAA"), 4, "");
  EXPECT_FALSE(parse_enrolment(short_key));
  std::string dotted = good;
  dotted.replace(dotted.find("t_1"), 3, "t.1");
  EXPECT_FALSE(parse_enrolment(dotted));
}

TEST(Replies, PagesRefuseItemsOfTheWrongShape) {
  EXPECT_TRUE(parse_request_page(R"({"items":[]})"));
  EXPECT_FALSE(parse_request_page(R"({"items":[{}]})"));
  EXPECT_FALSE(parse_message_page(R"({"items":[]})"));  // its cursor is required
  const auto messages = parse_message_page(
      R"({"items":[{"id":"7","mine":false,"text":"Hallo","sent_at":"2026-01-02T03:04:05Z","read":true}],"next_cursor":"Nw"})");
  ASSERT_TRUE(messages);
  EXPECT_EQ(messages->items[0].text, "Hallo");
  EXPECT_FALSE(parse_match_count(R"({"request_id":"r","fitting_helpers":-1})"));
  EXPECT_FALSE(parse_match_count(R"({"request_id":"r","fitting_helpers":18446744073709551615})"));
  EXPECT_EQ(parse_unread(R"({"unread":3})"), 3);
}

TEST(Replies, RetryAfterInSecondsOrAsADate) {
  const int64_t now = *api::parse_time("2026-11-28T10:00:00Z");
  EXPECT_EQ(parse_retry_after("120", now), 120);
  EXPECT_EQ(parse_retry_after(" 5 ", now), 5);
  EXPECT_EQ(parse_retry_after("Sat, 28 Nov 2026 10:01:30 GMT", now), 90);
  EXPECT_EQ(parse_retry_after("Sat, 28 Nov 2026 09:00:00 GMT", now), 0);
  EXPECT_EQ(parse_retry_after("99999999999999999999999", now), 86400);
  EXPECT_FALSE(parse_retry_after("", now));
  EXPECT_FALSE(parse_retry_after("-5", now));
  EXPECT_FALSE(parse_retry_after("soon", now));
  EXPECT_FALSE(parse_retry_after("Sat, 28 Foo 2026 10:01:30 GMT", now));
}

TEST(Times, FormatAndParseRoundTrip) {
  EXPECT_EQ(api::format_time(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(api::parse_time("2026-11-28T10:00:00+01:00"), *api::parse_time("2026-11-28T09:00:00Z"));
  EXPECT_EQ(api::parse_time("2026-11-28T10:00:00.123Z"), api::parse_time("2026-11-28T10:00:00Z"));
  EXPECT_FALSE(api::parse_time("2026-02-30T10:00:00Z"));
  EXPECT_FALSE(api::parse_time("2026-11-28 10:00:00Z"));
  EXPECT_TRUE(api::is_date("2024-02-29"));
  EXPECT_FALSE(api::is_date("2023-02-29"));
}

TEST(PersonalCodes, CarryThePrefixAndACheckCharacter) {
  const auto code = api::make_personal_code("0G1", 12345);
  ASSERT_TRUE(code);
  EXPECT_EQ(code->size(), 9u);
  EXPECT_EQ(api::prefix_of(*code), "0G1");
  EXPECT_EQ(api::normalize_personal_code(*code), code);
  // Typed leniently.
  std::string typed = *code;
  typed.erase(4, 1);
  for (char& c : typed) c = static_cast<char>(std::tolower(c));
  EXPECT_EQ(api::normalize_personal_code(typed), code);
  EXPECT_EQ(api::normalize_personal_code("0GI" + code->substr(3)), code);
  // Every single wrong character and every swap of neighbours is caught.
  const std::string plain = code->substr(0, 4) + code->substr(5);
  static constexpr std::string_view kDigits = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  for (size_t i = 0; i < plain.size(); ++i) {
    for (const char c : kDigits) {
      if (c == plain[i]) continue;
      std::string wrong = plain;
      wrong[i] = c;
      EXPECT_FALSE(api::normalize_personal_code(wrong)) << wrong;
    }
    if (i + 1 < plain.size() && plain[i] != plain[i + 1]) {
      std::string swapped = plain;
      std::swap(swapped[i], swapped[i + 1]);
      EXPECT_FALSE(api::normalize_personal_code(swapped)) << swapped;
    }
  }
  EXPECT_FALSE(api::make_personal_code("0G", 1));
  EXPECT_FALSE(api::make_personal_code("0G1", api::kBodyCount));
}

TEST(PersonalCodes, PrefixesAreDistinct) {
  std::set<std::string> seen;
  for (uint32_t n = 0; n < api::kPrefixCount; n += 7) seen.insert(api::code_prefix(n));
  EXPECT_EQ(seen.size(), (api::kPrefixCount + 6) / 7);
}

}  // namespace
}  // namespace ih::net
