// Measures of synthesised audio that hold whatever the voice's exact timing:
// loudness, peak, length.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace ih::speech::testing {

// espeak-ng speaks at about 175 words a minute; a syllable takes 0.1 to 0.4 s at
// that rate. The bounds are wider, so that a change of rate is no failure but
// a dropped or repeated word is; the silence espeak-ng adds at each end counts
// to the upper one.
inline constexpr double kMinSecondsPerSyllable = 0.08;
inline constexpr double kMaxSecondsPerSyllable = 0.6;
inline constexpr double kSilenceAtTheEnds = 0.5;

// Speech, not silence or noise floor: espeak-ng's voices reach an RMS of about
// 3000 (of 32767) in words.
inline constexpr double kAudibleRms = 500;

inline double rms(const std::vector<int16_t>& samples) {
  if (samples.empty()) return 0;
  double sum = 0;
  for (int16_t s : samples) sum += static_cast<double>(s) * s;
  return std::sqrt(sum / static_cast<double>(samples.size()));
}

inline int peak(const std::vector<int16_t>& samples) {
  int p = 0;
  for (int16_t s : samples) p = std::max(p, std::abs(static_cast<int>(s)));
  return p;
}

inline double seconds(const std::vector<int16_t>& samples, int sample_rate) {
  return static_cast<double>(samples.size()) / sample_rate;
}

}  // namespace ih::speech::testing
