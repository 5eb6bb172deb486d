#include "render/line_breaker.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include <algorithm>

#include "render/shaper.h"
#include "render/unicode_properties.h"

namespace ih::render {

namespace {

// The line-break class of the unit at `i`; surrogates answer SG, which no rule
// below accepts.
int line_break_class(std::u16string_view text, TextIndex i) {
  const char16_t c = text[static_cast<size_t>(i)];
  if (U16_IS_SURROGATE(c)) return U_LB_SURROGATE;
  return UnicodeProperties::get().line_break(c);
}

bool is_hard_break_class(int lb) {
  return lb == U_LB_MANDATORY_BREAK || lb == U_LB_CARRIAGE_RETURN || lb == U_LB_LINE_FEED ||
         lb == U_LB_NEXT_LINE;
}

bool is_letter_or_digit(int lb) {
  return lb == U_LB_ALPHABETIC || lb == U_LB_NUMERIC;
}

// The class rule LB9 gives the text just before `at`: that of the character
// before it, or of the base of the combining marks that end there. -1 where a
// mark has no base to take (LB10) or for a zero width joiner: let ICU decide.
int class_before(std::u16string_view text, TextIndex at) {
  TextIndex i = at - 1;
  while (i >= 0 && line_break_class(text, i) == U_LB_COMBINING_MARK) --i;
  if (i < 0) return -1;
  const int lb = line_break_class(text, i);
  if (lb == U_LB_ZWJ) return -1;
  if (i < at - 1 && (lb == U_LB_SPACE || lb == U_LB_ZWSPACE || is_hard_break_class(lb))) return -1;
  return lb;
}

}  // namespace

TextIndex simple_opportunity_at_or_before(std::u16string_view text, TextIndex start, TextIndex at) {
  const auto n = static_cast<TextIndex>(text.size());
  if (at <= start) return -1;
  if (at >= n) return n;  // LB3: the end of the text
  // Each position from `at` back, until one is an opportunity.
  for (TextIndex q = at; q > start; --q) {
    const int after = line_break_class(text, q);
    const int just_before = line_break_class(text, q - 1);
    if (is_hard_break_class(just_before) || just_before == U_LB_ZWSPACE) return -1;
    if (after == U_LB_SPACE) continue;  // LB7
    if (after == U_LB_COMBINING_MARK) {
      if (just_before == U_LB_SPACE) return -1;  // LB10
      continue;                                  // LB9
    }
    const int before = class_before(text, q);
    if (before < 0) return -1;
    if (before == U_LB_SPACE) {
      // LB18 breaks after spaces, unless what stands before them says otherwise
      // (LB14-LB17: an opening bracket, quotation marks, B2, NS after a bracket).
      if (!is_letter_or_digit(after)) return -1;
      TextIndex first_space = q - 1;
      while (first_space > 0 && line_break_class(text, first_space - 1) == U_LB_SPACE)
        --first_space;
      if (first_space == 0) return -1;
      const int word_end = class_before(text, first_space);
      const bool plain = is_letter_or_digit(word_end) || word_end == U_LB_INFIX_NUMERIC ||
                         word_end == U_LB_EXCLAMATION || word_end == U_LB_BREAK_AFTER;
      return plain ? q : -1;
    }
    if (!is_letter_or_digit(before) && before != U_LB_INFIX_NUMERIC) return -1;
    // LB13: no break before ending punctuation; LB23, LB25, LB28: none inside a
    // word of letters and digits; LB29: none between a full stop or comma and a letter.
    const bool ending = after == U_LB_EXCLAMATION || after == U_LB_INFIX_NUMERIC ||
                        after == U_LB_CLOSE_PUNCTUATION || after == U_LB_CLOSE_PARENTHESIS ||
                        after == U_LB_BREAK_SYMBOLS;
    if (is_letter_or_digit(before) && (ending || is_letter_or_digit(after))) continue;
    if (before == U_LB_INFIX_NUMERIC && after == U_LB_ALPHABETIC) continue;
    return -1;
  }
  return -1;
}

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

std::vector<TextRange> LineBreaker::wrap(const ShapedParagraph& shaped, float max_width,
                                         bool* cut_a_word) {
  std::vector<TextRange> lines;
  lines.reserve(4);
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
  auto opportunity_at_or_before = [&](TextIndex start, TextIndex at) -> TextIndex {
    if (const TextIndex simple = simple_opportunity_at_or_before(text, start, at); simple >= 0)
      return simple;
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
      auto over =
          std::upper_bound(before.begin() + start + 1, before.begin() + stretch_end + 1, limit);
      TextIndex end = static_cast<TextIndex>(over - before.begin()) - 1;
      while (end < stretch_end && u_isUWhiteSpace(text[static_cast<size_t>(end)]) &&
             !is_hard_break(text[static_cast<size_t>(end)]))
        ++end;
      end = opportunity_at_or_before(start, end);
      if (end <= start) {
        // One word wider than the line: cut it between grapheme clusters, at
        // least one cluster per line.
        auto g = std::upper_bound(shaped.graphemes.begin(), shaped.graphemes.end(), start);
        end = g != shaped.graphemes.end() ? *g : stretch_end;
        for (++g; g != shaped.graphemes.end() && *g < stretch_end && fits(start, *g); ++g) end = *g;
        if (cut_a_word) *cut_a_word = true;
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
