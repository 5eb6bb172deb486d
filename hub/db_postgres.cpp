#include "hub/db_postgres.h"

#include <libpq-fe.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace ih::hub {
namespace {

// The key of the advisory lock every write transaction of every hub process
// takes first: "ichh". Advisory locks are per database, so hubs on other
// databases of the same server do not wait for each other.
constexpr const char* kTakeWriteLock = "SELECT pg_advisory_xact_lock(1768122472)";

// libpq's parameter types: bigint, bytea; text is sent as "unknown" so that
// PostgreSQL types it from where it is used, as SQLite would.
constexpr Oid kInt8 = 20;
constexpr Oid kBytea = 17;
constexpr Oid kUnknown = 0;

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

class PostgresDb;

class PostgresStatement final : public StatementImpl {
 public:
  PostgresStatement(PostgresDb& db, std::string sql) : db_(db), sql_(std::move(sql)) {}

  void bind_int64(int index, int64_t value) override {
    set(index, std::to_string(value), kInt8, 0);
  }
  // PostgreSQL's text cannot hold a NUL byte, and libpq would cut the value
  // there; the statement fails instead. (The API's field rules refuse
  // control characters before any reaches the store.)
  void bind_text(int index, std::string_view text) override {
    if (text.find('\0') != std::string_view::npos) has_nul_ = true;
    set(index, std::string(text), kUnknown, 0);
  }
  void bind_blob(int index, const std::vector<unsigned char>& blob) override {
    set(index, std::string(blob.begin(), blob.end()), kBytea, 1);
  }
  void bind_null(int index) override {
    slot(index);
    values_[static_cast<size_t>(index - 1)].reset();
  }
  Statement::Step step() override;

  int64_t int64(int column) const override {
    return std::strtoll(PQgetvalue(result_.get(), row_, column), nullptr, 10);
  }
  std::string text(int column) const override {
    return std::string(PQgetvalue(result_.get(), row_, column),
                       static_cast<size_t>(PQgetlength(result_.get(), row_, column)));
  }
  // bytea comes as text in hex: "\x0a1b…".
  std::vector<unsigned char> blob(int column) const override {
    const std::string hex = text(column);
    std::vector<unsigned char> out;
    if (hex.size() < 2 || hex[0] != '\\' || hex[1] != 'x') return out;
    out.reserve((hex.size() - 2) / 2);
    for (size_t i = 2; i + 1 < hex.size(); i += 2) {
      out.push_back(static_cast<unsigned char>(hex_value(hex[i]) * 16 + hex_value(hex[i + 1])));
    }
    return out;
  }
  bool is_null(int column) const override { return PQgetisnull(result_.get(), row_, column) != 0; }

 private:
  void slot(int index) {
    const size_t size = static_cast<size_t>(index);
    if (values_.size() < size) {
      values_.resize(size);
      types_.resize(size, kUnknown);
      formats_.resize(size, 0);
    }
  }
  void set(int index, std::string value, Oid type, int format) {
    slot(index);
    const size_t i = static_cast<size_t>(index - 1);
    values_[i] = std::move(value);
    types_[i] = type;
    formats_[i] = format;
  }

  PostgresDb& db_;
  std::string sql_;
  std::vector<std::optional<std::string>> values_;
  std::vector<Oid> types_;
  std::vector<int> formats_;
  Result result_;
  bool has_nul_ = false;
  bool executed_ = false;
  int row_ = -1;
};

class PostgresDb final : public Db {
 public:
  explicit PostgresDb(PGconn* conn) : conn_(conn) {}
  ~PostgresDb() override { PQfinish(conn_); }
  PostgresDb(const PostgresDb&) = delete;
  PostgresDb& operator=(const PostgresDb&) = delete;

  // Sets what every session of the hub needs: a writer that waits for the
  // write lock longer than SQLite's busy timeout gets an error (then 503)
  // rather than hanging; notices ("already exists, skipping") are not printed.
  bool configure() {
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    return exec("SET lock_timeout = '10s'");
  }

  Statement prepare(std::string_view sql) override {
    return Statement(std::make_unique<PostgresStatement>(*this, postgres_placeholders(sql)));
  }

  bool exec(std::string_view sql) override {
    if (!usable()) return false;
    Result result(PQexec(conn_, std::string(sql).c_str()));
    return check(result.get());
  }

  int64_t changes() const override { return changes_; }
  const std::string& error() const override { return error_; }
  void set_error(std::string error) { error_ = std::move(error); }

  bool begin_write() override {
    if (!exec("BEGIN")) return false;
    in_transaction_ = true;
    if (exec(kTakeWriteLock)) return true;
    rollback();
    return false;
  }
  // A transaction with a failed statement in it answers COMMIT with ROLLBACK.
  bool commit() override {
    in_transaction_ = false;
    Result result(PQexec(conn_, "COMMIT"));
    return check(result.get()) && std::strcmp(PQcmdStatus(result.get()), "COMMIT") == 0;
  }
  void rollback() override {
    in_transaction_ = false;
    exec("ROLLBACK");
  }

