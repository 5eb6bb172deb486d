// The hub's SQLite store: a small pool of connections to one WAL database, and
// the schema migrations that bring a database of any older version up to date.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/sqlite.h"

namespace ih::hub {

class Store {
 public:
  // Opens `connections` connections to `path`, in WAL mode, and migrates the
  // schema. Returns nullptr with *error on failure.
  static std::unique_ptr<Store> open(const std::string& path, int connections, std::string* error);

  // A connection for the calling thread until the lease ends.
  class Lease {
   public:
    Lease(Store& store, std::unique_ptr<sql::Database> db) : store_(store), db_(std::move(db)) {}
    ~Lease() { store_.give_back(std::move(db_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    sql::Database& operator*() { return *db_; }
    sql::Database* operator->() { return db_.get(); }

   private:
    Store& store_;
    std::unique_ptr<sql::Database> db_;
  };
  Lease lease();

 private:
  void give_back(std::unique_ptr<sql::Database> db);
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<sql::Database>> free_;
};

// Brings the schema to the newest version. False and *error on failure.
bool migrate(sql::Database& db, std::string* error);

}  // namespace ih::hub

namespace ih::hub {

// Increments the named counter and answers its new value (the first is 1).
// Call inside a transaction.
std::optional<int64_t> next_counter(sql::Database& db, std::string_view name);

}  // namespace ih::hub
