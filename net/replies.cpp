#include "net/replies.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <nlohmann/json.hpp>

#include "api/secret.h"
#include "api/time_text.h"

namespace ih::net {
namespace {

using nlohmann::json;

std::optional<json> object(std::string_view body) {
  auto value = json::parse(body, nullptr, false);
  if (value.is_discarded() || !value.is_object()) return std::nullopt;
  return value;
}

// Reads a required or optional string field; false if present and not a string
// or required and missing.
bool text(const json& o, const char* key, std::string* out, bool required = true) {
  const auto it = o.find(key);
  if (it == o.end() || it->is_null()) return !required;
  if (!it->is_string()) return false;
  *out = it->get<std::string>();
  return true;
}

bool integer(const json& o, const char* key, int64_t* out, int64_t min, int64_t max) {
  const auto it = o.find(key);
  if (it == o.end() || !it->is_number_integer()) return false;
  // Unsigned values above INT64_MAX are out of range, not negative.
  if (it->is_number_unsigned() && it->get<uint64_t>() > static_cast<uint64_t>(max)) return false;
  const auto value = it->get<int64_t>();
  if (value < min || value > max) return false;
  *out = value;
  return true;
}

bool time(const json& o, const char* key, int64_t* out) {
  std::string value;
  if (!text(o, key, &value)) return false;
  const auto parsed = api::parse_time(value);
  if (!parsed) return false;
  *out = *parsed;
  return true;
}

bool boolean(const json& o, const char* key, bool* out) {
  const auto it = o.find(key);
  if (it == o.end() || !it->is_boolean()) return false;
  *out = it->get<bool>();
  return true;
}

std::optional<RequestInfo> request_from(const json& o) {
  if (!o.is_object()) return std::nullopt;
  RequestInfo r;
  const auto when = o.find("when");
  if (when == o.end() || !when->is_object() || !text(*when, "date", &r.when.date, false) ||
      !text(*when, "part_of_day", &r.when.part_of_day)) {
    return std::nullopt;
  }
  if (!text(o, "id", &r.id) || !text(o, "category", &r.category) || !text(o, "town", &r.town) ||
      !text(o, "place", &r.place, false) || !text(o, "helper_language", &r.helper_language) ||
      !text(o, "text", &r.text, false) || !text(o, "status", &r.status) ||
      !time(o, "created_at", &r.created_at) || !time(o, "updated_at", &r.updated_at)) {
    return std::nullopt;
  }
  return r;
}

template <typename Item, typename Read>
bool page(const json& o, std::vector<Item>* items, std::string* cursor, bool cursor_required,
          Read read) {
  const auto list = o.find("items");
  if (list == o.end() || !list->is_array() || !text(o, "next_cursor", cursor, cursor_required)) {
    return false;
  }
  for (const json& entry : *list) {
    auto item = read(entry);
    if (!item) return false;
    items->push_back(std::move(*item));
  }
  return true;
}

// A field's name as the API writes them ("display_name", "when.date"): never
// a value, whatever a server puts there.
bool is_field_name(std::string_view name) {
  return !name.empty() && name.size() <= kMaxFieldName &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '.';
         });
}

int month_number(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto it = std::find(kMonths.begin(), kMonths.end(), name);
  return it == kMonths.end() ? 0 : static_cast<int>(it - kMonths.begin()) + 1;
}

}  // namespace

std::optional<Problem> parse_problem(std::string_view body) {
  const auto o = object(body);
  if (!o) return std::nullopt;
  Problem p;
  std::string type;
  int64_t status = 0;
  if (!text(*o, "type", &type) || !text(*o, "title", &p.title) ||
      !integer(*o, "status", &status, 100, 599)) {
    return std::nullopt;
  }
  const size_t slash = type.rfind('/');
  p.type = slash == std::string::npos ? type : type.substr(slash + 1);
  p.status = static_cast<int>(status);
  const auto errors = o->find("errors");
  if (errors != o->end() && errors->is_array()) {
    for (const json& e : *errors) {
      std::string field;
      if (p.fields.size() == kMaxProblemFields) break;
      if (!e.is_object() || !text(e, "field", &field) || !is_field_name(field)) continue;
      p.fields.push_back(std::move(field));
    }
  }
  return p;
}

std::optional<Enrolment> parse_enrolment(std::string_view body) {
  const auto o = object(body);
  if (!o) return std::nullopt;
  Enrolment e;
  std::string key;
  int64_t interval = 0;
  if (!text(*o, "terminal_id", &e.terminal_id) || !text(*o, "code_prefix", &e.code_prefix) ||
      !text(*o, "server_box_public_key", &key) ||
      !text(*o, "tls_public_key_pin", &e.tls_public_key_pin) ||
      !integer(*o, "heartbeat_interval_s", &interval, 10, 86400) || e.code_prefix.size() != 3 ||
      e.terminal_id.empty() || e.terminal_id.find('.') != std::string::npos) {
    return std::nullopt;
  }
  auto bytes = api::from_base64(key);
  if (!bytes || bytes->size() != 32) return std::nullopt;
  e.server_box_public_key = std::move(*bytes);
  e.heartbeat_interval_s = static_cast<int>(interval);
  return e;
}

