// CPU cost of one warm frame of the specimen screen (every layout cached, every
// glyph in the atlas), landscape and portrait:
//   BM_BuildFrame     ImGui NewFrame → the screen's widgets → Render: what the
//                     UI thread spends before anything is drawn
//   BM_SoftwareFrame  the same, then SDL's software renderer draws it into
//                     memory (the cost on a terminal without a usable GPU)
// The difference between the two is rasterization.
#include <benchmark/benchmark.h>

#include <string>

#include "kiosk/screens/specimen.h"
#include "kiosk/screenshot.h"
#include "kiosk/ui.h"

namespace ih::kiosk {
namespace {

UiConfig config() {
  return {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "de"};
}

void BM_BuildFrame(benchmark::State& state) {
  Ui ui(config(), nullptr);
  ImGuiIO& io = ui.io();
  io.DisplaySize = ImVec2(static_cast<float>(state.range(0)), static_cast<float>(state.range(1)));
  io.DeltaTime = 1.0f / 60.0f;
  SpecimenScreen screen;
  for (int i = 0; i < 3; ++i) ui.build_frame(screen);
  for (auto _ : state) benchmark::DoNotOptimize(ui.build_frame(screen));
  const ImDrawData* data = ImGui::GetDrawData();
  state.counters["vertices"] = static_cast<double>(data ? data->TotalVtxCount : 0);
}
BENCHMARK(BM_BuildFrame)->Args({1920, 1080})->Args({1080, 1920})->Unit(benchmark::kMicrosecond);

void BM_SoftwareFrame(benchmark::State& state) {
  auto made = OffscreenTarget::create(static_cast<int>(state.range(0)),
                                      static_cast<int>(state.range(1)), config());
  if (!made.target) {
    state.SkipWithError(made.error.c_str());
    return;
  }
  SpecimenScreen screen;
  for (int i = 0; i < 3; ++i) made.target->draw(screen);
  for (auto _ : state) made.target->draw(screen);
}
BENCHMARK(BM_SoftwareFrame)->Args({1920, 1080})->Args({1080, 1920})->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ih::kiosk

BENCHMARK_MAIN();
