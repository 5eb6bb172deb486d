#include "net/outbox.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>

#include "net/log.h"

namespace ih::net {
namespace {

// `kind` and the dead letters came later: an older file gets the column
// (its entries read as "other") and the table when it is opened.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS entries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE,
  lane TEXT NOT NULL,
  sealed BLOB NOT NULL,
  kind TEXT NOT NULL DEFAULT 'other');
CREATE INDEX IF NOT EXISTS entries_by_lane ON entries(lane, seq);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS dead_letters (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL,
  lane TEXT NOT NULL,
  kind TEXT NOT NULL,
  sealed BLOB NOT NULL,
  status INTEGER NOT NULL,
  problem_type TEXT NOT NULL,
  problem_title TEXT NOT NULL,
  fields TEXT NOT NULL,
  refused_at INTEGER NOT NULL,
  told INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS dead_letters_by_lane ON dead_letters(lane, told, id);
)sql";

bool add_kind_column(sql::Database& db) {
  auto has = db.prepare("SELECT count(*) FROM pragma_table_info('entries') WHERE name = 'kind'");
  if (has.step() != sql::Statement::Step::Row) return false;
  const bool present = has.int64(0) > 0;
  has = sql::Statement();
  return present || db.exec("ALTER TABLE entries ADD COLUMN kind TEXT NOT NULL DEFAULT 'other'");
}

struct Attempt {
  std::string error;     // empty on success
  bool corrupt = false;  // the file itself is damaged, not merely busy
};

bool is_corruption(int code) {
  return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

// The file holds the device secret and the sealed queue: its user's alone.
// Made 0600 before SQLite opens it, which gives its WAL and shared memory
// the same mode; files an earlier version left readable are narrowed.
bool make_private(const std::string& path, std::string* error) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  bool ok = fd >= 0 && fchmod(fd, 0600) == 0;
  if (fd >= 0) close(fd);
  for (const char* suffix : {"-wal", "-shm"}) {
    ok = ok && (chmod((path + suffix).c_str(), 0600) == 0 || errno == ENOENT);
  }
  if (!ok) *error = "cannot make " + path + " private: " + std::strerror(errno);
  return ok;
}

// Opens and checks the file.
Attempt try_open(const std::string& path, sql::Database* out) {
  if (std::string error; !make_private(path, &error)) return {error, false};
  sql::Database db = sql::Database::open(path);
  // FULL: a commit is on disk before enqueue() returns. secure_delete: a
  // delivered envelope's bytes are overwritten, not left in free pages.
  if (!db.is_open() ||
      !db.exec("PRAGMA busy_timeout=5000; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
               "PRAGMA secure_delete=ON;")) {
    return {db.error(), is_corruption(db.error_code())};
  }
  auto check = db.prepare("PRAGMA quick_check");
  const auto step = check.step();
  if (step != sql::Statement::Step::Row) return {db.error(), is_corruption(db.error_code())};
  if (check.text(0) != "ok") return {"quick_check: " + check.text(0), true};
  check = sql::Statement();
  if (!db.exec(kSchema) || !add_kind_column(db)) {
    return {db.error(), is_corruption(db.error_code())};
  }
  *out = std::move(db);
  return {};
}

}  // namespace

Outbox::Opened Outbox::open(const std::string& path) {
  Opened result;
  sql::Database db;
  Attempt attempt = try_open(path, &db);
  // A busy or unreadable file is left alone: moving it would lose entries
  // that are only waiting for a lock.
  if (!attempt.error.empty() && !attempt.corrupt) {
    result.error = attempt.error;
    log(LogLevel::Error, "cannot open the outbox database: " + attempt.error);
    return result;
  }
  if (!attempt.error.empty()) {
    const auto stamp = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    result.moved_aside = path + ".corrupt-" + std::to_string(stamp);
    std::error_code ec;
    std::filesystem::rename(path, result.moved_aside, ec);
    for (const char* suffix : {"-wal", "-shm"}) {
      std::filesystem::rename(path + suffix, result.moved_aside + suffix, ec);
    }
    log(LogLevel::Error, "outbox database corrupt (" + attempt.error + "); moved aside to " +
                             result.moved_aside + " and starting a new one");
    attempt = try_open(path, &db);
    if (!attempt.error.empty()) {
      result.error = attempt.error;
      log(LogLevel::Error, "cannot create a new outbox database: " + attempt.error);
      return result;
    }
  }
  result.outbox.reset(new Outbox(std::move(db)));
  return result;
}

std::string_view kind_name(EntryKind kind) {
  switch (kind) {
    case EntryKind::Other:
      return "other";
    case EntryKind::Profile:
      return "profile";
    case EntryKind::Request:
      return "request";
    case EntryKind::Withdrawal:
      return "withdrawal";
    case EntryKind::Message:
      return "message";
    case EntryKind::Logout:
      return "logout";
  }
  return "other";
}

EntryKind kind_from_name(std::string_view name) {
  for (const EntryKind kind : {EntryKind::Profile, EntryKind::Request, EntryKind::Withdrawal,
                               EntryKind::Message, EntryKind::Logout}) {
    if (kind_name(kind) == name) return kind;
  }
  return EntryKind::Other;
}

bool Outbox::enqueue(std::string_view lane, std::string_view key,
                     const std::vector<unsigned char>& sealed, EntryKind kind) {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare("INSERT INTO entries (key, lane, sealed, kind) VALUES (?1, ?2, ?3, ?4)");
  st.bind_all(key, lane, sealed, kind_name(kind));
  return st.run();
}

std::vector<OutboxEntry> Outbox::heads(size_t max) {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare(
      "SELECT seq, key, lane, sealed, kind FROM entries WHERE seq IN "
      "(SELECT min(seq) FROM entries GROUP BY lane) ORDER BY seq LIMIT ?1");
  st.bind_all(static_cast<int64_t>(max));
  std::vector<OutboxEntry> out;
  while (st.step() == sql::Statement::Step::Row) {
    out.push_back({st.int64(0), st.text(1), st.text(2), st.blob(3), kind_from_name(st.text(4))});
  }
  return out;
}

bool Outbox::remove(int64_t seq) {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare("DELETE FROM entries WHERE seq = ?1");
  st.bind_all(seq);
  return st.run();
}

int64_t Outbox::depth() {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare("SELECT count(*) FROM entries");
  return st.step() == sql::Statement::Step::Row ? st.int64(0) : -1;
}

std::vector<EntryKind> Outbox::waiting_in_lane(std::string_view lane) {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare("SELECT kind FROM entries WHERE lane = ?1 ORDER BY seq");
  st.bind_all(lane);
  std::vector<EntryKind> out;
  while (st.step() == sql::Statement::Step::Row) out.push_back(kind_from_name(st.text(0)));
  return out;
}

std::optional<std::string> Outbox::get(std::string_view key) {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare("SELECT value FROM state WHERE key = ?1");
  st.bind_all(key);
  if (st.step() != sql::Statement::Step::Row) return std::nullopt;
  return st.text(0);
}

bool Outbox::put(std::string_view key, std::string_view value) {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare(
      "INSERT INTO state (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2");
  st.bind_all(key, value);
  return st.run();
}

std::optional<int64_t> Outbox::next(std::string_view counter) {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare(
      "INSERT INTO state (key, value) VALUES (?1, '1') "
      "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING value");
  st.bind_all(counter);
  if (st.step() != sql::Statement::Step::Row) return std::nullopt;
  const int64_t value = st.int64(0);
  // Step to the end so the change commits before the value is used.
  if (st.step() != sql::Statement::Step::Done) return std::nullopt;
  return value;
}

}  // namespace ih::net
