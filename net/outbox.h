// The durable outbox: every state change a person makes waits here until the
// server has acknowledged it. It is one SQLite file in WAL mode with
// synchronous=FULL, so an enqueue that returned true survives a power cut.
// Each entry is an envelope already sealed to the server's key (envelope.h):
// the terminal cannot read its own queue. Beside the sealed bytes an entry
// keeps, in clear, only its lane (a keyed hash of the person's code) and its
// kind (profile, request, …), so that the person and staff can be told what is
// still waiting without opening anything.
//
// Dead letters: an entry the server refused for good (a 4xx reply; see
// sync_engine.h) is never deleted silently. It moves, still sealed and in the
// same transaction, into the dead letters of the same file, with why: the HTTP
// status, the problem's type and title, and the names of the fields it named
// (never their values). The kiosk tells the person at their next login that
// something did not arrive and marks it told; staff see the counts in
// SyncStatus. Dead letters are kept kDeadLetterDays after the refusal and at
// most kMaxDeadLetters (the oldest go first), long enough for a person who
// comes back every few weeks; the platform's operator, who alone can open
// them, can recover what was entered from the file until then.
//
// The same file keeps the terminal's own small state (enrolment, counters,
// the device secret), so it and its WAL are mode 0600, whatever the umask.
// A file that SQLite finds corrupt is moved aside, with a log line, and a
// fresh one is made: the kiosk keeps working, and staff see the loss. A file
// that is only busy or unreadable is left where it is, and open() fails.
//
// Thread-safe: the UI enqueues and asks about lanes while the sync engine
// drains.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/sqlite.h"

namespace ih::net {

// What an entry stands for, recorded in clear when it is queued. A Logout ends
// the session of the entries before it in its lane; it is nothing a person
// entered, so a refused one is dropped, not kept as a dead letter.
enum class EntryKind : uint8_t { Other, Profile, Request, Withdrawal, Message, Logout };
std::string_view kind_name(EntryKind kind);       // "profile", "request", …, "other"
EntryKind kind_from_name(std::string_view name);  // Other for a name it does not know

struct OutboxEntry {
  int64_t seq = 0;   // order of enqueueing
  std::string key;   // the idempotency key, random
  std::string lane;  // entries of one lane are delivered in order
  std::vector<unsigned char> sealed;
  EntryKind kind = EntryKind::Other;
};

// Why the server refused an entry for good. Nothing in it is personal.
struct Refusal {
  int status = 0;                   // the HTTP status
  std::string problem_type;         // e.g. "validation-failed"; empty without problem details
  std::string problem_title;        // the problem's title, as the server wrote it
  std::vector<std::string> fields;  // names of the fields the problem lists, never values
};

inline constexpr int64_t kDeadLetterDays = 90;
inline constexpr int64_t kMaxDeadLetters = 10'000;

struct DeadLetter {
  int64_t id = 0;  // increasing in the order they were refused
  std::string lane;
  EntryKind kind = EntryKind::Other;
  int64_t refused_at = 0;  // Unix seconds
  Refusal refusal;
  bool told = false;  // the person has been told
};

// The dead letters by kind and reason, for staff.
struct DeadLetterCount {
  EntryKind kind = EntryKind::Other;
  int status = 0;
  std::string problem_type;
  int64_t count = 0;
  bool operator==(const DeadLetterCount&) const = default;
};
struct DeadLetterSummary {
  int64_t total = 0;
  int64_t untold = 0;                   // not yet told to the person
  int64_t last_refused_at = 0;          // Unix seconds; 0: none
  std::vector<DeadLetterCount> counts;  // by kind, status and type; largest first
  bool operator==(const DeadLetterSummary&) const = default;
};

class Outbox {
 public:
  struct Opened {
    std::unique_ptr<Outbox> outbox;  // null if the file cannot be opened
    std::string moved_aside;         // where a corrupt file went, if one did
    std::string error;
  };
  static Opened open(const std::string& path);

  // Durable when true.
  bool enqueue(std::string_view lane, std::string_view key,
               const std::vector<unsigned char>& sealed, EntryKind kind = EntryKind::Other);
  // The oldest entry of each lane, oldest first, at most `max`.
  std::vector<OutboxEntry> heads(size_t max);
  // For an entry the server accepted.
  bool remove(int64_t seq);
  int64_t depth();
  // The kinds of the entries of `lane` still waiting, oldest first; empty when
  // none wait (e.g. "profile": the person's account is not on the server yet).
  std::vector<EntryKind> waiting_in_lane(std::string_view lane);

  // [dead_letters.cpp] For an entry the server refused for good: moves it to
  // the dead letters at `now` (Unix seconds), durable when true, and drops
  // those past their time (see above).
  bool move_to_dead_letters(int64_t seq, const Refusal& refusal, int64_t now);
  DeadLetterSummary dead_letter_summary();
  // The dead letters of `lane` not yet told to the person, oldest first.
  std::vector<DeadLetter> untold_dead_letters(std::string_view lane);
  // Marks those of `lane` up to and including id `up_to` told (ids from
  // untold_dead_letters(), so one refused meanwhile is not marked unseen).
  bool mark_dead_letters_told(std::string_view lane, int64_t up_to);
  // The newest dead letters first, at most `max`.
  std::vector<DeadLetter> dead_letters(size_t max);
  // Drops dead letters refused more than kDeadLetterDays before `now` and
  // the oldest beyond kMaxDeadLetters; how many went.
  int64_t prune_dead_letters(int64_t now);

  // The terminal's own state, a small key-value table.
  std::optional<std::string> get(std::string_view key);
  bool put(std::string_view key, std::string_view value);
  // Increments a durable counter and returns its new value (first is 1).
  std::optional<int64_t> next(std::string_view counter);

 private:
  explicit Outbox(sql::Database db) : db_(std::move(db)) {}
  int64_t prune_locked(int64_t now);
  std::mutex mutex_;
  sql::Database db_;
};

}  // namespace ih::net
