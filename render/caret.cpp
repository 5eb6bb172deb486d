#include "render/caret.h"

#include <algorithm>

#include "render/shaper.h"

namespace ih::render {

namespace {

// One grapheme cluster as shown on a line: its text and its horizontal extent.
struct GraphemeBox {
  TextRange range;
  float left = 0;
  float right = 0;
  bool rtl = false;
  float leading() const { return rtl ? right : left; }
  float trailing() const { return rtl ? left : right; }
};

TextIndex grapheme_start(const ShapedParagraph& shaped, TextIndex index) {
  auto g = std::upper_bound(shaped.graphemes.begin(), shaped.graphemes.end(), index);
  return g == shaped.graphemes.begin() ? 0 : *(g - 1);
}

// The grapheme boxes of a line, left to right. A glyph cluster that holds several
// graphemes (a ligature such as Arabic lam-alef) is shared out evenly among them.
std::vector<GraphemeBox> boxes_of(const Layout& layout, const Line& line) {
  const ShapedParagraph& shaped = *layout.shaped;
  std::vector<GraphemeBox> boxes;
  for (const LineRun& piece : line.runs) {
    // Glyph clusters of the piece, in visual order, with their extents.
    struct Cluster {
      TextIndex start;
      float left, right;
    };
    std::vector<Cluster> clusters;
    float x = line.x + piece.x;
    for (const Glyph& g : piece.glyphs) {
      // HarfBuzz may give a combining mark a cluster of its own; the caret knows
      // only whole graphemes, so a cluster counts from its grapheme's start.
      const TextIndex start = grapheme_start(shaped, g.cluster);
      if (!clusters.empty() && clusters.back().start == start) {
        clusters.back().left = std::min(clusters.back().left, x);
        clusters.back().right = std::max(clusters.back().right, x + g.advance);
      } else {
        clusters.push_back({start, x, x + g.advance});
      }
      x += g.advance;
    }
    // A cluster that takes no room is part of the shape beside it (Naskh draws
    // lam-alef as a lam and a zero-width alef): merge it so the two share the shape.
    for (size_t k = 0; k < clusters.size() && clusters.size() > 1;) {
      if (clusters[k].right > clusters[k].left) {
        ++k;
        continue;
      }
      Cluster& into = k > 0 ? clusters[k - 1] : clusters[k + 1];
      into.start = std::min(into.start, clusters[k].start);
      clusters.erase(clusters.begin() + static_cast<std::ptrdiff_t>(k));
    }
    // Logical ends: the next larger cluster start within the piece.
    std::vector<TextIndex> starts;
    for (const auto& c : clusters) starts.push_back(c.start);
    std::sort(starts.begin(), starts.end());
    for (const auto& c : clusters) {
      auto next = std::upper_bound(starts.begin(), starts.end(), c.start);
      // A grapheme whose characters have different bidi levels (Arabic number
      // sign before a space) is split between runs; each part answers for all of it.
      TextIndex end = next == starts.end() ? piece.range.end : *next;
      end = *std::lower_bound(shaped.graphemes.begin(), shaped.graphemes.end(), end);
      // The graphemes inside [c.start, end).
      auto g0 = std::lower_bound(shaped.graphemes.begin(), shaped.graphemes.end(), c.start);
      std::vector<TextRange> inside;
      for (auto g = g0; g != shaped.graphemes.end() && *g < end; ++g) {
        const TextIndex g_end = (g + 1) != shaped.graphemes.end() ? std::min(*(g + 1), end) : end;
        inside.push_back({*g, g_end});
      }
      if (inside.empty()) inside.push_back({c.start, end});
      const float share = (c.right - c.left) / static_cast<float>(inside.size());
      for (size_t k = 0; k < inside.size(); ++k) {
        // Logical order runs right to left in RTL pieces.
        const size_t slot = piece.rtl() ? inside.size() - 1 - k : k;
        const float left = c.left + share * static_cast<float>(slot);
        boxes.push_back({inside[k], left, left + share, piece.rtl()});
      }
    }
  }
  std::stable_sort(boxes.begin(), boxes.end(), [](const GraphemeBox& a, const GraphemeBox& b) {
    return a.left < b.left;
  });
  return boxes;
}

// The end of the line's text without its newline, which has no box: a caret
// never stands after the newline on that line.
TextIndex content_end(const Layout& layout, const Line& line) {
  const std::u16string_view text = layout.shaped->text;
  TextIndex end = line.range.end;
  while (end > line.range.start && is_hard_break(text[static_cast<size_t>(end - 1)])) --end;
  return end;
}

int32_t line_of(const Layout& layout, TextIndex index) {
  const auto count = static_cast<int32_t>(layout.lines.size());
  for (int32_t i = 0; i < count; ++i) {
    const Line& line = layout.lines[static_cast<size_t>(i)];
    if (index < line.range.end) return i;
    // At the end of a soft-wrapped line the caret goes to the start of the next.
    if (index == line.range.end && i + 1 == count) return i;
  }
  return std::max(0, count - 1);
}

TextIndex snap_to_grapheme(const ShapedParagraph& shaped, TextIndex index) {
  return grapheme_start(shaped, std::clamp<TextIndex>(index, 0, static_cast<TextIndex>(shaped.text.size())));
}

}  // namespace

Carets caret_at(const Layout& layout, TextIndex index) {
  Carets carets;
  if (layout.lines.empty() || !layout.shaped) return carets;
  index = snap_to_grapheme(*layout.shaped, index);
  const int32_t line_index = line_of(layout, index);
  const Line& line = layout.lines[static_cast<size_t>(line_index)];
  index = std::min(index, content_end(layout, line));
  const bool paragraph_rtl = line.base_level & 1;

  const GraphemeBox* before = nullptr;  // the grapheme that ends at index
  const GraphemeBox* after = nullptr;   // the grapheme that starts at index
  const std::vector<GraphemeBox> boxes = boxes_of(layout, line);
  for (const GraphemeBox& box : boxes) {
    if (box.range.end == index) before = &box;
    if (box.range.start == index) after = &box;
  }
  float strong = 0, weak = 0;
  if (!before && !after) {
    strong = weak = paragraph_rtl ? line.x + line.width : line.x;
  } else if (!before) {
    strong = weak = after->leading();
  } else if (!after) {
    strong = weak = before->trailing();
  } else if (before->rtl == paragraph_rtl) {
    strong = before->trailing();
    weak = after->leading();
  } else {
    strong = after->leading();
    weak = before->trailing();
  }
  const CaretPosition base{0, line.top, line.top + line.height, line_index};
  carets.strong = base;
  carets.strong.x = strong;
  carets.weak = base;
  carets.weak.x = weak;
  return carets;
}

TextIndex hit_test(const Layout& layout, float x, float y) {
  if (layout.lines.empty() || !layout.shaped) return 0;
  size_t line_index = layout.lines.size() - 1;
  for (size_t i = 0; i < layout.lines.size(); ++i) {
    if (y < layout.lines[i].top + layout.lines[i].height) {
      line_index = i;
      break;
    }
  }
  const Line& line = layout.lines[line_index];
  const std::vector<GraphemeBox> boxes = boxes_of(layout, line);
  if (boxes.empty()) return line.range.start;
  // Left of everything: the visual left end; right of everything: the right end.
  if (x < boxes.front().left) {
    const GraphemeBox& b = boxes.front();
    return b.rtl ? b.range.end : b.range.start;
  }
  for (const GraphemeBox& b : boxes) {
    if (x >= b.right) continue;
    const bool left_half = x < (b.left + b.right) / 2;
    return left_half != b.rtl ? b.range.start : b.range.end;
  }
  const GraphemeBox& b = boxes.back();
  return b.rtl ? b.range.start : b.range.end;
}

TextIndex next_grapheme(const ShapedParagraph& shaped, TextIndex index) {
  auto g = std::upper_bound(shaped.graphemes.begin(), shaped.graphemes.end(), index);
  return g == shaped.graphemes.end() ? static_cast<TextIndex>(shaped.text.size()) : *g;
}

TextIndex previous_grapheme(const ShapedParagraph& shaped, TextIndex index) {
  auto g = std::lower_bound(shaped.graphemes.begin(), shaped.graphemes.end(), index);
  return g == shaped.graphemes.begin() ? 0 : *(g - 1);
}

}  // namespace ih::render
