// The Speaker: say() hands over at once, stop() and a later say() leave nothing
// of the earlier text queued, the volume scales what is queued, and a machine
// without audio gets no Speaker and a reason.
#include "kiosk/speech/speaker.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "audio_measures.h"

namespace ih::speech {
namespace {

using namespace ih::speech::testing;
using namespace std::chrono_literals;

// A guard against a hang, not a measure of speed.
constexpr auto kPatience = 20s;

const char* const kLongUkrainian =
    "Ласкаво просимо. Тут ви можете попросити про допомогу, прочитати повідомлення "
    "від помічників і відповісти їм. Ласкаво просимо. Тут ви можете попросити про допомогу.";

// What the worker reported, by utterance. hold_next_first_audio() makes the
// worker wait in the next first-audio report until release(), so that the test
// acts while that utterance is surely still being synthesised.
class Recorder {
 public:
  SpeakerObservers observers() {
    SpeakerObservers o;
    o.first_audio = [this](Utterance u, SpeechClock::time_point, SpeechClock::time_point) {
      std::unique_lock lock(mutex_);
      first_audio_.insert(u);
      const bool hold = hold_next_;
      hold_next_ = false;
      changed_.notify_all();
      if (hold) changed_.wait(lock, [&] { return released_; });
    };
    o.queued = [this](Utterance u, std::span<const int16_t> samples) {
      std::lock_guard lock(mutex_);
      auto& all = samples_[u];
      all.insert(all.end(), samples.begin(), samples.end());
      order_.push_back(u);
    };
    o.finished = [this](Utterance u, const SynthesisResult& result) {
      std::lock_guard lock(mutex_);
      finished_[u] = result;
      changed_.notify_all();
    };
    return o;
  }

  void hold_next_first_audio() {
    std::lock_guard lock(mutex_);
    hold_next_ = true;
    released_ = false;
  }
  void release() {
    std::lock_guard lock(mutex_);
    released_ = true;
    changed_.notify_all();
  }

  bool wait_first_audio(Utterance u) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, kPatience, [&] { return first_audio_.contains(u); });
  }
  std::optional<SynthesisResult> wait_finished(Utterance u) {
    std::unique_lock lock(mutex_);
    if (!changed_.wait_for(lock, kPatience, [&] { return finished_.contains(u); }))
      return std::nullopt;
    return finished_[u];
  }

  std::vector<int16_t> samples(Utterance u) {
    std::lock_guard lock(mutex_);
    return samples_[u];
  }
  std::vector<Utterance> order() {
    std::lock_guard lock(mutex_);
    return order_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool hold_next_ = false;
  bool released_ = true;
  std::set<Utterance> first_audio_;
  std::map<Utterance, std::vector<int16_t>> samples_;
  std::vector<Utterance> order_;
  std::map<Utterance, SynthesisResult> finished_;
};

// Sets an environment variable for the test's scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = getenv(name)) old_ = old;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

bool wait_silent(const Speaker& speaker) {
  const auto deadline = std::chrono::steady_clock::now() + kPatience;
  while (speaker.speaking()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

class SpeakerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SpeakerOptions options;
    options.observers = recorder_.observers();
    std::string why_not;
    speaker_ = Speaker::open(std::move(options), &why_not);
    ASSERT_TRUE(speaker_) << why_not;
  }
  void TearDown() override {
    recorder_.release();
    speaker_.reset();
  }

  Recorder recorder_;
  std::unique_ptr<Speaker> speaker_;
};

TEST_F(SpeakerTest, WhatIsSaidIsQueuedChunkByChunkAndThenPlaysOut) {
  const Utterance u = speaker_->say("Житло", "uk");
  EXPECT_TRUE(speaker_->speaking());
  ASSERT_TRUE(recorder_.wait_first_audio(u));
  const auto result = recorder_.wait_finished(u);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, SpeechStatus::spoken);
  const std::vector<int16_t> samples = recorder_.samples(u);
  EXPECT_EQ(samples.size(), result->samples);
  EXPECT_GT(rms(samples), kAudibleRms);
  EXPECT_EQ(speaker_->sample_rate(), 22050);
  EXPECT_TRUE(wait_silent(*speaker_));
}

TEST_F(SpeakerTest, AfterStopNothingMoreIsQueuedAndTheQueueIsEmpty) {
  recorder_.hold_next_first_audio();
  const Utterance u = speaker_->say(kLongUkrainian, "uk");
  ASSERT_TRUE(recorder_.wait_first_audio(u));
  speaker_->stop();
  const std::size_t queued_at_stop = recorder_.samples(u).size();
  EXPECT_GT(queued_at_stop, 0u);
  recorder_.release();

  const auto result = recorder_.wait_finished(u);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, SpeechStatus::stopped);
  EXPECT_EQ(recorder_.samples(u).size(), queued_at_stop);
  EXPECT_FALSE(speaker_->speaking());
}

