// What the hub and the terminal leave on disk: the hub's state folder and its
// files are its user's alone (WAL and shared memory included); the key that
// opens every envelope is not in the database, only sealed with a key file
// beside it; the copies of replies kept for idempotency reveal nothing and go
// after 31 days. (The terminal's outbox file: tests/net/outbox_test.cpp.)
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "api/personal_code.h"
#include "api/secret.h"
#include "hub/private_files.h"
#include "hub/state.h"
#include "tests/file_modes.h"
#include "tests/hub/hub_fixture.h"

namespace ih::test {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string bytes_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

bool contains(const std::string& haystack, const std::vector<unsigned char>& needle) {
  return haystack.find(std::string(needle.begin(), needle.end())) != std::string::npos;
}

hub::HubPtr open_at(const fs::path& folder, std::string* error) {
  hub::Config config;
  config.db_path = (folder / "hub.db").string();
  config.pin_cost = hub::PinCost::Minimal;
  return hub::open_hub(std::move(config), error);
}

hub::Reply call(hub::Hub& h, const std::string& path, const json& body,
                const std::string& credential = {}) {
  hub::Call c;
  c.method = "POST";
  c.path = path;
  c.terminal_credential = credential;
  c.idempotency_key = key();
  c.content_type = "application/json";
  c.body = body.dump();
  return hub::handle(h, c);
}

// An account made through the hub, so that the database and its WAL hold
// names and replies.
void make_account(hub::Hub& h, const std::string& name) {
  const std::string secret = api::mint_secret();
  const auto enrolled = call(h, "/v1/terminals",
                             {{"enrolment_code", hub::issue_enrolment_code(h, 3600)},
                              {"device_secret", secret},
                              {"name", "Halle 1"},
                              {"version", "1"}});
  ASSERT_EQ(enrolled.status, 201) << enrolled.body;
  const json terminal = json::parse(enrolled.body);
  const auto created = call(
      h, "/v1/accounts",
      {{"personal_code", *api::make_personal_code(terminal["code_prefix"].get<std::string>(), 1)},
       {"display_name", name},
       {"languages", {"ar"}},
       {"town", "Dresden"},
       {"pin", "1234"},
       {"session_token", api::mint_secret()}},
      terminal["terminal_id"].get<std::string>() + "." + secret);
  ASSERT_EQ(created.status, 201) << created.body;
}

TEST(DataAtRest, TheStateFolderAndEveryFileInItArePrivate) {
  const Umask umask(022);
  TempDir dir;
  const fs::path folder = dir.path / "hub-state";
  fs::create_directories(folder);
  fs::permissions(folder, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec);
  std::string error;
  ASSERT_TRUE(hub::make_private_folder(folder.string(), &error)) << error;
  EXPECT_EQ(mode_of(folder), 0700u);
  auto h = open_at(folder, &error);
  ASSERT_TRUE(h) << error;
  make_account(*h, "Amira");
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    EXPECT_EQ(mode_of(entry.path()), 0600u) << entry.path().filename();
    ++files;
  }
  EXPECT_GE(files, 4u) << "hub.db, its WAL and shared memory, the key file";
}

TEST(DataAtRest, FilesAnEarlierHubLeftReadableArePrivateOnceItOpens) {
  const Umask umask(022);
  TempDir dir;
  std::string error;
  {
    auto h = open_at(dir.path, &error);
    ASSERT_TRUE(h) << error;
    make_account(*h, "Amira");
  }
  for (const auto& entry : fs::directory_iterator(dir.path)) {
    fs::permissions(entry.path(), fs::perms::owner_read | fs::perms::owner_write |
                                      fs::perms::group_read | fs::perms::others_read);
  }
  auto h = open_at(dir.path, &error);
  ASSERT_TRUE(h) << error;
  for (const auto& entry : fs::directory_iterator(dir.path)) {
    EXPECT_EQ(mode_of(entry.path()), 0600u) << entry.path().filename();
  }
}

