#include "kiosk/speech/speaker.h"

#include <SDL.h>

#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "kiosk/speech/speech_text.h"
#include "kiosk/speech/volume.h"

namespace ih::speech {

namespace {

// Samples per device buffer: 23 ms at 22050 Hz, the most the device holds
// beyond SDL's queue, so stop() is heard within that.
constexpr Uint16 kDeviceBufferSamples = 512;

struct Request {
  Utterance utterance = 0;
  std::string text;
  std::string voice;
  SpeechClock::time_point said;
};

}  // namespace

struct Speaker::State {
  SpeakerObservers observers;
  SDL_AudioDeviceID device = 0;
  int sample_rate = 0;
  std::atomic<float> volume{1.0f};

  // The utterance whose samples may still be queued; 0: none. Written under
  // `mutex`, read by the chunk callback without it to stop synthesis early.
  std::atomic<Utterance> current{0};

  // Guards what follows, and every call that queues or drops audio: a chunk is
  // queued only while its utterance is current, so once say() or stop() has
  // changed `current` and cleared the queue, nothing older reaches the device.
  mutable std::mutex mutex;
  std::condition_variable wake;
  std::optional<Request> pending;
  bool synthesising = false;
  bool quit = false;
  Utterance last = 0;

  std::thread worker;

  // Under `mutex`.
  void drop_pending() {
    if (!pending) return;
    wipe_text(pending->text);
    pending.reset();
  }

  // Queues one chunk of `request`'s samples unless it was replaced or stopped.
  bool queue(const Request& request, std::span<const int16_t> chunk, std::vector<int16_t>& buffer) {
    if (current.load() != request.utterance) return false;
    buffer.assign(chunk.begin(), chunk.end());
    apply_volume(buffer, volume.load());
    std::lock_guard lock(mutex);
    if (current.load() != request.utterance) return false;
    if (SDL_QueueAudio(device, buffer.data(),
                       static_cast<Uint32>(buffer.size() * sizeof(int16_t))) != 0)
      return false;
    if (observers.queued) observers.queued(request.utterance, buffer);
    return true;
  }

  // The worker: opens the synthesiser, reports whether it could, then speaks
  // each request until told to quit. The synthesiser lives and dies here.
  void run(SynthesiserOptions options, std::promise<std::string>& opened) {
    std::string why_not;
    const std::unique_ptr<Synthesiser> synthesiser = Synthesiser::open(options, &why_not);
    if (synthesiser) sample_rate = synthesiser->sample_rate();
    opened.set_value(synthesiser ? std::string() : why_not);
    if (!synthesiser) return;

    std::vector<int16_t> buffer;
    std::unique_lock lock(mutex);
    for (;;) {
      wake.wait(lock, [&] { return quit || pending; });
      if (quit) return;
      Request request = std::move(*pending);
      drop_pending();
      synthesising = true;
      lock.unlock();

      bool first = true;
      const SynthesisResult result =
          synthesiser->synthesise(request.text, request.voice, [&](std::span<const int16_t> chunk) {
            if (!queue(request, chunk, buffer)) return false;
            if (first && observers.first_audio)
              observers.first_audio(request.utterance, request.said, SpeechClock::now());
            first = false;
            return true;
          });
      wipe_text(request.text);

      lock.lock();
      synthesising = false;
      lock.unlock();
      if (observers.finished) observers.finished(request.utterance, result);
      lock.lock();
    }
  }
};

std::unique_ptr<Speaker> Speaker::open(SpeakerOptions options, std::string* why_not) {
  const auto fail = [&](std::string reason) -> std::unique_ptr<Speaker> {
    if (why_not) *why_not = std::move(reason);
    return nullptr;
  };
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
    return fail(std::string("no audio output: ") + SDL_GetError());

  auto state = std::make_unique<State>();
  state->observers = std::move(options.observers);
  std::promise<std::string> opened;
  state->worker =
      std::thread(&State::run, state.get(), std::move(options.synthesiser), std::ref(opened));
  std::string reason = opened.get_future().get();
  if (reason.empty()) {
    SDL_AudioSpec want{};
    want.freq = state->sample_rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = kDeviceBufferSamples;
    // No callback: pushed with SDL_QueueAudio, so a chunk plays as soon as it exists.
    want.callback = nullptr;
    SDL_AudioSpec have{};
    // No changes allowed: SDL converts to whatever the hardware wants.
    state->device = SDL_OpenAudioDevice(options.device.empty() ? nullptr : options.device.c_str(),
                                        0, &want, &have, 0);
    if (state->device == 0) reason = std::string("no audio output device: ") + SDL_GetError();
  }
  if (!reason.empty()) {
    {
      std::lock_guard lock(state->mutex);
      state->quit = true;
    }
    state->wake.notify_one();
    state->worker.join();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return fail(std::move(reason));
  }
  SDL_PauseAudioDevice(state->device, 0);
  return std::unique_ptr<Speaker>(new Speaker(std::move(state)));
}

Speaker::Speaker(std::unique_ptr<State> state) : state_(std::move(state)) {}

Speaker::~Speaker() {
  {
    std::lock_guard lock(state_->mutex);
    state_->quit = true;
    state_->current = 0;
    state_->drop_pending();
  }
  state_->wake.notify_one();
  state_->worker.join();
  SDL_CloseAudioDevice(state_->device);
  SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

Utterance Speaker::say(std::string utf8, std::string voice) {
  const SpeechClock::time_point said = SpeechClock::now();
  Utterance utterance = 0;
  {
    std::lock_guard lock(state_->mutex);
    utterance = ++state_->last;
    state_->current = utterance;
    SDL_ClearQueuedAudio(state_->device);
    state_->drop_pending();
    state_->pending.emplace();
    state_->pending->utterance = utterance;
    state_->pending->text = std::move(utf8);
    state_->pending->voice = std::move(voice);
    state_->pending->said = said;
  }
  // A short string moves by copying its characters: wipe what stays behind.
  wipe_text(utf8);
  state_->wake.notify_one();
  return utterance;
}

void Speaker::stop() {
  std::lock_guard lock(state_->mutex);
  state_->current = 0;
  SDL_ClearQueuedAudio(state_->device);
  state_->drop_pending();
}

void Speaker::set_volume(float volume) {
  state_->volume = clamp_volume(volume);
}

float Speaker::volume() const {
  return state_->volume.load();
}

bool Speaker::speaking() const {
  std::lock_guard lock(state_->mutex);
  // A synthesis that stop() ended winds down by itself and queues nothing
  // more: it is no longer speaking.
  return state_->pending || (state_->synthesising && state_->current.load() != 0) ||
         SDL_GetQueuedAudioSize(state_->device) > 0;
}

int Speaker::sample_rate() const {
  return state_->sample_rate;
}

}  // namespace ih::speech
