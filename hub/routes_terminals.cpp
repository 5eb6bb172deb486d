// Terminals: enrolment with a one-time code, and the heartbeat.
#include "api/field_rules.h"
#include "api/personal_code.h"
#include "api/secret.h"
#include "api/time_text.h"
#include "hub/crypto.h"
#include "hub/fields.h"
#include "hub/problem.h"
#include "hub/routes.h"

namespace ih::hub {

Reply enrol_terminal(CallContext& ctx) {
  const auto body = parse_object(ctx.call.body);
  if (!body) return problem(400, "malformed-request", "The body is not a JSON object");
  Fields f{*body, {}};
  const auto code = f.string("enrolment_code", api::check_enrolment_code);
  const auto secret = f.string("device_secret", api::check_secret);
  const auto name = f.string("name", api::check_terminal_name);
  const auto version = f.string("version", api::check_version);
  if (!f.ok()) return validation_problem(f.errors);

  // Compared by hash in their canonical form.
  const auto code_hash = hash_secret(api::canonical_enrolment_code(*code));
  return write(ctx, [&](Db& db) {
    auto st =
        db.prepare("SELECT expires_at, terminal_id FROM enrolment_codes WHERE code_hash = ?1");
    st.bind_all(code_hash);
    if (st.step() != Statement::Step::Row || st.int64(0) <= ctx.now() || !st.is_null(1)) {
      return problem(403, "enrolment-code-invalid",
                     "The enrolment code is unknown, used or expired");
    }
    const auto prefix_number = next_counter(db, "terminal_prefix");
    if (!prefix_number || *prefix_number >= api::kPrefixCount) {
      return problem(503, "unavailable", "No terminal prefixes are left");
    }
    const std::string id = random_id("t_");
    const std::string prefix = api::code_prefix(static_cast<uint32_t>(*prefix_number));
    auto insert = db.prepare(
        "INSERT INTO terminals (id, name, code_prefix, secret_hash, enrolled_at, version) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind_all(id, *name, prefix, hash_secret(*secret), ctx.now(), *version);
    auto used = db.prepare("UPDATE enrolment_codes SET terminal_id = ?1 WHERE code_hash = ?2");
    used.bind_all(id, code_hash);
    if (!insert.run() || !used.run())
      return problem(500, "internal", "The server failed to answer");
    return json_reply(201, {{"terminal_id", id},
                            {"code_prefix", prefix},
                            {"server_box_public_key", api::to_base64(ctx.hub.box_public)},
                            {"tls_public_key_pin", ctx.hub.config.tls_public_key_pin},
                            {"heartbeat_interval_s", ctx.hub.config.heartbeat_interval_s}});
  });
}

Reply heartbeat(CallContext& ctx) {
  if (auto denied = require_terminal(ctx)) return *denied;
  const auto body = parse_object(ctx.call.body);
  if (!body) return problem(400, "malformed-request", "The body is not a JSON object");
  Fields f{*body, {}};
  const auto version = f.string("version", api::check_version);
  const auto depth = f.integer("outbox_depth", 0, 1'000'000'000);
  const auto last_error = f.string("last_error", api::check_last_error, Presence::Optional);
  if (!f.ok()) return validation_problem(f.errors);
  return write(ctx, [&](Db& db) {
    auto st = db.prepare(
        "UPDATE terminals SET last_seen_at = ?1, version = ?2, outbox_depth = ?3, last_error = ?4 "
        "WHERE id = ?5");
    st.bind_all(ctx.now(), *version, *depth, last_error, ctx.terminal->id);
    if (!st.run()) return problem(500, "internal", "The server failed to answer");
    return json_reply(200, {{"server_time", api::format_time(ctx.now())},
                            {"heartbeat_interval_s", ctx.hub.config.heartbeat_interval_s}});
  });
}

}  // namespace ih::hub
