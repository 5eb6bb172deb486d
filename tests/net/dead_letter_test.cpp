// An entry the hub refuses for good is never silently deleted: it becomes a
// dead letter, still sealed, with its kind and why, counted in the sync
// status, found by the person's lane, marked once they were told, and kept
// across a restart. What the hub accepts, and what fails only for now, is no
// dead letter.
#include <gtest/gtest.h>

#include <atomic>
#include <cctype>
#include <fstream>
#include <iterator>

#include "api/sqlite.h"
#include "hub/problem.h"
#include "net/sync_engine.h"
#include "tests/hub/hub_fixture.h"
#include "tests/net/sync_fixture.h"

namespace ih::test {
namespace {

// 41 graphemes: one more than a name may have (api/field_rules.h). The kiosk
// checks names before it queues them; a raw one shows what the hub does.
std::string name_of_41_graphemes() {
  std::string name;
  for (int i = 0; i < 41; ++i) name += "ب";
  return name;
}

std::string read_all(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(DeadLetters, ARefusedProfileIsKeptWithItsKindAndReasonNotDeleted) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  const std::string name = name_of_41_graphemes();
  const auto session = net::create_account(*terminal.outbox, terminal.identity,
                                           {name, {"ar"}, "Dresden", "", "2580"}, hub.now());
  ASSERT_TRUE(session);
  EXPECT_EQ(terminal.outbox->waiting_in_lane(session->lane),
            std::vector<net::EntryKind>{net::EntryKind::Profile});

  auto engine = engine_for(hub, terminal);
  engine.start();
  ASSERT_TRUE(eventually([&] { return engine.status().rejected == 1; }));
  engine.stop();
  EXPECT_EQ(engine.status().delivered, 0u);
  EXPECT_EQ(terminal.outbox->depth(), 0) << "it no longer holds up the person's lane";
  EXPECT_TRUE(terminal.outbox->waiting_in_lane(session->lane).empty());
  EXPECT_EQ(hub::query_int(hub.hub(), "SELECT count(*) FROM accounts WHERE role = 'person'"), 0);

  const net::DeadLetterSummary summary = engine.status().dead_letters;
  EXPECT_EQ(summary.total, 1);
  EXPECT_EQ(summary.untold, 1);
  EXPECT_GE(summary.last_refused_at, hub.now() - 60);
  ASSERT_EQ(summary.counts.size(), 1u);
  EXPECT_EQ(summary.counts[0],
            (net::DeadLetterCount{net::EntryKind::Profile, 422, "validation-failed", 1}));

  // The person comes back and types their code: the terminal finds what
  // became of their profile.
  const auto lane = net::lane_of(terminal.identity, session->personal_code);
  ASSERT_EQ(lane, session->lane);
  const auto untold = terminal.outbox->untold_dead_letters(*lane);
  ASSERT_EQ(untold.size(), 1u);
  EXPECT_EQ(untold[0].kind, net::EntryKind::Profile);
  EXPECT_EQ(untold[0].refusal.status, 422);
  EXPECT_EQ(untold[0].refusal.problem_type, "validation-failed");
  EXPECT_EQ(untold[0].refusal.problem_title, "Some fields are not valid");
  EXPECT_EQ(untold[0].refusal.fields, std::vector<std::string>{"display_name"});
  EXPECT_FALSE(untold[0].told);
  EXPECT_TRUE(terminal.outbox->untold_dead_letters("another lane").empty());

  ASSERT_TRUE(terminal.outbox->mark_dead_letters_told(*lane, untold[0].id));
  EXPECT_TRUE(terminal.outbox->untold_dead_letters(*lane).empty());
  EXPECT_EQ(terminal.outbox->dead_letter_summary().untold, 0);
  EXPECT_EQ(terminal.outbox->dead_letter_summary().total, 1) << "staff still see it";

  // Across a restart: still there, still told, still sealed.
  terminal.outbox.reset();
  auto reopened = net::Outbox::open((state.path / "outbox.db").string());
  ASSERT_TRUE(reopened.outbox);
  const auto kept = reopened.outbox->dead_letters(10);
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].lane, *lane);
  EXPECT_EQ(kept[0].kind, net::EntryKind::Profile);
  EXPECT_TRUE(kept[0].told);
  net::DeadLetterSummary told = summary;
  told.untold = 0;
  EXPECT_EQ(reopened.outbox->dead_letter_summary(), told);
  reopened.outbox.reset();
  for (const auto& entry : std::filesystem::recursive_directory_iterator(state.path)) {
    if (!entry.is_regular_file()) continue;
    EXPECT_EQ(read_all(entry.path()).find("ببببب"), std::string::npos)
        << "the name in plain text in " << entry.path().filename();
  }
}

