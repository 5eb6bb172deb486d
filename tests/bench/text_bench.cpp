// Costs of the text engine, per script:
//   BM_RawHarfBuzz   hb_shape alone on the runs the engine makes (the baseline)
//   BM_ColdLayout    the whole pipeline without the cache: bidi, graphemes, line
//                    breaks, itemization, fallback, shaping, wrapping, reordering
//   BM_WarmLayout    the same paragraph again through the cache
// Compare ColdLayout / RawHarfBuzz (engine overhead) and ColdLayout / WarmLayout
// (what the cache saves) within one run of this program.
#include <benchmark/benchmark.h>
#include <hb.h>
#include <unicode/uscript.h>

#include <memory>
#include <string>

#include "render/text_engine.h"
#include "render/utf.h"

namespace ih::render {
namespace {

struct Sample {
  const char* language;
  const char* text;
};

// About fifty characters in each script the kiosk shows.
const Sample kSamples[] = {
    {"de", "Ich brauche Begleitung zum Ausländeramt am Dienstag."},
    {"ru", "Мне нужна помощь с документами для ведомства, пожалуйста."},
    {"ar", "أحتاج إلى مرافقة إلى دائرة الأجانب يوم الثلاثاء من فضلك."},
    {"fa", "من برای رفتن به اداره‌ی اتباع خارجی به همراهی نیاز دارم."},
    {"ur", "مجھے منگل کو غیر ملکیوں کے دفتر جانے کے لیے مدد چاہیے۔"},
    {"ti", "ብኽብረትኩም ናብ ቤት ጽሕፈት ኣጋይሽ ክኸይድ ሓገዝ የድልየኒ እዩ።"},
    {"ka", "სამშაბათს უცხოელთა უწყებაში თანხლება მჭირდება, გთხოვთ."},
};

FontCollection& fonts() {
  static auto collection =
      FontCollection::from_file(std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf");
  return *collection;
}

const TextStyle style_for(const Sample& s) { return {.size = 32, .language = s.language}; }

void BM_RawHarfBuzz(benchmark::State& state) {
  const Sample& sample = kSamples[state.range(0)];
  TextEngine engine(fonts());
  auto shaped = engine.shape_uncached(utf8_to_utf16(sample.text), style_for(sample));
  hb_buffer_t* buffer = hb_buffer_create();
  for (auto _ : state) {
    for (const ShapedRun& run : shaped->runs) {
      hb_buffer_clear_contents(buffer);
      hb_buffer_add_utf16(buffer, reinterpret_cast<const uint16_t*>(shaped->text.data()),
                          static_cast<int>(shaped->text.size()), static_cast<unsigned>(run.range.start),
                          run.range.size());
      hb_buffer_set_direction(buffer, run.rtl() ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
      hb_buffer_set_script(buffer, hb_script_from_string(
                                       uscript_getShortName(static_cast<UScriptCode>(run.script)), -1));
      hb_buffer_set_language(buffer, hb_language_from_string(sample.language, -1));
      hb_shape(fonts().face(run.font).hb, buffer, nullptr, 0);
      benchmark::DoNotOptimize(hb_buffer_get_length(buffer));
    }
  }
  hb_buffer_destroy(buffer);
  state.SetLabel(sample.language);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(shaped->text.size()));
}

void BM_ColdLayout(benchmark::State& state) {
  const Sample& sample = kSamples[state.range(0)];
  TextEngine engine(fonts());
  const TextStyle style = style_for(sample);
  engine.layout(sample.text, style, {.max_width = 600});  // opens the fonts once
  for (auto _ : state) {
    auto shaped = engine.shape_uncached(utf8_to_utf16(sample.text), style);
    auto layout = engine.layout_uncached(std::move(shaped), {.max_width = 600});
    benchmark::DoNotOptimize(layout->height);
  }
  state.SetLabel(sample.language);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(utf8_to_utf16(sample.text).size()));
}

void BM_WarmLayout(benchmark::State& state) {
  const Sample& sample = kSamples[state.range(0)];
  TextEngine engine(fonts());
  const TextStyle style = style_for(sample);
  engine.layout(sample.text, style, {.max_width = 600});
  for (auto _ : state) {
    auto layout = engine.layout(sample.text, style, {.max_width = 600});
    benchmark::DoNotOptimize(layout->height);
  }
  state.SetLabel(sample.language);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(utf8_to_utf16(sample.text).size()));
}

// A new width for a cached paragraph: wrapping and reordering only.
void BM_RewrapLayout(benchmark::State& state) {
  const Sample& sample = kSamples[state.range(0)];
  TextEngine engine(fonts());
  auto shaped = engine.shape(sample.text, style_for(sample));
  for (auto _ : state) {
    auto layout = engine.layout_uncached(shaped, {.max_width = 300});
    benchmark::DoNotOptimize(layout->height);
  }
  state.SetLabel(sample.language);
}

constexpr int kSampleCount = static_cast<int>(std::size(kSamples));
BENCHMARK(BM_RawHarfBuzz)->DenseRange(0, kSampleCount - 1);
BENCHMARK(BM_ColdLayout)->DenseRange(0, kSampleCount - 1);
BENCHMARK(BM_WarmLayout)->DenseRange(0, kSampleCount - 1);
BENCHMARK(BM_RewrapLayout)->DenseRange(0, kSampleCount - 1);

}  // namespace
}  // namespace ih::render

BENCHMARK_MAIN();
