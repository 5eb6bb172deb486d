// BidiParagraph against the Unicode Bidirectional Algorithm's own conformance data
// (Debian unicode-data: Unicode 15.0, the version ICU 72 implements).
//
//   BidiCharacterTest.txt  one case per line, in real code points (paired brackets
//                          included), with the paragraph level, levels and order.
//   BidiTest.txt           sequences of bidi classes, each tried in every paragraph
//                          direction of its bitset.
//
// Every case goes through the calls the layout makes: set() with the paragraph
// direction, base_level(), line_levels() and visual_order() with the whole text as
// one line. Characters that rule X9 removes (level 'x') have no level to compare
// and are dropped from the order, as the data files say.
//
// uniform_level(), the layout's shortcut past the algorithm, is checked on every
// case too (and in the direction "auto, else right-to-left", which the data lacks):
// wherever it answers, it must give what ICU gives.
//
// Where ICU itself departs from the data, the case is listed in
// known_deviations/<data file>, keyed by its data line. A mismatch that is not
// listed fails; so does a listed line that now passes, so that the list stays exact.
//
// About 860,000 cases: buffers are reused from case to case so that the test stays
// within seconds under AddressSanitizer.
#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "render/bidi.h"

namespace ih::render {
namespace {

// Where Debian's unicode-data package installs the Unicode Character Database.
constexpr std::string_view kUnicodeData = "/usr/share/unicode/";
constexpr std::string_view kDeviations = ICHHELFE_SOURCE_DIR "/tests/render/known_deviations/";
// Enough mismatches to see a pattern, few enough to read.
constexpr int kMaxPrinted = 10;
// A level the algorithm does not assign (rule X9), written 'x' in the data.
constexpr int kRemoved = -1;

// Calls `f` with each line of the file that is neither empty nor a '#' comment;
// returns false if the file cannot be read.
template <typename F>
bool for_each_data_line(const std::string& path, F f) {
  std::ifstream in(path);
  if (!in) return false;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') f(std::string_view(line));
  }
  return true;
}

// Calls `f` with each space- or tab-separated token of `text`.
template <typename F>
void for_each_token(std::string_view text, F f) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    const size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
    if (i > start) f(text.substr(start, i - start));
  }
}

// The next ';'-separated field of `rest`, which is advanced past it.
std::string_view next_field(std::string_view& rest) {
  const size_t end = rest.find(';');
  const std::string_view field = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  return field;
}

int parse_int(std::string_view token, int base = 10) {
  int value = 0;
  const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value, base);
  EXPECT_TRUE(error == std::errc() && end == token.data() + token.size()) << "bad number: " << token;
  return value;
}

void parse_levels(std::string_view field, std::vector<int>& levels) {
  levels.clear();
  for_each_token(field, [&](std::string_view token) {
    levels.push_back(token == "x" ? kRemoved : parse_int(token));
  });
}

void parse_order(std::string_view field, std::vector<int>& order) {
  order.clear();
  for_each_token(field, [&](std::string_view token) { order.push_back(parse_int(token)); });
}

std::string join(const std::vector<int>& values) {
  std::string out;
  for (const int value : values) {
    if (!out.empty()) out += ' ';
    out += value == kRemoved ? "x" : std::to_string(value);
  }
  return out;
}

// The parities present among `levels`, ignoring removed characters: 1 even, 2 odd.
int parities(const std::vector<int>& levels) {
  int bits = 0;
  for (const int level : levels) {
    if (level != kRemoved) bits |= 1 << (level & 1);
  }
  return bits;
}

// One case of either data file: its input and what the data expects.
struct Case {
  std::string_view key;        // the data line, as known deviations list it
  std::string_view direction;  // "LTR", "RTL" or "auto", for messages
  Direction paragraph_direction = Direction::Auto;
  const std::vector<char32_t>* input = nullptr;
  int paragraph_level = kRemoved;  // kRemoved where the data gives none
  const std::vector<int>* levels = nullptr;
  const std::vector<int>* order = nullptr;
};

