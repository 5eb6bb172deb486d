// Text to speech with espeak-ng: UTF-8 text and a voice name in, 16-bit mono
// samples out, chunk by chunk as espeak-ng makes them.
//
// espeak-ng keeps all its state in process-wide globals (the voice, its output
// buffer, the callback), so there is one engine per process. It is initialised
// by the first open() and stays so until the process ends: espeak-ng 1.51's
// espeak_ng_Terminate() can hang for good in its idle FIFO thread, and a
// terminated engine does not always initialise again. A Synthesiser is the one
// handle on that engine: while one is open, open() refuses another.
//
// Side effects of the engine's initialisation, process-wide: the locale's
// LC_CTYPE becomes C.UTF-8, one idle thread is started (espeak-ng's FIFO for
// asynchronous modes, unused here), and espeak-ng checks once for a PulseAudio
// server (it plays nothing: samples only come back through synthesise()).
//
// Not thread-safe: one thread at a time may use a Synthesiser (Speaker gives it
// a thread of its own); the chunk callback runs on that thread, inside
// synthesise().
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ih::speech {

// The most audio one utterance makes, in seconds; synthesis is cut there.
// Text is capped too (kMaxTextBytes), but a short text can be long speech: every
// digit string is read as a number.
inline constexpr int kMaxAudioSeconds = 300;

struct SynthesiserOptions {
  // The espeak-ng-data folder (or the one holding it). Always explicit, and
  // refused when missing: otherwise espeak-ng would look in $ESPEAK_DATA_PATH
  // and $HOME/espeak-ng-data before the installed data. Fixed by the first
  // successful open() in a process.
  std::string data_dir = default_data_dir();
  int max_audio_seconds = kMaxAudioSeconds;

  // Where Debian's espeak-ng-data package installs the voices.
  static std::string default_data_dir();
};

enum class SpeechStatus {
  spoken,         // the whole text
  stopped,        // the chunk callback returned false
  cut,            // at max_audio_seconds
  invalid_text,   // refused before synthesis: see speech_text.h
  unknown_voice,  // no such voice (or an MBROLA voice); nothing spoken
  engine_error,   // espeak-ng failed; nothing more is known
};

struct SynthesisResult {
  SpeechStatus status = SpeechStatus::engine_error;
  std::string error;        // for logs, when status is neither spoken, stopped nor cut
  std::size_t samples = 0;  // samples handed to the chunk callback

  bool ok() const {
    return status == SpeechStatus::spoken || status == SpeechStatus::stopped ||
           status == SpeechStatus::cut;
  }
};

// Receives each chunk of samples (16-bit, mono, sample_rate() per second, at
// most 60 ms each) as soon as espeak-ng has made it; the span is valid only
// during the call. Returning false stops synthesis at once.
using ChunkCallback = std::function<bool(std::span<const int16_t> samples)>;

class Synthesiser {
 public:
  // Null, with the reason in *why_not (if given), when the voice data is missing
  // or unreadable, or when another Synthesiser is open in this process.
  static std::unique_ptr<Synthesiser> open(const SynthesiserOptions& options, std::string* why_not);
  ~Synthesiser();
  Synthesiser(const Synthesiser&) = delete;
  Synthesiser& operator=(const Synthesiser&) = delete;

  // Samples per second of everything synthesise() gives (22050 for espeak-ng).
  int sample_rate() const { return sample_rate_; }

  // Speaks `utf8` with the voice named `voice`: a voice file's name as espeak-ng
  // lists it ("ar", "uk", "fa", "en-us"; case-insensitive). The text is checked
  // and its digits made ASCII first (prepare_for_speech()); nothing is spoken for
  // a refused text or an unknown voice. The text is read as plain text, never as
  // SSML or phoneme codes. Blocks until the text is spoken or stopped; calls
  // `chunk` on this thread. The engine's copy of the prepared text is wiped.
  SynthesisResult synthesise(std::string_view utf8, std::string_view voice,
                             const ChunkCallback& chunk);

  // The voices synthesise() accepts, as it accepts them; MBROLA voices are not
  // among them (their data is not installed).
  const std::vector<std::string>& voices() const { return voices_; }

 private:
  Synthesiser(int sample_rate, std::size_t max_audio_samples, std::vector<std::string> voices,
              std::vector<std::string> identifiers);

  // espeak-ng's identifier ("sem/ar") for a voice name, or empty.
  std::string identifier_of(std::string_view voice) const;

  int sample_rate_;
  std::size_t max_audio_samples_;
  std::vector<std::string> voices_;       // lower-case file names, sorted
  std::vector<std::string> identifiers_;  // the same voices' identifiers, in step
};

}  // namespace ih::speech
