#include "net/api_client.h"

#include <curl/curl.h>

#include <nlohmann/json.hpp>

#include "api/secret.h"

namespace ih::net {
namespace {

// Ids and cursors come from the server; escape them before they go in a URL.
std::string escape(const std::string& text) {
  char* escaped = curl_easy_escape(nullptr, text.c_str(), static_cast<int>(text.size()));
  std::string out = escaped ? escaped : "";
  curl_free(escaped);
  return out;
}

std::string with_cursor(std::string path, const std::string& cursor) {
  if (!cursor.empty())
    path += (path.find('?') == std::string::npos ? "?cursor=" : "&cursor=") + escape(cursor);
  return path;
}

}  // namespace

HttpRequest make_request(std::string method, std::string path, const Caller& caller,
                         std::string body, std::string key) {
  HttpRequest request{std::move(method), std::move(path), {}, std::move(body)};
  if (!caller.terminal_credential.empty()) {
    request.headers.emplace_back("Terminal-Credential", caller.terminal_credential);
  }
  if (!caller.session_token.empty()) {
    request.headers.emplace_back("Authorization", "Bearer " + caller.session_token);
  }
  if (!key.empty()) request.headers.emplace_back("Idempotency-Key", std::move(key));
  return request;
}

ApiResult<RequestPage> list_requests(HttpClient& client, const Caller& caller,
                                     const std::string& cursor) {
  return call<RequestPage>(client, make_request("GET", with_cursor("/v1/requests", cursor), caller),
                           parse_request_page);
}

ApiResult<MatchCount> count_matches(HttpClient& client, const Caller& caller,
                                    const std::string& request_id) {
  return call<MatchCount>(
      client, make_request("GET", "/v1/requests/" + escape(request_id) + "/matches", caller),
      parse_match_count);
}

ApiResult<ConversationPage> list_conversations(HttpClient& client, const Caller& caller,
                                               const std::string& cursor) {
  return call<ConversationPage>(
      client, make_request("GET", with_cursor("/v1/conversations", cursor), caller),
      parse_conversation_page);
}

ApiResult<MessagePage> list_messages(HttpClient& client, const Caller& caller,
                                     const std::string& conversation_id,
                                     const std::string& cursor) {
  return call<MessagePage>(
      client,
      make_request(
          "GET", with_cursor("/v1/conversations/" + escape(conversation_id) + "/messages", cursor),
          caller),
      parse_message_page);
}

ApiResult<AccountInfo> get_account(HttpClient& client, const Caller& caller) {
  return call<AccountInfo>(client, make_request("GET", "/v1/accounts/me", caller), parse_account);
}

ApiResult<int64_t> mark_read(HttpClient& client, const Caller& caller,
                             const std::string& conversation_id, const std::string& up_to) {
  const std::string body = nlohmann::json{{"up_to", up_to}}.dump();
  return call<int64_t>(
      client,
      make_request("POST", "/v1/conversations/" + escape(conversation_id) + "/read", caller, body,
                   api::mint_idempotency_key()),
      parse_unread);
}

ApiResult<bool> logout(HttpClient& client, const Caller& caller) {
  return call<bool>(
      client,
      make_request("DELETE", "/v1/sessions/current", caller, {}, api::mint_idempotency_key()),
      [](std::string_view) { return std::optional<bool>(true); });
}

}  // namespace ih::net