TEST(DeadLetters, ARestartedEngineCountsTheDeadLettersOfEarlierRuns) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  ASSERT_TRUE(net::create_account(*terminal.outbox, terminal.identity,
                                  {name_of_41_graphemes(), {"ar"}, "Dresden", "", "2580"},
                                  hub.now()));
  {
    auto engine = engine_for(hub, terminal);
    engine.start();
    ASSERT_TRUE(eventually([&] { return engine.status().rejected == 1; }));
  }
  auto again = engine_for(hub, terminal);
  EXPECT_EQ(again.status().rejected, 0u) << "counted since the engine started";
  EXPECT_EQ(again.status().dead_letters.total, 1);
  EXPECT_EQ(again.status().dead_letters.untold, 1);
}

TEST(DeadLetters, AcceptedEntriesAreNoDeadLetters) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  const auto session = net::create_account(*terminal.outbox, terminal.identity,
                                           {"Selam", {"ti"}, "Dresden", "", "2580"}, hub.now());
  ASSERT_TRUE(session);
  auto engine = engine_for(hub, terminal);
  engine.start();
  ASSERT_TRUE(eventually([&] { return engine.status().delivered == 1; }));
  engine.stop();
  EXPECT_EQ(engine.status().rejected, 0u);
  EXPECT_EQ(engine.status().dead_letters, net::DeadLetterSummary{});
  EXPECT_TRUE(terminal.outbox->untold_dead_letters(session->lane).empty());
  EXPECT_TRUE(terminal.outbox->dead_letters(10).empty());
}

TEST(DeadLetters, ServerErrorsAreRetriedNotDeadLettered) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  ASSERT_TRUE(net::create_account(*terminal.outbox, terminal.identity,
                                  {"Selam", {"ti"}, "Dresden", "", "2580"}, hub.now()));
  std::atomic<int> failed{0};
  hub::set_fault_injector(
      hub.hub(), [&](const hub::Call& call, hub::FaultPhase phase) -> std::optional<hub::Reply> {
        if (call.path != "/v1/envelopes" || phase != hub::FaultPhase::Before) return std::nullopt;
        if (failed >= 3) return std::nullopt;
        ++failed;
        return hub::problem(failed == 1 ? 500 : 503, "unavailable", "injected");
      });
  auto engine = engine_for(hub, terminal);
  engine.start();
  ASSERT_TRUE(eventually([&] { return engine.status().delivered == 1; }));
  engine.stop();
  EXPECT_EQ(failed, 3);
  EXPECT_EQ(engine.status().rejected, 0u);
  EXPECT_TRUE(terminal.outbox->dead_letters(10).empty());
}

TEST(DeadLetters, OfflineEntriesWaitInTheirLaneAndAreNoDeadLetters) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  hub.stop_server();
  const auto session = net::create_account(*terminal.outbox, terminal.identity,
                                           {"Nino", {"ka"}, "Dresden", "", "2580"}, hub.now());
  ASSERT_TRUE(session);
  ASSERT_TRUE(net::queue_message(*terminal.outbox, terminal.identity, *session, "c_1", "გამარჯობა",
                                 hub.now()));
  auto engine = engine_for(hub, terminal);
  engine.start();
  ASSERT_TRUE(eventually([&] {
    return engine.status().state == net::SyncState::Offline && !engine.status().last_error.empty();
  }));
  // Someone who typed their code now hears that their profile is still
  // being sent, not that the code or PIN is wrong.
  std::string code = session->personal_code;
  for (char& c : code) c = static_cast<char>(std::tolower(c));
  const auto lane = net::lane_of(terminal.identity, code);
  ASSERT_EQ(lane, session->lane);
  EXPECT_EQ(terminal.outbox->waiting_in_lane(*lane),
            (std::vector<net::EntryKind>{net::EntryKind::Profile, net::EntryKind::Message}));
  EXPECT_FALSE(net::lane_of(terminal.identity, "not a code"));
  EXPECT_EQ(engine.status().dead_letters.total, 0);

  hub.start_server();
  engine.wake();
  // The message goes to a conversation that does not exist: refused for
  // good, after the profile was delivered.
  ASSERT_TRUE(eventually([&] { return engine.status().rejected == 1; }));
  engine.stop();
  EXPECT_EQ(engine.status().delivered, 1u);
  EXPECT_TRUE(terminal.outbox->waiting_in_lane(*lane).empty());
  const auto untold = terminal.outbox->untold_dead_letters(*lane);
  ASSERT_EQ(untold.size(), 1u);
  EXPECT_EQ(untold[0].kind, net::EntryKind::Message);
  EXPECT_EQ(untold[0].refusal.status, 404);
  EXPECT_EQ(untold[0].refusal.problem_type, "not-found");
  EXPECT_TRUE(untold[0].refusal.fields.empty());
}

