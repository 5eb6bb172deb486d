// A page that reaches into the network layer: must not build (tests/CMakeLists.txt).
#include "kiosk/screens/page.h"
#include "net/outbox.h"

namespace ih::kiosk {

int page_including_net() {
  return sizeof(net::Outbox) > 0 ? 1 : 0;
}

}  // namespace ih::kiosk
