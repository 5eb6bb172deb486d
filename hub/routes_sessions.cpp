// Sessions: log in with personal code and PIN (rate-limited per account and
// per terminal), log out.
#include "api/personal_code.h"
#include "api/secret.h"
#include "api/time_text.h"
#include "hub/crypto.h"
#include "hub/fields.h"
#include "hub/problem.h"
#include "hub/routes.h"
#include "hub/state.h"

namespace ih::hub {

namespace {

// Seconds until the oldest failure in the window leaves it, if `column`
// (account_code or terminal_id) has reached `limit` failures; else 0.
int64_t locked_for(Db& db, const char* column, std::string_view value, int limit, int64_t now,
                   int64_t window) {
  auto st = db.prepare(std::string("SELECT count(*), min(at) FROM login_failures WHERE ") + column +
                       " = ?1 AND at > ?2");
  st.bind_all(value, now - window);
  if (st.step() != Statement::Step::Row || st.int64(0) < limit) return 0;
  return st.int64(1) + window - now;
}

}  // namespace

Reply login(CallContext& ctx) {
  if (!ctx.call.terminal_credential.empty()) {
    if (auto denied = require_terminal(ctx)) return *denied;
  }
  const auto body = parse_object(ctx.call.body);
  if (!body) return problem(400, "malformed-request", "The body is not a JSON object");
  Fields f{*body, {}};
  // A code that is not one is not refused here: it fails like a wrong PIN,
  // and counts against the limits the same way.
  const auto typed_code = f.bytes("personal_code", 1, api::kMaxPersonalCodeCharacters);
  const auto pin = f.string("pin", api::check_password);
  const auto token = f.string("session_token", api::check_secret);
  if (!f.ok()) return validation_problem(f.errors);

  const Config& config = ctx.hub.config;
  const int64_t now = ctx.now();
  const std::string code = api::normalize_personal_code(*typed_code).value_or(*typed_code);
  // Seconds this account or terminal must wait, 0 if it may try. Only
  // attempts at a terminal count and are limited: without one, anybody could
  // lock anybody out. A person's or staff member's code cannot log in without
  // a terminal anyway, and a helper's secret is 60 random bits, which no
  // stream of guesses finds, however fast.
  const auto lock_wait = [&](Db& db) -> int64_t {
    if (!ctx.terminal) return 0;
    return std::max(locked_for(db, "account_code", code, config.account_failure_limit, now,
                               config.failure_window_s),
                    locked_for(db, "terminal_id", ctx.terminal->id, config.terminal_failure_limit,
                               now, config.failure_window_s));
  };
  std::optional<std::string> stored_hash;
  std::string role;
  int64_t account_id = 0;
  {
    auto db = ctx.hub.store->lease();
    // Only a shortcut that saves hashing for a locked account: the check that
    // holds is the one inside the write transaction below.
    if (const int64_t wait = lock_wait(*db); wait > 0) {
      return retry_later(429, "rate-limited", "Too many failed attempts; wait", wait);
    }
    auto st = db->prepare("SELECT id, role, pin_hash FROM accounts WHERE code = ?1");
    st.bind_all(code);
    if (st.step() == Statement::Step::Row) {
      account_id = st.int64(0);
      role = st.text(1);
      stored_hash = st.text(2);
    }
  }
  // Persons and staff log in at a terminal; their session is bound to it.
  // Without one, their code answers like an unknown code, after the same
  // work: no answer may depend on the PIN unless every other check passed.
  const bool at_terminal = role == "person" || role == "staff";
  const bool may_log_in_here = stored_hash && (!at_terminal || ctx.terminal);
  const auto verified =
      ctx.hub.pins->verify(may_log_in_here ? *stored_hash : ctx.hub.decoy_pin_hash, *pin);
  if (!verified) return retry_later(503, "unavailable", "Too many logins at once; try again", 1);
  const bool pin_ok = *verified && may_log_in_here;
  // A failed attempt counts although its refusal rolls back the call.
  const auto count_failure = [&](Db& db, const Reply& refusal) {
    if (refusal.status != 401 || !ctx.terminal) return;
    auto fail = db.prepare(
        "INSERT INTO login_failures (account_code, terminal_id, at) VALUES (?1, ?2, ?3)");
    fail.bind_all(code, ctx.terminal->id, now);
    fail.run();
  };
  const auto open_session = [&](Db& db) {
    // Again under the write lock: guesses sent in parallel all passed the
    // check above while their PINs were being hashed.
    if (const int64_t wait = lock_wait(db); wait > 0) {
      return retry_later(429, "rate-limited", "Too many failed attempts; wait", wait);
    }
    if (!pin_ok) {
      return problem(401, "invalid-credentials", "The personal code or the PIN is wrong");
    }
    const int64_t expires = now + (at_terminal ? config.person_session_s : config.helper_session_s);
    auto session = db.prepare(
        "INSERT INTO sessions (token_hash, account_id, terminal_id, created_at, expires_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    session.bind_all(hash_secret(*token), account_id,
                     at_terminal ? std::optional(ctx.terminal->id) : std::nullopt, now, expires);
    if (!session.run()) return problem(409, "conflict", "This session token is in use");
    auto forget = db.prepare("DELETE FROM login_failures WHERE account_code = ?1");
    forget.bind_all(code);
    forget.run();
    auto row = db.prepare("SELECT display_name FROM accounts WHERE id = ?1");
    row.bind_all(account_id);
    row.step();
    return json_reply(201, {{"personal_code", code},
                            {"role", role},
                            {"display_name", row.text(0)},
                            {"expires_at", api::format_time(expires)}});
  };
  return write(ctx, open_session, count_failure);
}

Reply logout(CallContext& ctx) {
  if (!ctx.call.terminal_credential.empty()) {
    if (auto denied = require_terminal(ctx)) return *denied;
  }
  if (ctx.call.bearer.empty()) return problem(401, "unauthenticated", "This call needs a session");
  // Ending a session that has ended or expired answers the same as the first
  // time, so a logout whose reply was lost can be repeated.
  const auto token_hash = hash_secret(ctx.call.bearer);
  auto db = ctx.hub.store->lease();
  auto st = db->prepare("SELECT terminal_id FROM sessions WHERE token_hash = ?1");
  st.bind_all(token_hash);
  if (st.step() != Statement::Step::Row) {
    return problem(401, "unauthenticated", "Authentication is missing or not valid");
  }
  const auto terminal_id = st.optional_text(0);
  if (terminal_id && (!ctx.terminal || ctx.terminal->id != *terminal_id)) {
    return problem(401, "unauthenticated", "The session belongs to another terminal");
  }
  auto end =
      db->prepare("UPDATE sessions SET ended_at = ?1 WHERE token_hash = ?2 AND ended_at IS NULL");
  end.bind_all(ctx.now(), token_hash);
  if (!end.run()) return retry_later(503, "unavailable", "The store is busy", 1);
  Reply reply;
  reply.status = 204;
  return reply;
}

}  // namespace ih::hub
