// Accounts: a person's profile made at a terminal (online or from its outbox),
// the caller's own profile, and the staff-assisted PIN reset.
#include "api/field_rules.h"
#include "api/personal_code.h"
#include "api/secret.h"
#include "api/time_text.h"
#include "hub/account_json.h"
#include "hub/crypto.h"
#include "hub/fields.h"
#include "hub/problem.h"
#include "hub/routes.h"
#include "hub/state.h"

namespace ih::hub {

Reply create_account(CallContext& ctx) {
  if (auto denied = require_terminal(ctx)) return *denied;
  const auto body = parse_object(ctx.call.body);
  if (!body) return problem(400, "malformed-request", "The body is not a JSON object");
  Fields f{*body, {}};
  const auto typed_code = f.string("personal_code", api::check_personal_code);
  const auto name = f.string("display_name", api::check_display_name);
  const auto languages = f.languages("languages");
  const auto town = f.string("town", api::check_town);
  const auto phone = f.string("phone", api::check_phone, Presence::Optional);
  const auto pin = f.string("pin", api::check_pin);
  const auto token = f.string("session_token", api::check_secret);
  std::optional<std::string> code;
  if (typed_code) {
    code = api::normalize_personal_code(*typed_code);
    if (api::prefix_of(*code) != ctx.terminal->code_prefix) {
      f.fail("personal_code", api::Reason::WrongTerminal);
    }
  }
  if (!f.ok()) return validation_problem(f.errors);

  // Hash before taking the write lock: Argon2id takes tens of milliseconds.
  const auto pin_hash = ctx.hub.pins->hash(*pin, ctx.hub.config.pin_cost);
  if (!pin_hash) return retry_later(503, "unavailable", "Too many PINs to hash; try again", 1);
  const int64_t session_start = ctx.judged_at();
  const int64_t expires = session_start + ctx.hub.config.person_session_s;
  return write(ctx, [&](Db& db) {
    auto taken = db.prepare("SELECT 1 FROM accounts WHERE code = ?1");
    taken.bind_all(*code);
    if (taken.step() == Statement::Step::Row) {
      return problem(409, "personal-code-taken", "This personal code exists already");
    }
    auto insert = db.prepare(
        "INSERT INTO accounts (code, role, display_name, languages, town, phone, pin_hash, "
        "created_at, terminal_id) VALUES (?1, 'person', ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id");
    insert.bind_all(*code, *name, nlohmann::json(*languages).dump(), *town, phone, *pin_hash,
                    ctx.now(), ctx.terminal->id);
    const auto account_id = insert.run_returning_id();
    if (!account_id) return problem(500, "internal", "The server failed to answer");
    auto session = db.prepare(
        "INSERT INTO sessions (token_hash, account_id, terminal_id, created_at, expires_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    session.bind_all(hash_secret(*token), *account_id, ctx.terminal->id, session_start, expires);
    if (!session.run()) return problem(409, "conflict", "This session token is in use");
    auto row =
        db.prepare(std::string("SELECT ") + kAccountColumns + " FROM accounts a WHERE a.id = ?1");
    row.bind_all(*account_id);
    row.step();
    auto out = account_json(row);
    out["session_expires_at"] = api::format_time(expires);
    return json_reply(201, out);
  });
}

Reply me(CallContext& ctx) {
  if (auto denied = require_any_session(ctx, {"person", "helper", "staff"})) return *denied;
  auto db = ctx.hub.store->lease();
  auto row =
      db->prepare(std::string("SELECT ") + kAccountColumns + " FROM accounts a WHERE a.id = ?1");
  row.bind_all(ctx.principal->account_id);
  if (row.step() != Statement::Step::Row) return problem(404, "not-found", "No such account");
  return json_reply(200, account_json(row));
}

Reply reset_pin(CallContext& ctx) {
  if (auto denied = require_terminal(ctx)) return *denied;
  if (auto denied = require_session(ctx, {"staff"})) return *denied;
  const auto body = parse_object(ctx.call.body);
  if (!body) return problem(400, "malformed-request", "The body is not a JSON object");
  Fields f{*body, {}};
  const auto pin = f.string("new_pin", api::check_pin);
  if (!f.ok()) return validation_problem(f.errors);
  const auto code = api::normalize_personal_code(ctx.params[0]);
  if (!code) return problem(404, "not-found", "No such account");
  const auto pin_hash = ctx.hub.pins->hash(*pin, ctx.hub.config.pin_cost);
  if (!pin_hash) return retry_later(503, "unavailable", "Too many PINs to hash; try again", 1);
  return write(ctx, [&](Db& db) {
    auto update =
        db.prepare("UPDATE accounts SET pin_hash = ?1 WHERE code = ?2 AND role = 'person'");
    update.bind_all(*pin_hash, *code);
    if (!update.run()) return problem(500, "internal", "The server failed to answer");
    if (db.changes() == 0) return problem(404, "not-found", "No such account");
    // Every session ends, the expired ones too: their envelopes may still be
    // on the way, and they must not arrive. Only live ones are counted.
    auto live = db.prepare(
        "SELECT count(*) FROM sessions WHERE ended_at IS NULL AND expires_at > ?1 AND "
        "account_id = (SELECT id FROM accounts WHERE code = ?2)");
    live.bind_all(ctx.now(), *code);
    const int64_t ended = live.step() == Statement::Step::Row ? live.int64(0) : 0;
    live = Statement();
    auto end = db.prepare(
        "UPDATE sessions SET ended_at = ?1 WHERE ended_at IS NULL AND "
        "account_id = (SELECT id FROM accounts WHERE code = ?2)");
    end.bind_all(ctx.now(), *code);
    end.run();
    auto unlock = db.prepare("DELETE FROM login_failures WHERE account_code = ?1");
    unlock.bind_all(*code);
    unlock.run();
    return json_reply(200, {{"personal_code", *code}, {"sessions_ended", ended}});
  });
}

}  // namespace ih::hub
