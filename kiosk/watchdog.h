// The kiosk's part in systemd's service manager: readiness and the watchdog
// (sd_notify(3), WatchdogSec= in ichhelfe-kiosk.service).
//
// READY=1 goes out once, after the first presented frame: the service counts
// as started when there is a picture on the screen. WATCHDOG=1 goes out only
// from the frame loop: after a presented frame, or when the loop's idle wait
// ends (App wakes at least every idle_wait_limit() for that). A loop stuck in
// the renderer (a frozen GL driver) or a stopped process sends nothing, and
// systemd restarts the service when WatchdogSec has passed.
//
// The kiosk runs as cage's child, and cage is the service's main process, so
// systemd names cage in WATCHDOG_PID and sd_watchdog_enabled() says 0 here.
// The kiosk reads WATCHDOG_USEC itself; the unit's NotifyAccess=all lets its
// messages in.
//
// At the first frame, kFirstFrameLine is also printed on standard output (the
// unit sends it to the console too): the boot test, image/test, waits for it
// on the serial port.
//
// One owner, the UI thread.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "kiosk/screen.h"

namespace ih::kiosk {

inline constexpr char kFirstFrameLine[] = "ICHHELFE_FIRST_FRAME";

// systemd's WatchdogSec as WATCHDOG_USEC gives it (decimal microseconds), or
// nullopt when `watchdog_usec` is null, empty, not a number or zero.
std::optional<std::chrono::microseconds> watchdog_timeout(const char* watchdog_usec);

class Watchdog {
 public:
  // Sends one sd_notify message, such as "READY=1".
  using Send = std::function<void(const std::string& message)>;

  // `timeout`: the service's WatchdogSec; nullopt without a watchdog (then
  // only READY=1 is sent).
  Watchdog(std::optional<std::chrono::microseconds> timeout, Send send);

  // The one for this process: WATCHDOG_USEC from the environment, messages
  // through libsystemd's sd_notify() (which does nothing outside systemd).
  static Watchdog from_environment();

  // How long the loop may wait idle before it must call idle_wait_ended():
  // a quarter of the timeout, so a late ping still arrives in time on a busy
  // machine. Zero without a watchdog: wait as long as nothing happens.
  std::chrono::milliseconds idle_wait_limit() const;

  // A frame was presented at `now`: READY=1 the first time, WATCHDOG=1 when
  // the last ping is a quarter of the timeout old.
  void frame_presented(Clock::time_point now);
  // The loop's idle wait ended at `now` (an event, or idle_wait_limit()
  // passed): WATCHDOG=1 when due, as above.
  void idle_wait_ended(Clock::time_point now);

  bool ready() const { return ready_; }

 private:
  void ping_if_due(Clock::time_point now);

  std::optional<std::chrono::microseconds> timeout_;
  Send send_;
  bool ready_ = false;
  std::optional<Clock::time_point> last_ping_;
};

}  // namespace ih::kiosk
