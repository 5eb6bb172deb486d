// The data of a laid-out paragraph, in two stages.
//
//  ShapedParagraph  width-independent: the text, its bidi levels, its runs of equal
//                   (level, script, font, language) shaped by HarfBuzz, and where it
//                   may break. Expensive to make; cached by text, style and language.
//  Layout           a ShapedParagraph broken into lines for one width, each line's
//                   runs in visual order and positioned. Cheap to make from the above.
//
// All lengths are in pixels; x grows to the right, y grows down. Text positions are
// TextIndex (UTF-16 units, see text_range.h). Plain data: safe to share read-only
// between threads once made.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "render/bidi.h"
#include "render/font_collection.h"
#include "render/text_range.h"

namespace ih::render {

struct TextStyle {
  float size = 32.0f;        // pixels per em
  std::string language;      // BCP 47 tag of the UI language, e.g. "ar", "prs", "ur"
  Direction direction = Direction::Auto;
  friend bool operator==(const TextStyle&, const TextStyle&) = default;
};

struct Glyph {
  uint32_t id = 0;           // glyph index in the run's font
  float advance = 0;         // pixels
  float x_offset = 0;        // pixels, right
  float y_offset = 0;        // pixels, up (as fonts measure)
  TextIndex cluster = 0;     // first text unit of the glyph's cluster, paragraph-relative
  bool unsafe_to_break = false;  // HarfBuzz: breaking before this glyph changes shaping
};

// A maximal stretch of text with one bidi level, script, font and language, shaped
// as a whole. Glyphs are in visual order (left to right), as HarfBuzz returns them.
struct ShapedRun {
  TextRange range;
  uint8_t level = 0;
  int32_t script = 0;        // ICU UScriptCode
  FontId font = kNoFont;
  std::string language;
  std::vector<Glyph> glyphs;
  float advance = 0;
  bool rtl() const { return level & 1; }
};

struct ShapedParagraph {
  std::u16string text;       // after UTF-8 decoding and replacement of ill-formed input
  TextStyle style;
  uint8_t base_level = 0;    // of the first bidi paragraph
  std::vector<ShapedRun> runs;             // logical order, covering the text
  std::vector<float> advance_before;       // sum of advances before each unit (size + 1
                                           // entries); a cluster's advance counts at its
                                           // first unit
  std::vector<TextIndex> graphemes;        // cluster boundaries, ascending, 0 .. text.size()
  int32_t missing_glyphs = 0;              // .notdef glyphs after all fallback

  // Advance of the text in `range`.
  float advance(TextRange range) const {
    return advance_before[static_cast<size_t>(range.end)] -
           advance_before[static_cast<size_t>(range.start)];
  }
  // The run that contains `index`, or -1.
  int32_t run_at(TextIndex index) const;
};

// A part of a ShapedRun placed on a line.
struct LineRun {
  int32_t run = 0;           // index into ShapedParagraph::runs
  TextRange range;           // the part of the run's text on this line
  uint8_t level = 0;         // level on this line (after rule L1)
  std::vector<Glyph> glyphs; // visual order; reshaped where the line cut a ligature or join
  float x = 0;               // left edge, from the line's left edge (Line::x)
  float width = 0;
  bool rtl() const { return level & 1; }
};

struct Line {
  TextRange range;           // logical, including trailing spaces and the newline
  std::vector<LineRun> runs; // visual order, left to right
  uint8_t base_level = 0;    // of the bidi paragraph the line is in
  float x = 0;               // left edge of the content after alignment
  float width = 0;           // without trailing whitespace of wrapped lines
  float top = 0;             // from the layout's top edge
  float ascent = 0;          // baseline = top + ascent
  float descent = 0;
  float height = 0;          // ascent + descent + line gap
  float baseline() const { return top + ascent; }
};

enum class Align : uint8_t { Start, End, Center };

struct LayoutOptions {
  float max_width = std::numeric_limits<float>::infinity();
  Align align = Align::Start;  // start and end follow each line's paragraph direction
  bool ellipsis = false;       // one line only; cut at a grapheme and end with "…"
  friend bool operator==(const LayoutOptions&, const LayoutOptions&) = default;
};

struct Layout {
  std::shared_ptr<const ShapedParagraph> shaped;  // for an ellipsized label, the shortened text
  LayoutOptions options;
  std::vector<Line> lines;
  float width = 0;           // of the widest line
  float box_width = 0;       // the width aligned in: max_width, or width if unbounded
  float height = 0;
  bool ellipsized = false;
  bool cut_a_word = false;   // a word wider than a line was cut between graphemes
};

}  // namespace ih::render
