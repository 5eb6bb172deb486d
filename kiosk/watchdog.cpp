#include "kiosk/watchdog.h"

#include <systemd/sd-daemon.h>
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace ih::kiosk {

std::optional<std::chrono::microseconds> watchdog_timeout(const char* watchdog_usec) {
  if (!watchdog_usec) return std::nullopt;
  const char* end = watchdog_usec + std::strlen(watchdog_usec);
  uint64_t usec = 0;
  const auto [stop, error] = std::from_chars(watchdog_usec, end, usec);
  if (error != std::errc() || stop != end || stop == watchdog_usec || usec == 0)
    return std::nullopt;
  return std::chrono::microseconds(usec);
}

Watchdog::Watchdog(std::optional<std::chrono::microseconds> timeout, Send send)
    : timeout_(timeout), send_(std::move(send)) {}

Watchdog Watchdog::from_environment() {
  return Watchdog(watchdog_timeout(std::getenv("WATCHDOG_USEC")), [](const std::string& message) {
    // Explicitly from this process: cage, our parent, is the main PID.
    sd_pid_notify(getpid(), 0, message.c_str());
  });
}

std::chrono::milliseconds Watchdog::idle_wait_limit() const {
  if (!timeout_) return std::chrono::milliseconds(0);
  return std::max(std::chrono::milliseconds(1),
                  std::chrono::duration_cast<std::chrono::milliseconds>(*timeout_ / 4));
}

void Watchdog::frame_presented(Clock::time_point now) {
  if (!ready_) {
    ready_ = true;
    std::printf("%s pid=%d\n", kFirstFrameLine, static_cast<int>(getpid()));
    std::fflush(stdout);
    send_("READY=1\nSTATUS=first frame presented");
  }
  ping_if_due(now);
}

void Watchdog::idle_wait_ended(Clock::time_point now) {
  ping_if_due(now);
}

void Watchdog::ping_if_due(Clock::time_point now) {
  if (!timeout_) return;
  if (last_ping_ && now - *last_ping_ < *timeout_ / 4) return;
  last_ping_ = now;
  send_("WATCHDOG=1");
}

}  // namespace ih::kiosk
