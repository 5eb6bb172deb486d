// End to end: a person registers and asks for help at a terminal, the sync
// engine delivers it to the hub, and afterwards nothing the person typed can
// be read anywhere in the terminal's state folder.
#include <gtest/gtest.h>

#include <ctime>
#include <fstream>
#include <iterator>

#include "api/secret.h"
#include "net/sync_engine.h"
#include "tests/hub/hub_fixture.h"
#include "tests/net/sync_fixture.h"

namespace ih::test {
namespace {

const char* const kName = "Zainab Haidari-Testperson";
const char* const kTown = "Notunterkunft Messehalle Leipzig";
const char* const kText = "Ich brauche Begleitung zum Jobcenter, Termin Nr. 4711-QX";

nlohmann::json request_body(const std::string& text) {
  return {{"category", "authority"},
          {"when", {{"part_of_day", "morning"}}},
          {"town", "Leipzig"},
          {"helper_language", "prs"},
          {"text", text}};
}

std::string read_all(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(Sync, DeliversAnOfflineRegistrationAndRequestAndLeavesNoPlainText) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  const auto session =
      net::create_account(*terminal.outbox, terminal.identity,
                          {kName, {"prs", "de"}, kTown, "+49 176 555 0101", "2580"}, hub.now());
  ASSERT_TRUE(session);
  ASSERT_TRUE(net::queue_request(*terminal.outbox, terminal.identity, *session, request_body(kText),
                                 hub.now()));
  EXPECT_EQ(terminal.outbox->depth(), 2);

  auto engine = engine_for(hub, terminal);
  engine.start();
  ASSERT_TRUE(eventually([&] { return engine.status().delivered == 2; }));
  const net::SyncStatus status = engine.status();
  EXPECT_EQ(status.waiting, 0);
  EXPECT_EQ(status.rejected, 0u);
  EXPECT_TRUE(eventually([&] { return engine.status().state == net::SyncState::Online; }));
  engine.stop();

  EXPECT_EQ(
      hub::query_int(hub.hub(), "SELECT count(*) FROM accounts WHERE display_name = ?1", kName), 1);
  EXPECT_EQ(hub::query_int(hub.hub(), "SELECT count(*) FROM requests WHERE text = ?1", kText), 1);
  // The person can log in with the code the terminal made offline.
  net::HttpClient client(net::pinned_config(hub.client_config(), terminal.identity));
  const auto login = net::login(client, terminal.identity, session->personal_code, "2580");
  ASSERT_TRUE(login.ok());
  const auto mine =
      net::list_requests(client, {terminal.identity.credential(), login.value->token});
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine.value->items.size(), 1u);
  EXPECT_EQ(mine.value->items[0].text, kText);
  const net::Caller person{terminal.identity.credential(), login.value->token};
  const auto matches = net::count_matches(client, person, mine.value->items[0].id);
  ASSERT_TRUE(matches.ok());
  EXPECT_EQ(matches.value->fitting_helpers, 0);  // no helpers in this hub
  EXPECT_TRUE(net::logout(client, person).ok());
  const auto after = net::list_requests(client, person);
  EXPECT_FALSE(after.ok());
  EXPECT_EQ(after.status, 401);
  ASSERT_TRUE(after.problem);
  EXPECT_EQ(after.problem->type, "unauthenticated");

  terminal.outbox.reset();
  for (const auto& entry : std::filesystem::recursive_directory_iterator(state.path)) {
    if (!entry.is_regular_file()) continue;
    const std::string bytes = read_all(entry.path());
    for (const char* secret : {kName, kTown, kText, "176 555 0101", "Zainab", "Jobcenter"}) {
      EXPECT_EQ(bytes.find(secret), std::string::npos)
          << "\"" << secret << "\" in plain text in " << entry.path().filename();
    }
  }
}

TEST(Sync, ReportsOfflineWithWhatWaitsAndRecovers) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  const auto session = net::create_account(*terminal.outbox, terminal.identity,
                                           {"Oksana", {"uk"}, "Chemnitz", "", "1357"}, hub.now());
  ASSERT_TRUE(session);
  hub.stop_server();
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(net::queue_request(*terminal.outbox, terminal.identity, *session,
                                   request_body("offline " + std::to_string(i)), hub.now()));
  }
  auto engine = engine_for(hub, terminal);
  engine.start();
  ASSERT_TRUE(eventually([&] {
    const auto s = engine.status();
    return s.state == net::SyncState::Offline && !s.last_error.empty();
  }));
  net::SyncStatus offline = engine.status();
  EXPECT_EQ(offline.waiting, 4);
  EXPECT_EQ(offline.last_error, "no route to the server");
  EXPECT_GT(offline.retry_in_ms, 0);

  hub.start_server();
  engine.wake();
  ASSERT_TRUE(eventually([&] { return engine.status().delivered == 4; }));
  EXPECT_TRUE(eventually([&] { return engine.status().state == net::SyncState::Online; }));
  EXPECT_EQ(engine.status().last_error, "");
  EXPECT_EQ(hub::query_int(hub.hub(), "SELECT count(*) FROM requests"), 3);
  // The heartbeat told the hub how the terminal is.
  EXPECT_TRUE(eventually([&] {
    return hub::query_int(hub.hub(),
                          "SELECT count(*) FROM terminals WHERE last_seen_at IS NOT NULL") == 1;
  }));
}

