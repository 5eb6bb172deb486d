// Parsers of the server's replies (api/openapi.yaml), each from the bytes of a
// body to a plain struct. A server is not trusted to be well-formed: every
// parser takes any bytes, returns nullopt for anything that is not the shape it
// expects, and never throws. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ih::net {

struct Problem {
  std::string type;  // the name after ".../problems/", e.g. "rate-limited"
  std::string title;
  int status = 0;
  // The names of the fields a 422 lists (`errors[].field`), for logs and dead
  // letters: at most kMaxProblemFields names of at most kMaxFieldName
  // characters of [A-Za-z0-9_.]; anything else in the list is skipped.
  std::vector<std::string> fields = {};
};
inline constexpr size_t kMaxProblemFields = 16;
inline constexpr size_t kMaxFieldName = 64;

struct Enrolment {
  std::string terminal_id;
  std::string code_prefix;
  std::vector<unsigned char> server_box_public_key;  // 32 bytes
  std::string tls_public_key_pin;
  int heartbeat_interval_s = 300;
};

struct SessionInfo {
  std::string personal_code;
  std::string role;
  std::string display_name;
  int64_t expires_at = 0;
};

// The logged-in account's profile (GET /v1/accounts/me), for what a
// person's pages preset: the languages they speak and their town.
struct AccountInfo {
  std::string display_name;
  std::vector<std::string> languages;
  std::string town;
};

struct When {
  std::string date;  // empty: as soon as possible
  std::string part_of_day;
};

struct RequestInfo {
  std::string id;
  std::string category;
  When when;
  std::string town;
  std::string place;
  std::string helper_language;
  std::string text;
  std::string status;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

struct RequestPage {
  std::vector<RequestInfo> items;
  std::string next_cursor;  // empty after the last page
};

struct MatchCount {
  std::string request_id;
  int64_t fitting_helpers = 0;
};

struct ConversationInfo {
  std::string id;
  std::string request_id;
  std::string category;
  std::string counterpart;
  int64_t unread = 0;
  int64_t updated_at = 0;
};

struct ConversationPage {
  std::vector<ConversationInfo> items;
  std::string next_cursor;
};

struct MessageInfo {
  std::string id;
  bool mine = false;
  std::string text;
  int64_t sent_at = 0;
  bool read = false;
};

struct MessagePage {
  std::vector<MessageInfo> items;
  std::string next_cursor;  // always set: ask with it later for newer messages
};

struct HeartbeatReply {
  int64_t server_time = 0;
  int heartbeat_interval_s = 300;
};

std::optional<Problem> parse_problem(std::string_view body);
std::optional<Enrolment> parse_enrolment(std::string_view body);
std::optional<SessionInfo> parse_session(std::string_view body);
std::optional<AccountInfo> parse_account(std::string_view body);
std::optional<RequestInfo> parse_request(std::string_view body);
std::optional<RequestPage> parse_request_page(std::string_view body);
std::optional<MatchCount> parse_match_count(std::string_view body);
std::optional<ConversationPage> parse_conversation_page(std::string_view body);
std::optional<MessagePage> parse_message_page(std::string_view body);
std::optional<HeartbeatReply> parse_heartbeat_reply(std::string_view body);
// The reply of marking messages read: how many stay unread.
std::optional<int64_t> parse_unread(std::string_view body);

// Retry-After as seconds from `now` (Unix seconds): delta-seconds, or an
// IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"). Capped at one day, since a
// server's typo must not silence a terminal for a week.
std::optional<int64_t> parse_retry_after(std::string_view value, int64_t now);

}  // namespace ih::net
