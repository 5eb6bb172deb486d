// GraphemeBreaker against UAX #29's own conformance data for extended grapheme
// clusters (Debian unicode-data: Unicode 15.0, the version ICU 72 implements).
//
// Each line of GraphemeBreakTest.txt is a sequence of code points with '÷' where
// a cluster boundary is and '×' where none is, e.g. "÷ 0020 × 0308 ÷ 0020 ÷".
// ICU passes every line, so there is no list of known deviations: any mismatch
// fails, printed in the data's own notation next to the expected line.
#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "render/graphemes.h"

namespace ih::render {
namespace {

constexpr std::string_view kDataFile = "/usr/share/unicode/auxiliary/GraphemeBreakTest.txt";
constexpr std::string_view kBreak = "÷";
constexpr std::string_view kNoBreak = "×";
// Enough mismatches to see a pattern, few enough to read.
constexpr int kMaxPrinted = 10;

struct Case {
  std::vector<char32_t> code_points;
  std::vector<bool> boundary;  // per position 0 .. code_points.size()
};

// Parses "÷ 0020 × 0308 ÷" (anything after '#' is a comment). Empty on error.
Case parse(std::string_view line) {
  Case c;
  line = line.substr(0, line.find('#'));
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    const std::string_view token = line.substr(start, i - start);
    if (token.empty()) break;
    if (token == kBreak || token == kNoBreak) {
      c.boundary.push_back(token == kBreak);
      continue;
    }
    uint32_t value = 0;
    const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value, 16);
    if (error != std::errc() || end != token.data() + token.size()) return {};
    c.code_points.push_back(static_cast<char32_t>(value));
  }
  if (c.code_points.empty() || c.boundary.size() != c.code_points.size() + 1) return {};
  return c;
}

// The case in the data's notation, with `boundary` marking the breaks.
std::string format(const Case& c, const std::vector<bool>& boundary) {
  std::string out;
  for (size_t i = 0; i <= c.code_points.size(); ++i) {
    out += boundary[i] ? kBreak : kNoBreak;
    if (i == c.code_points.size()) break;
    char hex[16];
    std::snprintf(hex, sizeof hex, " %04X ", static_cast<unsigned>(c.code_points[i]));
    out += hex;
  }
  return out;
}

// The boundaries GraphemeBreaker finds, per code point position. A boundary
// inside a surrogate pair cannot be expressed so; it is reported separately.
std::vector<bool> actual_boundaries(GraphemeBreaker& breaker, const Case& c,
                                    bool& split_surrogate_pair) {
  std::u16string text;
  std::vector<int> position_of_unit;  // code point position per UTF-16 offset, -1 inside a pair
  for (size_t i = 0; i < c.code_points.size(); ++i) {
    const char32_t cp = c.code_points[i];
    position_of_unit.push_back(static_cast<int>(i));
    if (cp >= 0x10000) {
      text += static_cast<char16_t>(0xD7C0 + (cp >> 10));
      text += static_cast<char16_t>(0xDC00 | (cp & 0x3FF));
      position_of_unit.push_back(-1);
    } else {
      text += static_cast<char16_t>(cp);
    }
  }
  position_of_unit.push_back(static_cast<int>(c.code_points.size()));

  std::vector<bool> boundary(c.code_points.size() + 1, false);
  split_surrogate_pair = false;
  for (const TextIndex unit : breaker.boundaries(text)) {
    const int position = position_of_unit.at(static_cast<size_t>(unit));
    if (position < 0) {
      split_surrogate_pair = true;
    } else {
      boundary[static_cast<size_t>(position)] = true;
    }
  }
  return boundary;
}

TEST(GraphemeConformance, GraphemeBreakTest) {
  std::ifstream in{std::string(kDataFile)};
  ASSERT_TRUE(in) << kDataFile << " not found; install Debian's unicode-data";
  GraphemeBreaker breaker;
  int cases = 0;
  int failures = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const Case c = parse(line);
    if (c.code_points.empty()) {
      ADD_FAILURE() << "cannot parse " << line;
      continue;
    }
    ++cases;
    bool split_surrogate_pair = false;
    const std::vector<bool> actual = actual_boundaries(breaker, c, split_surrogate_pair);
    if (actual == c.boundary && !split_surrogate_pair) continue;
    if (++failures > kMaxPrinted) continue;
    ADD_FAILURE() << "expected: " << format(c, c.boundary) << "\n"
                  << "actual:   " << format(c, actual)
                  << (split_surrogate_pair ? " and a boundary inside a surrogate pair" : "") << "\n"
                  << std::string_view(line).substr(std::min(line.find('#'), line.size()));
  }
  EXPECT_GT(cases, 600) << kDataFile << " is truncated";
  EXPECT_EQ(failures, 0) << failures << " of " << cases << " lines fail";
  std::printf("GraphemeBreakTest.txt: %d cases, %d failures\n", cases, failures);
}

TEST(GraphemeConformance, EmptyTextHasOneBoundary) {
  GraphemeBreaker breaker;
  EXPECT_EQ(breaker.boundaries(u""), std::vector<TextIndex>{0});
}

// The one-off function and a reused breaker agree, and boundaries count UTF-16
// units: the flag of Ukraine is one cluster of four units.
TEST(GraphemeConformance, OneOffFunctionCountsUtf16Units) {
  const std::u16string text = u"a\U0001F1FA\U0001F1E6b";
  GraphemeBreaker breaker;
  EXPECT_EQ(grapheme_boundaries(text), (std::vector<TextIndex>{0, 1, 5, 6}));
  EXPECT_EQ(breaker.boundaries(text), grapheme_boundaries(text));
}

}  // namespace
}  // namespace ih::render
