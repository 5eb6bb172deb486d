#include "render/text_engine.h"

#include <hb.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>

#include "render/itemizer.h"
#include "render/line_layout.h"
#include "render/shaper.h"
#include "render/utf.h"

namespace ih::render {

TextEngine::TextEngine(FontCollection& fonts, size_t cache_capacity)
    : fonts_(fonts), cache_(cache_capacity), buffer_(hb_buffer_create()) {}

TextEngine::~TextEngine() { hb_buffer_destroy(buffer_); }

void TextEngine::clear_caches() {
  cache_.clear();
  // The shaping buffer still holds the last paragraph's glyphs and clusters:
  // a new one, so the old one's memory is freed (and overwritten, see
  // kiosk/session.h's harden_heap()).
  hb_buffer_destroy(buffer_);
  buffer_ = hb_buffer_create();
}

std::shared_ptr<ShapedParagraph> TextEngine::shape_uncached(std::u16string text,
                                                            const TextStyle& style) {
  auto shaped = std::make_shared<ShapedParagraph>();
  shaped->text = std::move(text);
  shaped->style = style;
  const std::u16string_view view = shaped->text;

  // Most paragraphs are of one direction throughout: then the bidi algorithm need
  // not run.
  std::vector<uint8_t> levels;
  if (const int level = uniform_level(view, style.direction); level >= 0) {
    shaped->base_level = static_cast<uint8_t>(level);
    levels.assign(view.size(), static_cast<uint8_t>(level));
  } else {
    bidi_.set(view, style.direction);
    shaped->base_level = bidi_.base_level(0);
    levels = bidi_.levels();
  }
  shaped->graphemes = graphemes_.boundaries(view);

  // Each unit's advance is gathered at the entry after it, then summed in place.
  std::vector<float>& advance_before = shaped->advance_before;
  advance_before.assign(view.size() + 1, 0.0f);
  const std::vector<Item> items = itemize(view, levels, shaped->graphemes, style.language, fonts_);
  shaped->runs.reserve(items.size());
  for (const Item& item : items) {
    ShapedRun run;
    run.range = item.range;
    run.level = item.level;
    run.script = item.script;
    run.font = item.font;
    run.language = style.language;
    ShapeRequest request;
    request.context = view;
    request.range = item.range;
    request.rtl = item.level & 1;
    request.script = item.script;
    request.language = style.language;
    request.size = style.size;
    shape_run(request, fonts_.face(item.font), buffer_, run.glyphs);
    for (Glyph& g : run.glyphs) {
      const char16_t c = view[static_cast<size_t>(g.cluster)];
      // Line ends are never drawn; default-ignorable characters may map to .notdef
      // in fonts that lack them and must not count as missing.
      if (is_hard_break(c)) {
        g.advance = 0;
        continue;
      }
      if (g.id == 0 && !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
        ++shaped->missing_glyphs;
      advance_before[static_cast<size_t>(g.cluster) + 1] += g.advance;
      run.advance += g.advance;
    }
    shaped->runs.push_back(std::move(run));
  }
  for (size_t i = 1; i < advance_before.size(); ++i) advance_before[i] += advance_before[i - 1];
  return shaped;
}

std::shared_ptr<Layout> TextEngine::layout_uncached(std::shared_ptr<const ShapedParagraph> shaped,
                                                    const LayoutOptions& options) {
  const LineLayoutTools tools{fonts_, bidi_, line_breaker_, buffer_};
  const float inf = std::numeric_limits<float>::infinity();
  if (!options.ellipsis || !std::isfinite(options.max_width)) {
    auto layout = lay_out(std::move(shaped), options.max_width, options.max_width, options.align, tools);
    layout->options = options;
    return layout;
  }
  auto full = lay_out(shaped, inf, options.max_width, options.align, tools);
  full->options = options;
  if (full->width <= options.max_width) return full;

  // Too wide for one line: keep the longest run of whole grapheme clusters that
  // fits with "…" after it. Shaping is contextual, so check the result and step
  // back one cluster at a time if the estimate was short.
  const std::u16string_view text = shaped->text;
  const float ellipsis_width = shape_uncached(u"\u2026", shaped->style)->advance({0, 1});
  const auto& graphemes = shaped->graphemes;
  auto g = graphemes.rbegin();
  while (g != graphemes.rend() && *g > 0 &&
         shaped->advance({0, *g}) + ellipsis_width > options.max_width)
    ++g;
  for (; g != graphemes.rend(); ++g) {
    const TextIndex keep = trim_trailing_whitespace(text, {0, *g});
    std::u16string cut(text.substr(0, static_cast<size_t>(keep)));
    cut += u'\u2026';
    auto layout = lay_out(shape_uncached(std::move(cut), shaped->style), inf, options.max_width,
                          options.align, tools);
    layout->options = options;
    layout->ellipsized = true;
    if (layout->width <= options.max_width || keep == 0) return layout;
  }
  return full;
}

std::shared_ptr<const ShapedParagraph> TextEngine::shape(std::string_view utf8,
                                                         const TextStyle& style) {
  if (auto cached = cache_.find_shaped(utf8, style)) return cached;
  std::shared_ptr<const ShapedParagraph> shaped = shape_uncached(utf8_to_utf16(utf8), style);
  cache_.put_shaped(utf8, shaped);
  return shaped;
}

std::shared_ptr<const Layout> TextEngine::layout(std::string_view utf8, const TextStyle& style,
                                                 const LayoutOptions& options) {
  if (auto cached = cache_.find_layout(utf8, style, options)) return cached;
  std::shared_ptr<const Layout> layout = layout_uncached(shape(utf8, style), options);
  cache_.put_layout(utf8, style, layout);
  return layout;
}

}  // namespace ih::render
