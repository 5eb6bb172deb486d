// Any bytes through every rule of api/field_rules.h. The first byte picks the
// rule ('a' to 'r' pick them in the order below, so corpus files stay readable
// text; other bytes wrap around); the rest is the value. Nothing may crash,
// and a value a rule accepts must keep the rule's promises: well-formed UTF-8
// within its limits in graphemes and bytes, or the ASCII it says.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "api/field_rules.h"
#include "api/personal_code.h"

namespace {

using namespace ih::api;

void require(bool condition, const char* promise) {
  if (condition) return;
  std::fprintf(stderr, "broken promise: %s\n", promise);
  std::abort();
}

void text_rule(const TextRule& rule, std::string_view value) {
  const auto problem = check_text(rule, value);
  const auto graphemes = count_graphemes(value);
  if (graphemes) {
    require(*graphemes <= static_cast<int32_t>(value.size()), "a grapheme has a byte at least");
    require((*graphemes == 0) == value.empty(), "only empty text has no grapheme");
  }
  if (!problem) {
    require(graphemes.has_value(), "accepted text is UTF-8");
    require(*graphemes >= rule.min_graphemes && *graphemes <= rule.max_graphemes,
            "accepted text is within its graphemes");
    require(value.size() <= static_cast<size_t>(rule.max_bytes),
            "accepted text is within its bytes");
    return;
  }
  if (problem->reason == Reason::TooLong) {
    require(problem->unit == Unit::Graphemes ? problem->limit == rule.max_graphemes
                                             : problem->limit == rule.max_bytes,
            "too long names the rule's limit");
  }
  if (problem->reason == Reason::TooShort) {
    require(problem->unit == Unit::Graphemes && problem->limit == rule.min_graphemes,
            "too short names the rule's limit");
  }
  require(problem->reason != Reason::NotUtf8 || !graphemes, "not UTF-8 only when it is not");
}

bool ascii_of(std::string_view value, std::string_view allowed) {
  return std::all_of(value.begin(), value.end(),
                     [&](char c) { return allowed.find(c) != std::string_view::npos; });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view value(reinterpret_cast<const char*>(data) + 1, size - 1);
  const int pick = data[0] >= 'a' && data[0] <= 'r' ? data[0] - 'a' : data[0] % 18;
  switch (pick) {
    case 0:
      text_rule(kDisplayName, value);
      break;
    case 1:
      text_rule(kTown, value);
      break;
    case 2:
      text_rule(kPlace, value);
      break;
    case 3:
      text_rule(kRequestText, value);
      break;
    case 4:
      text_rule(kMessageText, value);
      break;
    case 5:
      text_rule(kTerminalName, value);
      break;
    case 6:
      text_rule(kPassword, value);
      break;
    case 7:
      text_rule(kVersion, value);
      break;
    case 8:
      text_rule(kLastError, value);
      break;
    case 9:
      if (!check_pin(value)) {
        require(value.size() >= 4 && value.size() <= 8 && ascii_of(value, "0123456789"),
                "a PIN is 4 to 8 digits");
      }
      break;
    case 10:
      if (!check_phone(value)) {
        require(value.size() >= 4 && value.size() <= 30, "a phone is 4 to 30 characters");
        require(ascii_of(value.substr(value[0] == '+'), "0123456789 "), "a phone is digits");
      }
      break;
    case 11:
      if (!check_personal_code(value)) {
        require(normalize_personal_code(value).has_value(), "an accepted code reads as one");
      }
      break;
    case 12:
      if (!check_enrolment_code(value)) {
        require(!value.empty() && value.size() <= 40, "an enrolment code is 1 to 40 characters");
        const std::string canonical = canonical_enrolment_code(value);
        require(canonical.find_first_of("- abcdefghijklmnopqrstuvwxyz") == std::string::npos,
                "a canonical enrolment code has no dash, space or small letter");
      }
      break;
    case 13:
      if (!check_request_id(value)) require(value.rfind("r_", 0) == 0, "a request id starts r_");
      break;
    case 14:
      if (!check_message_id(value))
        require(ascii_of(value, "0123456789"), "a message id is digits");
      break;
    case 15: {
      std::vector<std::string> tags;
      size_t start = 0;
      for (size_t comma; (comma = value.find(',', start)) != std::string_view::npos;
           start = comma + 1) {
        tags.emplace_back(value.substr(start, comma - start));
      }
      if (!value.empty()) tags.emplace_back(value.substr(start));
      if (!check_languages(tags)) require(tags.size() >= 1 && tags.size() <= 8, "1 to 8 languages");
      break;
    }
    case 16:
      check_category(value);
      check_part_of_day(value);
      check_language(value);
      break;
    case 17:
      if (!check_date(value)) require(value.size() == 10, "a date is YYYY-MM-DD");
      break;
  }
  return 0;
}