// What BidiParagraph makes of a case, in code point indices as the data counts,
// with removed characters marked in the levels and left out of the order.
struct Resolved {
  int paragraph_level = 0;
  std::vector<int> levels;
  std::vector<int> order;
};

class Resolver {
 public:
  // The case's input and levels must have one entry per code point.
  const Resolved& resolve(const Case& c) {
    text_.clear();
    code_point_of_.clear();
    first_unit_.clear();
    const std::vector<char32_t>& input = *c.input;
    for (size_t i = 0; i < input.size(); ++i) {
      const char32_t cp = input[i];
      first_unit_.push_back(static_cast<int>(text_.size()));
      if (cp >= 0x10000) {
        text_ += static_cast<char16_t>(0xD7C0 + (cp >> 10));
        text_ += static_cast<char16_t>(0xDC00 | (cp & 0x3FF));
        code_point_of_.push_back(static_cast<int>(i));
      } else {
        text_ += static_cast<char16_t>(cp);
      }
      code_point_of_.push_back(static_cast<int>(i));
    }
    EXPECT_TRUE(bidi_.set(text_, c.paragraph_direction)) << c.key;
    check_uniform_level(bidi_, c.paragraph_direction, c);
    if (uniform_level(text_, Direction::AutoRtl) >= 0) {
      EXPECT_TRUE(auto_rtl_.set(text_, Direction::AutoRtl)) << c.key;
      check_uniform_level(auto_rtl_, Direction::AutoRtl, c);
    }
    const TextRange whole{0, static_cast<TextIndex>(text_.size())};
    const auto removed = [&](int i) { return (*c.levels)[static_cast<size_t>(i)] == kRemoved; };

    out_.paragraph_level = bidi_.base_level();
    out_.levels.clear();
    const std::vector<uint8_t> levels = bidi_.line_levels(whole);
    for (size_t i = 0; i < first_unit_.size(); ++i) {
      const int i_cp = static_cast<int>(i);
      out_.levels.push_back(removed(i_cp) ? kRemoved : levels[static_cast<size_t>(first_unit_[i])]);
    }
    out_.order.clear();
    for (const TextIndex unit : bidi_.visual_order(whole)) {
      const int cp = code_point_of_[static_cast<size_t>(unit)];
      // Both units of a surrogate pair stand side by side; count the pair once.
      if (removed(cp) || (!out_.order.empty() && out_.order.back() == cp)) continue;
      out_.order.push_back(cp);
    }
    return out_;
  }

  // How many cases uniform_level() answered without the algorithm.
  int uniform_answers() const { return uniform_answers_; }

 private:
  // `bidi` holds text_ resolved in `direction`.
  void check_uniform_level(const BidiParagraph& bidi, Direction direction, const Case& c) {
    const int uniform = uniform_level(text_, direction);
    if (uniform < 0) return;
    ++uniform_answers_;
    const std::vector<uint8_t> levels = bidi.levels();
    const bool agrees =
        bidi.base_level() == uniform &&
        std::all_of(levels.begin(), levels.end(), [&](uint8_t level) { return level == uniform; });
    EXPECT_TRUE(agrees) << "uniform_level() says " << uniform << " in direction "
                        << static_cast<int>(direction) << ", ICU differs: " << c.key;
  }

  BidiParagraph bidi_;
  BidiParagraph auto_rtl_;
  int uniform_answers_ = 0;
  std::u16string text_;
  std::vector<int> code_point_of_;  // per UTF-16 unit
  std::vector<int> first_unit_;     // per code point
  Resolved out_;
};

