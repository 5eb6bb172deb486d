// From the touch to the first sound: the time from Speaker::say() to the first
// samples queued to the audio device, for a tile label and a long message in
// ar, uk, de and fa; cold (the first utterance after Speaker::open()) and warm
// (the voice already in use). The baseline, in the same run: synthesising the
// whole utterance before playing any of it, as a player of finished audio would.
// The target is the first sound within 300 ms of the touch.
//
// "Queued" is not yet heard: the device's buffer (512 samples, 23 ms) and the
// sound server's own latency come after it. SDL's dummy driver is used unless
// SDL_AUDIODRIVER names another, so the figures do not need a sound card.
//
//   build/default/tests/speech_latency_bench
//
// Prints Google Benchmark's table (mean time per utterance, p50 and p99 in
// ms), then a summary: streaming against the whole utterance, as ratios.
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "kiosk/speech/speaker.h"

namespace ih::speech {
namespace {

using Clock = SpeechClock;

// A sample this loud (of 32767) is sound, not the silence around speech.
constexpr int kSoundLevel = 500;

struct Language {
  const char* voice;
  const char* label;    // a tile label: one word
  const char* message;  // a long message: three sentences
};

const Language kLanguages[] = {
    {"ar", "الطبيب",
     "مرحبا بك. يمكنك هنا أن تطلب المساعدة، وأن تقرأ رسائل المتطوعين وترد عليها. "
     "سيتصل بك أحد المساعدين قريبا."},
    {"uk", "Житло",
     "Ласкаво просимо. Тут ви можете попросити про допомогу, прочитати повідомлення від "
     "помічників і відповісти їм. Помічник скоро зв'яжеться з вами."},
    {"de", "Arzt",
     "Willkommen. Hier können Sie um Hilfe bitten, die Nachrichten der Helferinnen und Helfer "
     "lesen und ihnen antworten. Eine Helferin meldet sich bald bei Ihnen."},
    {"fa", "پزشک",
     "خوش آمدید. اینجا می‌توانید درخواست کمک کنید، "
     "پیام‌های داوطلبان را بخوانید و به آنها پاسخ دهید. "
     "یکی از داوطلبان به زودی با شما تماس می‌گیرد."},
};

const char* text_of(const Language& language, bool message) {
  return message ? language.message : language.label;
}

double ms(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

// Nearest rank.
double percentile(std::vector<double> samples, double p) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  const auto rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(samples.size()) + 0.5);
  return samples[std::clamp<std::size_t>(rank, 1, samples.size()) - 1];
}

struct Figures {
  double p50 = 0;
  double p99 = 0;
};
// By "voice/text/mode", for the summary.
std::map<std::string, Figures>& summary() {
  static std::map<std::string, Figures> s;
  return s;
}

void report(benchmark::State& state, const std::string& key, const std::vector<double>& latencies) {
  const Figures f{percentile(latencies, 50), percentile(latencies, 99)};
  state.counters["p50_ms"] = f.p50;
  state.counters["p99_ms"] = f.p99;
  summary()[key] = f;
}

// The worker's reports, waited for by the benchmark's thread.
class Reports {
 public:
  SpeakerObservers observers() {
    SpeakerObservers o;
    o.first_audio = [this](Utterance u, Clock::time_point said, Clock::time_point queued) {
      std::lock_guard lock(mutex_);
      first_audio_[u] = queued - said;
      changed_.notify_all();
    };
    o.finished = [this](Utterance u, const SynthesisResult& result) {
      std::lock_guard lock(mutex_);
      finished_[u] = result;
      changed_.notify_all();
    };
    return o;
  }
  Clock::duration first_audio(Utterance u) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return first_audio_.contains(u) || finished_.contains(u); });
    if (!first_audio_.contains(u)) {
      std::fprintf(stderr, "no audio: %s\n", finished_[u].error.c_str());
      std::exit(1);
    }
    return first_audio_[u];
  }
  SynthesisResult finished(Utterance u) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return finished_.contains(u); });
    return finished_[u];
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<Utterance, Clock::duration> first_audio_;
  std::map<Utterance, SynthesisResult> finished_;
};

std::unique_ptr<Speaker> open_speaker(Reports& reports) {
  SpeakerOptions options;
  options.observers = reports.observers();
  std::string why_not;
  auto speaker = Speaker::open(std::move(options), &why_not);
  if (!speaker) {
    std::fprintf(stderr, "no speaker: %s\n", why_not.c_str());
    std::exit(1);
  }
  return speaker;
}

std::unique_ptr<Synthesiser> open_synthesiser() {
  std::string why_not;
  auto synthesiser = Synthesiser::open({}, &why_not);
  if (!synthesiser) {
    std::fprintf(stderr, "no synthesiser: %s\n", why_not.c_str());
    std::exit(1);
  }
  return synthesiser;
}

std::string key(const Language& language, bool message, const char* mode) {
  return std::string(language.voice) + "/" + (message ? "message" : "label") + "/" + mode;
}

// The first utterance of the process: espeak-ng's initialisation is in open(),
// the voice's loading in the latency.
void BM_FirstAudioFirstInProcess(benchmark::State& state) {
  for (auto _ : state) {
    Reports reports;
    const Clock::time_point start = Clock::now();
    const auto speaker = open_speaker(reports);
    state.counters["open_ms"] = ms(Clock::now() - start);
    const Utterance u = speaker->say(kLanguages[0].label, kLanguages[0].voice);
    const Clock::duration latency = reports.first_audio(u);
    state.SetIterationTime(std::chrono::duration<double>(latency).count());
    state.counters["first_audio_ms"] = ms(latency);
    reports.finished(u);
  }
}

