// Line breaking: a greedy fill of lines for a given width, ending each line at a
// break opportunity from ICU's line BreakIterator (UAX #14).
//
// The iterator is asked only where a line overflows (the last opportunity before
// the overflow), never for every opportunity of the text: a paragraph that fits
// costs no ICU call at all. Where the overflow falls in a plain word, or just after
// the spaces before one, the line-break classes of that word's characters settle
// the opportunity (simple_opportunity_at_or_before()); only other cases start the
// iterator.
#pragma once

#include <unicode/uversion.h>

#include <memory>
#include <string_view>
#include <vector>

#include "render/paragraph.h"

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace ih::render {

class LineBreaker {
 public:
  LineBreaker();
  ~LineBreaker();
  LineBreaker(const LineBreaker&) = delete;
  LineBreaker& operator=(const LineBreaker&) = delete;

  // Lines of `shaped` for `max_width`, as logical ranges covering the text. Lines
  // end at newlines and where the next word would not fit; trailing whitespace does
  // not count against the width; a word wider than the line is cut between grapheme
  // clusters, and then `cut_a_word` (if given) is set. An empty text has one empty
  // line, and so does the end of a text that ends with a newline.
  std::vector<TextRange> wrap(const ShapedParagraph& shaped, float max_width,
                              bool* cut_a_word = nullptr);

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
};

// The last break opportunity after `start` and at or before `at`, when the
// line-break classes (UAX #14) of the characters from there to `at` decide it
// with certainty: words of letters, digits and combining marks (AL, NU, CM),
// ending punctuation (EX, IS, CL, CP, SY), separated by spaces. -1 when they do
// not, and ICU's iterator must be asked. Where it answers it agrees with the
// iterator (tests/render/line_breaker_test.cpp).
TextIndex simple_opportunity_at_or_before(std::u16string_view text, TextIndex start, TextIndex at);

// The end of `line` without its trailing whitespace and line-break characters.
TextIndex trim_trailing_whitespace(std::u16string_view text, TextRange line);

}  // namespace ih::render
