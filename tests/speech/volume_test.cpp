// The speaker's software volume.
#include "kiosk/speech/volume.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace ih::speech {
namespace {

TEST(VolumeTest, ZeroSilencesHalfHalvesAndOneKeeps) {
  const std::vector<int16_t> samples = {32767, -32768, 1000, -999, 3, 0};
  std::vector<int16_t> silent = samples;
  apply_volume(silent, 0.0f);
  EXPECT_EQ(silent, std::vector<int16_t>(samples.size(), 0));
  std::vector<int16_t> half = samples;
  apply_volume(half, 0.5f);
  EXPECT_EQ(half, (std::vector<int16_t>{16384, -16384, 500, -500, 2, 0}));
  std::vector<int16_t> same = samples;
  apply_volume(same, 1.0f);
  EXPECT_EQ(same, samples);
}

TEST(VolumeTest, OutOfRangeVolumesAreClampedAndNaNIsSilence) {
  EXPECT_EQ(clamp_volume(2.0f), 1.0f);
  EXPECT_EQ(clamp_volume(-1.0f), 0.0f);
  EXPECT_EQ(clamp_volume(std::nanf("")), 0.0f);
  std::vector<int16_t> loud = {-32768, 32767};
  apply_volume(loud, 4.0f);
  EXPECT_EQ(loud, (std::vector<int16_t>{-32768, 32767}));
}

}  // namespace
}  // namespace ih::speech
