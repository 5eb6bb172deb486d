// The first frame of the request wizard's picture grid (13 category tiles,
// each a colour emoji and a label), cold: a fresh UI whose glyph atlas and
// layout cache have never seen these pictures and words, drawn by SDL's
// software renderer. Beside it, in the same iteration, the first frame of the
// specimen screen on another fresh UI, so that the result reads as a ratio
// that does not depend on the machine:
//   grid_ms, specimen_ms   the two first frames (making the UIs is not timed)
//   ratio_to_specimen      grid_ms / specimen_ms
// The benchmark's own time is the grid's (manual time).
#include <benchmark/benchmark.h>

#include <chrono>
#include <string>

#include "kiosk/screen.h"
#include "kiosk/screenshot.h"

namespace ih::kiosk {
namespace {

double first_frame_ms(const char* screen_name, const char* language, int w, int h) {
  auto made = OffscreenTarget::create(
      w, h, {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", language});
  if (!made.target) return -1;
  std::unique_ptr<Screen> screen = make_screen(screen_name);
  const auto start = std::chrono::steady_clock::now();
  made.target->draw(*screen);
  const auto end = std::chrono::steady_clock::now();
  return std::chrono::duration<double, std::milli>(end - start).count();
}

void BM_PictureGridFirstFrame(benchmark::State& state) {
  const int w = static_cast<int>(state.range(0));
  const int h = static_cast<int>(state.range(1));
  double grid_total = 0, specimen_total = 0;
  for (auto _ : state) {
    const double grid = first_frame_ms("request", "ar", w, h);
    const double specimen = first_frame_ms("specimen", "de", w, h);
    if (grid < 0 || specimen < 0) {
      state.SkipWithError("no offscreen target");
      return;
    }
    grid_total += grid;
    specimen_total += specimen;
    state.SetIterationTime(grid / 1000.0);
  }
  const auto n = static_cast<double>(state.iterations());
  state.counters["grid_ms"] = grid_total / n;
  state.counters["specimen_ms"] = specimen_total / n;
  state.counters["ratio_to_specimen"] = grid_total / specimen_total;
}
BENCHMARK(BM_PictureGridFirstFrame)
    ->Args({1920, 1080})
    ->Args({1080, 1920})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);

}  // namespace
}  // namespace ih::kiosk

BENCHMARK_MAIN();
