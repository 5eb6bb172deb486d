#include "hub/request_head.h"

#include <cstdint>

#include "hub/problem.h"

namespace ih::hub {

namespace {

// The value of a plain RFC 9110 length (1*DIGIT: no sign, no spaces inside,
// no other notation), saturated at SIZE_MAX; nullopt if it is not one.
std::optional<size_t> plain_length(const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  size_t value = 0;
  for (const char digit : text) {
    const size_t d = static_cast<size_t>(digit - '0');
    if (value > (SIZE_MAX - d) / 10) return SIZE_MAX;
    value = value * 10 + d;
  }
  return value;
}

}  // namespace

std::optional<Reply> refuse_from_head(const RequestHead& head, size_t max_body_bytes) {
  if (head.uri_bytes > kMaxUriBytes) {
    return problem(414, "uri-too-long", "The request's URI is too long");
  }
  if (head.has_transfer_encoding) {
    return problem(411, "length-required", "A body must come with a Content-Length");
  }
  if (head.content_lengths.empty()) return std::nullopt;
  if (head.content_lengths.size() > 1) {
    return problem(400, "malformed-request", "More than one Content-Length");
  }
  const auto length = plain_length(head.content_lengths.front());
  if (!length) return problem(400, "malformed-request", "The Content-Length is not a length");
  if (*length > max_body_bytes) {
    return problem(413, "payload-too-large", "The body is larger than 64 KiB");
  }
  return std::nullopt;
}

size_t stated_body_bytes(const RequestHead& head) {
  if (head.content_lengths.empty()) return 0;
  return plain_length(head.content_lengths.front()).value_or(0);
}

}  // namespace ih::hub
