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
}

}  // namespace ih::hub