bool matches(const Case& c, const Resolved& actual) {
  // For text of one direction ICU keeps no levels and reports the paragraph level
  // for every character (e.g. 0 for Arabic digits alone in a left-to-right
  // paragraph, where the algorithm says 2). Runs, shaping direction and order are
  // the same, so that counts as a match, as in ICU's own conformance test.
  const int expected_parities = parities(*c.levels);
  const bool levels_match =
      actual.levels == *c.levels ||
      (actual.levels.size() == c.levels->size() && expected_parities != 3 &&
       parities(actual.levels) == expected_parities);
  return (c.paragraph_level == kRemoved || c.paragraph_level == actual.paragraph_level) &&
         levels_match && actual.order == *c.order;
}

// Checks the cases of one data file against its known deviations.
class Verdicts {
 public:
  explicit Verdicts(std::string data_file) : data_file_(std::move(data_file)) {
    for_each_data_line(std::string(kDeviations) + data_file_,
                       [&](std::string_view line) { listed_.emplace(line); });
  }

  void check(const Case& c) {
    ++cases_;
    const Resolved& actual = resolver_.resolve(c);
    const bool ok = matches(c, actual);
    if (const auto it = listed_.find(c.key); it != listed_.end()) {
      (ok ? listed_passing_ : listed_failing_).insert(*it);
      return;
    }
    if (ok) return;
    ++unexpected_;
    if (unexpected_ > kMaxPrinted) return;
    ADD_FAILURE() << data_file_ << ": " << c.key << "\n"
                  << "  paragraph direction " << c.direction << "\n"
                  << "  expected: paragraph level " << join({c.paragraph_level}) << "; levels "
                  << join(*c.levels) << "; order " << join(*c.order) << "\n"
                  << "  actual:   paragraph level " << actual.paragraph_level << "; levels "
                  << join(actual.levels) << "; order " << join(actual.order);
  }

  // Fails on unlisted mismatches and on listed lines that no longer fail.
  void finish(int minimum_cases) {
    EXPECT_GE(cases_, minimum_cases) << data_file_ << " is missing or truncated";
    EXPECT_EQ(unexpected_, 0) << unexpected_ << " of " << cases_ << " cases of " << data_file_
                              << " fail and are not in known_deviations/" << data_file_;
    for (const auto& line : listed_) {
      if (listed_failing_.contains(line)) continue;
      ADD_FAILURE() << "known_deviations/" << data_file_ << " lists a line that "
                    << (listed_passing_.contains(line) ? "now passes" : "is not in the data")
                    << "; remove it:\n  " << line;
    }
    // The shortcut must answer often enough to be worth checking here.
    EXPECT_GT(resolver_.uniform_answers(), cases_ / 20) << data_file_;
    std::printf(
        "%s: %d cases, %zu known deviations, %d unexpected failures; "
        "%d answered by uniform_level()\n",
        data_file_.c_str(), cases_, listed_failing_.size(), unexpected_,
        resolver_.uniform_answers());
  }

 private:
  std::string data_file_;
  Resolver resolver_;
  std::set<std::string, std::less<>> listed_;
  std::set<std::string> listed_failing_;
  std::set<std::string> listed_passing_;
  int cases_ = 0;
  int unexpected_ = 0;
};

