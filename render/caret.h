// Hit testing and caret positions on a Layout: what a text field needs.
//
// Carets sit on grapheme-cluster boundaries (ICU), never inside a cluster. At a
// change of direction one logical position shows in two places, as in Pango: the
// strong caret is where a character of the paragraph's direction would appear, the
// weak caret where one of the other direction would.
#pragma once

#include "render/paragraph.h"

namespace ih::render {

struct CaretPosition {
  float x = 0;               // from the layout's left edge
  float top = 0;
  float bottom = 0;
  int32_t line = 0;
};

struct Carets {
  CaretPosition strong;
  CaretPosition weak;
  bool split() const { return strong.x != weak.x || strong.line != weak.line; }
};

// The caret(s) for logical position `index` (snapped to a grapheme boundary).
Carets caret_at(const Layout& layout, TextIndex index);

// The logical position (a grapheme boundary) nearest to the point (x, y), measured
// from the layout's top-left corner.
TextIndex hit_test(const Layout& layout, float x, float y);

// Grapheme boundaries around `index`: the next one after it, the previous one
// before it (clamped to the text).
TextIndex next_grapheme(const ShapedParagraph& shaped, TextIndex index);
TextIndex previous_grapheme(const ShapedParagraph& shaped, TextIndex index);

}  // namespace ih::render
