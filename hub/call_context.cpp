#include "hub/call_context.h"

#include <charconv>

#include "api/secret.h"
#include "hub/crypto.h"
#include "hub/housekeeping.h"
#include "hub/problem.h"

namespace ih::hub {
namespace {

Reply unauthenticated(std::string_view detail) {
  return problem(401, "unauthenticated", "Authentication is missing or not valid", detail);
}

// The terminal is online at `now`: the envelopes of its sessions that have
// expired by now must arrive within `drain_s`. Most calls find nothing to do
// and do not write.
void start_draining(Db& db, const std::string& terminal_id, int64_t now, int64_t drain_s) {
  auto due = db.prepare(
      "SELECT 1 FROM sessions WHERE terminal_id = ?1 AND drain_by IS NULL AND expires_at <= ?2 "
      "LIMIT 1");
  due.bind_all(terminal_id, now);
  if (due.step() != Statement::Step::Row) return;
  due = Statement();
  auto mark = db.prepare(
      "UPDATE sessions SET drain_by = ?3 WHERE terminal_id = ?1 AND drain_by IS NULL AND "
      "expires_at <= ?2");
  mark.bind_all(terminal_id, now, now + drain_s);
  mark.run();
}

// Where a key is unique: per terminal, else per helper, else for calls
// nobody has authenticated yet (enrolment, helper login).
std::string idempotency_scope(const CallContext& ctx) {
  if (ctx.terminal) return "terminal:" + ctx.terminal->id;
  if (ctx.principal) return "account:" + std::to_string(ctx.principal->account_id);
  return "public";
}

}  // namespace

std::string CallContext::query(std::string_view name) const {
  for (const auto& [key, value] : call.query) {
    if (key == name) return value;
  }
  return {};
}

std::optional<Reply> require_terminal(CallContext& ctx) {
  const std::string& credential = ctx.call.terminal_credential;
  const size_t dot = credential.find('.');
  if (credential.empty() || dot == std::string::npos) {
    return unauthenticated("this call needs an enrolled terminal");
  }
  const std::string id = credential.substr(0, dot);
  auto db = ctx.hub.store->lease();
  auto st = db->prepare("SELECT code_prefix, secret_hash FROM terminals WHERE id = ?1");
  st.bind_all(id);
  if (st.step() != Statement::Step::Row ||
      !same_bytes(st.blob(1), hash_secret(std::string_view(credential).substr(dot + 1)))) {
    return unauthenticated("the terminal credential is not valid");
  }
  ctx.terminal = Terminal{id, st.text(0)};
  st = Statement();
  start_draining(*db, id, ctx.now(), ctx.hub.config.envelope_drain_s);
  return std::nullopt;
}

std::optional<Reply> require_session(CallContext& ctx,
                                     std::initializer_list<std::string_view> roles) {
  if (ctx.call.bearer.empty()) return unauthenticated("this call needs a session");
  const auto token_hash = hash_secret(ctx.call.bearer);
  auto db = ctx.hub.store->lease();
  auto st = db->prepare(
      "SELECT a.id, a.code, a.role, a.display_name, s.terminal_id, s.created_at, s.expires_at, "
      "s.ended_at, s.drain_by FROM sessions s JOIN accounts a ON a.id = s.account_id "
      "WHERE s.token_hash = ?1");
  st.bind_all(token_hash);
  if (st.step() != Statement::Step::Row) return unauthenticated("unknown session");
  Principal p{st.int64(0), st.text(1), st.text(2), st.text(3), token_hash};
  const auto terminal_id = st.optional_text(4);
  const int64_t created_at = st.int64(5);
  const int64_t expires_at = st.int64(6);
  const bool ended = !st.is_null(7);
  const bool drained = !st.is_null(8) && st.int64(8) < ctx.now();
  const int64_t at = ctx.judged_at();
  // An envelope may have been sealed by a terminal whose clock runs a little
  // ahead of ours; five minutes of slack, no more.
  const int64_t skew = ctx.call.sealed_at ? 300 : 0;
  // The terminal chooses sealed_at, so an ended session ends its envelopes
  // too, whenever they say they were sealed; and an expired one does once
  // its terminal has had the time to deliver them.
  if (ended) return unauthenticated("the session has ended");
  if (at >= expires_at + skew || at + skew < created_at || drained) {
    return problem(401, "session-expired", "The session has expired");
  }
  bool allowed = false;
  for (const auto role : roles) allowed = allowed || role == p.role;
  if (!allowed) return problem(403, "forbidden", "This account may not do this");
  if (terminal_id && (!ctx.terminal || ctx.terminal->id != *terminal_id)) {
    return unauthenticated("the session belongs to another terminal");
  }
  ctx.principal = std::move(p);
  return std::nullopt;
}

std::optional<Reply> require_any_session(CallContext& ctx,
                                         std::initializer_list<std::string_view> roles) {
  if (!ctx.call.terminal_credential.empty()) {
    if (auto denied = require_terminal(ctx)) return denied;
  }
  return require_session(ctx, roles);
}

Reply write(CallContext& ctx, const std::function<Reply(Db&)>& change, const KeepOnRefusal& keep) {
  Hub& hub = ctx.hub;
  keep_house(hub);
  auto db = hub.store->lease();
  WriteTransaction tx(*db);
  if (!tx.began()) return retry_later(503, "unavailable", "The store is busy", 1);
  const std::string scope = idempotency_scope(ctx);
  const std::string request =
      ctx.call.method + '\n' + ctx.call.path + '\n' + ctx.call.bearer + '\n' + ctx.call.body;
  const auto fingerprint = keyed_hash(hub.fingerprint_key, request);
  // The copy of the reply is sealed with a key only the same call gives: it
  // holds names and texts, and the database does not hold the call (each has
  // a secret in it: a device secret, a session token, a PIN).
  const auto reply_key =
      keyed_hash(hub.fingerprint_key, "reply\n" + ctx.call.terminal_credential + '\n' + request);
  {
    auto st = db->prepare(
        "SELECT fingerprint, status, body, sealed_body FROM idempotency "
        "WHERE scope = ?1 AND key = ?2");
    st.bind_all(scope, ctx.call.idempotency_key);
    if (st.step() == Statement::Step::Row) {
      if (!same_bytes(st.blob(0), fingerprint)) {
        return problem(409, "idempotency-key-reused",
                       "This idempotency key was used for a different call");
      }
      // Rows from before sealing keep their body in the clear.
      const auto body =
          st.is_null(3) ? std::optional(st.text(2)) : open_with(reply_key, st.blob(3));
      if (!body) return problem(500, "internal", "The server failed to answer");
      ++hub.replayed;
      Reply reply;
      reply.status = static_cast<int>(st.int64(1));
      reply.body = *body;
      if (reply.status >= 400) reply.content_type = "application/problem+json";
      reply.headers.emplace_back("Idempotent-Replayed", "true");
      return reply;
    }
  }
  if (!db->exec("SAVEPOINT change")) return retry_later(503, "unavailable", "The store is busy", 1);
  Reply reply = change(*db);
  const bool refused = reply.status >= 400;
  if (refused && !db->exec("ROLLBACK TO change")) {
    return retry_later(503, "unavailable", "The store is busy", 1);
  }
  if (reply.status == 429 || reply.status >= 500) return reply;
  if (refused && keep) keep(*db, reply);
  auto st = db->prepare(
      "INSERT INTO idempotency (scope, key, fingerprint, status, body, sealed_body, created_at) "
      "VALUES (?1, ?2, ?3, ?4, '', ?5, ?6)");
  st.bind_all(scope, ctx.call.idempotency_key, fingerprint, int64_t{reply.status},
              seal_with(reply_key, reply.body), hub.now());
  if (!st.run() || !tx.commit()) return retry_later(503, "unavailable", "The store is busy", 1);
  if (reply.status < 300) ++hub.applied;
  return reply;
}

std::optional<int> page_limit(const CallContext& ctx) {
  const std::string text = ctx.query("limit");
  if (text.empty()) return 20;
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1 || value > 100) {
    return std::nullopt;
  }
  return value;
}

std::string make_cursor(std::initializer_list<int64_t> values) {
  std::string plain;
  for (const int64_t v : values) {
    if (!plain.empty()) plain += ',';
    plain += std::to_string(v);
  }
  return api::to_base64url(plain);
}

std::optional<std::vector<int64_t>> read_cursor(std::string_view cursor, size_t count) {
  const auto plain = api::from_base64url(cursor);
  if (!plain) return std::nullopt;
  std::vector<int64_t> values;
  const char* p = plain->data();
  const char* end = p + plain->size();
  while (p < end) {
    int64_t v = 0;
    const auto [next, ec] = std::from_chars(p, end, v);
    if (ec != std::errc()) return std::nullopt;
    values.push_back(v);
    p = next;
    if (p < end && *p++ != ',') return std::nullopt;
  }
  if (values.size() != count) return std::nullopt;
  return values;
}

}  // namespace ih::hub
