// The kiosk against a real hub over HTTPS, driven by touches on the places
// where its controls and keys were drawn: pick Arabic, accept the notice,
// create a profile on the on-screen keyboard, see the code, leave and let the
// session time out, log in again with the code and PIN, and find the profile
// on the hub. Along the way, nothing the person typed may reach the kiosk's
// files or logs. Names of exactly 40 graphemes in several scripts go through
// unchanged; an entry the hub refuses is kept, counted for staff and told to
// its person at their next login.
#include <SDL.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "api/field_rules.h"
#include "hub/state.h"
#include "hub/store.h"
#include "kiosk/link.h"
#include "net/log.h"
#include "net/terminal.h"
#include "tests/hub/hub_fixture.h"
#include "tests/kiosk/logs_and_files.h"
#include "tests/kiosk/shell_harness.h"

namespace ih::kiosk {
namespace {

using namespace std::chrono_literals;
using testing::all_files;
using testing::Harness;
using testing::LogCapture;

// Draws frames until `done` or 20 s pass, as the event loop would while it waits.
template <typename Done>
bool frames_until(Harness& h, Done done) {
  for (int i = 0; i < 1000; ++i) {
    if (done()) return true;
    h.frame();
    std::this_thread::sleep_for(20ms);
  }
  return done();
}

TEST(EndToEndTest, AnArabicProfileMadeAtTheKioskLogsInAgainAndIsOnTheHub) {
  test::TestHub hub;
  if (hub.remote()) GTEST_SKIP() << "reads the reference hub's database";
  LogCapture logs;
  test::TempDir state;
  Link::Opened opened = Link::open({"https://127.0.0.1:" + std::to_string(hub.port()),
                                    test::test_ca_file(), (state.path / "kiosk").string(), "test"});
  ASSERT_TRUE(opened.link) << opened.error;
  Link& link = *opened.link;
  ASSERT_EQ(link.enrol(hub.enrolment_code(), "end-to-end").get(), "");
  link.status();
  ASSERT_TRUE(link.enrolled());

  Settings settings;
  settings.idle_after = 60s;
  settings.warning_for = 20s;
  Harness h(settings, ImVec2(1920, 1080), link.services());
  // A name and PIN no file or log line could hold by chance.
  const std::string name = "سلمى زينب";
  const std::string pin = "731952";

  // [SECTION] A new profile, in Arabic
  h.touch("attract");
  h.touch("tile-ar");
  ASSERT_EQ(h.ui.strings().language(), "ar");
  h.touch("accept");
  h.touch("new");
  ASSERT_EQ(h.shell.page(), Page::Profile);
  h.type(KeysKind::Letters, "سلمى");
  const keyboard::Target* space =
      h.shell.keys().keys(KeysKind::Letters, h.ui.strings()).find(keyboard::KeyAction::Space);
  ASSERT_NE(space, nullptr);
  h.touch_at(space->rect.centre());
  h.type(KeysKind::Letters, "زينب");
  h.touch("next");
  h.touch("language-ar");
  h.touch("language-de");
  h.touch("next");
  h.touch("place-2");
  h.touch("next");
  h.touch("next");  // no phone
  h.type(KeysKind::Digits, pin);
  h.touch("next");
  h.type(KeysKind::Digits, pin);
  h.touch("next");
  ASSERT_EQ(h.shell.page(), Page::Code);
  const std::string code = h.shell.session().personal_code;
  ASSERT_EQ(code.size(), 9u) << "a code as the platform writes it, XXXX-XXXX";
  h.touch("continue");
  ASSERT_EQ(h.shell.page(), Page::Home);

  // The profile waits in the outbox, sealed, until the sync engine delivers it.
  ASSERT_TRUE(frames_until(h,
                           [&] {
                             const net::SyncStatus s = link.status();
                             return s.waiting == 0 && s.delivered >= 1;
                           }))
      << "the profile did not reach the hub: " << link.status().last_error;

  // [SECTION] The person walks away: the warning, then the end of the session
  h.now += settings.idle_after;
  h.frame();
  ASSERT_TRUE(h.shell.warning_shown());
  h.now += settings.warning_for;
  h.frame();
  h.frame();
  ASSERT_EQ(h.shell.page(), Page::Attract);
  EXPECT_EQ(h.ui.strings().language(), "de");
  EXPECT_TRUE(h.shell.session().personal_code.empty());

  // [SECTION] The profile on the hub
  {
    auto db = hub.hub().store->lease();
    auto st =
        db->prepare("SELECT display_name, town, languages, role FROM accounts WHERE code = ?1");
    st.bind_all(code);
    ASSERT_EQ(st.step(), sql::Statement::Step::Row) << "no account " << code << " on the hub";
    EXPECT_EQ(st.text(0), name);
    EXPECT_EQ(st.text(1), settings.places[2]);
    EXPECT_EQ(nlohmann::json::parse(st.text(2)), nlohmann::json({"ar", "de"}));
    EXPECT_EQ(st.text(3), "person");
  }

  // [SECTION] Logging in again: a wrong PIN first, then the right one
  h.touch("attract");
  h.touch("tile-ar");
  h.touch("accept");
  h.touch("have-code");
  ASSERT_EQ(h.shell.page(), Page::Login);
  h.type(KeysKind::Code, code);
  h.touch("next");
  ASSERT_EQ(h.shell.login_form().step(), LoginForm::Step::Pin);
  h.type(KeysKind::Digits, "0000");
  h.touch("next");
  ASSERT_TRUE(
      frames_until(h, [&] { return h.shell.login_form().step() != LoginForm::Step::Checking; }));
  EXPECT_EQ(h.shell.login_form().problem(), LoginForm::Problem::Refused);
  h.touch("next");  // the code is still there
  h.type(KeysKind::Digits, pin);
  h.touch("next");
  ASSERT_TRUE(frames_until(h, [&] { return h.shell.page() == Page::Home; }))
      << "no login; the form says " << static_cast<int>(h.shell.login_form().problem());
  EXPECT_EQ(h.shell.session().display_name, name);
  EXPECT_EQ(h.shell.session().personal_code, code);
  h.touch("end-session");
  EXPECT_EQ(h.shell.page(), Page::Attract);

  // [SECTION] Nothing the person typed in the kiosk's files or logs
  const std::string files = all_files(state.path);
  const std::string logged = logs.text();
  for (const std::string& secret : {std::string("سلمى"), std::string("زينب"), code, pin}) {
    EXPECT_EQ(files.find(secret), std::string::npos) << "in the state folder: " << secret;
    EXPECT_EQ(logged.find(secret), std::string::npos) << "in the log: " << secret;
  }
}

// [SECTION] Names at the limit, and entries the hub refuses

// A Link enrolled at `hub`, its state in `state`.
std::unique_ptr<Link> enrolled_link(test::TestHub& hub, const test::TempDir& state) {
  Link::Opened opened = Link::open({"https://127.0.0.1:" + std::to_string(hub.port()),
                                    test::test_ca_file(), (state.path / "kiosk").string(), "test"});
  EXPECT_TRUE(opened.link) << opened.error;
  if (!opened.link) return nullptr;
  EXPECT_EQ(opened.link->enrol(hub.enrolment_code(), "end-to-end").get(), "");
  opened.link->status();
  EXPECT_TRUE(opened.link->enrolled());
  return std::move(opened.link);
}

// `pieces` repeated until there are `n` of them (each one grapheme).
std::vector<std::string> cycle(const std::vector<std::string>& pieces, size_t n) {
  std::vector<std::string> out;
  for (size_t i = 0; out.size() < n; ++i) out.push_back(pieces[i % pieces.size()]);
  return out;
}

std::string joined(const std::vector<std::string>& pieces) {
  std::string out;
  for (const std::string& p : pieces) out += p;
  return out;
}

// Makes a profile at the kiosk in the UI language `tile`: the name as a
// physical keyboard (or an input method) sends it, one grapheme per event,
// then the on-screen keys. Returns the personal code shown.
std::string make_profile(Harness& h, const std::string& tile, const std::vector<std::string>& name,
                         const std::string& pin) {
  h.touch("attract");
  h.touch("tile-" + tile);
  h.touch("accept");
  h.touch("new");
  EXPECT_EQ(h.shell.page(), Page::Profile);
  for (const std::string& piece : name) h.ui.add_input({piece, 0});
  h.frame();
  h.touch("next");
  EXPECT_EQ(h.shell.profile_form().step(), ProfileForm::Step::Languages);
  h.touch("language-de");
  h.touch("next");
  h.touch("place-0");
  h.touch("next");
  h.touch("next");  // no phone
  h.type(KeysKind::Digits, pin);
  h.touch("next");
  h.type(KeysKind::Digits, pin);
  h.touch("next");
  EXPECT_EQ(h.shell.page(), Page::Code);
  const std::string code = h.shell.session().personal_code;
  h.touch("continue");
  return code;
}

// Logs in at the kiosk with the on-screen keys, in German; waits for the answer.
void log_in(Harness& h, const std::string& code, const std::string& pin) {
  h.touch("attract");
  h.touch("tile-de");
  h.touch("accept");
  h.touch("have-code");
  h.type(KeysKind::Code, code);
  h.touch("next");
  h.type(KeysKind::Digits, pin);
  h.touch("next");
  ASSERT_TRUE(
      frames_until(h, [&] { return h.shell.login_form().step() != LoginForm::Step::Checking; }));
}

// The display name of the hub's account `code`, or nullopt when it has none.
std::optional<std::string> name_on_hub(test::TestHub& hub, const std::string& code) {
  auto db = hub.hub().store->lease();
  auto st = db->prepare("SELECT display_name FROM accounts WHERE code = ?1");
  st.bind_all(code);
  if (st.step() != sql::Statement::Step::Row) return std::nullopt;
  return st.text(0);
}

TEST(EndToEndTest, NamesOfFortyGraphemesInAnyScriptReachTheHubUnchanged) {
  test::TestHub hub;
  if (hub.remote()) GTEST_SKIP() << "reads the reference hub's database";
  test::TempDir state;
  std::unique_ptr<Link> link = enrolled_link(hub, state);
  ASSERT_TRUE(link);
  Harness h({}, ImVec2(1920, 1080), link->services());

  struct Case {
    const char* what;
    std::string tile;
    std::vector<std::string> name;
  };
  const std::vector<Case> cases = {
      {"Arabic", "ar", cycle({"س", "ل", "م", "ى", " ", "ز", "ي", "ن", "ب", " "}, 40)},
      {"Tigrinya", "ti", cycle({"ሰ", "ላ", "ም", " ", "ት", "ግ", "ር", "ኛ", " "}, 40)},
      {"Georgian", "ka", cycle({"ნ", "ი", "ნ", "ო", " ", "ბ", "ე", "რ", "ი", "ძ", "ე", " "}, 40)},
      // Emoji come from a physical keyboard's input method: the on-screen
      // keyboards have none. ZWJ sequences, flags, skin tones.
      {"emoji", "de",
       cycle({"👩‍👩‍👧", "🇩🇪", "👍🏽", "🏳️‍🌈", "🇺🇦", "👨🏿‍🦱"},
             40)},
      {"combining marks", "de",
       cycle({"e\u0301", "a\u0323\u0302", "n\u0303", "u\u0308\u0301", "o\u031B\u0309"}, 40)},
  };
  std::vector<std::pair<std::string, std::string>> made;  // code, name
  for (const Case& c : cases) {
    const std::string name = joined(c.name);
    ASSERT_EQ(api::count_graphemes(name), 40) << c.what;
    const std::string code = make_profile(h, c.tile, c.name, "731952");
    ASSERT_FALSE(code.empty()) << c.what;
    EXPECT_EQ(h.shell.session().display_name, name) << c.what << ": the kiosk took all 40";
    made.emplace_back(code, name);
    h.touch("end-session");
    ASSERT_EQ(h.shell.page(), Page::Attract);
  }
  ASSERT_TRUE(frames_until(h,
                           [&] {
                             const net::SyncStatus s = link->status();
                             return s.waiting == 0 && s.delivered >= cases.size();
                           }))
      << "not delivered: " << link->status().last_error;
  EXPECT_EQ(link->status().dead_letters.total, 0) << "the hub refused none";
  for (size_t i = 0; i < made.size(); ++i)
    EXPECT_EQ(name_on_hub(hub, made[i].first), made[i].second) << cases[i].what;
}

TEST(EndToEndTest, AnEntryTheHubRefusesIsKeptCountedAndToldAtTheNextLogin) {
  test::TestHub hub;
  if (hub.remote()) GTEST_SKIP() << "reads the reference hub's database";
  test::TempDir state;
  std::unique_ptr<Link> link = enrolled_link(hub, state);
  ASSERT_TRUE(link);
  AccountServices services = link->services();
  Harness h({}, ImVec2(1920, 1080), services);
  // The test's own handle on the kiosk's outbox, to queue what the kiosk's
  // forms never would, as an older kiosk or a hub with new rules might.
  net::Outbox::Opened box = net::Outbox::open((state.path / "kiosk" / "outbox.db").string());
  ASSERT_TRUE(box.outbox) << box.error;
  net::Outbox& outbox = *box.outbox;
  const std::optional<net::TerminalIdentity> identity = net::load_identity(outbox);
  ASSERT_TRUE(identity);
  const auto settled = [&](int64_t dead) {
    return frames_until(h, [&] {
      const net::SyncStatus s = link->status();
      return s.waiting == 0 && s.dead_letters.total == dead;
    });
  };
  // Queueing a profile at the kiosk wakes the sync engine; nothing else here does.
  const auto wake_engine = [&] {
    return link->create_account({"Wecker", {"de"}, "Dresden", {}, "1357"}).has_value();
  };

  // [SECTION] Amal makes a profile; a request of hers the hub refuses
  const std::string pin = "731952";
  const std::string amal = make_profile(h, "de", {"A", "m", "a", "l"}, pin);
  ASSERT_TRUE(settled(0));
  const net::PersonSession session{
      h.shell.session().personal_code, h.shell.session().token, h.shell.session().lane, {}};
  ASSERT_TRUE(net::queue_request(outbox, *identity, session,
                                 {{"category", "no-such-category"}, {"town", "Dresden"}},
                                 hub.now()));
  ASSERT_TRUE(wake_engine());
  ASSERT_TRUE(settled(1)) << "the request was not refused: " << link->status().last_error;
  h.touch("end-session");

  // [SECTION] A profile still waiting, and one the hub refuses
  const auto queued_profile = [&](std::string name) {
    auto made =
        net::create_account(outbox, *identity, {name, {"de"}, "Dresden", {}, pin}, hub.now());
    return made ? made->personal_code : std::string();
  };
  // A name of 41 graphemes, past the kiosk's own check.
  const std::string refused = queued_profile(std::string(41, 'x'));
  const std::string waiting = queued_profile("Noor");
  ASSERT_FALSE(refused.empty());
  ASSERT_FALSE(waiting.empty());
  // Nothing woke the engine: Noor's profile is not on the hub yet.
  log_in(h, waiting, pin);
  EXPECT_EQ(h.shell.login_form().problem(), LoginForm::Problem::StillSending)
      << "not \"code or PIN wrong\"";
  h.touch("end-session");
  ASSERT_TRUE(wake_engine());
  ASSERT_TRUE(settled(2)) << "the profile was not refused: " << link->status().last_error;

  // [SECTION] Kept, sealed, with why; counted for staff by kind and reason
  const std::vector<net::DeadLetter> kept = outbox.dead_letters(10);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].kind, net::EntryKind::Profile);
  EXPECT_EQ(kept[0].refusal.fields, std::vector<std::string>{"display_name"});
  EXPECT_EQ(kept[1].kind, net::EntryKind::Request);
  const std::optional<SyncStatus> status = services.sync_status();
  ASSERT_TRUE(status);
  EXPECT_EQ(status->dead_letters.total, 2);
  EXPECT_EQ(status->dead_letters.untold, 2);
  EXPECT_GT(status->dead_letters.last_refused_at, 0);
  std::vector<DeadLetterCount> counts = status->dead_letters.counts;
  std::sort(counts.begin(), counts.end(),
            [](const auto& a, const auto& b) { return a.kind < b.kind; });
  EXPECT_EQ(counts,
            (std::vector<DeadLetterCount>{{EntryKind::Profile, 422, "validation-failed", 1},
                                          {EntryKind::Request, 422, "validation-failed", 1}}));

