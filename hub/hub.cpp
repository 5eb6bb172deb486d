#include "hub/hub.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <exception>
#include <string_view>

#include "api/secret.h"
#include "hub/crypto.h"
#include "hub/db_postgres.h"
#include "hub/db_sqlite.h"
#include "hub/housekeeping.h"
#include "hub/hub_keys.h"
#include "hub/private_files.h"
#include "hub/problem.h"
#include "hub/routes.h"
#include "hub/state.h"

namespace ih::hub {
namespace {

struct Route {
  std::string_view method;
  std::string_view pattern;  // '/'-separated; ':' matches one segment
  Reply (*handler)(CallContext&);
};

constexpr Route kRoutes[] = {
    {"GET", "/v1/health", health},
    {"POST", "/v1/terminals", enrol_terminal},
    {"POST", "/v1/terminals/self/heartbeat", heartbeat},
    {"POST", "/v1/accounts", create_account},
    {"GET", "/v1/accounts/me", me},
    {"POST", "/v1/accounts/:/pin-reset", reset_pin},
    {"POST", "/v1/sessions", login},
    {"DELETE", "/v1/sessions/current", logout},
    {"POST", "/v1/requests", create_request},
    {"GET", "/v1/requests", list_requests},
    {"POST", "/v1/requests/:/withdraw", withdraw_request},
    {"GET", "/v1/requests/:/matches", count_matches},
    {"POST", "/v1/requests/:/offers", offer_help},
    {"GET", "/v1/matching/feed", feed},
    {"GET", "/v1/conversations", list_conversations},
    {"GET", "/v1/conversations/:/messages", list_messages},
    {"POST", "/v1/conversations/:/messages", send_message},
    {"POST", "/v1/conversations/:/read", mark_read},
    {"POST", "/v1/envelopes", deliver_envelope},
};

// Splits "/a/b/c" into its segments; matches them against a route pattern.
bool match(std::string_view pattern, std::string_view path, std::vector<std::string>* params) {
  params->clear();
  while (!pattern.empty() || !path.empty()) {
    if (pattern.empty() || path.empty() || pattern[0] != '/' || path[0] != '/') return false;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
    const size_t pe = pattern.find('/');
    const size_t se = path.find('/');
    const std::string_view want = pattern.substr(0, pe);
    const std::string_view have = path.substr(0, se);
    if (have.empty()) return false;
    if (want == ":") {
      params->emplace_back(have);
    } else if (want != have) {
      return false;
    }
    pattern.remove_prefix(want.size());
    path.remove_prefix(have.size());
  }
  return true;
}

// Whether a Content-Type names JSON: "application/json", in any case, with
// parameters (a charset) or without.
bool is_json(std::string_view content_type) {
  content_type = content_type.substr(0, content_type.find(';'));
  while (!content_type.empty() && content_type.back() == ' ') content_type.remove_suffix(1);
  constexpr std::string_view json = "application/json";
  return content_type.size() == json.size() &&
         std::equal(json.begin(), json.end(), content_type.begin(), [](char a, char b) {
           return a == std::tolower(static_cast<unsigned char>(b));
         });
}

int64_t system_clock_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

void HubDeleter::operator()(Hub* hub) const {
  delete hub;
}

HubPtr open_hub(Config config, std::string* error) {
  if (sodium_init() < 0) {
    *error = "libsodium cannot be initialised";
    return nullptr;
  }
  HubPtr hub(new Hub);
  if (!config.clock) config.clock = system_clock_seconds;
  hub->config = std::move(config);
  if (!hub->config.postgres.empty()) {
    if (hub->config.key_path.empty()) {
      *error = "a hub on PostgreSQL needs the path of its key file";
      return nullptr;
    }
    if (!make_private_if_present(hub->config.key_path, error)) return nullptr;
    const std::string conninfo = hub->config.postgres;
    hub->store =
        Store::open([&](std::string* why) { return open_postgres_db(conninfo, why); }, 8, error);
  } else {
    if (hub->config.key_path.empty()) hub->config.key_path = hub->config.db_path + ".key";
    // Private before SQLite opens it: its WAL and shared memory take its mode.
    const std::string& db_path = hub->config.db_path;
    if (!make_private_file(db_path, error) || !make_private_if_present(db_path + "-wal", error) ||
        !make_private_if_present(db_path + "-shm", error) ||
        !make_private_if_present(hub->config.key_path, error)) {
      return nullptr;
    }
    hub->store =
        Store::open([&](std::string* why) { return open_sqlite_db(db_path, why); }, 8, error);
  }
  if (!hub->store || !load_or_make_keys(*hub, error)) return nullptr;
  hub->pins = std::make_unique<PinGate>(std::max(1, hub->config.pin_hash_slots),
                                        std::chrono::milliseconds(hub->config.pin_hash_wait_ms));
  const auto decoy = hash_pin(api::mint_secret(), hub->config.pin_cost);
  if (!decoy) {
    *error = "cannot hash a PIN: out of memory";
    return nullptr;
  }
  hub->decoy_pin_hash = *decoy;
  keep_house(*hub);
  return hub;
}

Reply health(CallContext&) {
  return json_reply(200, {{"status", "ok"}, {"version", ICHHELFE_VERSION}});
}

Reply dispatch(Hub& hub, const Call& call) {
  std::vector<std::string> params;
  bool path_known = false;
  for (const Route& route : kRoutes) {
    if (!match(route.pattern, call.path, &params)) continue;
    path_known = true;
    if (route.method != call.method) continue;
    if (call.method != "GET" && call.idempotency_key.empty()) {
      return problem(400, "idempotency-key-missing", "This call needs an Idempotency-Key header");
    }
    if (call.method != "GET" && !api::is_idempotency_key(call.idempotency_key)) {
      return problem(400, "malformed-request", "The Idempotency-Key header is malformed");
    }
    if (!call.body.empty() && !is_json(call.content_type)) {
      return problem(415, "unsupported-media-type", "The body must be application/json");
    }
    CallContext ctx{hub, call, std::move(params), std::nullopt, std::nullopt};
    try {
      return route.handler(ctx);
    } catch (const std::exception&) {
      // A handler bug or an allocation failure: the caller may retry, the
      // transaction has rolled back, and nothing of the call is logged.
      return problem(500, "internal", "The server failed to answer");
    }
  }
  if (path_known) return problem(405, "method-not-allowed", "This path does not take this method");
  return problem(404, "not-found", "No such resource");
}

Reply handle(Hub& hub, const Call& call) {
  FaultInjector fault;
  {
    std::lock_guard lock(hub.fault_mutex);
    fault = hub.fault;
  }
  if (fault) {
    if (auto injected = fault(call, FaultPhase::Before)) return *injected;
  }
  Reply reply = dispatch(hub, call);
  if (fault) {
    if (auto injected = fault(call, FaultPhase::After)) return *injected;
  }
  return reply;
}

void set_fault_injector(Hub& hub, FaultInjector injector) {
  std::lock_guard lock(hub.fault_mutex);
  hub.fault = std::move(injector);
}

Counters counters(const Hub& hub) {
  return {hub.applied.load(), hub.replayed.load()};
}

std::vector<std::pair<std::string, std::string>> routes() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Route& route : kRoutes) out.emplace_back(route.method, route.pattern);
  return out;
}

std::vector<unsigned char> box_public_key(const Hub& hub) {
  return hub.box_public;
}

int64_t query_int(Hub& hub, std::string_view sql, std::string_view text_argument) {
  auto db = hub.store->lease();
  auto st = db->prepare(sql);
  if (!text_argument.empty()) st.bind(1, text_argument);
  return st.step() == Statement::Step::Row ? st.int64(0) : -1;
}

}  // namespace ih::hub
