// Hubs that share one SQLite file open it together: each must get the file,
// in WAL mode, however their opening steps interleave.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "api/sqlite.h"
#include "hub/db_sqlite.h"
#include "tests/hub/hub_fixture.h"

namespace ih::test {
namespace {

std::string journal_mode(hub::Db& db) {
  auto st = db.prepare("PRAGMA journal_mode");
  return st.step() == hub::Statement::Step::Row ? st.text(0) : db.error();
}

TEST(SqliteOpen, AHubOpeningWhileAnotherReadsWaitsForTheReadToEnd) {
  TempDir dir;
  const std::string path = (dir.path / "hub.db").string();
  auto reader = sql::Database::open(path);
  ASSERT_TRUE(reader.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1);")) << reader.error();
  // A read transaction in the old rollback mode holds a shared lock, and the
  // switch to WAL cannot happen under it.
  ASSERT_TRUE(reader.exec("BEGIN; SELECT x FROM t;")) << reader.error();
  std::thread finish([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    reader.exec("COMMIT");
  });
  std::string error;
  auto db = hub::open_sqlite_db(path, &error);
  finish.join();
  ASSERT_TRUE(db) << error;
  EXPECT_EQ(journal_mode(*db), "wal");
}

// Each opens, writes as a hub's migration does, and closes, five times over,
// so that openings meet other connections' first writes and last closes.
TEST(SqliteOpen, EightHubsOpeningANewFileAtOnceAllGetIt) {
  for (int round = 0; round < 10; ++round) {
    TempDir dir;
    const std::string path = (dir.path / "hub.db").string();
    std::vector<std::string> errors(8);
    std::vector<std::thread> threads;
    for (auto& error : errors) {
      threads.emplace_back([&path, &error] {
        for (int i = 0; i < 5 && error.empty(); ++i) {
          auto db = hub::open_sqlite_db(path, &error);
          if (db && !db->exec("CREATE TABLE IF NOT EXISTS t(x); INSERT INTO t VALUES (1);")) {
            error = db->error();
          }
        }
      });
    }
    for (auto& t : threads) t.join();
    for (const auto& error : errors) ASSERT_EQ(error, "") << "round " << round;
  }
}

}  // namespace
}  // namespace ih::test