  // [SECTION] Told at the next login, once
  log_in(h, amal, pin);
  ASSERT_EQ(h.shell.page(), Page::Home);
  EXPECT_EQ(h.shell.session().not_arrived, (std::vector<NotArrived>{{EntryKind::Request, 1}}));
  EXPECT_TRUE(outbox.untold_dead_letters(net::lane_for(*identity, amal)).empty());
  EXPECT_EQ(services.sync_status()->dead_letters.untold, 1) << "the refused profile's is left";
  EXPECT_EQ(services.sync_status()->dead_letters.total, 2) << "staff still see both";
  h.touch("end-session");
  log_in(h, amal, pin);
  ASSERT_EQ(h.shell.page(), Page::Home);
  EXPECT_TRUE(h.shell.session().not_arrived.empty()) << "told once";
  h.touch("end-session");

  // [SECTION] The refused profile's code says so; the late one works now
  log_in(h, refused, pin);
  EXPECT_EQ(h.shell.login_form().problem(), LoginForm::Problem::ProfileRefused);
  h.touch("end-session");
  log_in(h, waiting, pin);
  EXPECT_EQ(h.shell.page(), Page::Home);
  EXPECT_EQ(name_on_hub(hub, waiting), "Noor");
  EXPECT_EQ(name_on_hub(hub, refused), std::nullopt);
}

}  // namespace
}  // namespace ih::kiosk
