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

TextIndex trim_trailing_whitespace(std::u16string_view text, TextRange line) {
  TextIndex end = line.end;
  while (end > line.start) {
    const char16_t c = text[static_cast<size_t>(end - 1)];
    if (!is_hard_break(c) && !u_isUWhiteSpace(c)) break;
    --end;
  }
  return end;
}

std::vector<TextRange> LineBreaker::wrap(const ShapedParagraph& shaped, float max_width) {
  std::vector<TextRange> lines;
  const std::u16string_view text = shaped.text;
  const auto n = static_cast<TextIndex>(text.size());
  auto fits = [&](TextIndex start, TextIndex end) {
    return shaped.advance({start, trim_trailing_whitespace(text, {start, end})}) <= max_width;
  };

  UText utext = UTEXT_INITIALIZER;
  bool iterating = false;  // the iterator is given the text only when a line overflows
  // Lines are filled in order, so the iterator walks the boundaries forward once,
  // which is what ICU's cache is fastest at.
  TextIndex passed = 0;  // the last boundary the walk has passed
  int32_t ahead = 0;     // the next boundary, not yet passed
  auto opportunity_at_or_before = [&](TextIndex at) -> TextIndex {
    if (!iterating) {
      UErrorCode status = U_ZERO_ERROR;
      utext_openUChars(&utext, reinterpret_cast<const UChar*>(text.data()), n, &status);
      if (iterator_ && U_SUCCESS(status)) iterator_->setText(&utext, status);
      iterating = iterator_ && U_SUCCESS(status);
      if (!iterating) return 0;  // no ICU rules: every line is cut between graphemes
      ahead = iterator_->first();
    }
    if (at < passed) {
      // Only after a cut through a word wider than the line: look back instead.
      const int32_t b = iterator_->preceding(at + 1);
      ahead = iterator_->next();
      passed = b == icu::BreakIterator::DONE ? 0 : b;
      return passed;
    }
    while (ahead != icu::BreakIterator::DONE && ahead <= at) {
      passed = ahead;
      ahead = iterator_->next();
    }
    return passed;
  };

  TextIndex start = 0;
  while (start < n) {
    // The end of this stretch: just after the next newline (CR LF counts as one).
    TextIndex stretch_end = start;
    while (stretch_end < n && !is_hard_break(text[static_cast<size_t>(stretch_end)])) ++stretch_end;
    if (stretch_end < n) {
      const bool crlf = text[static_cast<size_t>(stretch_end)] == u'\r' && stretch_end + 1 < n &&
                        text[static_cast<size_t>(stretch_end) + 1] == u'\n';
      stretch_end += crlf ? 2 : 1;
    }
    while (start < stretch_end) {
      if (fits(start, stretch_end)) {
        lines.push_back({start, stretch_end});
        start = stretch_end;
        break;
      }
      // The most text that fits, then spaces after it (they hang), then back to
      // the last place a line may end.
      const auto& before = shaped.advance_before;
      const float limit = before[static_cast<size_t>(start)] + max_width;
      auto over = std::upper_bound(before.begin() + start + 1, before.begin() + stretch_end + 1, limit);
      TextIndex end = static_cast<TextIndex>(over - before.begin()) - 1;
      while (end < stretch_end && u_isUWhiteSpace(text[static_cast<size_t>(end)]) &&
             !is_hard_break(text[static_cast<size_t>(end)]))
        ++end;
      end = opportunity_at_or_before(end);
      if (end <= start) {
        // One word wider than the line: cut it between grapheme clusters, at
        // least one cluster per line.
        auto g = std::upper_bound(shaped.graphemes.begin(), shaped.graphemes.end(), start);
        end = g != shaped.graphemes.end() ? *g : stretch_end;
        for (++g; g != shaped.graphemes.end() && *g < stretch_end && fits(start, *g); ++g) end = *g;
      }
      // UAX #14 may allow a break inside a grapheme cluster that UAX #29 keeps
      // whole (a space followed by ZWNJ); lines end only between clusters.
      end = *std::lower_bound(shaped.graphemes.begin(), shaped.graphemes.end(), end);
      lines.push_back({start, end});
      start = end;
    }
  }
  utext_close(&utext);
  // Text that ends with a newline ends with an empty line, where a caret can stand.
  if (lines.empty() || is_hard_break(text[static_cast<size_t>(n - 1)])) lines.push_back({n, n});
  return lines;
}

}  // namespace ih::render