std::optional<SessionInfo> parse_session(std::string_view body) {
  const auto o = object(body);
  if (!o) return std::nullopt;
  SessionInfo s;
  if (!text(*o, "personal_code", &s.personal_code) || !text(*o, "role", &s.role) ||
      !text(*o, "display_name", &s.display_name) || !time(*o, "expires_at", &s.expires_at)) {
    return std::nullopt;
  }
  return s;
}

std::optional<AccountInfo> parse_account(std::string_view body) {
  const auto o = object(body);
  if (!o) return std::nullopt;
  AccountInfo a;
  if (!text(*o, "display_name", &a.display_name) || !text(*o, "town", &a.town)) return std::nullopt;
  const auto languages = o->find("languages");
  if (languages == o->end() || !languages->is_array()) return std::nullopt;
  for (const json& l : *languages) {
    if (!l.is_string()) return std::nullopt;
    a.languages.push_back(l.get<std::string>());
  }
  return a;
}

std::optional<RequestInfo> parse_request(std::string_view body) {
  const auto o = object(body);
  if (!o) return std::nullopt;
  return request_from(*o);
}

std::optional<RequestPage> parse_request_page(std::string_view body) {
  const auto o = object(body);
  RequestPage p;
  if (!o || !page(*o, &p.items, &p.next_cursor, false, request_from)) return std::nullopt;
  return p;
}

std::optional<MatchCount> parse_match_count(std::string_view body) {
  const auto o = object(body);
  MatchCount m;
  if (!o || !text(*o, "request_id", &m.request_id) ||
      !integer(*o, "fitting_helpers", &m.fitting_helpers, 0, INT64_MAX)) {
    return std::nullopt;
  }
  return m;
}

std::optional<ConversationPage> parse_conversation_page(std::string_view body) {
  const auto o = object(body);
  ConversationPage p;
  const auto read = [](const json& e) -> std::optional<ConversationInfo> {
    ConversationInfo c;
    if (!e.is_object() || !text(e, "id", &c.id) || !text(e, "request_id", &c.request_id) ||
        !text(e, "category", &c.category, false) || !text(e, "counterpart", &c.counterpart) ||
        !integer(e, "unread", &c.unread, 0, INT64_MAX) || !time(e, "updated_at", &c.updated_at)) {
      return std::nullopt;
    }
    return c;
  };
  if (!o || !page(*o, &p.items, &p.next_cursor, false, read)) return std::nullopt;
  return p;
}

std::optional<MessagePage> parse_message_page(std::string_view body) {
  const auto o = object(body);
  MessagePage p;
  const auto read = [](const json& e) -> std::optional<MessageInfo> {
    MessageInfo m;
    if (!e.is_object() || !text(e, "id", &m.id) || !boolean(e, "mine", &m.mine) ||
        !text(e, "text", &m.text) || !time(e, "sent_at", &m.sent_at) ||
        !boolean(e, "read", &m.read)) {
      return std::nullopt;
    }
    return m;
  };
  if (!o || !page(*o, &p.items, &p.next_cursor, true, read)) return std::nullopt;
  return p;
}

std::optional<HeartbeatReply> parse_heartbeat_reply(std::string_view body) {
  const auto o = object(body);
  HeartbeatReply h;
  int64_t interval = 0;
  if (!o || !time(*o, "server_time", &h.server_time) ||
      !integer(*o, "heartbeat_interval_s", &interval, 10, 86400)) {
    return std::nullopt;
  }
  h.heartbeat_interval_s = static_cast<int>(interval);
  return h;
}

std::optional<int64_t> parse_unread(std::string_view body) {
  const auto o = object(body);
  int64_t unread = 0;
  if (!o || !integer(*o, "unread", &unread, 0, INT64_MAX)) return std::nullopt;
  return unread;
}

std::optional<int64_t> parse_retry_after(std::string_view value, int64_t now) {
  constexpr int64_t kCap = 86400;
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (value.front() >= '0' && value.front() <= '9') {
    uint64_t seconds = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec == std::errc::result_out_of_range) return kCap;
    if (ec != std::errc() || end != value.data() + value.size()) return std::nullopt;
    return static_cast<int64_t>(std::min<uint64_t>(seconds, kCap));
  }
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT", exactly 29 characters.
  if (value.size() != 29 || value.substr(3, 2) != ", " || value.substr(25) != " GMT") {
    return std::nullopt;
  }
  const int month = month_number(value.substr(8, 3));
  if (month == 0 || value[7] != ' ' || value[11] != ' ' || value[16] != ' ') return std::nullopt;
  const std::string iso = std::string(value.substr(12, 4)) + '-' + (month < 10 ? "0" : "") +
                          std::to_string(month) + '-' + std::string(value.substr(5, 2)) + 'T' +
                          std::string(value.substr(17, 8)) + 'Z';
  const auto at = api::parse_time(iso);
  if (!at) return std::nullopt;
  return std::clamp<int64_t>(*at - now, 0, kCap);
}

}  // namespace ih::net
