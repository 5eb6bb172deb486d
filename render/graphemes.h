// Grapheme-cluster boundaries (UAX #29 extended grapheme clusters) from ICU's
// character BreakIterator: what a person sees as one letter, and where a caret
// may stand or a deletion may end.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "render/text_range.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace ih::render {

class GraphemeBreaker {
 public:
  GraphemeBreaker();
  ~GraphemeBreaker();
  GraphemeBreaker(const GraphemeBreaker&) = delete;
  GraphemeBreaker& operator=(const GraphemeBreaker&) = delete;

  // Boundaries of `text`, ascending, from 0 to text.size() inclusive
  // (just {0} for empty text).
  std::vector<TextIndex> boundaries(std::u16string_view text);

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
};

// Convenience for one-off use; builds an ICU iterator per call.
std::vector<TextIndex> grapheme_boundaries(std::u16string_view text);

}  // namespace ih::render
