#include "hub/db_sqlite.h"

#include <chrono>
#include <thread>
#include <utility>

namespace ih::hub {
namespace {

// How long a hub waits for another connection to release the file.
constexpr std::chrono::milliseconds kBusyWait{10000};

class SqliteStatement final : public StatementImpl {
 public:
  explicit SqliteStatement(sql::Statement st) : st_(std::move(st)) {}
  void bind_int64(int index, int64_t value) override { st_.bind(index, value); }
  void bind_text(int index, std::string_view text) override { st_.bind(index, text); }
  void bind_blob(int index, const std::vector<unsigned char>& blob) override {
    st_.bind(index, blob);
  }
  void bind_null(int index) override { st_.bind(index, std::nullopt); }
  Statement::Step step() override { return st_.step(); }
  int64_t int64(int column) const override { return st_.int64(column); }
  std::string text(int column) const override { return st_.text(column); }
  std::vector<unsigned char> blob(int column) const override { return st_.blob(column); }
  bool is_null(int column) const override { return st_.is_null(column); }

 private:
  sql::Statement st_;
};

class SqliteDb final : public Db {
 public:
  explicit SqliteDb(sql::Database db) : db_(std::move(db)) {}

  Statement prepare(std::string_view sql) override {
    auto st = db_.prepare(sql);
    if (!st.ok()) return Statement();
    return Statement(std::make_unique<SqliteStatement>(std::move(st)));
  }
  bool exec(std::string_view sql) override { return db_.exec(sql); }
  int64_t changes() const override { return db_.changes(); }
  const std::string& error() const override { return db_.error(); }

  // IMMEDIATE takes the write lock up front, so two writers never deadlock
  // upgrading a read.
  bool begin_write() override { return db_.exec("BEGIN IMMEDIATE"); }
  bool commit() override { return db_.exec("COMMIT"); }
  void rollback() override { db_.exec("ROLLBACK"); }

  int schema_version() override { return db_.user_version(); }
  bool set_schema_version(int version) override {
    return db_.exec("PRAGMA user_version=" + std::to_string(version));
  }
  bool exec_schema(std::string_view ddl) override { return db_.exec(ddl); }

  // secure_delete overwrites the old bytes in the page; the checkpoint then
  // leaves no older page in the WAL.
  bool run_erasing_old_bytes(Statement& statement) override {
    return db_.exec("PRAGMA secure_delete=ON") && statement.run() &&
           db_.exec("PRAGMA secure_delete=OFF; PRAGMA wal_checkpoint(TRUNCATE)");
  }

 private:
  sql::Database db_;
};

// Switching a file to WAL needs the file to itself for a moment, and SQLite
// answers SQLITE_BUSY at once (without waiting on busy_timeout) when another
// hub is opening or recovering the same file. So the switch is retried for as
// long as a busy writer would be waited for.
bool switch_to_wal(sql::Database& db) {
  const auto give_up = std::chrono::steady_clock::now() + kBusyWait;
  while (!db.exec("PRAGMA journal_mode=WAL")) {
    if (db.error_code() != SQLITE_BUSY || std::chrono::steady_clock::now() > give_up) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

}  // namespace

std::unique_ptr<Db> open_sqlite_db(const std::string& path, std::string* error) {
  auto db = sql::Database::open(path);
  // busy_timeout makes writers queue instead of failing. WAL lets readers go
  // on while one writer commits; NORMAL sync is durable across process
  // crashes, which is what a server on a journaling file system needs.
  if (!db.is_open() || !db.exec("PRAGMA busy_timeout=" + std::to_string(kBusyWait.count())) ||
      !switch_to_wal(db) || !db.exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")) {
    *error = "cannot open the hub database: " + db.error();
    return nullptr;
  }
  return std::make_unique<SqliteDb>(std::move(db));
}

}  // namespace ih::hub
