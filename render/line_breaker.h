// Line breaking: a greedy fill of lines for a given width, ending each line at a
// break opportunity from ICU's line BreakIterator (UAX #14).
//
// The iterator is asked only where a line overflows (the last opportunity before
// the overflow), never for every opportunity of the text: a paragraph that fits
// costs no ICU call at all, one that wraps costs one query per line.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

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
  // clusters. An empty text has one empty line, and so does the end of a text that
  // ends with a newline.
  std::vector<TextRange> wrap(const ShapedParagraph& shaped, float max_width);

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
};

// The end of `line` without its trailing whitespace and line-break characters.
TextIndex trim_trailing_whitespace(std::u16string_view text, TextRange line);

}  // namespace ih::render
