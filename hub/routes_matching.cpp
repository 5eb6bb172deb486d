// Matching: how many helpers fit a person's request; the ranked feed of open
// requests that fit a helper; a helper's answer, which opens a conversation.
#include <algorithm>
#include <tuple>

#include "api/time_text.h"
#include "hub/account_json.h"
#include "hub/crypto.h"
#include "hub/fields.h"
#include "hub/matching.h"
#include "hub/problem.h"
#include "hub/routes.h"

namespace ih::hub {

Reply count_matches(CallContext& ctx) {
  if (auto denied = require_terminal(ctx)) return *denied;
  if (auto denied = require_session(ctx, {"person"})) return *denied;
  auto db = ctx.hub.store->lease();
  auto st = db->prepare(
      "SELECT category, helper_language, town FROM requests WHERE id = ?1 AND account_id = ?2");
  st.bind_all(ctx.params[0], ctx.principal->account_id);
  if (st.step() != Statement::Step::Row) return problem(404, "not-found", "No such request");
  const RequestFacts request{st.text(0), st.text(1), st.text(2)};
  int count = 0;
  for (const HelperFacts& helper : load_helpers(*db)) count += fit(helper, request) ? 1 : 0;
  return json_reply(200, {{"request_id", ctx.params[0]}, {"fitting_helpers", count}});
}

Reply feed(CallContext& ctx) {
  if (auto denied = require_session(ctx, {"helper"})) return *denied;
  const auto limit = page_limit(ctx);
  if (!limit) return problem(400, "malformed-request", "limit must be 1 to 100");
  // The feed is ordered by (km, seq); the cursor is the last item's pair.
  std::tuple<int64_t, int64_t> after{-1, -1};
  if (const std::string cursor = ctx.query("cursor"); !cursor.empty()) {
    const auto values = read_cursor(cursor, 2);
    if (!values) return problem(400, "malformed-request", "The cursor is not valid");
    after = {(*values)[0], (*values)[1]};
  }
  auto db = ctx.hub.store->lease();
  const auto helpers = load_helpers(*db, ctx.principal->account_id);
  if (helpers.empty()) return problem(403, "forbidden", "This helper has no profile");
  const HelperFacts& helper = helpers[0];
  // The index narrows to open requests in the helper's categories and
  // languages; distance is judged here, request by request. Ranking all of
  // them for every page costs O(n log n) per call: fine for a reference hub
  // with thousands of open requests, not for millions.
  // One parameter per category and per language: a list in one parameter
  // would need a dialect's own function (json_each, unnest).
  const auto placeholders = [](size_t first, size_t count) {
    std::string out = "NULL";  // an empty list matches nothing, in both dialects
    for (size_t i = 0; i < count; ++i) out += ", ?" + std::to_string(first + i);
    return out;
  };
  auto st = db->prepare(std::string("SELECT r.seq, ") + kRequestColumns +
                        " FROM requests r WHERE r.status = 'open' AND r.category IN (" +
                        placeholders(1, helper.categories.size()) + ") AND r.helper_language IN (" +
                        placeholders(1 + helper.categories.size(), helper.languages.size()) + ")");
  int index = 0;
  for (const std::string& category : helper.categories) st.bind(++index, category);
  for (const std::string& language : helper.languages) st.bind(++index, language);
  struct Ranked {
    int64_t km;
    int64_t seq;
    nlohmann::json request;
  };
  std::vector<Ranked> ranked;
  while (st.step() == Statement::Step::Row) {
    const auto km = fit(helper, {st.text(2), st.text(7), st.text(5)});
    if (!km || std::tuple<int64_t, int64_t>{*km, st.int64(0)} <= after) continue;
    nlohmann::json request = request_json(st, 1);
    // The helper sees what the request asks, not its state or who asked.
    request.erase("status");
    request.erase("updated_at");
    ranked.push_back({*km, st.int64(0), std::move(request)});
  }
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    return std::tie(a.km, a.seq) < std::tie(b.km, b.seq);
  });
  nlohmann::json items = nlohmann::json::array();
  const size_t count = std::min(ranked.size(), static_cast<size_t>(*limit));
  for (size_t i = 0; i < count; ++i) {
    items.push_back({{"request", ranked[i].request}, {"distance_km", ranked[i].km}});
  }
  nlohmann::json out = {{"items", items}};
  if (ranked.size() > count)
    out["next_cursor"] = make_cursor({ranked[count - 1].km, ranked[count - 1].seq});
  return json_reply(200, out);
}

