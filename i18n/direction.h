// Laying out by reading direction: start and end instead of left and right.
//
// A screen that places things "at the start" and "at the end" mirrors itself for
// Arabic, Persian, Pashto, Sorani and Urdu without a second layout: the start is
// the left edge in left-to-right languages and the right edge in right-to-left
// ones. Text alignment already works this way (render::Align::Start/End); these
// helpers do the same for boxes, rows and grids, and say which icons mirror.
//
// All positions are screen pixels, x growing to the right. Pure functions;
// thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

namespace ih::i18n {

enum class Direction : uint8_t { Ltr, Rtl };

// The direction of the UI language `tag` (see language.h's is_rtl).
Direction direction_of(std::string_view tag);

// A horizontal stretch of the screen: [left, left + width).
struct Span {
  float left = 0;
  float width = 0;
  float right() const { return left + width; }
};

// The left edge of an item `width` wide placed `inset` pixels from the start
// edge of `box`: from its left edge in Ltr, from its right edge in Rtl.
float at_start(Direction d, Span box, float width, float inset = 0);

// The left edge of an item `width` wide placed `inset` pixels from the end edge
// of `box`.
float at_end(Direction d, Span box, float width, float inset = 0);

// The i-th of `count` equal cells of `box` with `gap` pixels between them,
// counted from the start edge: cell 0 is leftmost in Ltr and rightmost in Rtl.
Span cell(Direction d, Span box, int i, int count, float gap);

// True when the icon called `name` shows a direction of reading or of moving
// through screens, and so is drawn mirrored in right-to-left languages: back,
// forward, next, previous, send, reply, undo, redo, the arrows and chevrons that
// point to the start or the end, and text that flows (a list, a paragraph).
// Icons of things in the world keep their shape: a clock turns clockwise
// everywhere, and a check mark, a telephone, a play button or a person look the
// same in every language.
bool mirrors_in_rtl(std::string_view name);

}  // namespace ih::i18n
