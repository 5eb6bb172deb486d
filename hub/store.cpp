#include "hub/store.h"

namespace ih::hub {

std::unique_ptr<Store> Store::open(const std::string& path, int connections, std::string* error) {
  auto store = std::make_unique<Store>();
  for (int i = 0; i < connections; ++i) {
    auto db = std::make_unique<sql::Database>(sql::Database::open(path));
    // WAL lets readers go on while one writer commits; NORMAL sync is durable
    // across process crashes, which is what a server on a journaling file
    // system needs; busy_timeout makes writers queue instead of failing.
    if (!db->is_open() ||
        !db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                  "PRAGMA busy_timeout=10000;")) {
      *error = "cannot open the hub database: " + db->error();
      return nullptr;
    }
    if (i == 0 && !migrate(*db, error)) return nullptr;
    store->free_.push_back(std::move(db));
  }
  return store;
}

Store::Lease Store::lease() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !free_.empty(); });
  auto db = std::move(free_.back());
  free_.pop_back();
  return Lease(*this, std::move(db));
}

void Store::give_back(std::unique_ptr<sql::Database> db) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(db));
  }
  available_.notify_one();
}

}  // namespace ih::hub

namespace ih::hub {

std::optional<int64_t> next_counter(sql::Database& db, std::string_view name) {
  auto st = db.prepare(
      "INSERT INTO counters (name, value) VALUES (?1, 1) "
      "ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value");
  st.bind_all(name);
  if (st.step() != sql::Statement::Step::Row) return std::nullopt;
  return st.int64(0);
}

}  // namespace ih::hub
