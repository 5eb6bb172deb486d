// espeak-ng through the Synthesiser: tile labels spoken audibly for as long as
// their syllables take, digits of every script spoken, untrusted text refused,
// unknown voices refused without a word in the previous voice, and a stop that
// stops at once.
#include "kiosk/speech/synthesiser.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "audio_measures.h"
#include "kiosk/speech/speech_text.h"

namespace ih::speech {
namespace {

using namespace ih::speech::testing;

struct Spoken {
  SynthesisResult result;
  std::vector<int16_t> samples;
  int chunks = 0;
};

class SynthesiserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why_not;
    synthesiser_ = Synthesiser::open({}, &why_not);
    ASSERT_TRUE(synthesiser_) << why_not;
  }

  Spoken say(std::string_view text, std::string_view voice) {
    Spoken spoken;
    spoken.result = synthesiser_->synthesise(text, voice, [&](std::span<const int16_t> chunk) {
      spoken.samples.insert(spoken.samples.end(), chunk.begin(), chunk.end());
      ++spoken.chunks;
      return true;
    });
    EXPECT_EQ(spoken.result.samples, spoken.samples.size());
    return spoken;
  }

  void expect_syllables(const Spoken& spoken, int syllables) {
    ASSERT_EQ(spoken.result.status, SpeechStatus::spoken) << spoken.result.error;
    const double s = seconds(spoken.samples, synthesiser_->sample_rate());
    EXPECT_GE(s, syllables * kMinSecondsPerSyllable);
    EXPECT_LE(s, syllables * kMaxSecondsPerSyllable + kSilenceAtTheEnds);
    EXPECT_GT(rms(spoken.samples), kAudibleRms);
  }

  std::unique_ptr<Synthesiser> synthesiser_;
};

TEST_F(SynthesiserTest, SpeaksSixteenBitMonoAtEspeaksRate) {
  EXPECT_EQ(synthesiser_->sample_rate(), 22050);
}

TEST_F(SynthesiserTest, AnArabicTileLabelIsAudibleForAsLongAsItsSyllables) {
  expect_syllables(say("الطبيب", "ar"), 3);  // aṭ-ṭa-bīb
  expect_syllables(say("سكن", "ar"), 2);     // sa-kan
}

TEST_F(SynthesiserTest, AUkrainianTileLabelIsAudibleForAsLongAsItsSyllables) {
  expect_syllables(say("Житло", "uk"), 2);  // žyt-lo
  expect_syllables(say("Лікар", "UK"), 2);  // voice names are case-insensitive
}

TEST_F(SynthesiserTest, ArabicIndicDigitsAreSpokenEvenByTheUrduVoice) {
  const double empty = seconds(say("", "ur").samples, synthesiser_->sample_rate());
  // "one hundred and twenty-three": at least five syllables in any of these.
  for (const char* digits : {"١٢٣", "۱۲۳"}) {
    for (const char* voice : {"ur", "ar", "fa"}) {
      const Spoken spoken = say(digits, voice);
      EXPECT_GT(seconds(spoken.samples, synthesiser_->sample_rate()),
                empty + 5 * kMinSecondsPerSyllable)
          << digits << " " << voice;
      EXPECT_GT(rms(spoken.samples), kAudibleRms) << digits << " " << voice;
    }
  }
}

TEST_F(SynthesiserTest, InvalidUtf8IsRefusedAndNothingIsSpoken) {
  const Spoken spoken = say("Hilfe \xff\xfe\xc3", "de");
  EXPECT_EQ(spoken.result.status, SpeechStatus::invalid_text);
  EXPECT_NE(spoken.result.error.find("UTF-8"), std::string::npos);
  EXPECT_EQ(spoken.chunks, 0);
}

TEST_F(SynthesiserTest, TextOverTheLimitIsRefusedWholeAndNothingIsSpoken) {
  std::string text;
  while (text.size() <= kMaxTextBytes) text += "Житло ";
  const Spoken spoken = say(text, "uk");
  EXPECT_EQ(spoken.result.status, SpeechStatus::invalid_text);
  EXPECT_EQ(spoken.chunks, 0);
}

TEST_F(SynthesiserTest, AnUnknownVoiceIsAnErrorAndThePreviousVoiceSaysNothing) {
  expect_syllables(say("Житло", "uk"), 2);
  // ps: no Pashto voice in espeak-ng 1.51; "": a language without a voice;
  // mb-ar1 and sem/ar: an MBROLA voice and a path are not voice names.
  for (const char* voice : {"ps", "", "mb-ar1", "sem/ar", "uk "}) {
    const Spoken spoken = say("ډاکټر", voice);
    EXPECT_EQ(spoken.result.status, SpeechStatus::unknown_voice) << voice;
    EXPECT_FALSE(spoken.result.error.empty()) << voice;
    EXPECT_EQ(spoken.chunks, 0) << voice;
  }
  expect_syllables(say("Житло", "uk"), 2);
}

