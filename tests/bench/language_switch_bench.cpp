// The cost of a language switch on the language picker (1920×1080), as the UI
// thread pays it:
//   BM_CatalogLoad         reading and checking one PO catalog (libgettextpo,
//                          ICU MessageFormat parsing and compiling)
//   BM_SwitchCold          a language never shown before: its catalogs loaded,
//                          every layout of the screen shaped again, one frame
//                          built (glyphs already in the atlas)
//   BM_SwitchWarm          a language shown before: catalogs and layouts
//                          cached, one frame built
// Each iteration switches between German and the language in the name, so both
// directions and the mirroring are measured.
#include <benchmark/benchmark.h>

#include <string>

#include "i18n/catalog.h"
#include "i18n/language_registry.h"
#include "kiosk/screens/languages.h"
#include "kiosk/ui.h"

namespace ih::kiosk {
namespace {

UiConfig config() {
  return {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "de"};
}

void BM_CatalogLoad(benchmark::State& state, const char* tag, const char* locale) {
  const std::string path = std::string(ICHHELFE_SOURCE_DIR) + "/i18n/po/" + tag + ".po";
  for (auto _ : state) {
    const i18n::CatalogResult r = i18n::load_catalog(path, locale);
    benchmark::DoNotOptimize(r.catalog);
  }
}
BENCHMARK_CAPTURE(BM_CatalogLoad, ar, "ar", "ar")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CatalogLoad, prs, "prs", "fa-AF")->Unit(benchmark::kMicrosecond);

// A picker frame at 1920×1080 with every glyph of both languages in the atlas.
struct Picker {
  Picker() : ui(config(), nullptr) {
    ImGuiIO& io = ui.io();
    io.DisplaySize = ImVec2(1920, 1080);
    io.DeltaTime = 1.0f / 60.0f;
  }
  void warm(const char* other) {
    for (const char* tag : {other, "de"}) {
      ui.set_language(tag);
      for (int i = 0; i < 2; ++i) ui.build_frame(screen);
    }
  }
  Ui ui;
  LanguagesScreen screen;
};

void BM_SwitchCold(benchmark::State& state, const char* other) {
  Picker p;
  p.warm(other);
  bool to_other = true;
  for (auto _ : state) {
    state.PauseTiming();
    // Forget what the previous switch loaded and laid out.
    p.ui.strings().forget_other_languages();
    p.ui.engine().clear_caches();
    state.ResumeTiming();
    p.ui.set_language(to_other ? other : "de");
    benchmark::DoNotOptimize(p.ui.build_frame(p.screen));
    to_other = !to_other;
  }
}
BENCHMARK_CAPTURE(BM_SwitchCold, ar, "ar")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SwitchCold, ur, "ur")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SwitchCold, ti, "ti")->Unit(benchmark::kMillisecond);

void BM_SwitchWarm(benchmark::State& state, const char* other) {
  Picker p;
  p.warm(other);
  bool to_other = true;
  for (auto _ : state) {
    p.ui.set_language(to_other ? other : "de");
    benchmark::DoNotOptimize(p.ui.build_frame(p.screen));
    to_other = !to_other;
  }
}
BENCHMARK_CAPTURE(BM_SwitchWarm, ar, "ar")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_SwitchWarm, ur, "ur")->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace ih::kiosk

BENCHMARK_MAIN();
