// What the hub forgets on its own, so that nothing it keeps for a while grows
// without bound: login failures once they have left the window (they count
// for nothing after it, and most are for codes that do not exist), and the
// replies kept for idempotency after the 30 days the API promises.
#pragma once

#include "hub/state.h"

namespace ih::hub {

// Does the housekeeping if a minute has passed since it last ran, on a
// connection of its own; write() calls it. Thread-safe: one caller at a time
// wins the turn, the others return at once.
void keep_house(Hub& hub);

}  // namespace ih::hub
