// The thread page of "My messages" (kiosk/screens/thread.h) with 200 messages
// in turn German, Arabic, Tigrinya, Persian and emoji, in a German and an
// Arabic session, landscape:
//   BM_SpecimenFrame     the reference: one warm frame of the specimen screen
//   BM_ThreadOpenCold    the frame that opens the thread: all 200 messages
//                        shaped and laid out (the glyphs already in the atlas)
//   BM_ThreadScrollWarm  a frame that scrolls it by a few pixels: target well
//                        under 1 ms of CPU
//   BM_ThreadMemory      what the opened thread holds on the heap, and what
//                        is left of it after wipe() (the end of a session)
// Each reports `x_specimen`: its CPU time per frame over the specimen frame's,
// measured in the same run, so the numbers compare across machines.
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <time.h>

#include <string>

#include "kiosk/screens/specimen.h"
#include "kiosk/ui.h"
#include "tests/kiosk/messages_fixture.h"

namespace ih::kiosk {
namespace {

const char* const kLanguages[] = {"de", "ar"};

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

std::unique_ptr<Ui> make_ui(const char* language) {
  auto ui = std::make_unique<Ui>(
      UiConfig{std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", language}, nullptr);
  ImGuiIO& io = ui->io();
  io.DisplaySize = ImVec2(1920, 1080);
  io.DeltaTime = 1.0f / 60.0f;
  return ui;
}

// CPU seconds of one warm specimen frame, measured once per run.
double specimen_frame() {
  static const double seconds = [] {
    auto ui = make_ui("de");
    SpecimenScreen screen;
    for (int i = 0; i < 3; ++i) ui->build_frame(screen);
    constexpr int kFrames = 300;
    const double start = cpu_seconds();
    for (int i = 0; i < kFrames; ++i) ui->build_frame(screen);
    return (cpu_seconds() - start) / kFrames;
  }();
  return seconds;
}

std::unique_ptr<testing::MessagesScreen> thread_screen() {
  InboxView inbox = testing::sample_inbox();
  inbox.messages["c1"] = testing::mixed_thread(200);
  return std::make_unique<testing::MessagesScreen>(std::move(inbox));
}

void report(benchmark::State& state, double cpu, int64_t frames) {
  state.counters["x_specimen"] = cpu / static_cast<double>(frames) / specimen_frame();
  state.SetLabel(kLanguages[state.range(0)]);
}

void BM_SpecimenFrame(benchmark::State& state) {
  auto ui = make_ui("de");
  SpecimenScreen screen;
  for (int i = 0; i < 3; ++i) ui->build_frame(screen);
  const double start = cpu_seconds();
  for (auto _ : state) benchmark::DoNotOptimize(ui->build_frame(screen));
  state.counters["x_specimen"] =
      (cpu_seconds() - start) / static_cast<double>(state.iterations()) / specimen_frame();
}

void BM_ThreadOpenCold(benchmark::State& state) {
  auto ui = make_ui(kLanguages[state.range(0)]);
  auto screen = thread_screen();
  // Once, so that every glyph is in the atlas: what is measured is text work.
  open_thread(screen->thread, "c1");
  for (int i = 0; i < 3; ++i) ui->build_frame(*screen);
  double cpu = 0;
  for (auto _ : state) {
    state.PauseTiming();
    open_thread(screen->thread, "c1");
    ui->engine().clear_caches();
    state.ResumeTiming();
    const double start = cpu_seconds();
    benchmark::DoNotOptimize(ui->build_frame(*screen));
    cpu += cpu_seconds() - start;
  }
  report(state, cpu, state.iterations());
}

void BM_ThreadScrollWarm(benchmark::State& state) {
  auto ui = make_ui(kLanguages[state.range(0)]);
  auto screen = thread_screen();
  open_thread(screen->thread, "c1");
  for (int i = 0; i < 3; ++i) ui->build_frame(*screen);
  ThreadView& view = screen->thread;
  const float bottom = view.offset;
  const int64_t laid_out = view.layout.laid_out();
  // Up through the whole thread and down again, a few pixels a frame.
  float step = -37;
  double cpu = 0;
  for (auto _ : state) {
    view.at_end = false;
    view.offset += step;
    if (view.offset <= 0 || view.offset >= bottom) step = -step;
    const double start = cpu_seconds();
    benchmark::DoNotOptimize(ui->build_frame(*screen));
    cpu += cpu_seconds() - start;
  }
  if (view.layout.laid_out() != laid_out) state.SkipWithError("a scrolling frame laid out text");
  report(state, cpu, state.iterations());
  const ImDrawData* data = ImGui::GetDrawData();
  state.counters["vertices"] = static_cast<double>(data ? data->TotalVtxCount : 0);
}

void BM_ThreadMemory(benchmark::State& state) {
  auto ui = make_ui(kLanguages[state.range(0)]);
  auto screen = thread_screen();
  for (int i = 0; i < 3; ++i) ui->build_frame(*screen);
  double held = 0;
  double after_wipe = 0;
  double cpu = 0;
  for (auto _ : state) {
    const size_t before = mallinfo2().uordblks;
    const double start = cpu_seconds();
    open_thread(screen->thread, "c1");
    ui->build_frame(*screen);
    cpu += cpu_seconds() - start;
    held = static_cast<double>(mallinfo2().uordblks) - static_cast<double>(before);
    wipe(screen->thread);
    after_wipe = static_cast<double>(mallinfo2().uordblks) - static_cast<double>(before);
  }
  state.counters["held_kb"] = held / 1024;
  state.counters["after_wipe_kb"] = after_wipe / 1024;
  report(state, cpu, state.iterations());
}

BENCHMARK(BM_SpecimenFrame)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ThreadOpenCold)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ThreadScrollWarm)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ThreadMemory)->Arg(0)->Arg(1)->Iterations(5)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ih::kiosk

BENCHMARK_MAIN();
