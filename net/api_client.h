// The calls a terminal makes directly, online: reading a person's requests,
// matches, conversations and messages, marking messages read, logging out.
// (State changes that must survive being offline go through the outbox.)
// Blocking: call them from a Background worker, never from the UI thread.
// What they return lives in memory only.
#pragma once

#include <optional>
#include <string>

#include "net/http_client.h"
#include "net/replies.h"

namespace ih::net {

// A reply, or why there is none: no HTTP answer (transport), or an HTTP error
// with its problem details, or a body that did not parse (status 2xx, no value).
template <typename T>
struct ApiResult {
  std::optional<T> value;
  Transport transport = Transport::Ok;
  long status = 0;
  std::optional<Problem> problem;
  std::string retry_after;  // the Retry-After header of a 429 or 503, if any
  bool ok() const { return value.has_value(); }
};

// The credentials a call carries.
struct Caller {
  std::string terminal_credential;
  std::string session_token;
};

ApiResult<RequestPage> list_requests(HttpClient& client, const Caller& caller,
                                     const std::string& cursor = {});
ApiResult<MatchCount> count_matches(HttpClient& client, const Caller& caller,
                                    const std::string& request_id);
ApiResult<ConversationPage> list_conversations(HttpClient& client, const Caller& caller,
                                               const std::string& cursor = {});
ApiResult<MessagePage> list_messages(HttpClient& client, const Caller& caller,
                                     const std::string& conversation_id,
                                     const std::string& cursor = {});
ApiResult<int64_t> mark_read(HttpClient& client, const Caller& caller,
                             const std::string& conversation_id, const std::string& up_to);
ApiResult<bool> logout(HttpClient& client, const Caller& caller);
ApiResult<AccountInfo> get_account(HttpClient& client, const Caller& caller);

// Shared by the calls here and in terminal.cpp: sends, then parses a 2xx
// body with `parse`, or keeps the problem details of an error.
template <typename T, typename Parse>
ApiResult<T> call(HttpClient& client, const HttpRequest& request, Parse parse) {
  ApiResult<T> result;
  const HttpResponse response = client.send(request);
  result.transport = response.transport;
  result.status = response.status;
  result.retry_after = response.retry_after;
  if (response.transport != Transport::Ok) return result;
  if (response.status >= 200 && response.status < 300) {
    result.value = parse(response.body);
  } else {
    result.problem = parse_problem(response.body);
  }
  return result;
}

// Headers for a caller, with an idempotency key when `key` is not empty.
HttpRequest make_request(std::string method, std::string path, const Caller& caller,
                         std::string body = {}, std::string key = {});

}  // namespace ih::net
