#include "kiosk/wipe.h"

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

void wipe(std::vector<std::string>& strings) {
  for (std::string& s : strings) wipe(s);
  strings.clear();
  strings.shrink_to_fit();
}

void wipe(Session& session) {
  wipe(session.display_name);
  wipe(session.personal_code);
  wipe(session.token);
  wipe(session.lane);
  wipe(session.town);
  wipe(session.languages);
  session.not_arrived.clear();
  wipe(session.requests);
  session.active = false;
  session.accepted_notice = false;
  session.large_text = false;
}

void wipe(NewProfile& profile) {
  wipe(profile.display_name);
  wipe(profile.languages);
  wipe(profile.town);
  wipe(profile.phone);
  wipe(profile.pin);
}

void wipe(PersonSession& session) {
  wipe(session.personal_code);
  wipe(session.token);
  wipe(session.lane);
  wipe(session.display_name);
}

void wipe(PinReset& reset) {
  wipe(reset.staff_code);
  wipe(reset.staff_pin);
  wipe(reset.personal_code);
  wipe(reset.new_pin);
}

void wipe(NewRequest& request) {
  wipe(request.category);
  wipe(request.date);
  wipe(request.part_of_day);
  wipe(request.town);
  wipe(request.helper_language);
  wipe(request.text);
}

void wipe(RequestInfo& request) {
  wipe(request.id);
  wipe(request.request);
  request.created_at = 0;
}

void wipe(std::vector<RequestInfo>& requests) {
  for (RequestInfo& r : requests) wipe(r);
  requests.clear();
  requests.shrink_to_fit();
}

void wipe(MyRequests& requests) {
  wipe(requests.queued);
  wipe(requests.listed);
  wipe(requests.withdrawn);
  requests.delivered = 0;
  requests.waiting_before = 0;
}

void harden_heap() {
  mallopt(M_PERTURB, kFreedByte);
}

}  // namespace ih::kiosk
