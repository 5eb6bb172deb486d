// From a ShapedParagraph to a Layout: wrap into lines, reorder each line for
// display (UAX #9 rules L1 and L2), reshape where a line cut through shaping
// context, position runs, measure lines from the fonts they use, and align.
#pragma once

#include <memory>

#include "render/bidi.h"
#include "render/font_collection.h"
#include "render/line_breaker.h"
#include "render/paragraph.h"

typedef struct hb_buffer_t hb_buffer_t;

namespace ih::render {

struct LineLayoutTools {
  FontCollection& fonts;
  BidiParagraph& bidi;   // reused; set to the paragraph's text by lay_out()
  LineBreaker& breaker;
  hb_buffer_t* buffer;   // reused for reshaping at line cuts
};

// Lays `shaped` out in lines no wider than `wrap_width` (infinity: break only at
// newlines) and aligns them in a box `box_width` wide (infinity: the widest line).
std::shared_ptr<Layout> lay_out(std::shared_ptr<const ShapedParagraph> shaped, float wrap_width,
                                float box_width, Align align, LineLayoutTools tools);

}  // namespace ih::render
