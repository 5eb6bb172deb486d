#include "kiosk/speech/volume.h"

#include <cmath>

namespace ih::speech {

float clamp_volume(float volume) {
  if (!(volume > 0.0f)) return 0.0f;
  return volume < 1.0f ? volume : 1.0f;
}

void apply_volume(std::span<int16_t> samples, float volume) {
  volume = clamp_volume(volume);
  if (volume == 1.0f) return;
  // With volume at most 1 the product stays within int16_t.
  for (int16_t& s : samples) s = static_cast<int16_t>(std::lround(s * volume));
}

}  // namespace ih::speech
