// A thin owner of SQLite connections and statements, shared by the hub's store
// and the kiosk's outbox: both sides keep their state in SQLite and want the
// same few things (open with pragmas, prepared statements, typed columns,
// errors as values). A Database is used by one thread at a time.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ih::sql {

class Statement;

class Database {
 public:
  Database() = default;
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Opens (creating if needed) the file at `path`. On failure the result is
  // closed and error() says why.
  static Database open(const std::string& path);

  bool is_open() const { return db_ != nullptr; }
  // Runs one or more statements without results. False on error.
  bool exec(std::string_view sql);
  Statement prepare(std::string_view sql);
  int64_t last_insert_rowid() const;
  int changes() const;
  // The last error of this connection (or of opening it).
  const std::string& error() const { return error_; }
  // Its primary SQLite result code (SQLITE_CORRUPT, SQLITE_BUSY, …).
  int error_code() const { return error_code_; }

  // PRAGMA user_version, the schema version migrations keep.
  int user_version();

 private:
  friend class Statement;
  void set_error();
  sqlite3* db_ = nullptr;
  std::string error_;
  int error_code_ = SQLITE_OK;
};

// One prepared statement. Bind with 1-based indices; step() until it is not
// Row. Any error is kept in the Database's error().
class Statement {
 public:
  enum class Step { Row, Done, Error };

  Statement() = default;
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, int value) { return bind(index, int64_t{value}); }
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const std::string& text) {
    return bind(index, std::string_view(text));
  }
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  // An empty vector binds an empty blob, not NULL.
  Statement& bind(int index, const std::vector<unsigned char>& blob);
  Statement& bind(int index, std::nullopt_t);
  Statement& bind(int index, const std::optional<std::string>& text);
  // Binds the arguments to ?1, ?2, … in order.
  template <typename... Args>
  Statement& bind_all(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
    return *this;
  }

  Step step();
  // Steps once and expects no row: for INSERT, UPDATE and DELETE.
  bool run();

  int64_t int64(int column) const;
  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::vector<unsigned char> blob(int column) const;
  bool is_null(int column) const;

 private:
  friend class Database;
  Statement(Database* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Database* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE … COMMIT, rolled back if not committed. IMMEDIATE takes the
// write lock up front, so two writers never deadlock upgrading a read.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  bool began() const { return began_; }
  bool commit();

 private:
  Database& db_;
  bool began_ = false;
  bool done_ = false;
};

}  // namespace ih::sql
