// simple_opportunity_at_or_before(), the line breaker's shortcut past ICU's
// iterator, against the iterator itself: wherever the shortcut answers, it must
// name the opportunity that BreakIterator::preceding() names, on
//
//   - every string of UAX #14's conformance data (LineBreakTest.txt), which has
//     every pair of line-break classes;
//   - sentences in the kiosk's scripts, as the layout meets them;
//   - 10,000 random strings of letters, marks, digits, spaces and punctuation of
//     those scripts (fixed seed).
//
// Each at every position, from every line start. On a mismatch the string is
// printed as code points, as in the data file.
#include "render/line_breaker.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "render/utf.h"

namespace ih::render {
namespace {

constexpr std::string_view kDataFile = "/usr/share/unicode/auxiliary/LineBreakTest.txt";
constexpr int kMaxPrinted = 10;

std::string code_points(std::u16string_view text) {
  std::string out;
  char buffer[8];
  for (const char16_t c : text) {
    std::snprintf(buffer, sizeof buffer, "%04X", static_cast<unsigned>(c));
    if (!out.empty()) out += ' ';
    out += buffer;
  }
  return out;
}

class AgreementCheck {
 public:
  AgreementCheck() {
    UErrorCode status = U_ZERO_ERROR;
    icu_.reset(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
    EXPECT_TRUE(U_SUCCESS(status));
  }

  // Compares the shortcut with ICU at every (start, at) of `text`.
  void check(std::u16string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    UText utext = UTEXT_INITIALIZER;
    utext_openUChars(&utext, reinterpret_cast<const UChar*>(text.data()),
                     static_cast<int64_t>(text.size()), &status);
    icu_->setText(&utext, status);
    ASSERT_TRUE(U_SUCCESS(status));
    const auto n = static_cast<TextIndex>(text.size());
    for (TextIndex at = 0; at <= n; ++at) {
      const int32_t expected = icu_->preceding(at + 1);
      for (TextIndex start = 0; start < std::max<TextIndex>(at, 1); ++start) {
        ++positions_;
        const TextIndex simple = simple_opportunity_at_or_before(text, start, at);
        if (simple < 0) continue;
        ++answered_;
        if (simple == expected && simple > start) continue;
        if (++mismatches_ > kMaxPrinted) continue;
        ADD_FAILURE() << "[" << code_points(text) << "] from " << start << ", at or before " << at
                      << ": shortcut " << simple << ", ICU " << expected;
      }
    }
    utext_close(&utext);
  }

  int64_t positions() const { return positions_; }
  int64_t answered() const { return answered_; }

 private:
  std::unique_ptr<icu::BreakIterator> icu_;
  int64_t positions_ = 0;
  int64_t answered_ = 0;
  int mismatches_ = 0;
};

// The code points of a data line ("× 0023 × 0020 ÷ 0023 ÷"), as UTF-16.
std::u16string parse(std::string_view line) {
  std::u16string text;
  line = line.substr(0, line.find('#'));
  size_t i = 0;
  while (i < line.size()) {
    const size_t end = line.find_first_of(" \t", i);
    const std::string_view token = line.substr(i, end == std::string_view::npos ? end : end - i);
    i = end == std::string_view::npos ? line.size() : end + 1;
    if (token.empty() || token[0] & 0x80) continue;  // '×', '÷' and separators
    const auto cp = static_cast<char32_t>(std::stoul(std::string(token), nullptr, 16));
    if (cp >= 0x10000) {
      text += static_cast<char16_t>(0xD7C0 + (cp >> 10));
      text += static_cast<char16_t>(0xDC00 | (cp & 0x3FF));
    } else {
      text += static_cast<char16_t>(cp);
    }
  }
  return text;
}

TEST(SimpleLineBreakOpportunities, AgreeWithIcuOnTheConformanceData) {
  std::ifstream in{std::string(kDataFile)};
  ASSERT_TRUE(in) << kDataFile << " not found; install Debian's unicode-data";
  AgreementCheck check;
  int lines = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    check.check(parse(line));
    ++lines;
  }
  EXPECT_GT(lines, 7000);
  std::printf("LineBreakTest.txt: %d strings, %lld positions, %lld answered by the shortcut\n",
              lines, static_cast<long long>(check.positions()),
              static_cast<long long>(check.answered()));
}

TEST(SimpleLineBreakOpportunities, AgreeWithIcuOnSentencesOfTheKiosksScripts) {
  const char* const sentences[] = {
      "Ich brauche Begleitung zum Ausländeramt am Dienstag.",
      "Мне нужна помощь с документами для ведомства, пожалуйста.",
      "أحتاج إلى مرافقة إلى دائرة الأجانب يوم الثلاثاء من فضلك.",
      "من برای رفتن به اداره‌ی اتباع خارجی به همراهی نیاز دارم.",
      "مجھے منگل کو غیر ملکیوں کے دفتر جانے کے لیے مدد چاہیے۔",
      "ብኽብረትኩም ናብ ቤት ጽሕፈት ኣጋይሽ ክኸይድ ሓገዝ የድልየኒ እዩ።",
      "სამშაბათს უცხოელთა უწყებაში თანხლება მჭირდება, გთხოვთ.",
      "Termin am 12.03. um 9:30 Uhr (Zimmer 4b) – bitte pünktlich!",
      "«مرحبا» يا Anna، رقمي ٠١٧٦ ١٢٣٤؟ نعم!",
      "سلام  دوست   من؛ ۱۲ ساعت (تقریباً) صبر کن...",
      "Hallo 👋🏽 Welt, e-mail: anna@example.org / 0176-1234",
      "Salam! Ez li vir im. Tu çawa yî?\nBaş im.",
  };
  AgreementCheck check;
  for (const char* sentence : sentences) check.check(utf8_to_utf16(sentence));
  // Most positions in plain sentences are settled without ICU.
  EXPECT_GT(check.answered(), check.positions() / 2);
}

TEST(SimpleLineBreakOpportunities, AgreeWithIcuOnRandomStrings) {
  // Letters of the kiosk's scripts and Hebrew, combining marks, ZWNJ and ZWJ,
  // digits of three kinds, spaces of three kinds, punctuation, brackets, quotes,
  // a newline, emoji.
  const std::u16string pool =
      u"aZßйЖاپیکაא\u1230\u1361\u1362\u064B\u0301\u200C\u200D0٣۴  \u00A0\u3000.,!?;:"
      u"\u060C\u061F\u06D4()«»\"'-/\u2026\u2014\n\t%$\U0001F44B\U0001F3FD";
  std::mt19937 random(20261128);
  AgreementCheck check;
  for (int i = 0; i < 10000; ++i) {
    std::u16string text;
    const int length = 1 + static_cast<int>(random() % 12);
    for (int k = 0; k < length; ++k) {
      size_t pick = random() % pool.size();
      if ((pool[pick] & 0xFC00) == 0xDC00) --pick;  // a whole surrogate pair
      text += pool[pick];
      if ((pool[pick] & 0xFC00) == 0xD800) text += pool[pick + 1];
    }
    check.check(text);
  }
  EXPECT_GT(check.answered(), check.positions() / 10);
}

}  // namespace
}  // namespace ih::render
