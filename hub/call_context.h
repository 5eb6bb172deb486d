// What a route handler knows about the call it answers: the path parameters,
// the terminal and the session that authenticated it, the time to judge it at,
// and write(), which applies a state change exactly once per idempotency key.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/db.h"
#include "hub/state.h"

namespace ih::hub {

struct Terminal {
  std::string id;
  std::string code_prefix;
};

struct Principal {
  int64_t account_id = 0;
  std::string code;
  std::string role;
  std::string display_name;
  std::vector<unsigned char> token_hash;
};

struct CallContext {
  Hub& hub;
  const Call& call;
  std::vector<std::string> params;  // the ':' parts of the route, in order
  std::optional<Terminal> terminal;
  std::optional<Principal> principal;

  // The time a session is judged at: when an envelope was sealed, else now.
  int64_t judged_at() const { return call.sealed_at ? *call.sealed_at : hub.now(); }
  int64_t now() const { return hub.now(); }
  std::string query(std::string_view name) const;
};

// Authenticates the Terminal-Credential header; an error reply if it fails.
// The terminal is online: sessions of it that have expired start their
// envelope_drain_s (hub.h), after which their envelopes are refused.
std::optional<Reply> require_terminal(CallContext& ctx);

// Authenticates the bearer session for one of `roles`. Persons and staff must
// call from the terminal their session was opened at (require_terminal first).
// A call from an envelope is judged at its sealed_at, but a session that was
// ended (logout, PIN reset) takes none, and an expired one none after its
// terminal's drain time.
std::optional<Reply> require_session(CallContext& ctx,
                                     std::initializer_list<std::string_view> roles);

// For calls that persons and staff make at a terminal and helpers make
// without one: the terminal if a credential is sent, then the session.
std::optional<Reply> require_any_session(CallContext& ctx,
                                         std::initializer_list<std::string_view> roles);

// What a refused call keeps although its change is rolled back (a failed
// login attempt, which must count). Runs in the same transaction, after the
// rollback, with the refusal `change` answered.
using KeepOnRefusal = std::function<void(Db&, const Reply&)>;

// Applies `change` in one immediate transaction together with the idempotency
// record of the call's key: a repeat of the same call gets the stored reply, a
// different call with the same key gets 409. A refusal (any status from 400)
// rolls back everything `change` wrote, so a handler may refuse at any point;
// then only what `keep` writes is committed with the record. Replies of 429
// and 5xx are not stored, and nothing of them is committed.
Reply write(CallContext& ctx, const std::function<Reply(Db&)>& change,
            const KeepOnRefusal& keep = {});

// The page size from ?limit= (1..100, default 20), or nullopt if malformed.
std::optional<int> page_limit(const CallContext& ctx);

// Cursors are opaque to callers; inside they are a base64url list of integers.
std::string make_cursor(std::initializer_list<int64_t> values);
std::optional<std::vector<int64_t>> read_cursor(std::string_view cursor, size_t count);

}  // namespace ih::hub
