#include "net/terminal.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>

#include "api/personal_code.h"
#include "api/secret.h"
#include "net/envelope.h"
#include "net/log.h"

namespace ih::net {
namespace {

// A keyed permutation of the 20-bit numbers (a 4-round Feistel network on
// two 10-bit halves).
uint32_t feistel(uint32_t n, const std::string& key) {
  uint32_t left = n >> 10, right = n & 0x3ff;
  for (unsigned char round = 0; round < 4; ++round) {
    const unsigned char input[3] = {round, static_cast<unsigned char>(right >> 8),
                                    static_cast<unsigned char>(right & 0xff)};
    unsigned char out[16];
    crypto_generichash(out, sizeof out, input, sizeof input,
                       reinterpret_cast<const unsigned char*>(key.data()), key.size());
    const uint32_t f = (static_cast<uint32_t>(out[0]) << 8 | out[1]) & 0x3ff;
    const uint32_t next_right = left ^ f;
    left = right;
    right = next_right;
  }
  return left << 10 | right;
}

// A keyed permutation of the code numbers [0, kBodyCount): codes stay unique,
// since the counter never repeats, without telling how many people this
// terminal registered before. Cycle-walking the 20-bit permutation keeps it
// a permutation of the smaller range.
uint32_t permute(uint32_t n, const std::string& key) {
  do {
    n = feistel(n, key);
  } while (n >= api::kBodyCount);
  return n;
}

}  // namespace

std::string lane_for(const TerminalIdentity& identity, std::string_view personal_code) {
  unsigned char out[16];
  crypto_generichash(
      out, sizeof out, reinterpret_cast<const unsigned char*>(personal_code.data()),
      personal_code.size(), reinterpret_cast<const unsigned char*>(identity.device_secret.data()),
      std::min<size_t>(identity.device_secret.size(), crypto_generichash_KEYBYTES_MAX));
  return api::to_base64url(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

std::optional<std::string> lane_of(const TerminalIdentity& identity, std::string_view typed_code) {
  const auto code = api::normalize_personal_code(typed_code);
  if (!code) return std::nullopt;
  return lane_for(identity, *code);
}

namespace {

bool queue(Outbox& outbox, const TerminalIdentity& identity, const std::string& lane,
           EntryKind kind, QueuedCall call) {
  call.idempotency_key = api::mint_idempotency_key();
  const auto sealed = seal_call(call, identity.server_box_key);
  return sealed && outbox.enqueue(lane, call.idempotency_key, *sealed, kind);
}

}  // namespace

std::optional<TerminalIdentity> load_identity(Outbox& outbox) {
  TerminalIdentity id;
  const auto terminal_id = outbox.get("terminal_id");
  const auto secret = outbox.get("device_secret");
  const auto prefix = outbox.get("code_prefix");
  const auto pin = outbox.get("tls_public_key_pin");
  const auto key = outbox.get("server_box_key");
  if (!terminal_id || !secret || !prefix || !pin || !key) return std::nullopt;
  auto key_bytes = api::from_base64(*key);
  if (!key_bytes || key_bytes->size() != crypto_box_PUBLICKEYBYTES) return std::nullopt;
  return TerminalIdentity{*terminal_id, *secret, *prefix, *pin, std::move(*key_bytes)};
}

EnrolOutcome enrol(HttpClient& client, Outbox& outbox, const std::string& enrolment_code,
                   const std::string& terminal_name, const std::string& version) {
  EnrolOutcome outcome;
  const std::string secret = api::mint_secret();
  const std::string body = nlohmann::json{
      {"enrolment_code", enrolment_code},
      {"device_secret", secret},
      {"name", terminal_name},
      {"version", version}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const auto result = call<Enrolment>(
      client, make_request("POST", "/v1/terminals", {}, body, api::mint_idempotency_key()),
      parse_enrolment);
  if (!result.ok()) {
    outcome.error = result.transport != Transport::Ok ? transport_name(result.transport)
                    : result.problem                  ? result.problem->type
                                                      : "unreadable reply";
    log(LogLevel::Warning, "enrolment failed: " + outcome.error);
    return outcome;
  }
  const Enrolment& e = *result.value;
  // The code key stays on the terminal; it only hides how many codes it made.
  const std::string code_key = api::mint_secret();
  if (!outbox.put("terminal_id", e.terminal_id) || !outbox.put("device_secret", secret) ||
      !outbox.put("code_prefix", e.code_prefix) ||
      !outbox.put("tls_public_key_pin", e.tls_public_key_pin) ||
      !outbox.put("server_box_key", api::to_base64(e.server_box_public_key)) ||
      !outbox.put("code_key", code_key)) {
    outcome.error = "cannot store the enrolment";
    return outcome;
  }
  log(LogLevel::Info, "enrolled with code prefix " + e.code_prefix);
  outcome.identity = load_identity(outbox);
  return outcome;
}

HttpConfig pinned_config(HttpConfig config, const TerminalIdentity& identity) {
  config.pinned_public_key = identity.tls_public_key_pin;
  return config;
}

std::optional<PersonSession> create_account(Outbox& outbox, const TerminalIdentity& identity,
                                            const NewProfile& profile, int64_t now) {
  const auto key = outbox.get("code_key");
  const auto number = outbox.next("personal_code_counter");
  if (!key || !number || *number >= static_cast<int64_t>(api::kBodyCount)) return std::nullopt;
  const auto code =
      api::make_personal_code(identity.code_prefix, permute(static_cast<uint32_t>(*number), *key));
  if (!code) return std::nullopt;
  PersonSession session{*code, api::mint_secret(), lane_for(identity, *code), {}};
  nlohmann::json body = {{"personal_code", session.personal_code},
                         {"display_name", profile.display_name},
                         {"languages", profile.languages},
                         {"town", profile.town},
                         {"pin", profile.pin},
                         {"session_token", session.token}};
  if (!profile.phone.empty()) body["phone"] = profile.phone;
  QueuedCall call{"POST", "/v1/accounts", {}, {}, std::move(body), now};
  if (!queue(outbox, identity, session.lane, EntryKind::Profile, std::move(call))) {
    return std::nullopt;
  }
  return session;
}

ApiResult<PersonSession> login(HttpClient& client, const TerminalIdentity& identity,
                               const std::string& personal_code, const std::string& pin) {
  const std::string token = api::mint_secret();
  std::string body =
      nlohmann::json{{"personal_code", personal_code}, {"pin", pin}, {"session_token", token}}.dump(
          -1, ' ', false, nlohmann::json::error_handler_t::replace);
  auto result = call<SessionInfo>(client,
                                  make_request("POST", "/v1/sessions", {identity.credential(), {}},
                                               body, api::mint_idempotency_key()),
                                  parse_session);
  sodium_memzero(body.data(), body.size());
  ApiResult<PersonSession> out;
  out.transport = result.transport;
  out.status = result.status;
  out.problem = std::move(result.problem);
  out.retry_after = std::move(result.retry_after);
  if (result.value) {
    out.value =
        PersonSession{result.value->personal_code, token,
                      lane_for(identity, result.value->personal_code), result.value->display_name};
  }
  return out;
}

std::optional<std::string> queue_request(Outbox& outbox, const TerminalIdentity& identity,
                                         const PersonSession& session, nlohmann::json request,
                                         int64_t now) {
  std::string id = "r_" + api::mint_idempotency_key();
  request["id"] = id;
  if (!queue(outbox, identity, session.lane, EntryKind::Request,
             {"POST", "/v1/requests", {}, session.token, std::move(request), now})) {
    return std::nullopt;
  }
  return id;
}

bool queue_withdrawal(Outbox& outbox, const TerminalIdentity& identity,
                      const PersonSession& session, const std::string& request_id, int64_t now) {
  return queue(outbox, identity, session.lane, EntryKind::Withdrawal,
               {"POST", "/v1/requests/" + request_id + "/withdraw", {}, session.token, {}, now});
}

bool queue_message(Outbox& outbox, const TerminalIdentity& identity, const PersonSession& session,
                   const std::string& conversation_id, const std::string& text, int64_t now) {
  // The id came from the server and becomes part of a path: only the
  // platform's own id characters, so no id can point the call elsewhere.
  const bool plain = !conversation_id.empty() && conversation_id.size() <= 128 &&
                     std::all_of(conversation_id.begin(), conversation_id.end(), [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
                     });
  if (!plain) return false;
  return queue(outbox, identity, session.lane, EntryKind::Message,
               {"POST",
                "/v1/conversations/" + conversation_id + "/messages",
                {},
                session.token,
                {{"text", text}},
                now});
}

bool queue_logout(Outbox& outbox, const TerminalIdentity& identity, const PersonSession& session,
                  int64_t now) {
  return queue(outbox, identity, session.lane, EntryKind::Logout,
               {"DELETE", "/v1/sessions/current", {}, session.token, {}, now});
}

}  // namespace ih::net
