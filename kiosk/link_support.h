// Small pieces the Link's files share (link.cpp, link_requests.cpp,
// link_messages.cpp): a future that is ready at once, and a person's session
// in net/'s type and back out of memory. Part of the link layer.
#pragma once

#include <future>

#include "kiosk/services.h"
#include "kiosk/wipe.h"
#include "net/terminal.h"

namespace ih::kiosk {

// A future that is ready at once, for answers that need no network.
template <typename T>
std::future<T> ready(T value) {
  std::promise<T> promise;
  promise.set_value(std::move(value));
  return promise.get_future();
}

// net/'s copy of a person's session; wipe_net() overwrites it when done.
inline net::PersonSession to_net(const PersonSession& p) {
  return {p.personal_code, p.token, p.lane, {}};
}

inline void wipe_net(net::PersonSession& p) {
  wipe(p.personal_code);
  wipe(p.token);
  wipe(p.lane);
}

}  // namespace ih::kiosk
