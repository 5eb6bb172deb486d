#include "render/line_layout.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "render/line_breaker.h"
#include "render/shaper.h"

namespace ih::render {

namespace {

// The stretch of `run`'s glyphs whose clusters lie in `piece`. Shaping keeps
// clusters monotone (cluster level 1): ascending left to right in a left-to-right
// run, descending in a right-to-left one, so the glyphs of any text range are one
// stretch, found by binary search.
GlyphRange glyphs_in(const ShapedRun& run, TextRange piece) {
  const std::vector<Glyph>& glyphs = run.glyphs;
  const bool rtl = run.rtl();
  assert(std::is_sorted(glyphs.begin(), glyphs.end(), [&](const Glyph& a, const Glyph& b) {
    return rtl ? a.cluster > b.cluster : a.cluster < b.cluster;
  }));
  // Glyphs before the stretch, then glyphs of the stretch, in visual order.
  auto before = [&](TextIndex at) {
    return [rtl, at](const Glyph& g) { return rtl ? g.cluster >= at : g.cluster < at; };
  };
  const auto first =
      std::partition_point(glyphs.begin(), glyphs.end(), before(rtl ? piece.end : piece.start));
  const auto last =
      std::partition_point(first, glyphs.end(), before(rtl ? piece.start : piece.end));
  return {static_cast<GlyphIndex>(first - glyphs.begin()),
          static_cast<GlyphIndex>(last - glyphs.begin())};
}

// True when the glyphs of `run` can be cut at text position `at` without
// reshaping: `at` starts a cluster and HarfBuzz did not flag it.
bool safe_to_cut(const ShapedRun& run, TextIndex at) {
  if (at <= run.range.start || at >= run.range.end) return true;
  const GlyphRange cluster = glyphs_in(run, {at, at + 1});
  return !cluster.empty() &&
         std::none_of(run.glyphs.begin() + cluster.start, run.glyphs.begin() + cluster.end,
                      [](const Glyph& g) { return g.unsafe_to_break; });
}

std::vector<Glyph> glyphs_for_piece(const ShapedParagraph& shaped, const ShapedRun& run,
                                    TextRange piece, TextRange line_content,
                                    LineLayoutTools& tools) {
  std::vector<Glyph> glyphs;
  if (safe_to_cut(run, piece.start) && safe_to_cut(run, piece.end)) {
    const GlyphRange range = glyphs_in(run, piece);
    glyphs.assign(run.glyphs.begin() + range.start, run.glyphs.begin() + range.end);
    return glyphs;
  }
  // The line cut through a ligature or a join: shape the piece again with only
  // the line around it as context, so letters at the cut take their end forms.
  ShapeRequest request;
  request.context = std::u16string_view(shaped.text).substr(
      static_cast<size_t>(line_content.start), static_cast<size_t>(line_content.size()));
  request.context_start = line_content.start;
  request.range = piece;
  request.rtl = run.rtl();
  request.script = run.script;
  request.language = run.language;
  request.size = shaped.style.size;
  shape_run(request, tools.fonts.face(run.font), tools.buffer, glyphs);
  return glyphs;
}

// True when every run has the paragraph's level and there is one bidi paragraph:
// then every line is a single visual run and the bidi algorithm need not run again.
bool single_level(const ShapedParagraph& shaped) {
  for (const ShapedRun& run : shaped.runs)
    if (run.level != shaped.base_level) return false;
  // A newline before the end starts another bidi paragraph, with its own level.
  const std::u16string_view text = shaped.text;
  return text.empty() || std::none_of(text.begin(), text.end() - 1, is_hard_break);
}

Line build_line(const ShapedParagraph& shaped, TextRange range, bool wrapped, bool uniform,
                LineLayoutTools& tools) {
  const std::u16string_view text = shaped.text;
  Line line;
  line.range = range;
  line.base_level = uniform ? shaped.base_level : tools.bidi.base_level(range.start);

  TextIndex content_end = range.end;
  while (content_end > range.start && is_hard_break(text[static_cast<size_t>(content_end - 1)]))
    --content_end;
  const TextRange content{range.start, content_end};
  // Spaces at the end of a wrapped line hang past its edge: they take no width.
  const TextRange hung{wrapped ? trim_trailing_whitespace(text, content) : content_end,
                       content_end};

  // A uniform paragraph's line is one visual run: no call to the bidi algorithm.
  const VisualRun whole{content, shaped.base_level};
  std::vector<VisualRun> reordered;
  if (!uniform) reordered = tools.bidi.visual_runs(content);
  const VisualRun* visual_begin = uniform ? &whole : reordered.data();
  const VisualRun* visual_end = uniform ? &whole + 1 : reordered.data() + reordered.size();

  float x = 0;
  for (const VisualRun* visual = visual_begin; visual != visual_end; ++visual) {
    if (visual->range.empty()) continue;
    // The pieces of the shaped runs in this visual run, logical order first.
    const size_t first_piece = line.runs.size();
    for (int32_t r = shaped.run_at(visual->range.start);
         r >= 0 && static_cast<size_t>(r) < shaped.runs.size() &&
         shaped.runs[static_cast<size_t>(r)].range.start < visual->range.end;
         ++r) {
      const ShapedRun& run = shaped.runs[static_cast<size_t>(r)];
      LineRun& piece = line.runs.emplace_back();
      piece.run = r;
      piece.range = run.range.intersect(visual->range);
      piece.level = visual->level;
      piece.glyphs = glyphs_for_piece(shaped, run, piece.range, content, tools);
      if (piece.range.end > hung.start)
        for (Glyph& g : piece.glyphs)
          if (hung.contains(g.cluster)) g.advance = 0;
    }
    const auto pieces = line.runs.begin() + static_cast<std::ptrdiff_t>(first_piece);
    if (visual->rtl()) std::reverse(pieces, line.runs.end());
    for (auto piece = pieces; piece != line.runs.end(); ++piece) {
      piece->x = x;
      for (const Glyph& g : piece->glyphs) piece->width += g.advance;
      x += piece->width;
    }
  }
  line.width = x;

  const float size = shaped.style.size;
  auto measure = [&](FontId font) {
    const FontFace& face = tools.fonts.face(font);
    line.ascent = std::max(line.ascent, face.ascender * size);
    line.descent = std::max(line.descent, face.descender * size);
    line.height = std::max(line.height, (face.ascender + face.descender + face.line_gap) * size);
  };
  for (const LineRun& piece : line.runs) measure(shaped.runs[static_cast<size_t>(piece.run)].font);
  if (line.runs.empty()) {
    // An empty line is as tall as the text around it would be.
    const int32_t r = shaped.run_at(std::max<TextIndex>(0, range.start - 1));
    if (r >= 0) {
      measure(shaped.runs[static_cast<size_t>(r)].font);
    } else {
      const auto& fonts = tools.fonts.fonts_for(0, shaped.style.language);
      if (!fonts.empty()) measure(fonts.front());
    }
  }
  line.height = std::max(line.height, line.ascent + line.descent);
  return line;
}

}  // namespace

std::shared_ptr<Layout> lay_out(std::shared_ptr<const ShapedParagraph> shaped, float wrap_width,
                                float box_width, Align align, LineLayoutTools tools) {
  auto layout = std::make_shared<Layout>();
  const bool uniform = single_level(*shaped);
  if (!uniform) tools.bidi.set(shaped->text, shaped->style.direction);
  const std::vector<TextRange> ranges = tools.breaker.wrap(*shaped, wrap_width, &layout->cut_a_word);
  layout->lines.reserve(ranges.size());
  float top = 0;
  for (size_t i = 0; i < ranges.size(); ++i) {
    const TextRange range = ranges[i];
    const bool last = i + 1 == ranges.size();
    const bool hard = range.end > range.start &&
                      is_hard_break(shaped->text[static_cast<size_t>(range.end - 1)]);
    Line line = build_line(*shaped, range, !last && !hard, uniform, tools);
    line.top = top;
    top += line.height;
    layout->width = std::max(layout->width, line.width);
    layout->lines.push_back(std::move(line));
  }
  layout->height = top;
  layout->box_width = std::isfinite(box_width) ? box_width : layout->width;
  for (Line& line : layout->lines) {
    const float room = layout->box_width - line.width;
    const bool rtl = line.base_level & 1;
    switch (align) {
      case Align::Start: line.x = rtl ? room : 0; break;
      case Align::End: line.x = rtl ? 0 : room; break;
      case Align::Center: line.x = room / 2; break;
    }
  }
  layout->shaped = std::move(shaped);
  return layout;
}

}  // namespace ih::render
