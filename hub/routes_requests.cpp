// Requests for help: post one, list mine with their status, withdraw one.
#include "api/field_rules.h"
#include "api/secret.h"
#include "api/time_text.h"
#include "hub/account_json.h"
#include "hub/crypto.h"
#include "hub/fields.h"
#include "hub/problem.h"
#include "hub/routes.h"

namespace ih::hub {

Reply create_request(CallContext& ctx) {
  if (auto denied = require_terminal(ctx)) return *denied;
  if (auto denied = require_session(ctx, {"person"})) return *denied;
  const auto body = parse_object(ctx.call.body);
  if (!body) return problem(400, "malformed-request", "The body is not a JSON object");
  Fields f{*body, {}};
  const auto category = f.string("category", api::check_category);
  const auto* when = f.object_field("when");
  std::optional<std::string> date, part_of_day;
  if (when) {
    Fields w{*when, {}};
    date = w.string("date", api::check_date, Presence::Optional);
    part_of_day = w.string("part_of_day", api::check_part_of_day);
    f.merge("when", w);
  }
  const auto town = f.string("town", api::check_town);
  const auto place = f.string("place", api::check_place, Presence::Optional);
  const auto language = f.string("helper_language", api::check_language);
  const auto text = f.string("text", api::check_request_text, Presence::Optional);
  // A terminal names the request itself, so a person can see and withdraw it
  // while it still waits in the outbox.
  const auto chosen_id = f.string("id", api::check_request_id, Presence::Optional);
  if (!f.ok()) return validation_problem(f.errors);

  return write(ctx, [&](Db& db) {
    const std::string id = chosen_id.value_or(random_id("r_"));
    auto taken = db.prepare("SELECT 1 FROM requests WHERE id = ?1");
    taken.bind_all(id);
    if (taken.step() == Statement::Step::Row) {
      return problem(409, "conflict", "A request with this id exists");
    }
    auto insert = db.prepare(
        "INSERT INTO requests (id, account_id, category, when_date, part_of_day, town, place, "
        "helper_language, text, status, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'open', ?10, ?10)");
    insert.bind_all(id, ctx.principal->account_id, *category, date, *part_of_day, *town, place,
                    *language, text, ctx.now());
    if (!insert.run()) return problem(500, "internal", "The server failed to answer");
    auto row =
        db.prepare(std::string("SELECT ") + kRequestColumns + " FROM requests r WHERE r.id = ?1");
    row.bind_all(id);
    row.step();
    return json_reply(201, request_json(row));
  });
}

Reply list_requests(CallContext& ctx) {
  if (auto denied = require_terminal(ctx)) return *denied;
  if (auto denied = require_session(ctx, {"person"})) return *denied;
  const auto limit = page_limit(ctx);
  int64_t before = INT64_MAX;
  if (const std::string cursor = ctx.query("cursor"); !cursor.empty()) {
    const auto values = read_cursor(cursor, 1);
    if (!values) return problem(400, "malformed-request", "The cursor is not valid");
    before = (*values)[0];
  }
  if (!limit) return problem(400, "malformed-request", "limit must be 1 to 100");
  auto db = ctx.hub.store->lease();
  auto st = db->prepare(std::string("SELECT r.seq, ") + kRequestColumns +
                        " FROM requests r WHERE r.account_id = ?1 AND r.seq < ?2 "
                        "ORDER BY r.seq DESC LIMIT ?3");
  st.bind_all(ctx.principal->account_id, before, int64_t{*limit + 1});
  nlohmann::json items = nlohmann::json::array();
  int64_t last = 0;
  bool more = false;
  while (st.step() == Statement::Step::Row) {
    if (static_cast<int>(items.size()) == *limit) {
      more = true;
      break;
    }
    last = st.int64(0);
    items.push_back(request_json(st, 1));
  }
  nlohmann::json out = {{"items", items}};
  if (more) out["next_cursor"] = make_cursor({last});
  return json_reply(200, out);
}

Reply withdraw_request(CallContext& ctx) {
  if (auto denied = require_terminal(ctx)) return *denied;
  if (auto denied = require_session(ctx, {"person"})) return *denied;
  return write(ctx, [&](Db& db) {
    auto update = db.prepare(
        "UPDATE requests SET status = 'withdrawn', updated_at = ?1 "
        "WHERE id = ?2 AND account_id = ?3 AND status != 'withdrawn'");
    update.bind_all(ctx.now(), ctx.params[0], ctx.principal->account_id);
    if (!update.run()) return problem(500, "internal", "The server failed to answer");
    auto row = db.prepare(std::string("SELECT ") + kRequestColumns +
                          " FROM requests r WHERE r.id = ?1 AND r.account_id = ?2");
    row.bind_all(ctx.params[0], ctx.principal->account_id);
    if (row.step() != Statement::Step::Row) return problem(404, "not-found", "No such request");
    return json_reply(200, request_json(row));
  });
}

}  // namespace ih::hub
