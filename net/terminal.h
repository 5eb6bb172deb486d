// The terminal's side of the API: enrolment, people's sessions, and the state
// changes they make, queued sealed in the outbox (outbox.h) for the sync engine
// (sync_engine.h) to deliver. Queueing is local and quick, so the UI thread may
// call it; enrol() and login() talk to the server and must run elsewhere
// (background.h).
//
// A kiosk's life with the network layer:
//   start:    Outbox::open(state folder) → load_identity(), or enrol() once by
//             staff → SyncEngine(outbox, pinned_config(…), identity).start()
//   a person: create_account() (works offline) or login() → queue_request(),
//             queue_message(), queue_withdrawal() → an Inbox while they stay
//   the end:  queue_logout(), destroy the Inbox and the PersonSession; the
//             outbox keeps only sealed envelopes
//   always:   SyncEngine::status() for the status line and staff mode
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "net/api_client.h"
#include "net/http_client.h"
#include "net/outbox.h"

namespace ih::net {

// What enrolment gave the terminal; kept in the outbox file's state table.
struct TerminalIdentity {
  std::string terminal_id;
  std::string device_secret;
  std::string code_prefix;
  std::string tls_public_key_pin;
  std::vector<unsigned char> server_box_key;
  std::string credential() const { return terminal_id + '.' + device_secret; }
};

std::optional<TerminalIdentity> load_identity(Outbox& outbox);

struct EnrolOutcome {
  std::optional<TerminalIdentity> identity;
  std::string error;  // a category, for staff: "code refused", "timeout", …
};
// Enrols with a one-time code and stores the identity. From then on, use
// pinned_config() for every client.
EnrolOutcome enrol(HttpClient& client, Outbox& outbox, const std::string& enrolment_code,
                   const std::string& terminal_name, const std::string& version);

// The configuration with the server key pinned that enrolment returned.
HttpConfig pinned_config(HttpConfig config, const TerminalIdentity& identity);

// A person's session. It lives in memory only, for as long as they use the
// terminal. `lane` keeps their queued changes in order, across sessions too:
// it is derived from their code with the terminal's secret, so it names no one.
// With the lane the kiosk asks the outbox what of the person's still waits
// (Outbox::waiting_in_lane) or was refused (Outbox::untold_dead_letters).
struct PersonSession {
  std::string personal_code;
  std::string token;
  std::string lane;
  std::string display_name;  // from a login's reply; create_account leaves it empty
};

// The lane of a canonical personal code (as create_account and login make
// them).
std::string lane_for(const TerminalIdentity& identity, std::string_view personal_code);
// The lane of a code as a person typed it (read leniently, as
// api/personal_code.h does), or nullopt if it is not a personal code. For a
// login that failed: was this person's profile refused, or is it still
// waiting to be sent?
std::optional<std::string> lane_of(const TerminalIdentity& identity, std::string_view typed_code);

struct NewProfile {
  std::string display_name;
  std::vector<std::string> languages;
  std::string town;
  std::string phone;  // empty: none
  std::string pin;
};

// Makes the person's code and session token here, without the server, and
// queues the account's creation. nullopt if the outbox cannot take it or the
// terminal has used up its codes.
std::optional<PersonSession> create_account(Outbox& outbox, const TerminalIdentity& identity,
                                            const NewProfile& profile, int64_t now);

// Logs in at the server (online only; a PIN never waits in the outbox).
ApiResult<PersonSession> login(HttpClient& client, const TerminalIdentity& identity,
                               const std::string& personal_code, const std::string& pin);

// Queue a state change for the person; true (or the new request's id) when it
// is durably queued. A request's id is made here, so it can be shown and
// withdrawn before it reaches the server.
std::optional<std::string> queue_request(Outbox& outbox, const TerminalIdentity& identity,
                                         const PersonSession& session, nlohmann::json request,
                                         int64_t now);
bool queue_withdrawal(Outbox& outbox, const TerminalIdentity& identity,
                      const PersonSession& session, const std::string& request_id, int64_t now);
bool queue_message(Outbox& outbox, const TerminalIdentity& identity, const PersonSession& session,
                   const std::string& conversation_id, const std::string& text, int64_t now);
// Ends the session after everything queued in its lane so far: a logout sent
// at once could reach the server before the person's last entries, which
// would then be refused as calls of an ended session.
bool queue_logout(Outbox& outbox, const TerminalIdentity& identity, const PersonSession& session,
                  int64_t now);

}  // namespace ih::net
