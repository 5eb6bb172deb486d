// The hub's connection to its store, whichever it is: SQLite (db_sqlite.h),
// embedded, for the demo and a single shelter, or PostgreSQL (db_postgres.h),
// for a deployment where several hub processes share one database.
//
// Routes write SQL once, in the subset both speak: ?1, ?2, … for parameters
// (PostgreSQL's connection turns them into $1, $2, …), INSERT … ON CONFLICT,
// RETURNING for the id a row was given, no dialect's own functions. What
// truly differs lives behind this interface, once: column types of the schema,
// how the schema version is kept, and how a write takes the store's single
// write lock (WriteTransaction below).
//
// A Db and its Statements are used by one thread at a time (Store leases them).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/sqlite.h"

namespace ih::hub {

// What one store's statement does; Statement owns one and forwards to it.
class StatementImpl {
 public:
  virtual ~StatementImpl() = default;
  virtual void bind_int64(int index, int64_t value) = 0;
  virtual void bind_text(int index, std::string_view text) = 0;
  virtual void bind_blob(int index, const std::vector<unsigned char>& blob) = 0;
  virtual void bind_null(int index) = 0;
  virtual sql::Statement::Step step() = 0;
  virtual int64_t int64(int column) const = 0;
  virtual std::string text(int column) const = 0;
  virtual std::vector<unsigned char> blob(int column) const = 0;
  virtual bool is_null(int column) const = 0;
};

// One prepared statement. Bind with 1-based indices (?1 is index 1); step()
// until it is not Row; columns are 0-based. Errors are kept in the Db's
// error(). A default-constructed Statement is empty: it steps to Error.
class Statement {
 public:
  using Step = sql::Statement::Step;

  Statement() = default;
  explicit Statement(std::unique_ptr<StatementImpl> impl) : impl_(std::move(impl)) {}

  Statement& bind(int index, int64_t value);
  Statement& bind(int index, int value) { return bind(index, int64_t{value}); }
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const std::string& text) {
    return bind(index, std::string_view(text));
  }
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
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
  // Runs an INSERT … RETURNING of one integer column (the id the row was
  // given) to its end, and answers that integer.
  std::optional<int64_t> run_returning_id();

  int64_t int64(int column) const { return impl_->int64(column); }
  std::string text(int column) const { return impl_->text(column); }
  std::optional<std::string> optional_text(int column) const;
  std::vector<unsigned char> blob(int column) const { return impl_->blob(column); }
  bool is_null(int column) const { return impl_->is_null(column); }

 private:
  std::unique_ptr<StatementImpl> impl_;
};

class Db {
 public:
  virtual ~Db() = default;

  virtual Statement prepare(std::string_view sql) = 0;
  // Runs one or more statements without parameters or results. False on error.
  virtual bool exec(std::string_view sql) = 0;
  // Rows the last INSERT, UPDATE or DELETE changed.
  virtual int64_t changes() const = 0;
  // The last error of this connection.
  virtual const std::string& error() const = 0;

  // Begins a transaction that holds the store's one write lock until it
  // commits or rolls back: writers take turns, readers go on. SQLite: BEGIN
  // IMMEDIATE. PostgreSQL: a transaction-scoped advisory lock that every
  // writer of every hub process takes first; statements after it see
  // everything committed before it (READ COMMITTED), so a check made inside
  // holds until the commit, across processes, as it does in SQLite.
  virtual bool begin_write() = 0;
  virtual bool commit() = 0;
  virtual void rollback() = 0;

  // The schema: how many migrations (schema.cpp) this database has applied.
  // Call inside a write transaction. -1 on error.
  virtual int schema_version() = 0;
  virtual bool set_schema_version(int version) = 0;
  // Runs one migration, written with SQLite's column types; PostgreSQL's
  // connection maps them to its own.
  virtual bool exec_schema(std::string_view ddl) = 0;

  // Runs `statement` so that the bytes it overwrites do not stay readable in
  // the database's files. SQLite overwrites freed space and empties its WAL.
  // PostgreSQL keeps old row versions until VACUUM; its databases never held
  // the hub's keys in the clear (sealed from the first schema it had), so only
  // an upgraded SQLite database needs this.
  virtual bool run_erasing_old_bytes(Statement& statement) = 0;
};

// A write transaction (Db::begin_write), rolled back if not committed.
class WriteTransaction {
 public:
  explicit WriteTransaction(Db& db) : db_(db), began_(db.begin_write()) {}
  ~WriteTransaction() {
    if (began_ && !done_) db_.rollback();
  }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  bool began() const { return began_; }
  bool commit() {
    done_ = true;
    return began_ && db_.commit();
  }

 private:
  Db& db_;
  bool began_;
  bool done_ = false;
};

}  // namespace ih::hub
