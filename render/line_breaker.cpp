#include "render/line_breaker.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>

#include "render/shaper.h"

namespace ih::render {

LineBreaker::LineBreaker() {
  UErrorCode status = U_ZERO_ERROR;
  iterator_.reset(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) iterator_.reset();
}

LineBreaker::~LineBreaker() = default;

std::vector<BreakOpportunity> LineBreaker::opportunities(std::u16string_view text) {
  std::vector<BreakOpportunity> out;
  const auto n = static_cast<TextIndex>(text.size());
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUChars(&utext, reinterpret_cast<const UChar*>(text.data()), n, &status);
  if (iterator_ && U_SUCCESS(status)) iterator_->setText(&utext, status);
  if (!iterator_ || U_FAILURE(status)) {
    // Without ICU's rules: break only after newlines.
    for (TextIndex i = 0; i < n; ++i)
      if (is_hard_break(text[static_cast<size_t>(i)])) out.push_back({i + 1, true});
  } else {
    for (int32_t b = iterator_->next(); b != icu::BreakIterator::DONE; b = iterator_->next()) {
      const int32_t status_value = iterator_->getRuleStatus();
      out.push_back({b, status_value >= UBRK_LINE_HARD && status_value < UBRK_LINE_HARD_LIMIT});
    }
  }
  utext_close(&utext);
  if (out.empty() || out.back().position != n) out.push_back({n, false});
  return out;
}

TextIndex trim_trailing_whitespace(std::u16string_view text, TextRange line) {
  TextIndex end = line.end;
  while (end > line.start) {
    const char16_t c = text[static_cast<size_t>(end - 1)];
    if (!is_hard_break(c) && !u_isUWhiteSpace(c)) break;
    --end;
  }
  return end;
}

std::vector<TextRange> wrap_lines(const ShapedParagraph& shaped, float max_width) {
  std::vector<TextRange> lines;
  const std::u16string_view text = shaped.text;
  const auto n = static_cast<TextIndex>(text.size());
  auto fits = [&](TextIndex start, TextIndex end) {
    return shaped.advance({start, trim_trailing_whitespace(text, {start, end})}) <= max_width;
  };

  TextIndex line_start = 0;
  TextIndex last_fit = 0;  // furthest opportunity after line_start that fits
  size_t i = 0;
  while (i < shaped.breaks.size()) {
    const BreakOpportunity& b = shaped.breaks[i];
    if (b.position <= line_start) {
      ++i;
      continue;
    }
    if (fits(line_start, b.position)) {
      last_fit = b.position;
      if (b.hard) {
        lines.push_back({line_start, b.position});
        line_start = b.position;
      }
      ++i;
      continue;
    }
    if (last_fit > line_start) {
      lines.push_back({line_start, last_fit});
      line_start = last_fit;
      continue;  // the same opportunity again, on a fresh line
    }
    // Nothing fits: cut the word between grapheme clusters, at least one cluster.
    auto g = std::upper_bound(shaped.graphemes.begin(), shaped.graphemes.end(), line_start);
    TextIndex cut = g != shaped.graphemes.end() ? *g : b.position;
    for (++g; g != shaped.graphemes.end() && *g < b.position && fits(line_start, *g); ++g) cut = *g;
    lines.push_back({line_start, cut});
    line_start = cut;
    last_fit = cut;
  }
  // Text that ends with a newline ends with an empty line, where a caret can stand.
  if (line_start < n || lines.empty() || is_hard_break(text[static_cast<size_t>(n - 1)]))
    lines.push_back({line_start, n});
  return lines;
}

}  // namespace ih::render
