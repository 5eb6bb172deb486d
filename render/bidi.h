// The Unicode Bidirectional Algorithm (UAX #9), through ICU's ubidi.
//
// BidiParagraph resolves embedding levels for a text once, then answers per line:
// the line's levels after rule L1 (trailing whitespace to paragraph level) and its
// runs in visual order (rule L2). Text with paragraph separators holds several
// bidi paragraphs; a line never crosses one, and each has its own base level.
//
// One object can be reused for many texts; it keeps ICU's buffers between calls.
// Not thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "render/text_range.h"

struct UBiDi;

namespace ih::render {

enum class Direction : uint8_t {
  Auto,  // from the first strong character; left-to-right if there is none
  AutoRtl,  // from the first strong character; right-to-left if there is none
  Ltr,
  Rtl,
};

struct VisualRun {
  TextRange range;  // logical range of the run
  uint8_t level;    // odd: right-to-left
  bool rtl() const { return level & 1; }
};

// The one level that every unit of `text` resolves to, when its characters' bidi
// classes alone show that there is one: text with no right-to-left characters and
// no Arabic numbers in a left-to-right paragraph (level 0), or text with no
// left-to-right characters, no numbers and no paragraph separators in a
// right-to-left paragraph (level 1); never with explicit embeddings, overrides or
// isolates. -1 when the algorithm must run. Where it answers, it agrees with
// set() followed by base_level() and levels() (tests/render/bidi_conformance_test.cpp
// checks every case of the conformance data); it costs one property lookup per
// character instead of the whole algorithm.
int uniform_level(std::u16string_view text, Direction direction);

class BidiParagraph {
 public:
  BidiParagraph();
  ~BidiParagraph();
  BidiParagraph(const BidiParagraph&) = delete;
  BidiParagraph& operator=(const BidiParagraph&) = delete;

  // Resolves levels for `text`, which must stay alive until the next set().
  // Returns false (and holds an empty paragraph) if ICU fails.
  bool set(std::u16string_view text, Direction direction);

  // Base level of the bidi paragraph that contains `index` (0 or 1).
  uint8_t base_level(TextIndex index = 0) const;

  // End of the bidi paragraph containing `index` (just after its separator).
  TextIndex paragraph_end(TextIndex index) const;

  // Resolved levels per UTF-16 unit, before the line rules.
  std::vector<uint8_t> levels() const;

  // The levels of `line` after rule L1, one per unit of the line.
  std::vector<uint8_t> line_levels(TextRange line);

  // The runs of `line` in visual order, left to right.
  std::vector<VisualRun> visual_runs(TextRange line);

  // For each visual position of `line`, left to right, the logical index shown there.
  std::vector<TextIndex> visual_order(TextRange line);

 private:
  bool set_line(TextRange line);

  UBiDi* para_ = nullptr;
  UBiDi* line_ = nullptr;
  TextIndex length_ = 0;
};

}  // namespace ih::render
