// Any bytes, taken as UTF-8 text, through the whole text engine: shaping, layout
// at several widths, ellipsis, carets and hit testing. Ill-formed UTF-8 must come
// out as U+FFFD; nothing may crash, and the promises the headers make must hold:
//
//  - a layout's lines cover the text, in order, without gaps;
//  - every glyph's cluster lies in its run's part of the text;
//  - caret positions are finite; hit_test() answers a grapheme boundary;
//  - next_grapheme() and previous_grapheme() step to boundaries and stay in the text;
//  - a layout from the cache has the lines of a fresh one.
//
// The first byte picks the UI language (the digits '0' to '9' pick the first ten of
// kLanguages), the second the paragraph direction ('0' auto, '1' auto with RTL
// default, '2' LTR, '3' RTL); both are also text, so corpus files stay readable.
// Widths come from the text's own natural width.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "render/caret.h"
#include "render/text_engine.h"

namespace {

using namespace ih::render;

void require(bool condition, const char* promise, std::string_view text) {
  if (condition) return;
  std::fprintf(stderr, "broken promise: %s\ntext (%zu bytes): %.*s\n", promise, text.size(),
               static_cast<int>(text.size()), text.data());
  std::abort();
}

// The kiosk's UI languages.
constexpr const char* kLanguages[] = {"de", "ar", "fa", "prs", "ps", "ckb", "ur", "ti",
                                      "am", "ka", "uk", "ru", "tr", "kmr", "so", "en"};
constexpr Direction kDirections[] = {Direction::Auto, Direction::AutoRtl, Direction::Ltr,
                                     Direction::Rtl};

bool is_boundary(const ShapedParagraph& shaped, TextIndex index) {
  return std::binary_search(shaped.graphemes.begin(), shaped.graphemes.end(), index);
}

void check_layout(const Layout& layout, std::string_view input) {
  const ShapedParagraph& shaped = *layout.shaped;
  const auto size = static_cast<TextIndex>(shaped.text.size());
  require(!layout.lines.empty(), "a layout has at least one line", input);
  TextIndex expected_start = 0;
  for (const Line& line : layout.lines) {
    require(line.range.start == expected_start, "lines follow each other without gaps", input);
    require(line.range.end >= line.range.start, "a line's range is not reversed", input);
    expected_start = line.range.end;
    for (const LineRun& piece : line.runs) {
      require(piece.run >= 0 && static_cast<size_t>(piece.run) < shaped.runs.size(),
              "a line run names a shaped run", input);
      for (const Glyph& g : piece.glyphs) {
        require(piece.range.contains(g.cluster), "a glyph's cluster lies in its line run", input);
      }
    }
  }
  require(expected_start == size, "the lines cover the text", input);

  // Carets at some 64 positions, and just after each, which may be inside a
  // cluster and must snap. (Every position would make long inputs quadratic.)
  const TextIndex stride = std::max<TextIndex>(1, size / 32);
  for (TextIndex i = 0;; i = std::min(i + stride, size)) {
    for (const TextIndex index : {i, std::min(i + 1, size)}) {
      const Carets carets = caret_at(layout, index);
      require(std::isfinite(carets.strong.x) && std::isfinite(carets.weak.x),
              "caret positions are finite", input);
    }
    if (i == size) break;
  }
  // Points spread across each line, just outside its ends, and outside the box.
  const auto check_hit = [&](float x, float y) {
    const TextIndex hit = hit_test(layout, x, y);
    require(hit >= 0 && hit <= size, "hit_test answers a position in the text", input);
    require(is_boundary(shaped, hit), "hit_test answers a grapheme boundary", input);
  };
  constexpr int kSteps = 24;
  for (const Line& line : layout.lines) {
    for (int k = -1; k <= kSteps + 1; ++k) {
      check_hit(line.x + line.width * static_cast<float>(k) / kSteps, line.top + line.height / 2);
    }
  }
  check_hit(-10, -10);
  check_hit(layout.box_width + 10, layout.height + 10);
}

void check_graphemes(const ShapedParagraph& shaped, std::string_view input) {
  const auto size = static_cast<TextIndex>(shaped.text.size());
  for (TextIndex i = 0; i <= size; ++i) {
    const TextIndex next = next_grapheme(shaped, i);
    const TextIndex previous = previous_grapheme(shaped, i);
    require(next <= size && (next > i || i == size), "next_grapheme moves forward", input);
    require(previous >= 0 && (previous < i || i == 0), "previous_grapheme moves back", input);
    require(is_boundary(shaped, next) && is_boundary(shaped, previous),
            "grapheme steps land on boundaries", input);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::unique_ptr<FontCollection> fonts =
      FontCollection::from_file(ICHHELFE_SOURCE_DIR "/assets/fonts/fonts.conf");
  static TextEngine engine(*fonts, 16);

  const std::string_view input(reinterpret_cast<const char*>(data), size);
  TextStyle style;
  style.size = 32;
  style.language = kLanguages[size > 0 ? data[0] % std::size(kLanguages) : 0];
  style.direction = kDirections[size > 1 ? data[1] % std::size(kDirections) : 0];

  const auto shaped = engine.shape(input, style);
  check_graphemes(*shaped, input);
  const float natural = shaped->advance({0, static_cast<TextIndex>(shaped->text.size())});
  // Unbounded, a little narrower than the text, much narrower, and narrower than
  // any glyph (every break opportunity taken, clusters wider than the line), each
  // with another alignment.
  const LayoutOptions options[] = {
      {.max_width = std::numeric_limits<float>::infinity(), .align = Align::Start},
      {.max_width = natural * 0.9f, .align = Align::End},
      {.max_width = natural / 4, .align = Align::Center},
      {.max_width = 1, .align = Align::Start},
  };
  for (const LayoutOptions& option : options) {
    check_layout(*engine.layout(input, style, option), input);
  }
  check_layout(*engine.layout(input, style, {.max_width = natural / 2, .ellipsis = true}), input);
  // A layout from the cache is the one a fresh layout makes.
  const auto fresh = engine.layout_uncached(shaped, options[2]);
  const auto cached = engine.layout(input, style, options[2]);
  require(fresh->lines.size() == cached->lines.size(), "the cache returns the same layout", input);
  for (size_t i = 0; i < fresh->lines.size(); ++i) {
    require(fresh->lines[i].range == cached->lines[i].range, "the cache returns the same lines",
            input);
  }
  // Nothing of this input stays behind for the next.
  engine.clear_caches();
  return 0;
}
