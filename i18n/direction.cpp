#include "i18n/direction.h"

#include <algorithm>
#include <array>

#include "i18n/language.h"

namespace ih::i18n {

namespace {

// Icon names as the kiosk's icon set will name them.
constexpr std::array<std::string_view, 14> kMirrored = {
    "back", "forward",     "next",      "previous",      "send",        "reply", "undo",
    "redo", "arrow-start", "arrow-end", "chevron-start", "chevron-end", "list",  "paragraph",
};

}  // namespace

Direction direction_of(std::string_view tag) {
  return is_rtl(tag) ? Direction::Rtl : Direction::Ltr;
}

float at_start(Direction d, Span box, float width, float inset) {
  return d == Direction::Ltr ? box.left + inset : box.right() - inset - width;
}

float at_end(Direction d, Span box, float width, float inset) {
  return at_start(d == Direction::Ltr ? Direction::Rtl : Direction::Ltr, box, width, inset);
}

Span cell(Direction d, Span box, int i, int count, float gap) {
  count = std::max(count, 1);
  const float width = (box.width - gap * static_cast<float>(count - 1)) / static_cast<float>(count);
  const float inset = static_cast<float>(i) * (width + gap);
  return {at_start(d, box, width, inset), width};
}

bool mirrors_in_rtl(std::string_view name) {
  return std::find(kMirrored.begin(), kMirrored.end(), name) != kMirrored.end();
}

}  // namespace ih::i18n
