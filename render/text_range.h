// Typed index ranges, so that a text offset is never confused with a glyph index.
//
// Paragraph text is held as UTF-16 (what ICU works in). A TextIndex counts UTF-16
// code units from the start of the paragraph; a GlyphIndex counts glyphs in a run.
#pragma once

#include <algorithm>
#include <cstdint>

namespace ih::render {

using TextIndex = int32_t;
using GlyphIndex = int32_t;

// Half-open range [start, end) of UTF-16 code units in a paragraph's text.
struct TextRange {
  TextIndex start = 0;
  TextIndex end = 0;

  TextIndex size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool contains(TextIndex i) const { return i >= start && i < end; }
  TextRange intersect(TextRange o) const {
    return {std::max(start, o.start), std::min(end, o.end)};
  }
  friend bool operator==(TextRange, TextRange) = default;
};

// Half-open range of glyphs in a run's glyph array.
struct GlyphRange {
  GlyphIndex start = 0;
  GlyphIndex end = 0;

  GlyphIndex size() const { return end - start; }
  bool empty() const { return end <= start; }
  friend bool operator==(GlyphRange, GlyphRange) = default;
};

}  // namespace ih::render
