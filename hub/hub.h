// ichhelfe-hub as a library: the reference implementation of api/openapi.yaml.
//
// A Hub owns its store (SQLite or PostgreSQL, hub/db.h) and answers API calls in-process through
// handle(); hub/server.h puts it behind HTTPS. Tests and benchmarks use both:
// the server for the real wire, the Hub for admin steps and for counting what
// arrived. All member functions are thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ih::hub {

// One API call, independent of how it arrived (HTTPS or inside an envelope).
struct Call {
  std::string method;  // "GET", "POST", "DELETE"
  std::string path;    // "/v1/requests", without the query
  std::vector<std::pair<std::string, std::string>> query;
  std::string terminal_credential;  // Terminal-Credential header, or empty
  std::string bearer;               // the token of "Authorization: Bearer …", or empty
  std::string idempotency_key;
  std::string content_type;  // the Content-Type header; a body must be JSON
  std::string body;
  // For a call opened from an envelope: when the terminal sealed it (Unix
  // seconds). Session tokens are judged at that time.
  std::optional<int64_t> sealed_at;
};

struct Reply {
  int status = 200;
  std::string body;  // JSON, or empty for 204
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
};

// How hard PINs are to hash. Interactive is libsodium's interactive Argon2id
// limit (64 MiB); Minimal exists so tests under sanitizers stay fast.
enum class PinCost { Interactive, Minimal };

struct Config {
  // The SQLite database file, unless `postgres` is given.
  std::string db_path;
  // A libpq connection string ("postgresql://…" or "host=… dbname=…"): the
  // hub keeps its state in that PostgreSQL database, which several hub
  // processes may share; db_path is then not used.
  std::string postgres;
  // The file whose key seals the hub's own keys in the database
  // (hub_keys.h); empty: db_path + ".key". Every hub process that shares a
  // PostgreSQL database needs a copy of the same file.
  std::string key_path;
  PinCost pin_cost = PinCost::Interactive;
  int64_t person_session_s = 15 * 60;
  int64_t helper_session_s = 30 * 24 * 3600;
  int account_failure_limit = 5;
  int terminal_failure_limit = 20;
  int64_t failure_window_s = 15 * 60;
  // How long a terminal that is online has to deliver the envelopes of a
  // session that has expired meanwhile (call_context.h). Its outbox drains
  // within minutes (backoff peaks at 5); later envelopes are refused.
  int64_t envelope_drain_s = 3600;
  int heartbeat_interval_s = 300;
  // PIN hashes computed at once (hub/pin_gate.h), and how long a call waits
  // for one before it is answered 503.
  int pin_hash_slots = 2;
  int pin_hash_wait_ms = 2000;
  // Told to terminals at enrolment, so they can pin the TLS key from then on.
  std::string tls_public_key_pin;
  // Unix seconds; tests move time forward to expire tokens and limits.
  std::function<int64_t()> clock;
};

// Test hooks: a fault injector may answer a call before the hub handles it, or
// replace the reply after it did (the change is then applied but the caller
// sees an error, as when a proxy dies after the server committed).
enum class FaultPhase { Before, After };
using FaultInjector = std::function<std::optional<Reply>(const Call&, FaultPhase)>;

struct Counters {
  uint64_t applied = 0;   // state changes committed
  uint64_t replayed = 0;  // repeats answered from the idempotency store
};

struct Credentials {
  std::string personal_code;
  std::string secret;  // PIN or password, shown once
};

struct Hub;
struct HubDeleter {
  void operator()(Hub* hub) const;
};
using HubPtr = std::unique_ptr<Hub, HubDeleter>;

// Opens (creating and migrating) the store. nullptr and *error on failure.
HubPtr open_hub(Config config, std::string* error);

// Answers one call. Never throws; unexpected failures are 500 problems.
Reply handle(Hub& hub, const Call& call);

void set_fault_injector(Hub& hub, FaultInjector injector);
Counters counters(const Hub& hub);

// Admin: a one-time enrolment code ("XXXX-XXXX-XX"), valid for `valid_s`.
std::string issue_enrolment_code(Hub& hub, int64_t valid_s);
// Admin: a staff member who may reset PINs at terminals.
std::optional<Credentials> add_staff(Hub& hub, std::string_view display_name);
// Admin: a helper with competencies, languages, town and travel radius.
struct HelperProfile {
  std::string display_name;
  std::vector<std::string> languages;
  std::vector<std::string> categories;
  std::string town;
  int radius_km = 20;
};
std::optional<Credentials> add_helper(Hub& hub, const HelperProfile& profile);
// Admin: demo helpers in towns across Saxony; none if helpers exist already.
std::vector<std::pair<HelperProfile, Credentials>> seed_demo_helpers(Hub& hub);

// Every route the hub serves as (method, path) with ':' for a path parameter,
// so a test can hold them against api/openapi.yaml.
std::vector<std::pair<std::string, std::string>> routes();

// The X25519 public key terminals seal envelopes to.
std::vector<unsigned char> box_public_key(const Hub& hub);

// For tests and admin: the single integer a read-only SQL query answers, in
// the subset both stores speak (hub/db.h; e.g. "SELECT count(*) FROM
// requests"), or -1.
int64_t query_int(Hub& hub, std::string_view sql, std::string_view text_argument = {});

}  // namespace ih::hub
