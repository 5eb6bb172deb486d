// Any bytes as a server's reply body, through every parser of net/replies.h.
// The first byte picks the parser ('0' to '9' pick them in the order below, so
// corpus files stay readable text); the rest is the body. Nothing may crash or
// throw, and what a parser accepts must keep the promises of its type.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "net/replies.h"

namespace {

void require(bool condition, const char* promise) {
  if (condition) return;
  std::fprintf(stderr, "broken promise: %s\n", promise);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ih::net;
  if (size == 0) return 0;
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 10) {
    case 0:
      if (const auto p = parse_problem(body))
        require(p->status >= 100 && p->status <= 599, "problem status is HTTP");
      break;
    case 1:
      if (const auto e = parse_enrolment(body)) {
        require(e->server_box_public_key.size() == 32, "box key is 32 bytes");
        require(e->code_prefix.size() == 3, "prefix is 3 characters");
        require(e->terminal_id.find('.') == std::string::npos, "terminal id has no dot");
      }
      break;
    case 2:
      parse_session(body);
      parse_account(body);
      break;
    case 3:
      parse_request(body);
      break;
    case 4:
      parse_request_page(body);
      break;
    case 5:
      if (const auto m = parse_match_count(body))
        require(m->fitting_helpers >= 0, "count is not negative");
      break;
    case 6:
      if (const auto c = parse_conversation_page(body)) {
        for (const auto& item : c->items) require(item.unread >= 0, "unread is not negative");
      }
      break;
    case 7:
      parse_message_page(body);
      break;
    case 8:
      if (const auto h = parse_heartbeat_reply(body))
        require(h->heartbeat_interval_s >= 10, "interval is sane");
      parse_unread(body);
      break;
    case 9:
      if (const auto s = parse_retry_after(body, 1'800'000'000)) {
        require(*s >= 0 && *s <= 86400, "Retry-After is within a day");
      }
      break;
  }
  return 0;
}
