// CPU cost of one warm frame of the keyboard screen (a text field, a PIN field
// and the on-screen keyboard open; every layout cached, every glyph in the
// atlas), for layouts of each script, landscape and portrait:
//   BM_KeyboardFrame        ImGui NewFrame → fields and keyboard → Render
//   BM_KeyboardFrameTyping  the same with a key tapped every frame (press and
//                           release alternate), so the field is edited, shaped
//                           and laid out again, uncached, in every other frame
//   BM_KeyboardSoftware     the idle frame, then drawn by SDL's software renderer
// The first two are what the UI thread spends before anything is drawn.
#include <benchmark/benchmark.h>

#include <string>

#include "kiosk/screens/keyboard.h"
#include "kiosk/screenshot.h"
#include "kiosk/ui.h"

namespace ih::kiosk {
namespace {

const char* const kLanguages[] = {"de", "fa", "ur", "ti", "ka"};

UiConfig config(int language) {
  return {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf",
          kLanguages[static_cast<size_t>(language)]};
}

void size_and_label(benchmark::State& state, Ui& ui) {
  ImGuiIO& io = ui.io();
  io.DisplaySize = ImVec2(static_cast<float>(state.range(1)), static_cast<float>(state.range(2)));
  io.DeltaTime = 1.0f / 60.0f;
  state.SetLabel(std::string(kLanguages[state.range(0)]) + " " + std::to_string(state.range(1)) +
                 "x" + std::to_string(state.range(2)));
}

void BM_KeyboardFrame(benchmark::State& state) {
  Ui ui(config(static_cast<int>(state.range(0))), nullptr);
  size_and_label(state, ui);
  KeyboardScreen screen;
  for (int i = 0; i < 3; ++i) ui.build_frame(screen);
  for (auto _ : state) benchmark::DoNotOptimize(ui.build_frame(screen));
  const ImDrawData* data = ImGui::GetDrawData();
  state.counters["vertices"] = static_cast<double>(data ? data->TotalVtxCount : 0);
}

void BM_KeyboardFrameTyping(benchmark::State& state) {
  Ui ui(config(static_cast<int>(state.range(0))), nullptr);
  size_and_label(state, ui);
  KeyboardScreen screen;
  for (int i = 0; i < 3; ++i) ui.build_frame(screen);
  // The first key of the letters that types something, pressed and released
  // on alternate frames, a fifth of a second apart so no tap is a bounce.
  ImVec2 key(-1, -1);
  for (const keyboard::Target& t : screen.keys()->targets())
    if (t.key && t.key->action == keyboard::KeyAction::Type) {
      key = t.rect.centre();
      break;
    }
  ImGuiIO& io = ui.io();
  io.DeltaTime = 0.2f;
  io.MousePos = key;
  bool down = false;
  for (auto _ : state) {
    down = !down;
    io.MouseDown[0] = down;
    benchmark::DoNotOptimize(ui.build_frame(screen));
    // Keep the text short enough that the frames measure editing, not length.
    if (screen.text()->grapheme_count() > 150) screen.text()->wipe();
  }
}

void BM_KeyboardSoftware(benchmark::State& state) {
  auto made =
      OffscreenTarget::create(static_cast<int>(state.range(1)), static_cast<int>(state.range(2)),
                              config(static_cast<int>(state.range(0))));
  if (!made.target) {
    state.SkipWithError(made.error.c_str());
    return;
  }
  state.SetLabel(std::string(kLanguages[state.range(0)]));
  KeyboardScreen screen;
  for (int i = 0; i < 3; ++i) made.target->draw(screen);
  for (auto _ : state) made.target->draw(screen);
}

void layouts(benchmark::internal::Benchmark* b) {
  for (int64_t language = 0; language < 5; ++language) b->Args({language, 1920, 1080});
  b->Args({1, 1080, 1920});
  b->Unit(benchmark::kMicrosecond);
}

BENCHMARK(BM_KeyboardFrame)->Apply(layouts);
BENCHMARK(BM_KeyboardFrameTyping)->Apply(layouts);
BENCHMARK(BM_KeyboardSoftware)
    ->Args({0, 1920, 1080})
    ->Args({1, 1920, 1080})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ih::kiosk

BENCHMARK_MAIN();