TEST(DataAtRest, TheKeyThatOpensEnvelopesIsNotInTheDatabase) {
  TempDir dir;
  std::string error;
  auto h = open_at(dir.path, &error);
  ASSERT_TRUE(h) << error;
  make_account(*h, "Amira");
  const std::vector<unsigned char> secret = h->box_secret;
  const std::vector<unsigned char> public_key = hub::box_public_key(*h);
  ASSERT_EQ(secret.size(), 32u);
  EXPECT_FALSE(contains(bytes_of(dir.path / "hub.db") + bytes_of(dir.path / "hub.db-wal"), secret));
  h.reset();
  // The key file opens them again; without it the hub does not start.
  h = open_at(dir.path, &error);
  ASSERT_TRUE(h) << error;
  EXPECT_EQ(h->box_secret, secret);
  h.reset();
  std::error_code ec;
  fs::rename(dir.path / "hub.db.key", dir.path / "elsewhere.key", ec);
  ASSERT_FALSE(ec) << "no key file beside the database";
  EXPECT_FALSE(open_at(dir.path, &error));
  EXPECT_NE(error.find("hub.db.key"), std::string::npos) << error;
}

TEST(DataAtRest, AKeyAnEarlierHubKeptInTheDatabaseIsSealedWhenItOpens) {
  TempDir dir;
  std::string error;
  auto h = open_at(dir.path, &error);
  ASSERT_TRUE(h) << error;
  const std::vector<unsigned char> secret = h->box_secret;
  const std::vector<unsigned char> fingerprint_key = h->fingerprint_key;
  {
    // As the first schema kept them: in the clear.
    auto db = h->store->lease();
    auto st =
        db->prepare("UPDATE hub_keys SET box_secret = ?1, fingerprint_key = ?2, sealed = NULL");
    st.bind_all(secret, fingerprint_key);
    ASSERT_TRUE(st.run()) << db->error();
  }
  h.reset();
  h = open_at(dir.path, &error);
  ASSERT_TRUE(h) << error;
  EXPECT_EQ(h->box_secret, secret);
  EXPECT_EQ(h->fingerprint_key, fingerprint_key);
  h.reset();
  EXPECT_FALSE(contains(bytes_of(dir.path / "hub.db") + bytes_of(dir.path / "hub.db-wal"), secret));
}

TEST(DataAtRest, RepliesKeptForIdempotencyHoldNoNameAndGoAfterThirtyOneDays) {
  TestHub hub;
  if (hub.remote()) GTEST_SKIP() << "reads the reference hub's database";
  TempDir terminal_dir;
  auto terminal = hub.enrol(terminal_dir.path);
  const std::string name = "Zainab Quxwell";
  const json body = {{"personal_code", *api::make_personal_code(terminal.identity.code_prefix, 5)},
                     {"display_name", name},
                     {"languages", {"ar"}},
                     {"town", "Dresden"},
                     {"pin", "1234"},
                     {"session_token", api::mint_secret()}};
  const std::string k = key();
  const net::Caller caller{terminal.identity.credential(), {}};
  const auto first = hub.send("POST", "/v1/accounts", caller, body.dump(), k);
  ASSERT_EQ(first.status, 201) << first.body;
  ASSERT_NE(first.body.find(name), std::string::npos);
  {
    // Read out and searched here: the same for both stores.
    auto db = hub.hub().store->lease();
    auto st = db->prepare("SELECT body, sealed_body FROM idempotency");
    int rows = 0;
    while (st.step() == hub::Statement::Step::Row) {
      ++rows;
      EXPECT_EQ(st.text(0).find(name), std::string::npos);
      const auto sealed = st.blob(1);
      EXPECT_FALSE(contains(std::string(sealed.begin(), sealed.end()),
                            std::vector<unsigned char>(name.begin(), name.end())));
    }
    EXPECT_GE(rows, 1);
  }
  // The repeat still gets the same reply.
  const auto again = hub.send("POST", "/v1/accounts", caller, body.dump(), k);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.header("idempotent-replayed"), "true");

  const auto kept = [&] { return hub::query_int(hub.hub(), "SELECT count(*) FROM idempotency"); };
  const int64_t before = kept();
  EXPECT_GE(before, 2);  // the enrolment and the account
  hub.advance_clock(31 * 86400 + 120);
  const json beat = {{"version", "1"}, {"outbox_depth", 0}};
  EXPECT_EQ(hub.send("POST", "/v1/terminals/self/heartbeat", caller, beat.dump(), key()).status,
            200);
  EXPECT_EQ(kept(), 1) << "only the heartbeat's";
}

}  // namespace
}  // namespace ih::test
