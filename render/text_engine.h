// The text engine: UTF-8 in, shaped and laid-out paragraphs out.
//
//   FontCollection fonts(...);
//   TextEngine engine(fonts);
//   auto layout = engine.layout("مرحبا Anna", {.size = 32, .language = "ar"}, {.max_width = 400});
//
// Pipeline (see shaper.cpp, line_breaker.cpp, line_layout.cpp): ICU bidi → itemize by
// level, script and font → HarfBuzz shaping with the whole paragraph as context →
// ICU line breaking → per-line bidi reordering and alignment.
//
// Shaped paragraphs are cached by (text, style); each remembers its layouts for the
// widths it was asked for, so a screen laid out again costs a hash lookup per
// paragraph. clear_caches() drops everything that holds text (privacy: called when a
// session ends).
//
// Not thread-safe: one engine per thread (the UI thread).
#pragma once

#include <memory>
#include <string_view>

#include "render/bidi.h"
#include "render/graphemes.h"
#include "render/layout_cache.h"
#include "render/line_breaker.h"
#include "render/paragraph.h"

struct hb_buffer_t;

namespace ih::render {

class TextEngine {
 public:
  explicit TextEngine(FontCollection& fonts, size_t cache_capacity = 1024);
  ~TextEngine();
  TextEngine(const TextEngine&) = delete;
  TextEngine& operator=(const TextEngine&) = delete;

  // Shapes a paragraph (cached).
  std::shared_ptr<const ShapedParagraph> shape(std::string_view utf8, const TextStyle& style);

  // Shapes and lays out a paragraph (cached).
  std::shared_ptr<const Layout> layout(std::string_view utf8, const TextStyle& style,
                                       const LayoutOptions& options = {});

  // Shapes without touching the cache (benchmarks, tools).
  std::shared_ptr<ShapedParagraph> shape_uncached(std::u16string text, const TextStyle& style);
  // Lays out without touching the cache.
  std::shared_ptr<Layout> layout_uncached(std::shared_ptr<const ShapedParagraph> shaped,
                                          const LayoutOptions& options);

  const LayoutCache::Stats& cache_stats() const { return cache_.stats(); }
  void clear_caches();
  FontCollection& fonts() { return fonts_; }

 private:
  FontCollection& fonts_;
  LayoutCache cache_;
  BidiParagraph bidi_;
  GraphemeBreaker graphemes_;
  LineBreaker line_breaker_;
  hb_buffer_t* buffer_ = nullptr;
};

}  // namespace ih::render