TEST(DeadLetters, MarkingToldStopsAtTheLastOneShown) {
  TempDir dir;
  auto outbox = net::Outbox::open((dir.path / "outbox.db").string()).outbox;
  ASSERT_TRUE(outbox);
  const net::Refusal refusal{409, "conflict", "A request with this id exists", {}};
  for (const char* key : {"k1", "k2", "k3"}) {
    ASSERT_TRUE(outbox->enqueue("lane", key, {1, 2, 3}, net::EntryKind::Request));
  }
  ASSERT_TRUE(outbox->enqueue("other", "k4", {4}, net::EntryKind::Withdrawal));
  for (const auto& entry : outbox->heads(8)) {
    ASSERT_TRUE(outbox->move_to_dead_letters(entry.seq, refusal, 1'800'000'000));
  }
  const auto shown = outbox->untold_dead_letters("lane");
  ASSERT_EQ(shown.size(), 1u);
  // Refused while the person was being told: not marked.
  ASSERT_TRUE(outbox->move_to_dead_letters(outbox->heads(8).at(0).seq, refusal, 1'800'000'001));
  ASSERT_TRUE(outbox->mark_dead_letters_told("lane", shown.back().id));
  EXPECT_EQ(outbox->untold_dead_letters("lane").size(), 1u);
  EXPECT_EQ(outbox->untold_dead_letters("other").size(), 1u) << "another person's stay untold";
  const auto summary = outbox->dead_letter_summary();
  EXPECT_EQ(summary.total, 3);
  EXPECT_EQ(summary.untold, 2);
  EXPECT_EQ(summary.last_refused_at, 1'800'000'001);
  ASSERT_EQ(summary.counts.size(), 2u);
  EXPECT_EQ(summary.counts[0], (net::DeadLetterCount{net::EntryKind::Request, 409, "conflict", 2}));
  EXPECT_EQ(summary.counts[1],
            (net::DeadLetterCount{net::EntryKind::Withdrawal, 409, "conflict", 1}));
  EXPECT_FALSE(outbox->move_to_dead_letters(12345, refusal, 1'800'000'002))
      << "no such entry: nothing moved";
}

TEST(DeadLetters, AreKeptNinetyDaysAfterTheRefusal) {
  TempDir dir;
  auto outbox = net::Outbox::open((dir.path / "outbox.db").string()).outbox;
  ASSERT_TRUE(outbox);
  const int64_t refused = 1'800'000'000;
  ASSERT_TRUE(outbox->enqueue("lane", "k1", {1}, net::EntryKind::Profile));
  ASSERT_TRUE(outbox->move_to_dead_letters(outbox->heads(1).at(0).seq, {422, "", "", {}}, refused));
  EXPECT_EQ(outbox->prune_dead_letters(refused + net::kDeadLetterDays * 86400), 0);
  EXPECT_EQ(outbox->dead_letter_summary().total, 1);
  EXPECT_EQ(outbox->prune_dead_letters(refused + net::kDeadLetterDays * 86400 + 1), 1);
  EXPECT_EQ(outbox->dead_letter_summary().total, 0);
}

TEST(DeadLetters, AnOutboxFromBeforeKindsOpensAndItsEntriesReadAsOther) {
  TempDir dir;
  const auto path = (dir.path / "outbox.db").string();
  {
    auto db = sql::Database::open(path);
    ASSERT_TRUE(db.exec(
        "CREATE TABLE entries (seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, "
        "lane TEXT NOT NULL, sealed BLOB NOT NULL);"
        "INSERT INTO entries (key, lane, sealed) VALUES ('old', 'lane', x'010203');"));
  }
  auto opened = net::Outbox::open(path);
  ASSERT_TRUE(opened.outbox) << opened.error;
  EXPECT_EQ(opened.moved_aside, "");
  const auto heads = opened.outbox->heads(8);
  ASSERT_EQ(heads.size(), 1u);
  EXPECT_EQ(heads[0].kind, net::EntryKind::Other);
  ASSERT_TRUE(opened.outbox->enqueue("lane", "new", {4}, net::EntryKind::Message));
  EXPECT_EQ(opened.outbox->waiting_in_lane("lane"),
            (std::vector<net::EntryKind>{net::EntryKind::Other, net::EntryKind::Message}));
}

}  // namespace
}  // namespace ih::test