TEST_F(SynthesiserTest, OnlyVoicesThatCanSpeakAreListed) {
  const auto& voices = synthesiser_->voices();
  for (const char* voice : {"ar", "fa", "ur", "am", "uk", "de", "ku", "en-us"})
    EXPECT_NE(std::find(voices.begin(), voices.end(), voice), voices.end()) << voice;
  for (const char* voice : {"ps", "ckb", "ti", "so", "mb-ar1", "mb-de1"})
    EXPECT_EQ(std::find(voices.begin(), voices.end(), voice), voices.end()) << voice;
}

TEST_F(SynthesiserTest, ACallbackReturningFalseStopsAtOnceAndTheEngineGoesOn) {
  const char* text = "Ласкаво просимо. Тут ви можете попросити про допомогу.";
  const Spoken full = say(text, "uk");
  ASSERT_EQ(full.result.status, SpeechStatus::spoken);
  ASSERT_GT(full.chunks, 3);

  int chunks = 0;
  std::size_t first_chunk = 0;
  const SynthesisResult stopped =
      synthesiser_->synthesise(text, "uk", [&](std::span<const int16_t> chunk) {
        first_chunk = chunk.size();
        ++chunks;
        return false;
      });
  EXPECT_EQ(stopped.status, SpeechStatus::stopped);
  EXPECT_TRUE(stopped.ok());
  EXPECT_EQ(chunks, 1);
  EXPECT_EQ(stopped.samples, first_chunk);
  EXPECT_LT(stopped.samples, full.samples.size());

  expect_syllables(say("Житло", "uk"), 2);
}

TEST_F(SynthesiserTest, OnlyOneSynthesiserIsOpenAtATime) {
  std::string why_not;
  EXPECT_FALSE(Synthesiser::open({}, &why_not));
  EXPECT_NE(why_not.find("in use"), std::string::npos) << why_not;
  synthesiser_.reset();
  synthesiser_ = Synthesiser::open({}, &why_not);
  ASSERT_TRUE(synthesiser_) << why_not;
  expect_syllables(say("سكن", "ar"), 2);
}

TEST(SynthesiserLimitTest, AudioBeyondTheLimitIsCutThere) {
  SynthesiserOptions options;
  options.max_audio_seconds = 1;
  std::string why_not;
  const auto synthesiser = Synthesiser::open(options, &why_not);
  ASSERT_TRUE(synthesiser) << why_not;
  std::size_t samples = 0;
  const SynthesisResult result = synthesiser->synthesise(
      "Ласкаво просимо. Тут ви можете попросити про допомогу. Ласкаво просимо.", "uk",
      [&](std::span<const int16_t> chunk) {
        samples += chunk.size();
        return true;
      });
  EXPECT_EQ(result.status, SpeechStatus::cut);
  EXPECT_EQ(samples, static_cast<std::size_t>(synthesiser->sample_rate()));
}

// The engine is initialised once per process, so these run in a process of
// their own: a death test's child, started afresh (the folders are made again
// there, as everything before EXPECT_EXIT runs again).
class SynthesiserFreshProcessTest : public ::testing::Test {
 protected:
  void SetUp() override { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

TEST_F(SynthesiserFreshProcessTest, MissingVoiceDataGivesNoSynthesiserAndAReason) {
  const std::filesystem::path empty =
      std::filesystem::temp_directory_path() / "ichhelfe-speech-test-no-voices";
  std::filesystem::create_directories(empty / "espeak-ng-data");
  EXPECT_EXIT(
      {
        // A missing folder, which espeak-ng itself would pass over for others,
        // then a folder without voices.
        bool refused = true;
        for (const std::filesystem::path& dir : {empty / "missing", empty}) {
          SynthesiserOptions options;
          options.data_dir = dir.string();
          std::string why_not;
          refused = refused && !Synthesiser::open(options, &why_not) &&
                    why_not.find(dir.string()) != std::string::npos;
        }
        std::exit(refused ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
  std::filesystem::remove_all(empty);
}

TEST_F(SynthesiserFreshProcessTest, VoiceDataInHomeDoesNotReplaceTheInstalledVoices) {
  const std::filesystem::path home =
      std::filesystem::temp_directory_path() / "ichhelfe-speech-test-home";
  std::filesystem::create_directories(home / "espeak-ng-data");
  EXPECT_EXIT(
      {
        setenv("HOME", home.c_str(), 1);
        const auto synthesiser = Synthesiser::open({}, nullptr);
        std::size_t samples = 0;
        const bool spoke = synthesiser && synthesiser
                                                  ->synthesise("Житло", "uk",
                                                               [&](std::span<const int16_t> chunk) {
                                                                 samples += chunk.size();
                                                                 return true;
                                                               })
                                                  .status == SpeechStatus::spoken;
        std::exit(spoke && samples > 0 ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
  std::filesystem::remove_all(home);
}

}  // namespace
}  // namespace ih::speech
