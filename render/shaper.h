// Shaping one run with HarfBuzz.
//
// The run is shaped with an explicit direction, script and language, and with
// the text around it as context, so Arabic letters join across run boundaries
// (a word in one font next to a digit in another still joins as it should).
#pragma once

#include <string_view>

#include "render/font_collection.h"
#include "render/paragraph.h"

typedef struct hb_buffer_t hb_buffer_t;

namespace ih::render {

struct ShapeRequest {
  std::u16string_view context;  // the text the run lies in (paragraph or line)
  TextIndex context_start = 0;  // paragraph index of context[0]
  TextRange range;              // paragraph indices of the run
  bool rtl = false;
  int32_t script = 0;           // ICU UScriptCode
  std::string_view language;
  float size = 32.0f;
};

// Shapes `request.range` with `face`, appending glyphs (visual order, clusters as
// paragraph indices) to `out`. Returns the total advance in pixels. `buffer` is
// reused between calls to save allocations.
float shape_run(const ShapeRequest& request, const FontFace& face, hb_buffer_t* buffer,
                std::vector<Glyph>& out);

// True for characters that end a line and are never drawn (LF, CR, NEL, VT, FF,
// LINE SEPARATOR, PARAGRAPH SEPARATOR).
inline bool is_hard_break(char16_t c) {
  return c == u'\n' || c == u'\r' || c == u'\v' || c == u'\f' || c == u'\u0085' || c == u'\u2028' ||
         c == u'\u2029';
}

}  // namespace ih::render