// One utterance from say() to its first samples queued; then stopped, so the
// next starts from silence. Counted as the iteration's time.
void first_audio(benchmark::State& state, Speaker& speaker, Reports& reports, const char* text,
                 const char* voice, std::vector<double>& latencies) {
  const Utterance u = speaker.say(text, voice);
  const Clock::duration latency = reports.first_audio(u);
  state.SetIterationTime(std::chrono::duration<double>(latency).count());
  latencies.push_back(ms(latency));
  speaker.stop();
  reports.finished(u);
}

// Cold: a new Speaker each time (a new worker, device and Synthesiser, the
// voice loaded again); the engine itself stays initialised within a process.
void BM_FirstAudioCold(benchmark::State& state) {
  const Language& language = kLanguages[state.range(0)];
  const bool message = state.range(1) != 0;
  std::vector<double> latencies;
  for (auto _ : state) {
    Reports reports;
    const auto speaker = open_speaker(reports);
    first_audio(state, *speaker, reports, text_of(language, message), language.voice, latencies);
  }
  report(state, key(language, message, "cold"), latencies);
}

// Warm: one Speaker, the voice in use.
void BM_FirstAudioWarm(benchmark::State& state) {
  const Language& language = kLanguages[state.range(0)];
  const bool message = state.range(1) != 0;
  Reports reports;
  const auto speaker = open_speaker(reports);
  reports.finished(speaker->say(text_of(language, message), language.voice));
  std::vector<double> latencies;
  for (auto _ : state)
    first_audio(state, *speaker, reports, text_of(language, message), language.voice, latencies);
  report(state, key(language, message, "warm"), latencies);
}

// The baseline: the whole utterance synthesised before the first of it could
// be queued. `cold`: a new Synthesiser, the voice loaded again, as above.
void whole_utterance(benchmark::State& state, bool cold) {
  const Language& language = kLanguages[state.range(0)];
  const bool message = state.range(1) != 0;
  std::unique_ptr<Synthesiser> synthesiser;
  std::vector<int16_t> audio;
  const auto collect = [&](std::span<const int16_t> chunk) {
    audio.insert(audio.end(), chunk.begin(), chunk.end());
    return true;
  };
  if (!cold) {
    synthesiser = open_synthesiser();
    synthesiser->synthesise(text_of(language, message), language.voice, collect);
  }
  std::vector<double> latencies;
  for (auto _ : state) {
    if (cold) {
      synthesiser.reset();
      synthesiser = open_synthesiser();
    }
    audio.clear();
    const Clock::time_point start = Clock::now();
    synthesiser->synthesise(text_of(language, message), language.voice, collect);
    const Clock::duration latency = Clock::now() - start;
    state.SetIterationTime(std::chrono::duration<double>(latency).count());
    latencies.push_back(ms(latency));
  }
  state.counters["audio_s"] = static_cast<double>(audio.size()) / synthesiser->sample_rate();
  // espeak-ng starts every utterance with a pause: the first samples queued are
  // silence, and the first sound is heard this much later than they are.
  const auto sound = std::find_if(audio.begin(), audio.end(),
                                  [](int16_t sample) { return std::abs(sample) >= kSoundLevel; });
  state.counters["lead_silence_ms"] =
      1000.0 * static_cast<double>(sound - audio.begin()) / synthesiser->sample_rate();
  report(state, key(language, message, cold ? "whole-cold" : "whole-warm"), latencies);
}

void BM_WholeUtteranceCold(benchmark::State& state) {
  whole_utterance(state, true);
}
void BM_WholeUtteranceWarm(benchmark::State& state) {
  whole_utterance(state, false);
}

void cases(benchmark::internal::Benchmark* b) {
  b->ArgNames({"lang", "message"});
  for (int language = 0; language < static_cast<int>(std::size(kLanguages)); ++language)
    for (int message : {0, 1}) b->Args({language, message});
  b->UseManualTime()->Unit(benchmark::kMillisecond);
}

BENCHMARK(BM_FirstAudioFirstInProcess)
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FirstAudioCold)->Apply(cases)->Iterations(40);
BENCHMARK(BM_FirstAudioWarm)->Apply(cases)->Iterations(200);
BENCHMARK(BM_WholeUtteranceCold)->Apply(cases)->Iterations(40);
BENCHMARK(BM_WholeUtteranceWarm)->Apply(cases)->Iterations(200);

void print_summary() {
  if (summary().empty()) return;
  std::printf(
      "\nFirst audio, ms (p50 / p99); the whole utterance first, and how many times longer\n");
  std::printf("%-4s %-8s %-5s %17s %17s %13s\n", "lang", "text", "mode", "streaming",
              "whole utterance", "ratio p50/p99");
  for (const Language& language : kLanguages) {
    for (bool message : {false, true}) {
      for (const char* mode : {"cold", "warm"}) {
        const auto s = summary().find(key(language, message, mode));
        const auto w =
            summary().find(key(language, message, mode[0] == 'c' ? "whole-cold" : "whole-warm"));
        if (s == summary().end() || w == summary().end()) continue;
        std::printf("%-4s %-8s %-5s %7.2f / %7.2f %7.2f / %7.2f %5.1f / %5.1f\n", language.voice,
                    message ? "message" : "label", mode, s->second.p50, s->second.p99,
                    w->second.p50, w->second.p99, w->second.p50 / s->second.p50,
                    w->second.p99 / s->second.p99);
      }
    }
  }
}

}  // namespace
}  // namespace ih::speech

int main(int argc, char** argv) {
  setenv("SDL_AUDIODRIVER", "dummy", 0);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  ih::speech::print_summary();
  return 0;
}
