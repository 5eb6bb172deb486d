// The hub's store: a small pool of connections (db.h) to one database, SQLite
// or PostgreSQL, and the schema migrations that bring a database of any older
// version up to date.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/db.h"

namespace ih::hub {

class Store {
 public:
  // Makes one connection; nullptr and *error on failure.
  using Connect = std::function<std::unique_ptr<Db>(std::string* error)>;

  // Opens `connections` connections with `connect` and migrates the schema.
  // Returns nullptr with *error on failure.
  static std::unique_ptr<Store> open(const Connect& connect, int connections, std::string* error);

  // A connection for the calling thread until the lease ends.
  class Lease {
   public:
    Lease(Store& store, std::unique_ptr<Db> db) : store_(store), db_(std::move(db)) {}
    ~Lease() { store_.give_back(std::move(db_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Db& operator*() { return *db_; }
    Db* operator->() { return db_.get(); }

   private:
    Store& store_;
    std::unique_ptr<Db> db_;
  };
  Lease lease();

 private:
  void give_back(std::unique_ptr<Db> db);
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Db>> free_;
};

// Brings the schema to the newest version. Each step takes the write lock, so
// hub processes that start together against one database migrate it once.
// False and *error on failure.
bool migrate(Db& db, std::string* error);

// Increments the named counter and answers its new value (the first is 1).
// Call inside a transaction.
std::optional<int64_t> next_counter(Db& db, std::string_view name);

}  // namespace ih::hub
