#include "hub/store.h"

namespace ih::hub {

std::unique_ptr<Store> Store::open(const Connect& connect, int connections, std::string* error) {
  auto store = std::make_unique<Store>();
  for (int i = 0; i < connections; ++i) {
    auto db = connect(error);
    if (!db) return nullptr;
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

void Store::give_back(std::unique_ptr<Db> db) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(db));
  }
  available_.notify_one();
}

std::optional<int64_t> next_counter(Db& db, std::string_view name) {
  auto st = db.prepare(
      "INSERT INTO counters (name, value) VALUES (?1, 1) "
      "ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value");
  st.bind_all(name);
  if (st.step() != Statement::Step::Row) return std::nullopt;
  return st.int64(0);
}

}  // namespace ih::hub