TEST_F(SpeakerTest, StopDropsTheAudioQueuedToTheDevice) {
  const Utterance u = speaker_->say(kLongUkrainian, "uk");
  // A second of speech queued: the device plays in real time, so most of it
  // is still waiting when stop() comes.
  const int second = speaker_->sample_rate();
  const auto deadline = std::chrono::steady_clock::now() + kPatience;
  while (recorder_.samples(u).size() < static_cast<std::size_t>(second) &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(1ms);
  ASSERT_GE(recorder_.samples(u).size(), static_cast<std::size_t>(second));
  const auto at_stop = std::chrono::steady_clock::now();
  speaker_->stop();
  EXPECT_FALSE(speaker_->speaking()) << "still speaking "
                                     << std::chrono::duration_cast<std::chrono::milliseconds>(
                                            std::chrono::steady_clock::now() - at_stop)
                                            .count()
                                     << " ms after stop()";
}

TEST_F(SpeakerTest, ASecondSayReplacesTheFirst) {
  recorder_.hold_next_first_audio();
  const Utterance first = speaker_->say(kLongUkrainian, "uk");
  ASSERT_TRUE(recorder_.wait_first_audio(first));
  const Utterance second = speaker_->say("الطبيب", "ar");
  recorder_.release();

  const auto stopped = recorder_.wait_finished(first);
  const auto spoken = recorder_.wait_finished(second);
  ASSERT_TRUE(stopped && spoken);
  EXPECT_EQ(stopped->status, SpeechStatus::stopped);
  EXPECT_EQ(spoken->status, SpeechStatus::spoken);
  EXPECT_GT(rms(recorder_.samples(second)), kAudibleRms);
  // The first utterance's one chunk, then the second's alone.
  const std::vector<Utterance> order = recorder_.order();
  ASSERT_GE(order.size(), 2u);
  EXPECT_EQ(order.front(), first);
  EXPECT_TRUE(
      std::all_of(order.begin() + 1, order.end(), [&](Utterance u) { return u == second; }));
}

TEST_F(SpeakerTest, VolumeZeroQueuesSilenceAndHalfHalvesThePeak) {
  const auto peak_at = [&](float volume) {
    speaker_->set_volume(volume);
    const Utterance u = speaker_->say("Лікар", "uk");
    const auto result = recorder_.wait_finished(u);
    EXPECT_TRUE(result && result->status == SpeechStatus::spoken);
    const std::vector<int16_t> samples = recorder_.samples(u);
    EXPECT_FALSE(samples.empty());
    return peak(samples);
  };
  const int full = peak_at(1.0f);
  ASSERT_GT(full, 1000);
  EXPECT_EQ(peak_at(0.0f), 0);
  // espeak-ng's output varies a little from call to call (a few samples).
  EXPECT_NEAR(peak_at(0.5f), full / 2.0, full * 0.05);
  EXPECT_EQ(speaker_->volume(), 0.5f);
  speaker_->set_volume(3.0f);
  EXPECT_EQ(speaker_->volume(), 1.0f);
}

TEST_F(SpeakerTest, ARefusedTextOrVoiceIsReportedAndNothingIsQueued) {
  const Utterance bad_text = speaker_->say("\xc0\xaf", "de");
  // Each is waited for: a second say() could replace the first before it starts.
  const auto invalid = recorder_.wait_finished(bad_text);
  ASSERT_TRUE(invalid);
  EXPECT_EQ(invalid->status, SpeechStatus::invalid_text);
  const Utterance no_voice = speaker_->say("ډاکټر", "ps");
  const auto refused = recorder_.wait_finished(no_voice);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, SpeechStatus::unknown_voice);
  EXPECT_TRUE(recorder_.samples(bad_text).empty());
  EXPECT_TRUE(recorder_.samples(no_voice).empty());
  EXPECT_TRUE(wait_silent(*speaker_));
}

TEST(SpeakerOpenTest, NoAudioDriverGivesNoSpeakerAndAReason) {
  const ScopedEnv driver("SDL_AUDIODRIVER", "no-such-driver");
  std::string why_not;
  EXPECT_FALSE(Speaker::open({}, &why_not));
  EXPECT_NE(why_not.find("audio"), std::string::npos) << why_not;
}

// espeak-ng itself would take a missing folder as none given, and look for
// voices elsewhere ($HOME/espeak-ng-data among them).
TEST(SpeakerOpenTest, NoVoiceDataGivesNoSpeakerAndLeavesTheEngineFree) {
  SpeakerOptions options;
  options.synthesiser.data_dir = "/nonexistent";
  std::string why_not;
  EXPECT_FALSE(Speaker::open(std::move(options), &why_not));
  EXPECT_NE(why_not.find("/nonexistent"), std::string::npos) << why_not;
  EXPECT_TRUE(Speaker::open({}, &why_not)) << why_not;
}

// SDL's disk driver writes what the device plays to a file: the samples queued
// reach the output unchanged (16-bit mono at the synthesiser's rate, no
// conversion on the way).
TEST(SpeakerOutputTest, TheDeviceWritesTheSamplesQueued) {
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() / ("ichhelfe-speech-" + std::to_string(getpid()));
  const ScopedEnv driver("SDL_AUDIODRIVER", "disk");
  const ScopedEnv output("SDL_DISKAUDIOFILE", file.string());
  Recorder recorder;
  SpeakerOptions options;
  options.observers = recorder.observers();
  std::string why_not;
  auto speaker = Speaker::open(std::move(options), &why_not);
  ASSERT_TRUE(speaker) << why_not;
  const Utterance u = speaker->say("Житло", "uk");
  ASSERT_TRUE(recorder.wait_finished(u));
  ASSERT_TRUE(wait_silent(*speaker));
  speaker.reset();

  std::ifstream in(file, std::ios::binary);
  std::vector<int16_t> written;
  int16_t sample = 0;
  while (in.read(reinterpret_cast<char*>(&sample), sizeof sample)) written.push_back(sample);
  std::filesystem::remove(file);
  const std::vector<int16_t> queued = recorder.samples(u);
  ASSERT_GE(written.size(), queued.size());
  EXPECT_GT(rms(written), kAudibleRms / 4);  // speech among the silence around it
  EXPECT_EQ(peak(written), peak(queued));
  const auto at = std::search(written.begin(), written.end(), queued.begin(), queued.end());
  EXPECT_NE(at, written.end()) << "the queued samples are not in the output as they were";
}

}  // namespace
}  // namespace ih::speech