TEST(Sync, TellsWhenTheServerLastAnswered) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  hub.stop_server();
  auto engine = engine_for(hub, terminal);
  EXPECT_EQ(engine.status().last_contact, 0) << "never, before it starts";
  engine.start();
  const auto session = net::create_account(*terminal.outbox, terminal.identity,
                                           {"Hamid", {"fa"}, "Pirna", "", "9753"}, hub.now());
  ASSERT_TRUE(session);
  engine.wake();
  ASSERT_TRUE(eventually([&] { return !engine.status().last_error.empty(); }));
  EXPECT_EQ(engine.status().last_contact, 0) << "a server that never answered was never reached";

  const int64_t before = std::time(nullptr);
  hub.start_server();
  engine.wake();
  ASSERT_TRUE(eventually([&] { return engine.status().delivered == 1; }));
  const int64_t contact = engine.status().last_contact;
  EXPECT_GE(contact, before);
  EXPECT_LE(contact, std::time(nullptr));

  // Offline again: the time of the last contact stays.
  hub.stop_server();
  const int64_t last = engine.status().last_contact;
  ASSERT_TRUE(net::queue_request(*terminal.outbox, terminal.identity, *session,
                                 request_body("while offline"), hub.now()));
  engine.wake();
  ASSERT_TRUE(eventually([&] {
    const auto s = engine.status();
    return s.state == net::SyncState::Offline && !s.last_error.empty();
  }));
  EXPECT_EQ(engine.status().last_contact, last);
  EXPECT_GE(last, contact);
}

TEST(Sync, KeepsEachPersonsChangesInOrder) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  // Two people, interleaved; each one's account must exist before their
  // requests arrive, and their requests arrive in the order they were made.
  std::vector<net::PersonSession> people;
  for (const char* name : {"Ahmad", "Daria"}) {
    people.push_back(*net::create_account(*terminal.outbox, terminal.identity,
                                          {name, {"de"}, "Dresden", "", "2468"}, hub.now()));
  }
  for (int i = 0; i < 5; ++i) {
    for (size_t p = 0; p < people.size(); ++p) {
      ASSERT_TRUE(net::queue_request(*terminal.outbox, terminal.identity, people[p],
                                     request_body(std::to_string(p) + ":" + std::to_string(i)),
                                     hub.now()));
    }
  }
  auto engine = engine_for(hub, terminal);
  engine.start();
  ASSERT_TRUE(eventually([&] { return engine.status().delivered == 12; }));
  EXPECT_EQ(engine.status().rejected, 0u);
  for (int p = 0; p < 2; ++p) {
    for (int i = 1; i < 5; ++i) {
      const std::string before = std::to_string(p) + ":" + std::to_string(i - 1);
      const std::string after = std::to_string(p) + ":" + std::to_string(i);
      EXPECT_LT(hub::query_int(hub.hub(), "SELECT seq FROM requests WHERE text = ?1", before),
                hub::query_int(hub.hub(), "SELECT seq FROM requests WHERE text = ?1", after));
    }
  }
}

