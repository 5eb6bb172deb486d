// The durable outbox: every state change a person makes waits here until the
// server has acknowledged it. It is one SQLite file in WAL mode with
// synchronous=FULL, so an enqueue that returned true survives a power cut.
// Each entry is an envelope already sealed to the server's key (envelope.h):
// the terminal cannot read its own queue, and an entry is deleted as soon as
// the server answers it for good.
//
// The same file keeps the terminal's own small state (enrolment, counters).
// A file that SQLite finds corrupt is moved aside, with a log line, and a
// fresh one is made: the kiosk keeps working, and staff see the loss. A file
// that is only busy or unreadable is left where it is, and open() fails.
//
// Thread-safe: the UI enqueues while the sync engine drains.
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

struct OutboxEntry {
  int64_t seq = 0;   // order of enqueueing
  std::string key;   // the idempotency key, random
  std::string lane;  // entries of one lane are delivered in order
  std::vector<unsigned char> sealed;
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
               const std::vector<unsigned char>& sealed);
  // The oldest entry of each lane, oldest first, at most `max`.
  std::vector<OutboxEntry> heads(size_t max);
  bool remove(int64_t seq);
  int64_t depth();

  // The terminal's own state, a small key-value table.
  std::optional<std::string> get(std::string_view key);
  bool put(std::string_view key, std::string_view value);
  // Increments a durable counter and returns its new value (first is 1).
  std::optional<int64_t> next(std::string_view counter);

 private:
  explicit Outbox(sql::Database db) : db_(std::move(db)) {}
  std::mutex mutex_;
  sql::Database db_;
};

}  // namespace ih::net
