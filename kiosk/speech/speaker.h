// Speech for the UI: say() a text in a voice and it plays on the audio device,
// the first chunk as soon as espeak-ng has made it.
//
// A Speaker owns one worker thread, which owns the process's Synthesiser (so all
// of espeak-ng runs on that thread), and one SDL audio output device (16-bit
// mono at the synthesiser's rate, fed by SDL_QueueAudio). say() and stop() only
// hand work over and return at once; synthesis never runs on the caller's thread.
//
// Thread-safe: say(), stop(), set_volume() and speaking() may be called from any
// thread (the UI thread, in the kiosk). open() and the destructor belong to the
// thread that initialises SDL. One Speaker per process (one espeak-ng engine).
//
// What a person's text leaves behind: the Speaker wipes its copies of the text
// (the one say() takes, the one synthesised) when done; espeak-ng's internal
// buffers are not its to wipe (the kiosk's freed blocks are overwritten by
// its hardened heap, kiosk/wipe.h).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>

#include "kiosk/speech/synthesiser.h"

namespace ih::speech {

// One call of say(), numbered from 1 in the order of the calls.
using Utterance = uint64_t;

using SpeechClock = std::chrono::steady_clock;

// What the worker reports, for tests and benchmarks; each is called on the
// worker thread, must be quick, and must not call the Speaker. Any may be empty.
struct SpeakerObservers {
  // The first samples of `utterance` were queued to the device at `queued`;
  // say() was called at `said`.
  std::function<void(Utterance utterance, SpeechClock::time_point said,
                     SpeechClock::time_point queued)>
      first_audio;
  // Samples as queued to the device, after the volume, in the order queued.
  std::function<void(Utterance utterance, std::span<const int16_t> samples)> queued;
  // The synthesis of `utterance` ended (speaking() no longer counts it, though
  // its audio may still be playing). Called for every utterance the worker
  // started; one replaced by a later say() before it started is never reported.
  std::function<void(Utterance utterance, const SynthesisResult& result)> finished;
};

struct SpeakerOptions {
  SynthesiserOptions synthesiser;
  // SDL's name of the output device; empty: the system's default.
  std::string device;
  SpeakerObservers observers;
};

class Speaker {
 public:
  // Null, with the reason in *why_not (if given), when there is no audio output
  // (no driver, no device) or no voice data. That is no error: the kiosk then
  // shows no speech buttons and logs the reason.
  static std::unique_ptr<Speaker> open(SpeakerOptions options, std::string* why_not);
  // Stops speaking and joins the worker: returns within a few milliseconds.
  ~Speaker();
  Speaker(const Speaker&) = delete;
  Speaker& operator=(const Speaker&) = delete;

  // Speaks `utf8` with `voice` (Synthesiser::synthesise() says what is taken),
  // instead of whatever was being said: its synthesis stops and its queued audio
  // is dropped. Returns at once; a refused text or voice is reported to
  // observers.finished only. `utf8` is wiped once spoken or replaced.
  Utterance say(std::string utf8, std::string voice);

  // Stops speaking: once it returns, nothing more of any earlier say() is queued
  // and the queued audio is dropped (the device's own buffer, 23 ms, plays out).
  void stop();

  // Software volume, 0..1 (clamped), applied to samples as they are queued.
  // Synthesis runs far ahead of playback, so a change is heard from the next
  // say() on. Starts at 1. The shell sets it from the settings at the end of
  // every session (and when staff change it), so no choice carries over.
  void set_volume(float volume);
  float volume() const;

  // Synthesising what is to be heard, about to, or audio still queued to the
  // device. False once stop() returns.
  bool speaking() const;

  // Samples per second played (espeak-ng's rate, 22050).
  int sample_rate() const;

 private:
  struct State;
  explicit Speaker(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace ih::speech
