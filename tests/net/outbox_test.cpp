// The outbox on its own: order per lane, deletion, durability across a reopen,
// the terminal's counters, codes unique without a round trip, private files.
#include "net/outbox.h"

#include <gtest/gtest.h>

#include <set>

#include "api/personal_code.h"
#include "api/secret.h"
#include "net/terminal.h"
#include "tests/file_modes.h"
#include "tests/hub/hub_fixture.h"

namespace ih::net {
namespace {

namespace fs = std::filesystem;

TEST(Outbox, HeadsAreTheOldestEntryOfEachLaneOldestFirst) {
  test::TempDir dir;
  auto outbox = Outbox::open((dir.path / "outbox.db").string()).outbox;
  ASSERT_TRUE(outbox);
  ASSERT_TRUE(outbox->enqueue("b", "k1", {1}));
  ASSERT_TRUE(outbox->enqueue("a", "k2", {2}));
  ASSERT_TRUE(outbox->enqueue("b", "k3", {3}));
  EXPECT_FALSE(outbox->enqueue("a", "k1", {9}));  // a key is never queued twice
  auto heads = outbox->heads(8);
  ASSERT_EQ(heads.size(), 2u);
  EXPECT_EQ(heads[0].key, "k1");
  EXPECT_EQ(heads[1].key, "k2");
  EXPECT_EQ(outbox->heads(1).size(), 1u);
  ASSERT_TRUE(outbox->remove(heads[0].seq));
  heads = outbox->heads(8);
  ASSERT_EQ(heads.size(), 2u);
  EXPECT_EQ(heads[0].key, "k2");
  EXPECT_EQ(heads[1].key, "k3");
  EXPECT_EQ(outbox->depth(), 2);
}

TEST(Outbox, SurvivesAReopenWithEntriesCountersAndState) {
  test::TempDir dir;
  const auto path = (dir.path / "outbox.db").string();
  {
    auto outbox = Outbox::open(path).outbox;
    ASSERT_TRUE(outbox->enqueue("lane", "key", {4, 5, 6}));
    EXPECT_EQ(outbox->next("c"), 1);
    EXPECT_EQ(outbox->next("c"), 2);
    EXPECT_TRUE(outbox->put("terminal_id", "t_1"));
  }
  auto opened = Outbox::open(path);
  ASSERT_TRUE(opened.outbox);
  EXPECT_EQ(opened.moved_aside, "");
  const auto heads = opened.outbox->heads(8);
  ASSERT_EQ(heads.size(), 1u);
  EXPECT_EQ(heads[0].sealed, (std::vector<unsigned char>{4, 5, 6}));
  EXPECT_EQ(opened.outbox->next("c"), 3);
  EXPECT_EQ(opened.outbox->get("terminal_id"), "t_1");
  EXPECT_FALSE(opened.outbox->get("nothing"));
}

TEST(Outbox, OfflineCodesAreUniqueAndNotSequential) {
  test::TestHub hub;
  test::TempDir dir;
  auto terminal = hub.enrol(dir.path);
  std::set<std::string> codes;
  std::string previous;
  int sequential = 0;
  for (int i = 0; i < 300; ++i) {
    const auto session = create_account(*terminal.outbox, terminal.identity,
                                        {"N", {"de"}, "Dresden", "", "1234"}, hub.now());
    ASSERT_TRUE(session);
    EXPECT_EQ(api::prefix_of(session->personal_code), terminal.identity.code_prefix);
    EXPECT_TRUE(api::normalize_personal_code(session->personal_code));
    codes.insert(session->personal_code);
    if (!previous.empty() && session->personal_code.substr(5, 3) > previous.substr(5, 3))
      ++sequential;
    previous = session->personal_code;
  }
  EXPECT_EQ(codes.size(), 300u);
  EXPECT_LT(sequential, 250);
}

// The outbox holds the terminal's device secret and what waits to be sent:
// its files are its user's alone, even if an earlier kiosk left them readable.
TEST(Outbox, ItsFilesArePrivate) {
  const test::Umask umask(022);
  test::TempDir dir;
  const fs::path path = dir.path / "outbox.db";
  {
    auto opened = Outbox::open(path.string());
    ASSERT_TRUE(opened.outbox) << opened.error;
    ASSERT_TRUE(opened.outbox->put("device_secret", api::mint_secret()));
    ASSERT_TRUE(opened.outbox->enqueue("lane", test::key(), {1, 2, 3}));
    for (const auto& entry : fs::directory_iterator(dir.path)) {
      EXPECT_EQ(test::mode_of(entry.path()), 0600u) << entry.path().filename();
    }
  }
  // A file an earlier kiosk left readable.
  for (const auto& entry : fs::directory_iterator(dir.path)) {
    fs::permissions(entry.path(), fs::perms::owner_read | fs::perms::owner_write |
                                      fs::perms::group_read | fs::perms::others_read);
  }
  auto opened = Outbox::open(path.string());
  ASSERT_TRUE(opened.outbox) << opened.error;
  for (const auto& entry : fs::directory_iterator(dir.path)) {
    EXPECT_EQ(test::mode_of(entry.path()), 0600u) << entry.path().filename();
  }
}

}  // namespace
}  // namespace ih::net