TEST(Sync, ARequestCanBeWithdrawnBeforeItWasEverSent) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  const auto session = net::create_account(*terminal.outbox, terminal.identity,
                                           {"Lina", {"ar"}, "Dresden", "", "4444"}, hub.now());
  ASSERT_TRUE(session);
  const auto id = net::queue_request(*terminal.outbox, terminal.identity, *session,
                                     request_body("changed my mind"), hub.now());
  ASSERT_TRUE(id);
  ASSERT_TRUE(net::queue_withdrawal(*terminal.outbox, terminal.identity, *session, *id, hub.now()));
  auto engine = engine_for(hub, terminal);
  engine.start();
  ASSERT_TRUE(eventually([&] { return engine.status().delivered == 3; }));
  EXPECT_EQ(engine.status().rejected, 0u);
  EXPECT_EQ(
      hub::query_int(hub.hub(),
                     "SELECT count(*) FROM requests WHERE id = ?1 AND status = 'withdrawn'", *id),
      1);

  // Logged in again later, the same person's changes share the same lane.
  engine.stop();
  net::HttpClient client(net::pinned_config(hub.client_config(), terminal.identity));
  const auto again = net::login(client, terminal.identity, session->personal_code, "4444");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value->lane, session->lane);
  EXPECT_NE(again.value->token, session->token);
}

// A logout waits in the person's lane behind what they queued: sent at once,
// it would end the session before those arrive, and the server would refuse
// them as calls of an ended session.
TEST(Sync, ALogoutEndsTheSessionAfterThePersonsLastEntries) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  const auto made = net::create_account(*terminal.outbox, terminal.identity,
                                        {"Samir", {"ar"}, "Dresden", "", "1470"}, hub.now());
  ASSERT_TRUE(made);
  auto engine = engine_for(hub, terminal);
  engine.start();
  ASSERT_TRUE(eventually([&] { return engine.status().delivered == 1; }));
  engine.stop();

  net::HttpClient client(net::pinned_config(hub.client_config(), terminal.identity));
  auto login = [&] {
    auto session = net::login(client, terminal.identity, made->personal_code, "1470");
    EXPECT_TRUE(session.ok());
    return *session.value;
  };
  // The fault this ordering prevents: a session ended before its entries
  // arrive has them refused (and kept as dead letters).
  const net::PersonSession ended_first = login();
  ASSERT_TRUE(net::queue_request(*terminal.outbox, terminal.identity, ended_first,
                                 request_body("sent after a direct logout"), hub.now()));
  ASSERT_TRUE(net::logout(client, {terminal.identity.credential(), ended_first.token}).ok());
  engine.start();
  ASSERT_TRUE(eventually([&] { return engine.status().rejected == 1; }));
  engine.stop();

  const net::PersonSession session = login();
  ASSERT_TRUE(net::queue_request(*terminal.outbox, terminal.identity, session,
                                 request_body("queued before the logout"), hub.now()));
  ASSERT_TRUE(net::queue_logout(*terminal.outbox, terminal.identity, session, hub.now()));
  EXPECT_EQ(terminal.outbox->waiting_in_lane(session.lane),
            (std::vector<net::EntryKind>{net::EntryKind::Request, net::EntryKind::Logout}));
  engine.start();
  ASSERT_TRUE(eventually([&] { return terminal.outbox->depth() == 0; }));
  engine.stop();
  EXPECT_EQ(engine.status().rejected, 1u) << "only the entry of the session ended first";
  EXPECT_EQ(hub::query_int(hub.hub(), "SELECT count(*) FROM requests WHERE text = ?1",
                           "queued before the logout"),
            1);
  const auto after = net::list_requests(client, {terminal.identity.credential(), session.token});
  EXPECT_EQ(after.status, 401) << "the queued logout ended the session";
}

// A logout the server refuses (a session it never had: the profile that made
// it was refused) holds nothing a person entered, and is not kept.
TEST(Sync, ARefusedLogoutIsDroppedNotKeptAsADeadLetter) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  const net::PersonSession unknown{"K7Q0-18SM", api::mint_secret(), "lane-of-nobody", {}};
  ASSERT_TRUE(net::queue_logout(*terminal.outbox, terminal.identity, unknown, hub.now()));
  auto engine = engine_for(hub, terminal);
  engine.start();
  ASSERT_TRUE(eventually([&] { return terminal.outbox->depth() == 0; }));
  engine.stop();
  EXPECT_EQ(engine.status().rejected, 0u);
  EXPECT_EQ(engine.status().delivered, 0u) << "refused, not delivered";
  EXPECT_EQ(terminal.outbox->dead_letter_summary().total, 0);
}

}  // namespace
}  // namespace ih::test