// Fields: code points; paragraph direction (0 LTR, 1 RTL, 2 auto); resolved
// paragraph level; levels; visual order.
TEST(BidiConformance, BidiCharacterTest) {
  static constexpr std::pair<Direction, std::string_view> kDirections[] = {
      {Direction::Ltr, "LTR"}, {Direction::Rtl, "RTL"}, {Direction::Auto, "auto"}};
  Verdicts verdicts("BidiCharacterTest.txt");
  std::vector<char32_t> input;
  std::vector<int> levels;
  std::vector<int> order;
  const bool read = for_each_data_line(
      std::string(kUnicodeData) + "BidiCharacterTest.txt", [&](std::string_view line) {
        std::string_view rest = line;
        input.clear();
        for_each_token(next_field(rest), [&](std::string_view token) {
          input.push_back(static_cast<char32_t>(parse_int(token, 16)));
        });
        const int direction = parse_int(next_field(rest));
        const int paragraph_level = parse_int(next_field(rest));
        parse_levels(next_field(rest), levels);
        parse_order(next_field(rest), order);
        if (direction < 0 || direction > 2 || levels.size() != input.size()) {
          ADD_FAILURE() << "cannot parse " << line;
          return;
        }
        verdicts.check({.key = line,
                        .direction = kDirections[direction].second,
                        .paragraph_direction = kDirections[direction].first,
                        .input = &input,
                        .paragraph_level = paragraph_level,
                        .levels = &levels,
                        .order = &order});
      });
  EXPECT_TRUE(read) << "BidiCharacterTest.txt not found; install Debian's unicode-data";
  verdicts.finish(90'000);
}

// One character of each bidi class. ON, ES and the others are chosen among
// characters that are not paired brackets, which BidiTest.txt assumes absent.
char32_t character_of_class(std::string_view bidi_class) {
  static constexpr std::pair<std::string_view, char32_t> kClasses[] = {
      {"L", U'a'},        {"R", U'\u05D0'},   {"AL", U'\u0627'},  {"EN", U'1'},
      {"ES", U'+'},       {"ET", U'%'},       {"AN", U'\u0661'},  {"CS", U','},
      {"NSM", U'\u0300'}, {"BN", U'\u00AD'},  {"B", U'\u2029'},   {"S", U'\t'},
      {"WS", U' '},       {"ON", U'!'},       {"LRE", U'\u202A'}, {"RLE", U'\u202B'},
      {"PDF", U'\u202C'}, {"LRO", U'\u202D'}, {"RLO", U'\u202E'}, {"LRI", U'\u2066'},
      {"RLI", U'\u2067'}, {"FSI", U'\u2068'}, {"PDI", U'\u2069'},
  };
  for (const auto& [name, c] : kClasses) {
    if (name == bidi_class) return c;
  }
  ADD_FAILURE() << "unknown bidi class " << bidi_class;
  return U'a';
}

// "@Levels:" and "@Reorder:" lines set the expectation for the data lines after
// them; a data line is "<classes>; <bitset>" with 1 = auto, 2 = LTR, 4 = RTL.
TEST(BidiConformance, BidiTest) {
  static constexpr std::tuple<int, Direction, std::string_view> kDirections[] = {
      {1, Direction::Auto, "auto"}, {2, Direction::Ltr, "LTR"}, {4, Direction::Rtl, "RTL"}};
  Verdicts verdicts("BidiTest.txt");
  std::vector<char32_t> input;
  std::vector<int> levels;
  std::vector<int> order;
  const bool read =
      for_each_data_line(std::string(kUnicodeData) + "BidiTest.txt", [&](std::string_view line) {
        if (line.starts_with("@Levels:")) return parse_levels(line.substr(8), levels);
        if (line.starts_with("@Reorder:")) return parse_order(line.substr(9), order);
        if (line[0] == '@') return;  // reserved for future use
        std::string_view rest = line;
        input.clear();
        for_each_token(next_field(rest), [&](std::string_view bidi_class) {
          input.push_back(character_of_class(bidi_class));
        });
        int bitset = 0;
        for_each_token(next_field(rest), [&](std::string_view token) { bitset = parse_int(token, 16); });
        if (bitset == 0 || levels.size() != input.size()) {
          ADD_FAILURE() << "cannot parse " << line;
          return;
        }
        for (const auto& [bit, direction, name] : kDirections) {
          if (!(bitset & bit)) continue;
          verdicts.check({.key = line,
                          .direction = name,
                          .paragraph_direction = direction,
                          .input = &input,
                          .levels = &levels,
                          .order = &order});
        }
      });
  EXPECT_TRUE(read) << "BidiTest.txt not found; install Debian's unicode-data";
  verdicts.finish(700'000);
}

}  // namespace
}  // namespace ih::render
