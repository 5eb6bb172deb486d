// What the server decides from a request's head alone, before it reads a
// byte of the body: whether the body is framed so that it can be bounded, and
// whether the URI is short enough. A refusal here costs no buffering and no
// authentication work, and the connection is closed after it (the body, if
// any, is never read).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "hub/hub.h"

namespace ih::hub {

// A request target longer than this (bytes, query included) is refused 414.
inline constexpr size_t kMaxUriBytes = 8192;

struct RequestHead {
  size_t uri_bytes = 0;                      // the request target as sent, in bytes
  bool has_transfer_encoding = false;        // any Transfer-Encoding header
  std::vector<std::string> content_lengths;  // every Content-Length value, as sent
};

// 411 for any Transfer-Encoding (a chunked body has no size until it has been
// read), 400 for a Content-Length that is not one plain length, 413 for one
// over `max_body_bytes`, 414 for a long URI. nullopt: read the body, which is
// then at most max_body_bytes long.
std::optional<Reply> refuse_from_head(const RequestHead& head, size_t max_body_bytes);

// The body's length as the head states it; 0 without a Content-Length. Only
// for a head that refuse_from_head() let through.
size_t stated_body_bytes(const RequestHead& head);

}  // namespace ih::hub