namespace {

// The refusal of an offer on a request that does not fit the helper, naming
// the parts of the rule (matching.h) that failed, never the request's values.
Reply does_not_fit(const Fit& judged) {
  struct Part {
    bool fits;
    const char* field;
    const char* why;
  };
  const Part parts[] = {
      {judged.category, "category", "the helper does not offer its category"},
      {judged.language, "helper_language", "the helper does not speak the language asked for"},
      {judged.town, "town", "its town is beyond the distance the helper travels"},
  };
  nlohmann::json unfit = nlohmann::json::array();
  std::string detail;
  for (const Part& part : parts) {
    if (part.fits) continue;
    unfit.push_back(part.field);
    detail += (detail.empty() ? "" : "; ") + std::string(part.why);
  }
  Reply reply =
      problem(403, "request-does-not-fit", "The request does not fit this helper", detail);
  auto body = nlohmann::json::parse(reply.body);
  body["unfit"] = unfit;
  reply.body = body.dump();
  return reply;
}

}  // namespace

Reply offer_help(CallContext& ctx) {
  if (auto denied = require_session(ctx, {"helper"})) return *denied;
  const auto body = parse_object(ctx.call.body);
  if (!body) return problem(400, "malformed-request", "The body is not a JSON object");
  Fields f{*body, {}};
  const auto message = f.string("message", api::check_message_text);
  if (!f.ok()) return validation_problem(f.errors);
  // One transaction (BEGIN IMMEDIATE, see write()) reads the request's state
  // and answers it, so of two helpers offering at once the second finds it
  // answered: exactly one conversation per request.
  return write(ctx, [&](Db& db) {
    const auto helpers = load_helpers(db, ctx.principal->account_id);
    if (helpers.empty()) return problem(403, "forbidden", "This helper has no profile");
    auto st = db.prepare(
        "SELECT r.seq, r.status, r.category, a.id, a.display_name, r.helper_language, r.town "
        "FROM requests r JOIN accounts a ON a.id = r.account_id WHERE r.id = ?1");
    st.bind_all(ctx.params[0]);
    if (st.step() != Statement::Step::Row) return problem(404, "not-found", "No such request");
    const int64_t request_seq = st.int64(0);
    const std::string status = st.text(1);
    const std::string category = st.text(2);
    const int64_t person_id = st.int64(3);
    const std::string person_name = st.text(4);
    // Whether it fits is judged before its state, so a helper it does not
    // fit learns nothing about what became of it.
    const Fit judged = judge_fit(helpers[0], {category, st.text(5), st.text(6)});
    if (!judged.fits()) return does_not_fit(judged);
    if (status == "withdrawn") {
      return problem(409, "request-withdrawn", "The person withdrew this request");
    }
    if (status != "open") {
      return problem(409, "request-answered", "A helper has answered this request already");
    }
    const auto activity = next_counter(db, "activity");
    const std::string id = random_id("c_");
    auto conversation = db.prepare(
        "INSERT INTO conversations (id, request_seq, person_id, helper_id, updated_at, activity) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING seq");
    conversation.bind_all(id, request_seq, person_id, ctx.principal->account_id, ctx.now(),
                          activity.value_or(0));
    const auto conversation_seq = conversation.run_returning_id();
    if (!conversation_seq) return problem(500, "internal", "The server failed to answer");
    auto first = db.prepare(
        "INSERT INTO messages (conversation_seq, sender_id, text, sent_at) VALUES (?1, ?2, ?3, "
        "?4)");
    first.bind_all(*conversation_seq, ctx.principal->account_id, *message, ctx.now());
    auto answered = db.prepare(
        "UPDATE requests SET status = 'answered', updated_at = ?1 WHERE seq = ?2 AND status = "
        "'open'");
    answered.bind_all(ctx.now(), request_seq);
    if (!first.run() || !answered.run() || db.changes() != 1)
      return problem(500, "internal", "The server failed to answer");
    return json_reply(201, {{"id", id},
                            {"request_id", ctx.params[0]},
                            {"category", category},
                            {"counterpart", person_name},
                            {"unread", 0},
                            {"updated_at", api::format_time(ctx.now())}});
  });
}

}  // namespace ih::hub
