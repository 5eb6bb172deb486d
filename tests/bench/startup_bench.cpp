// Start-up of the kiosk to its first frame, and the memory it takes:
//   BM_StartToFirstFrame  the language list, catalogs, fonts, text engine,
//                         glyph atlas and ImGui made from nothing, the shell
//                         built, and its attract screen drawn by SDL's software
//                         renderer (a terminal without a usable GPU). Fonts
//                         and files come from a warm page cache.
// Counters: peak_rss_MiB, the process's peak resident memory (getrusage), and
// rss_growth_MiB, how much one start added to what the process held before.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <string>

#include "kiosk/screenshot.h"
#include "kiosk/wipe.h"

namespace ih::kiosk {
namespace {

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB
}

void BM_StartToFirstFrame(benchmark::State& state) {
  harden_heap();
  const double before = peak_rss_mib();
  const UiConfig config{std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "de"};
  for (auto _ : state) {
    auto made = OffscreenTarget::create(static_cast<int>(state.range(0)),
                                        static_cast<int>(state.range(1)), config);
    if (!made.target) {
      state.SkipWithError(made.error.c_str());
      return;
    }
    std::unique_ptr<Screen> shell = make_screen("shell");
    made.target->draw(*shell);
    benchmark::DoNotOptimize(made.target.get());
  }
  state.counters["peak_rss_MiB"] = peak_rss_mib();
  state.counters["rss_growth_MiB"] = peak_rss_mib() - before;
}
BENCHMARK(BM_StartToFirstFrame)
    ->Args({1920, 1080})
    ->Args({1080, 1920})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(10);

}  // namespace
}  // namespace ih::kiosk

BENCHMARK_MAIN();
