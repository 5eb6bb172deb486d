// The kiosk's link to the platform: the one owner of everything from net/ the
// kiosk uses (see net/terminal.h for the order of calls). It holds
//
//   the outbox        sealed entries and the terminal's credential, in the state folder
//   the identity      from enrolment, read back from the outbox at start
//   the sync engine   its own thread, draining the outbox and sending heartbeats
//   a worker          for calls that need the server now (login, logout)
//
// The shell never sees these: it gets AccountServices and StaffServices
// (services.h), callbacks bound to a Link (or to fakes in tests) in the
// kiosk's own types, and looks at the futures they return in its frames. This
// is the one place that translates between those types and net/'s.
//
// When something arrives in the background (a login's, logout's, PIN
// reset's or enrolment's answer, a change in what status() shows), the Link
// calls the function given to on_change(), on the thread where it arrived:
// main.cpp binds it to App::wake(), so the next frame shows it at once,
// without a touch and without polling.
//
// Thread-safety: create, destroy and call a Link from the UI thread; the calls
// are quick (queueing is local; what needs the network returns a future).
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "kiosk/services.h"
#include "net/background.h"
#include "net/inbox.h"
#include "net/outbox.h"
#include "net/staff.h"
#include "net/sync_engine.h"
#include "net/terminal.h"

namespace ih::kiosk {

// The platform's rule for personal codes (api/personal_code.h), for
// AccountServices::normalize_code; needs no Link.
CodeRule personal_code_rule();

// The platform's rules for a profile's fields (api/field_rules.h), for
// AccountServices::rules; needs no Link.
FieldRules field_rules();

struct LinkConfig {
  std::string server_url;  // https://…; empty: no Link
  std::string ca_file;     // PEM to trust; empty: the system's store
  std::string state_dir;   // holds outbox.db, made if missing
  std::string version;     // reported at enrolment and in heartbeats
  // How often a logged-in person's conversations are fetched: a helper's
  // message shows within this long of reaching the platform.
  std::chrono::milliseconds inbox_every{3000};
};

class Link {
 public:
  struct Opened {
    std::unique_ptr<Link> link;  // null when the state folder or outbox cannot be used
    std::string error;
  };
  // Opens the outbox in `config.state_dir` and, when the terminal is
  // enrolled, starts the sync engine.
  static Opened open(const LinkConfig& config);
  ~Link();
  Link(const Link&) = delete;
  Link& operator=(const Link&) = delete;

  // The wall clock in Unix seconds, as entries are sealed with it.
  static int64_t unix_now();

  bool enrolled() const;
  // Not enrolled: Offline, with last_error "not enrolled".
  net::SyncStatus status();

  std::optional<PersonSession> create_account(const NewProfile& profile);
  std::future<LoginOutcome> login(const std::string& code, const std::string& pin);
  void logout(const PersonSession& session);
  // Enrols the terminal with a code from the hub (staff); the future holds an
  // error category, empty on success. The sync engine starts once it is done.
  std::future<std::string> enrol(const std::string& code, const std::string& terminal_name);

  // Sets a person's new PIN, staff at their side (net/staff.h).
  std::future<PinResetResult> reset_pin(const PinReset& reset);

  // [link_requests.cpp] A person's requests for help (RequestServices).
  std::optional<std::string> queue_request(const PersonSession& session, const NewRequest& r);
  bool withdraw_request(const PersonSession& session, const std::string& id);
  int64_t requests_waiting(const PersonSession& session);
  std::future<RequestList> list_requests(const PersonSession& session);
  std::future<MatchAnswer> count_matches(const PersonSession& session, const std::string& id);
  RequestServices request_services();

  // [link_messages.cpp] A person's conversations (MessageServices).
  void open_inbox(const PersonSession& session);
  std::optional<InboxView> inbox(uint64_t& seen);
  bool send_message(const PersonSession& session, const OutgoingMessage& message);
  int64_t messages_waiting(const PersonSession& session);
  void mark_read(const PersonSession& session, const ReadMark& mark);
  void refresh_inbox();
  void close_inbox();
  MessageServices message_services();

  // Calls `call` whenever something arrived that a screen may show: a
  // future this Link returned became ready, or the sync status changed.
  // `call` runs on the Link's threads (the worker, the sync engine, an
  // enrolment's), must be quick and thread-safe, and is never called again
  // once on_change() returns with another (or an empty) function.
  void on_change(std::function<void()> call);

  // Callbacks bound to this Link, which must outlive them.
  AccountServices services();
  // Staff mode's callbacks for the network (status, enrolled, version, enrol,
  // reset_pin); the caller adds save_settings.
  StaffServices staff_services();

 private:
  explicit Link(LinkConfig config) : config_(std::move(config)) {}
  net::HttpConfig http() const;
  // Starts the engine and the worker with the identity's pinned key.
  void start(const net::TerminalIdentity& identity);
  // Starts what a finished enrolment made possible (UI thread).
  void poll_enrolment();
  // Calls on_change's function, if there is one (any thread).
  void changed();

  LinkConfig config_;
  // Held while the function is called, so that replacing it waits for a
  // call in progress. Declared before the threads that call it.
  std::mutex change_mutex_;
  std::function<void()> on_change_;
  std::unique_ptr<net::Outbox> outbox_;
  std::optional<net::TerminalIdentity> identity_;
  std::unique_ptr<net::SyncEngine> engine_;
  std::unique_ptr<net::Background> worker_;
  // The logged-in person's conversations; shared only so that a read mark
  // in flight can ask it to fetch again (never to keep it alive).
  std::shared_ptr<net::Inbox> inbox_;
  // An enrolment's result, handed from its thread to the UI thread.
  std::mutex enrolled_mutex_;
  std::optional<net::TerminalIdentity> enrolled_;
  std::future<void> enrolling_;
  // The dead letters as status() reports them: the engine's summary is only
  // as new as its last round, so a login that marked some told (on the
  // worker) sets told_, and status() reads the outbox's again.
  std::atomic<bool> told_{false};
  net::DeadLetterSummary engine_dead_;
  net::DeadLetterSummary dead_;
};

}  // namespace ih::kiosk
