#include "hub/housekeeping.h"

namespace ih::hub {

void keep_house(Hub& hub) {
  const int64_t now = hub.now();
  int64_t due = hub.housekeeping_due.load();
  if (now < due || !hub.housekeeping_due.compare_exchange_strong(due, now + 60)) return;
  auto db = hub.store->lease();
  auto failures = db->prepare("DELETE FROM login_failures WHERE at <= ?1");
  failures.bind_all(now - hub.config.failure_window_s);
  failures.run();
  // Replies are promised for 30 days; a day more for clocks and time zones.
  auto replies = db->prepare("DELETE FROM idempotency WHERE created_at < ?1");
  replies.bind_all(now - 31 * 86400);
  replies.run();
}

}  // namespace ih::hub
