#include "kiosk/speech/synthesiser.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <filesystem>
#include <mutex>

#include "kiosk/speech/speech_text.h"

namespace ih::speech {

namespace {

// The process's one espeak-ng engine (see synthesiser.h). The mutex guards
// opening and closing; while a Synthesiser is open only its thread touches the rest.
struct Engine {
  std::mutex mutex;
  bool initialised = false;
  bool in_use = false;
  std::string data_dir;
  int sample_rate = 0;
  std::string voice;  // the identifier selected last; empty when not known
};

Engine& engine() {
  static Engine e;
  return e;
}

std::string message_of(espeak_ng_STATUS status) {
  char buffer[256] = {};
  espeak_ng_GetStatusCodeMessage(status, buffer, sizeof buffer);
  return buffer;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

// One synthesise() call, reached from espeak-ng's callback through the
// user_data every event carries.
struct Run {
  const ChunkCallback* chunk = nullptr;
  std::size_t samples = 0;
  std::size_t max_samples = 0;
  bool stopped = false;
  bool cut = false;
};

// espeak-ng's synthesis callback: wav is null at the end; returning 1 stops.
int on_samples(short* wav, int count, espeak_EVENT* events) {
  if (wav == nullptr || events == nullptr || events->user_data == nullptr) return 0;
  Run& run = *static_cast<Run*>(events->user_data);
  std::size_t n = count > 0 ? static_cast<std::size_t>(count) : 0;
  if (n > run.max_samples - run.samples) {
    n = run.max_samples - run.samples;
    run.cut = true;
  }
  if (n > 0) {
    run.samples += n;
    if (!(*run.chunk)(std::span<const int16_t>(wav, n))) {
      run.stopped = true;
      return 1;
    }
  }
  return run.cut ? 1 : 0;
}

// The voices espeak-ng lists, by file name, without MBROLA's: selecting one of
// those without its data starts an external program and leaves the engine
// silent until another voice is chosen.
void list_voices(std::vector<std::string>& names, std::vector<std::string>& identifiers) {
  std::vector<std::pair<std::string, std::string>> voices;
  for (const espeak_VOICE** v = espeak_ListVoices(nullptr); v && *v; ++v) {
    const std::string identifier = (*v)->identifier ? (*v)->identifier : "";
    if (identifier.empty() || identifier.starts_with("mb/")) continue;
    const std::size_t slash = identifier.rfind('/');
    voices.emplace_back(
        lower(slash == std::string::npos ? identifier : identifier.substr(slash + 1)), identifier);
  }
  std::stable_sort(voices.begin(), voices.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [name, identifier] : voices) {
    if (!names.empty() && names.back() == name) continue;
    names.push_back(std::move(name));
    identifiers.push_back(std::move(identifier));
  }
}

}  // namespace

std::string SynthesiserOptions::default_data_dir() {
  return ICHHELFE_ESPEAK_DATA_DIR;
}

std::unique_ptr<Synthesiser> Synthesiser::open(const SynthesiserOptions& options,
                                               std::string* why_not) {
  const auto fail = [&](std::string reason) -> std::unique_ptr<Synthesiser> {
    if (why_not) *why_not = std::move(reason);
    return nullptr;
  };
  Engine& e = engine();
  std::lock_guard lock(e.mutex);
  if (e.in_use) return fail("espeak-ng is in use by another Synthesiser in this process");
  if (!e.initialised) {
    // espeak-ng takes a path that is not a folder as no path and looks for its
    // data in $ESPEAK_DATA_PATH and $HOME instead: never let it.
    std::error_code error;
    const std::filesystem::path dir = options.data_dir;
    if (!std::filesystem::is_directory(dir / "espeak-ng-data", error) &&
        !std::filesystem::is_directory(dir, error))
      return fail("espeak-ng has no voice data in " + options.data_dir + ": no such folder");
    espeak_ng_InitializePath(options.data_dir.c_str());
    espeak_ng_ERROR_CONTEXT context = nullptr;
    espeak_ng_STATUS status = espeak_ng_Initialize(&context);
    espeak_ng_ClearErrorContext(&context);
    if (status != ENS_OK) {
      return fail("espeak-ng has no voice data in " + options.data_dir + ": " + message_of(status));
    }
    // Synchronous: samples come back through the callback on the calling thread
    // and espeak-ng plays nothing itself. 0: its default buffer, 60 ms a chunk.
    status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
    if (status != ENS_OK) return fail("espeak-ng's output failed: " + message_of(status));
    e.initialised = true;
    e.data_dir = options.data_dir;
    e.sample_rate = espeak_ng_GetSampleRate();
  } else if (e.data_dir != options.data_dir) {
    return fail("espeak-ng already uses the voice data in " + e.data_dir +
                " in this process, not " + options.data_dir);
  }
  espeak_SetSynthCallback(on_samples);
  // Each Synthesiser selects its voice afresh rather than trust what an
  // earlier one left selected.
  e.voice.clear();
  std::vector<std::string> names;
  std::vector<std::string> identifiers;
  list_voices(names, identifiers);
  if (names.empty()) return fail("espeak-ng lists no voices in " + e.data_dir);
  e.in_use = true;
  const auto max_samples =
      static_cast<std::size_t>(std::max(options.max_audio_seconds, 0)) * e.sample_rate;
  return std::unique_ptr<Synthesiser>(
      new Synthesiser(e.sample_rate, max_samples, std::move(names), std::move(identifiers)));
}

Synthesiser::Synthesiser(int sample_rate, std::size_t max_audio_samples,
                         std::vector<std::string> voices, std::vector<std::string> identifiers)
    : sample_rate_(sample_rate),
      max_audio_samples_(max_audio_samples),
      voices_(std::move(voices)),
      identifiers_(std::move(identifiers)) {}

Synthesiser::~Synthesiser() {
  Engine& e = engine();
  std::lock_guard lock(e.mutex);
  e.in_use = false;
}

std::string Synthesiser::identifier_of(std::string_view voice) const {
  const std::string name = lower(voice);
  const auto it = std::lower_bound(voices_.begin(), voices_.end(), name);
  if (it == voices_.end() || *it != name) return {};
  return identifiers_[static_cast<std::size_t>(it - voices_.begin())];
}

SynthesisResult Synthesiser::synthesise(std::string_view utf8, std::string_view voice,
                                        const ChunkCallback& chunk) {
  std::string text;
  const TextProblem problem = prepare_for_speech(utf8, text);
  if (problem != TextProblem::none) return {SpeechStatus::invalid_text, describe(problem), 0};
  const std::string identifier = identifier_of(voice);
  if (identifier.empty()) {
    wipe_text(text);
    return {SpeechStatus::unknown_voice, "espeak-ng has no voice \"" + lower(voice) + "\"", 0};
  }
  // A failed selection leaves the previous voice active: forget it, so that
  // nothing is ever spoken in a voice that was not asked for.
  Engine& e = engine();
  if (e.voice != identifier) {
    e.voice.clear();
    const espeak_ng_STATUS status = espeak_ng_SetVoiceByName(identifier.c_str());
    if (status != ENS_OK) {
      wipe_text(text);
      return {SpeechStatus::unknown_voice,
              "espeak-ng could not load the voice " + identifier + ": " + message_of(status), 0};
    }
    e.voice = identifier;
  }
  Run run;
  run.chunk = &chunk;
  run.max_samples = max_audio_samples_;
  // Plain UTF-8 text only. Never espeakSSML or espeakPHONEMES: the text is not
  // ours, and with them markup in it would steer the engine (a 100 s pause per
  // <break> tag, voice, volume and rate changes, audio URIs, raw phoneme codes)
  // through the parser where espeak-ng's past memory-safety bugs were.
  const espeak_ng_STATUS status = espeak_ng_Synthesize(
      text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, &run);
  wipe_text(text);
  if (run.stopped) return {SpeechStatus::stopped, {}, run.samples};
  if (run.cut) return {SpeechStatus::cut, {}, run.samples};
  if (status != ENS_OK) {
    e.voice.clear();
    return {SpeechStatus::engine_error, "espeak-ng failed: " + message_of(status), run.samples};
  }
  return {SpeechStatus::spoken, {}, run.samples};
}

}  // namespace ih::speech
