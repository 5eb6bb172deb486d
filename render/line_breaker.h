// Line breaking: where a line may end (ICU's line BreakIterator, UAX #14) and
// which of those places a greedy fill chooses for a given width.
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

  // Break opportunities of `text`, ascending; the last is text.size().
  std::vector<BreakOpportunity> opportunities(std::u16string_view text);

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
};

// Lines of `shaped` for `max_width`, as logical ranges covering the text. Fills
// greedily; trailing whitespace does not count against the width; a word wider
// than the line is cut between grapheme clusters. An empty text has one empty line.
std::vector<TextRange> wrap_lines(const ShapedParagraph& shaped, float max_width);

// The end of `line` without its trailing whitespace and line-break characters.
TextIndex trim_trailing_whitespace(std::u16string_view text, TextRange line);

}  // namespace ih::render
