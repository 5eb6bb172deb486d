// The sync engine: one thread that drains the outbox to the server and sends
// the heartbeat. It delivers entries of one lane (one person) in order, backs
// off exponentially with jitter while the network or the server fails,
// honours Retry-After, and tells the UI how things stand through status(),
// a snapshot that any thread may take at any time.
//
// Which replies are final: as api/openapi.yaml says for /v1/envelopes, 408,
// 425, 429, 5xx and any reply without `Envelope-Opened: true` are retried; a
// 2xx is delivered (the entry is deleted); every other reply is a refusal for
// good, and the entry moves to the outbox's dead letters (outbox.h) with the
// reply's status, problem type, title and field names, so that it no longer
// holds up the person's later changes and is never lost without a word. A
// refused logout is the one exception: it holds nothing a person entered and
// is dropped (outbox.h, EntryKind::Logout).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "net/http_client.h"
#include "net/outbox.h"
#include "net/terminal.h"

namespace ih::net {

struct SyncOptions {
  std::string version;  // reported in the heartbeat
  int64_t first_backoff_ms = 1'000;
  int64_t max_backoff_ms = 5 * 60 * 1'000;
  // The server's heartbeat reply may shorten it.
  int64_t heartbeat_interval_ms = 5 * 60 * 1'000;
  size_t lanes_per_round = 8;
  // Called on the engine's thread, without its lock held, each time status()
  // changed in what a person or staff sees (state, waiting, delivered,
  // rejected, last contact, dead letters), so a screen can show it at once
  // instead of polling. Must be quick and thread-safe (App::wake is).
  std::function<void()> on_change = {};
};

enum class SyncState {
  Online,   // nothing waiting, last contact succeeded
  Sending,  // delivering
  Offline,  // the server cannot be reached or refuses for now; entries wait
};

struct SyncStatus {
  SyncState state = SyncState::Offline;
  int64_t waiting = 0;      // entries in the outbox
  std::string last_error;   // a category, empty after a success
  uint64_t delivered = 0;   // entries the server accepted
  uint64_t rejected = 0;    // entries the server refused for good: now dead letters
  int64_t retry_in_ms = 0;  // when Offline: time until the next attempt
  // When the server last answered for good (a heartbeat taken, an envelope
  // accepted or refused), in Unix seconds; 0: never since the engine started.
  // Staff mode shows it as "last sync".
  int64_t last_contact = 0;
  // Every dead letter the outbox keeps (also those of earlier runs), by kind
  // and reason, for staff mode.
  DeadLetterSummary dead_letters = {};
};

class SyncEngine {
 public:
  SyncEngine(Outbox& outbox, HttpConfig config, TerminalIdentity identity, SyncOptions options);
  ~SyncEngine();  // stops the thread
  SyncEngine(const SyncEngine&) = delete;
  SyncEngine& operator=(const SyncEngine&) = delete;

  void start();
  // Stops after the call in flight (bounded by the HTTP timeouts).
  void stop();
  // Something was queued, or the network came back: try now unless a
  // Retry-After is pending.
  void wake();
  SyncStatus status() const;

 private:
  void run();
  // One pass over the lanes' heads; false when it must back off.
  bool deliver_round(HttpClient& client);
  void heartbeat(HttpClient& client);
  void set_status(SyncState state, const std::string& error);
  // Calls options_.on_change if status_ changed since it was last called.
  void tell_if_changed();
  int64_t next_backoff_ms();

  Outbox& outbox_;
  HttpConfig config_;
  TerminalIdentity identity_;
  SyncOptions options_;

  mutable std::mutex mutex_;
  std::condition_variable wakeup_;
  bool running_ = false;
  bool woken_ = false;
  SyncStatus status_;
  SyncStatus told_;  // what on_change last announced
  int failures_ = 0;
  int64_t heartbeat_interval_ms_ = 0;
  int64_t retry_after_ms_ = 0;  // from the server; wake() does not cut it short
  std::thread thread_;
};

}  // namespace ih::net