  int schema_version() override {
    if (!exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")) return -1;
    auto st = prepare("SELECT coalesce(max(version), 0) FROM schema_version");
    return st.step() == Statement::Step::Row ? static_cast<int>(st.int64(0)) : -1;
  }
  bool set_schema_version(int version) override {
    return exec("DELETE FROM schema_version") &&
           exec("INSERT INTO schema_version (version) VALUES (" + std::to_string(version) + ")");
  }
  bool exec_schema(std::string_view ddl) override { return exec(postgres_schema(ddl)); }
  bool run_erasing_old_bytes(Statement& statement) override { return statement.run(); }

  // Runs a statement the hub prepared; nullptr and error() on failure.
  Result execute(const std::string& sql, const std::vector<std::optional<std::string>>& values,
                 const std::vector<Oid>& types, const std::vector<int>& formats) {
    if (!usable()) return nullptr;
    std::vector<const char*> pointers;
    std::vector<int> lengths;
    for (const auto& value : values) {
      pointers.push_back(value ? value->data() : nullptr);
      lengths.push_back(value ? static_cast<int>(value->size()) : 0);
    }
    Result result(PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), types.data(),
                               pointers.data(), lengths.data(), formats.data(), 0));
    if (!check(result.get())) return nullptr;
    const char* command = PQcmdStatus(result.get());
    if (std::strncmp(command, "INSERT", 6) == 0 || std::strncmp(command, "UPDATE", 6) == 0 ||
        std::strncmp(command, "DELETE", 6) == 0) {
      changes_ = std::strtoll(PQcmdTuples(result.get()), nullptr, 10);
    }
    return result;
  }

 private:
  // A connection the server dropped (a restart, a failover) is made again,
  // but never inside a transaction: what ran before in it is gone.
  bool usable() {
    if (PQstatus(conn_) == CONNECTION_OK) return true;
    if (!in_transaction_) {
      PQreset(conn_);
      if (PQstatus(conn_) == CONNECTION_OK && configure()) return true;
    }
    error_ = PQerrorMessage(conn_);
    return false;
  }

  bool check(PGresult* result) {
    const auto status = PQresultStatus(result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return true;
    const char* message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn_);
    error_ = message && *message ? message : "the PostgreSQL connection failed";
    while (!error_.empty() && error_.back() == '\n') error_.pop_back();
    return false;
  }

  PGconn* conn_;
  std::string error_;
  int64_t changes_ = 0;
  bool in_transaction_ = false;
};

Statement::Step PostgresStatement::step() {
  if (!executed_) {
    executed_ = true;
    if (has_nul_) db_.set_error("a text parameter holds a NUL byte");
    result_ = has_nul_ ? nullptr : db_.execute(sql_, values_, types_, formats_);
    row_ = -1;
  }
  if (!result_) return Statement::Step::Error;
  ++row_;
  return row_ < PQntuples(result_.get()) ? Statement::Step::Row : Statement::Step::Done;
}

}  // namespace

std::unique_ptr<Db> open_postgres_db(const std::string& conninfo, std::string* error) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    *error = std::string("cannot connect to PostgreSQL: ") + PQerrorMessage(conn);
    while (!error->empty() && error->back() == '\n') error->pop_back();
    PQfinish(conn);
    return nullptr;
  }
  auto db = std::make_unique<PostgresDb>(conn);
  if (!db->configure()) {
    *error = "cannot set up the PostgreSQL session: " + db->error();
    return nullptr;
  }
  return db;
}

std::string postgres_with_database(const std::string& conninfo, const std::string& dbname) {
  const auto quoted = [](const std::string& value) {
    std::string out = "'";
    for (const char c : value) {
      if (c == '\\' || c == '\'') out += '\\';
      out += c;
    }
    return out + "'";
  };
  std::string out;
  if (PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), nullptr)) {
    for (const PQconninfoOption* o = options; o->keyword; ++o) {
      if (!o->val || std::strcmp(o->keyword, "dbname") == 0) continue;
      out += std::string(o->keyword) + '=' + quoted(o->val) + ' ';
    }
    PQconninfoFree(options);
  }
  return out + "dbname=" + quoted(dbname);
}

bool postgres_admin(const std::string& conninfo, const std::string& statement, std::string* error) {
  std::unique_ptr<Db> db = open_postgres_db(conninfo, error);
  if (!db) return false;
  if (db->exec(statement)) return true;
  *error = db->error();
  return false;
}

std::string postgres_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  bool quoted = false;
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'') quoted = !quoted;
    const bool placeholder = !quoted && c == '?' && i + 1 < sql.size() &&
                             std::isdigit(static_cast<unsigned char>(sql[i + 1]));
    out += placeholder ? '$' : c;
  }
  return out;
}

std::string postgres_schema(std::string_view ddl) {
  constexpr std::string_view kRowid = "INTEGER PRIMARY KEY";
  std::string out;
  size_t i = 0;
  while (i < ddl.size()) {
    if (!is_word_char(ddl[i]) || (i > 0 && is_word_char(ddl[i - 1]))) {
      out += ddl[i++];
      continue;
    }
    size_t end = i;
    while (end < ddl.size() && is_word_char(ddl[end])) ++end;
    const std::string_view word = ddl.substr(i, end - i);
    if (ddl.substr(i, kRowid.size()) == kRowid) {
      out += "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
      end = i + kRowid.size();
    } else if (word == "INTEGER") {
      out += "BIGINT";
    } else if (word == "BLOB") {
      out += "BYTEA";
    } else {
      out += word;
    }
    i = end;
  }
  return out;
}

}  // namespace ih::hub
