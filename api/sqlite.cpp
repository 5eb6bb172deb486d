#include "api/sqlite.h"

#include <utility>

namespace ih::sql {

Database::~Database() {
  if (db_) sqlite3_close_v2(db_);
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      error_(std::move(other.error_)),
      error_code_(other.error_code_) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    error_ = std::move(other.error_);
    error_code_ = other.error_code_;
  }
  return *this;
}

Database Database::open(const std::string& path) {
  Database db;
  sqlite3* handle = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &handle,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    db.error_ = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
    db.error_code_ = rc & 0xff;
    sqlite3_close_v2(handle);
    return db;
  }
  sqlite3_extended_result_codes(handle, 1);
  db.db_ = handle;
  return db;
}

void Database::set_error() {
  error_ = db_ ? sqlite3_errmsg(db_) : "database is closed";
  error_code_ = db_ ? sqlite3_errcode(db_) & 0xff : SQLITE_MISUSE;
}

bool Database::exec(std::string_view sql) {
  if (!db_) return false;
  const std::string copy(sql);
  char* message = nullptr;
  if (const int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &message); rc != SQLITE_OK) {
    error_ = message ? message : sqlite3_errmsg(db_);
    error_code_ = rc & 0xff;
    sqlite3_free(message);
    return false;
  }
  return true;
}

Statement Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (!db_ || sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
                  SQLITE_OK) {
    set_error();
    return Statement(this, nullptr);
  }
  return Statement(this, stmt);
}

int64_t Database::last_insert_rowid() const {
  return db_ ? sqlite3_last_insert_rowid(db_) : 0;
}
int Database::changes() const {
  return db_ ? sqlite3_changes(db_) : 0;
}

int Database::user_version() {
  Statement st = prepare("PRAGMA user_version");
  return st.step() == Statement::Step::Row ? static_cast<int>(st.int64(0)) : -1;
}

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_) sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

Statement& Statement::bind(int index, int64_t value) {
  if (stmt_) sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  if (stmt_) {
    sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  }
  return *this;
}

Statement& Statement::bind(int index, const std::vector<unsigned char>& blob) {
  // An empty vector's data() may be null, which SQLite would bind as NULL.
  if (stmt_ && blob.empty()) sqlite3_bind_zeroblob(stmt_, index, 0);
  if (stmt_ && !blob.empty()) {
    sqlite3_bind_blob64(stmt_, index, blob.data(), blob.size(), SQLITE_TRANSIENT);
  }
  return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
  if (stmt_) sqlite3_bind_null(stmt_, index);
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
  return text ? bind(index, std::string_view(*text)) : bind(index, std::nullopt);
}

Statement::Step Statement::step() {
  if (!stmt_) return Step::Error;
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return Step::Row;
  if (rc == SQLITE_DONE) return Step::Done;
  db_->set_error();
  return Step::Error;
}

bool Statement::run() {
  return step() == Step::Done;
}

int64_t Statement::int64(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::string Statement::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
           : std::string();
}

std::optional<std::string> Statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::vector<unsigned char> Statement::blob(int column) const {
  const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(stmt_, column));
  return p ? std::vector<unsigned char>(p, p + sqlite3_column_bytes(stmt_, column))
           : std::vector<unsigned char>();
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Transaction::Transaction(Database& db) : db_(db) {
  began_ = db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (began_ && !done_) db_.exec("ROLLBACK");
}

bool Transaction::commit() {
  if (!began_ || done_) return false;
  done_ = db_.exec("COMMIT");
  return done_;
}

}  // namespace ih::sql
