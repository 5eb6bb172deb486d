#include "kiosk/session.h"

#include <malloc.h>
#include <string.h>

namespace ih::kiosk {

namespace {

// Freed bytes become this; any value but 0 would do, and a visible pattern
// helps when reading a core dump.
constexpr int kFreedByte = 0xA5;

}  // namespace

void wipe(std::string& s) {
  // explicit_bzero, unlike memset, is not removed when the buffer is dead.
  explicit_bzero(s.data(), s.capacity());
  s.clear();
  s.shrink_to_fit();
}

void wipe(Session& session) {
  wipe(session.display_name);
  wipe(session.personal_code);
  wipe(session.token);
  wipe(session.lane);
  wipe(session.town);
  for (std::string& language : session.languages) wipe(language);
  session.languages.clear();
  session.languages.shrink_to_fit();
  session.active = false;
  session.accepted_notice = false;
  session.large_text = false;
}

void harden_heap() {
  mallopt(M_PERTURB, kFreedByte);
}

}  // namespace ih::kiosk
