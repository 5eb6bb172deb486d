// Software volume: the speaker's gain applied to samples before they are queued,
// so that speech never changes the system's mixer (which other programs share).
#pragma once

#include <cstdint>
#include <span>

namespace ih::speech {

// Clamps to 0..1; NaN is 0 (silent, never loud by mistake).
float clamp_volume(float volume);

// Multiplies every sample by `volume` (0..1, clamped), rounding to the nearest:
// 0 makes silence, 0.5 halves the peak, 1 leaves the samples as they are.
void apply_volume(std::span<int16_t> samples, float volume);

}  // namespace ih::speech
