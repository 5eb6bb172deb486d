// Waiting for the kiosk's event loop to go quiet, for tests that count frames.
#pragma once

#include <chrono>
#include <cstdint>
#include <thread>

#include "kiosk/app.h"

namespace ih::kiosk::testing {

// Waits until the loop sleeps with nothing to draw and the frame count has
// stayed put for 20 checks 10 ms apart; returns that frame count.
inline uint64_t settle(const App& app) {
  uint64_t frames = app.frames_drawn();
  for (int stable = 0; stable < 20;) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const uint64_t now = app.frames_drawn();
    stable = (app.waiting() && now == frames) ? stable + 1 : 0;
    frames = now;
  }
  return frames;
}

}  // namespace ih::kiosk::testing
