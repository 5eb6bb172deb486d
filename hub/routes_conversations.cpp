// Conversations between a person and the helpers who answered their requests:
// list them, read and send messages, mark messages read. Both sides use the
// same calls; "mine" and "counterpart" are from the caller's point of view.
#include <charconv>

#include "api/time_text.h"
#include "hub/fields.h"
#include "hub/problem.h"
#include "hub/routes.h"

namespace ih::hub {
namespace {

// The conversation's seq if the caller takes part in it.
std::optional<int64_t> member_of(Db& db, const std::string& id, int64_t account_id) {
  auto st = db.prepare(
      "SELECT seq FROM conversations WHERE id = ?1 AND (person_id = ?2 OR helper_id = ?2)");
  st.bind_all(id, account_id);
  if (st.step() != Statement::Step::Row) return std::nullopt;
  return st.int64(0);
}

nlohmann::json message_json(const Statement& st, int64_t me) {
  return {{"id", std::to_string(st.int64(0))},
          {"mine", st.int64(1) == me},
          {"text", st.text(2)},
          {"sent_at", api::format_time(st.int64(3))},
          {"read", !st.is_null(4)}};
}

}  // namespace

Reply list_conversations(CallContext& ctx) {
  if (auto denied = require_any_session(ctx, {"person", "helper"})) return *denied;
  const auto limit = page_limit(ctx);
  if (!limit) return problem(400, "malformed-request", "limit must be 1 to 100");
  int64_t before = INT64_MAX;
  if (const std::string cursor = ctx.query("cursor"); !cursor.empty()) {
    const auto values = read_cursor(cursor, 1);
    if (!values) return problem(400, "malformed-request", "The cursor is not valid");
    before = (*values)[0];
  }
  const int64_t me = ctx.principal->account_id;
  auto db = ctx.hub.store->lease();
  auto st = db->prepare(
      "SELECT c.activity, c.id, r.id, r.category, c.updated_at, "
      "(SELECT display_name FROM accounts WHERE id = "
      "  CASE WHEN c.person_id = ?1 THEN c.helper_id ELSE c.person_id END), "
      "(SELECT count(*) FROM messages m WHERE m.conversation_seq = c.seq AND m.sender_id != ?1 "
      "  AND m.read_at IS NULL) "
      "FROM conversations c JOIN requests r ON r.seq = c.request_seq "
      "WHERE (c.person_id = ?1 OR c.helper_id = ?1) AND c.activity < ?2 "
      "ORDER BY c.activity DESC LIMIT ?3");
  st.bind_all(me, before, int64_t{*limit + 1});
  nlohmann::json items = nlohmann::json::array();
  int64_t last = 0;
  bool more = false;
  while (st.step() == Statement::Step::Row) {
    if (static_cast<int>(items.size()) == *limit) {
      more = true;
      break;
    }
    last = st.int64(0);
    items.push_back({{"id", st.text(1)},
                     {"request_id", st.text(2)},
                     {"category", st.text(3)},
                     {"updated_at", api::format_time(st.int64(4))},
                     {"counterpart", st.text(5)},
                     {"unread", st.int64(6)}});
  }
  nlohmann::json out = {{"items", items}};
  if (more) out["next_cursor"] = make_cursor({last});
  return json_reply(200, out);
}

Reply list_messages(CallContext& ctx) {
  if (auto denied = require_any_session(ctx, {"person", "helper"})) return *denied;
  const auto limit = page_limit(ctx);
  if (!limit) return problem(400, "malformed-request", "limit must be 1 to 100");
  int64_t after = 0;
  if (const std::string cursor = ctx.query("cursor"); !cursor.empty()) {
    const auto values = read_cursor(cursor, 1);
    if (!values) return problem(400, "malformed-request", "The cursor is not valid");
    after = (*values)[0];
  }
  const int64_t me = ctx.principal->account_id;
  auto db = ctx.hub.store->lease();
  const auto seq = member_of(*db, ctx.params[0], me);
  if (!seq) return problem(404, "not-found", "No such conversation");
  auto st = db->prepare(
      "SELECT id, sender_id, text, sent_at, read_at FROM messages "
      "WHERE conversation_seq = ?1 AND id > ?2 ORDER BY id LIMIT ?3");
  st.bind_all(*seq, after, int64_t{*limit});
  nlohmann::json items = nlohmann::json::array();
  while (st.step() == Statement::Step::Row) {
    after = st.int64(0);
    items.push_back(message_json(st, me));
  }
  return json_reply(200, {{"items", items}, {"next_cursor", make_cursor({after})}});
}

Reply send_message(CallContext& ctx) {
  if (auto denied = require_any_session(ctx, {"person", "helper"})) return *denied;
  const auto body = parse_object(ctx.call.body);
  if (!body) return problem(400, "malformed-request", "The body is not a JSON object");
  Fields f{*body, {}};
  const auto text = f.string("text", api::check_message_text);
  if (!f.ok()) return validation_problem(f.errors);
  const int64_t me = ctx.principal->account_id;
  return write(ctx, [&](Db& db) {
    const auto seq = member_of(db, ctx.params[0], me);
    if (!seq) return problem(404, "not-found", "No such conversation");
    auto insert = db.prepare(
        "INSERT INTO messages (conversation_seq, sender_id, text, sent_at) VALUES (?1, ?2, ?3, "
        "?4) RETURNING id");
    insert.bind_all(*seq, me, *text, ctx.now());
    const auto id = insert.run_returning_id();
    if (!id) return problem(500, "internal", "The server failed to answer");
    const auto activity = next_counter(db, "activity");
    auto touch =
        db.prepare("UPDATE conversations SET updated_at = ?1, activity = ?2 WHERE seq = ?3");
    touch.bind_all(ctx.now(), activity.value_or(0), *seq);
    touch.run();
    auto row =
        db.prepare("SELECT id, sender_id, text, sent_at, read_at FROM messages WHERE id = ?1");
    row.bind_all(*id);
    row.step();
    return json_reply(201, message_json(row, me));
  });
}

Reply mark_read(CallContext& ctx) {
  if (auto denied = require_any_session(ctx, {"person", "helper"})) return *denied;
  const auto body = parse_object(ctx.call.body);
  if (!body) return problem(400, "malformed-request", "The body is not a JSON object");
  Fields f{*body, {}};
  const auto up_to_text = f.string("up_to", api::check_message_id);
  int64_t up_to = 0;
  if (up_to_text) {
    const auto [end, ec] =
        std::from_chars(up_to_text->data(), up_to_text->data() + up_to_text->size(), up_to);
    if (ec != std::errc() || end != up_to_text->data() + up_to_text->size()) {
      f.fail("up_to", api::Reason::OutOfRange);
    }
  }
  if (!f.ok()) return validation_problem(f.errors);
  const int64_t me = ctx.principal->account_id;
  return write(ctx, [&](Db& db) {
    const auto seq = member_of(db, ctx.params[0], me);
    if (!seq) return problem(404, "not-found", "No such conversation");
    auto mark = db.prepare(
        "UPDATE messages SET read_at = ?1 WHERE conversation_seq = ?2 AND sender_id != ?3 "
        "AND id <= ?4 AND read_at IS NULL");
    mark.bind_all(ctx.now(), *seq, me, up_to);
    mark.run();
    auto unread = db.prepare(
        "SELECT count(*) FROM messages WHERE conversation_seq = ?1 AND sender_id != ?2 "
        "AND read_at IS NULL");
    unread.bind_all(*seq, me);
    unread.step();
    return json_reply(200, {{"unread", unread.int64(0)}});
  });
}

}  // namespace ih::hub
