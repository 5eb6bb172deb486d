// Every operation of api/openapi.yaml against the reference hub over HTTPS on
// loopback, with the error cases each one promises. With ICHHELFE_API_URL set
// (tests/hub/hub_fixture.h) they run against another server; what needs the
// reference hub's insides is then skipped.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "api/personal_code.h"
#include "api/secret.h"
#include "tests/hub/hub_fixture.h"

namespace ih::test {
namespace {

using nlohmann::json;

// A terminal with one person logged in, the setting most calls need.
class Api : public ::testing::Test {
 protected:
  void SetUp() override {
    terminal = hub.enrol(dir.path);
    person = create_person("Amira", "1234");
  }

  net::Caller terminal_caller() const { return {terminal.identity.credential(), {}}; }
  net::Caller person_caller(const std::string& token) const {
    return {terminal.identity.credential(), token};
  }

  struct Person {
    std::string code;
    std::string token;
  };
  Person create_person(const std::string& name, const std::string& pin) {
    const auto number = ++codes;
    Person p{*api::make_personal_code(terminal.identity.code_prefix, number), api::mint_secret()};
    const json body = {
        {"personal_code", p.code}, {"display_name", name}, {"languages", {"ar", "de"}},
        {"town", "Dresden"},       {"pin", pin},           {"session_token", p.token}};
    const auto r = hub.send("POST", "/v1/accounts", terminal_caller(), body.dump(), key());
    EXPECT_EQ(r.status, 201) << r.body;
    return p;
  }

  std::string create_request(const std::string& token, json body = {}) {
    if (body.is_null()) {
      body = {{"category", "doctor"},
              {"when", {{"part_of_day", "morning"}, {"date", "2026-12-01"}}},
              {"town", "Dresden"},
              {"helper_language", "uk"},
              {"text", "Termin beim Kinderarzt"}};
    }
    const auto r = hub.send("POST", "/v1/requests", person_caller(token), body.dump(), key());
    EXPECT_EQ(r.status, 201) << r.body;
    return hub.json(r).value("id", "");
  }

  // A seeded helper's session token (helpers log in without a terminal).
  std::string helper_token(const std::string& name) {
    if (helpers.empty() && !hub.remote()) {
      for (auto& [profile, credentials] : hub::seed_demo_helpers(hub.hub())) {
        helpers[profile.display_name] = credentials;
      }
    }
    const auto& c = helpers.at(name);
    const std::string token = api::mint_secret();
    const json body = {
        {"personal_code", c.personal_code}, {"pin", c.secret}, {"session_token", token}};
    const auto r = hub.send("POST", "/v1/sessions", {}, body.dump(), key());
    EXPECT_EQ(r.status, 201) << r.body;
    return token;
  }

  std::string login(const std::string& code, const std::string& pin, long expect = 201) {
    const std::string token = api::mint_secret();
    const json body = {{"personal_code", code}, {"pin", pin}, {"session_token", token}};
    const auto r = hub.send("POST", "/v1/sessions", terminal_caller(), body.dump(), key());
    EXPECT_EQ(r.status, expect) << r.body;
    return token;
  }

  // Steps that need the reference hub itself: its clock, database or admin.
  bool local() const { return !hub.remote(); }

  static std::string problem_type(const net::HttpResponse& r) {
    const auto p = net::parse_problem(r.body);
    return p ? p->type : "(no problem body: " + r.body + ")";
  }

  TempDir dir;
  TestHub hub;
  TestHub::EnrolledTerminal terminal;
  Person person;
  uint32_t codes = 0;
  std::map<std::string, hub::Credentials> helpers;
};

TEST_F(Api, HealthAnswersWithoutCredentials) {
  const auto r = hub.send("GET", "/v1/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(hub.json(r)["status"], "ok");
}

TEST_F(Api, UnknownPathsAndMethodsAreProblems) {
  EXPECT_EQ(hub.send("GET", "/v1/nothing").status, 404);
  EXPECT_EQ(problem_type(hub.send("GET", "/v1/nothing")), "not-found");
  EXPECT_EQ(hub.send("GET", "/v1/sessions", {}, {}, key()).status, 405);
}

TEST_F(Api, EnrolmentGivesKeysAndACodePrefixAndTheCodeWorksOnce) {
  const std::string code = hub.enrolment_code();
  const json body = {{"enrolment_code", code},
                     {"device_secret", api::mint_secret()},
                     {"name", "Halle 2"},
                     {"version", "1"}};
  const std::string k = key();
  const auto first = hub.send("POST", "/v1/terminals", {}, body.dump(), k);
  ASSERT_EQ(first.status, 201) << first.body;
  const auto enrolment = net::parse_enrolment(first.body);
  ASSERT_TRUE(enrolment);
  if (local()) {
    EXPECT_EQ(enrolment->server_box_public_key, hub::box_public_key(hub.hub()));
    EXPECT_EQ(enrolment->tls_public_key_pin, hub.client_config().pinned_public_key);
  }
  EXPECT_NE(enrolment->code_prefix, terminal.identity.code_prefix);
  // The same call again (a lost reply) answers the same terminal.
  const auto again = hub.send("POST", "/v1/terminals", {}, body.dump(), k);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  // Another terminal cannot use the code.
  json other = body;
  other["device_secret"] = api::mint_secret();
  const auto reused = hub.send("POST", "/v1/terminals", {}, other.dump(), key());
  EXPECT_EQ(reused.status, 403);
  EXPECT_EQ(problem_type(reused), "enrolment-code-invalid");
}

TEST_F(Api, EnrolmentRefusesExpiredCodesAndBadBodies) {
  const json body = {{"enrolment_code", "0000-0000-00"},
                     {"device_secret", api::mint_secret()},
                     {"name", "x"},
                     {"version", "1"}};
  EXPECT_EQ(hub.send("POST", "/v1/terminals", {}, body.dump(), key()).status, 403);
  if (local()) {
    json expired = body;
    expired["enrolment_code"] = hub.enrolment_code();
    hub.advance_clock(3601);
    EXPECT_EQ(hub.send("POST", "/v1/terminals", {}, expired.dump(), key()).status, 403);
  }
  EXPECT_EQ(hub.send("POST", "/v1/terminals", {}, "{", key()).status, 400);
  EXPECT_EQ(problem_type(hub.send("POST", "/v1/terminals", {}, "{", key())), "malformed-request");
  const auto invalid = hub.send("POST", "/v1/terminals", {}, R"({"device_secret":"short"})", key());
  EXPECT_EQ(invalid.status, 422);
  EXPECT_GE(hub.json(invalid)["errors"].size(), 3u);
  EXPECT_EQ(problem_type(hub.send("POST", "/v1/terminals", {}, body.dump())),
            "idempotency-key-missing");
  EXPECT_EQ(hub.send("POST", "/v1/terminals", {}, body.dump(), "short").status, 400);
}

TEST_F(Api, HeartbeatNeedsTheTerminalCredential) {
  const json body = {{"version", "1.2"}, {"outbox_depth", 3}, {"last_error", "timeout"}};
  const auto ok =
      hub.send("POST", "/v1/terminals/self/heartbeat", terminal_caller(), body.dump(), key());
  EXPECT_EQ(ok.status, 200);
  EXPECT_TRUE(net::parse_heartbeat_reply(ok.body));
  if (local()) {
    EXPECT_EQ(hub::query_int(hub.hub(), "SELECT outbox_depth FROM terminals WHERE id = ?1",
                             terminal.identity.terminal_id),
              3);
  }
  const net::Caller forged{terminal.identity.terminal_id + "." + api::mint_secret(), {}};
  EXPECT_EQ(hub.send("POST", "/v1/terminals/self/heartbeat", forged, body.dump(), key()).status,
            401);
  EXPECT_EQ(hub.send("POST", "/v1/terminals/self/heartbeat", {}, body.dump(), key()).status, 401);
}

TEST_F(Api, AccountCreationChecksCodeAndFields) {
  const auto me = hub.send("GET", "/v1/accounts/me", person_caller(person.token));
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(hub.json(me)["display_name"], "Amira");
  EXPECT_EQ(hub.json(me)["personal_code"], person.code);

  json body = {{"personal_code", person.code},
               {"display_name", "B"},
               {"languages", {"uk"}},
               {"town", "Leipzig"},
               {"pin", "5555"},
               {"session_token", api::mint_secret()}};
  const auto taken = hub.send("POST", "/v1/accounts", terminal_caller(), body.dump(), key());
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(problem_type(taken), "personal-code-taken");
  // A code of another terminal's prefix, and a code with a wrong check character.
  body["personal_code"] = *api::make_personal_code("YYY", 1);
  EXPECT_EQ(hub.send("POST", "/v1/accounts", terminal_caller(), body.dump(), key()).status, 422);
  std::string wrong = *api::make_personal_code(terminal.identity.code_prefix, 77);
  wrong.back() = wrong.back() == '0' ? '1' : '0';
  body["personal_code"] = wrong;
  EXPECT_EQ(hub.send("POST", "/v1/accounts", terminal_caller(), body.dump(), key()).status, 422);
  body["personal_code"] = *api::make_personal_code(terminal.identity.code_prefix, 78);
  body["pin"] = "12ab";
  body["languages"] = json::array();
  const auto invalid = hub.send("POST", "/v1/accounts", terminal_caller(), body.dump(), key());
  EXPECT_EQ(invalid.status, 422);
  EXPECT_EQ(hub.json(invalid)["errors"].size(), 2u);
  EXPECT_EQ(hub.send("POST", "/v1/accounts", {}, body.dump(), key()).status, 401);
}

TEST_F(Api, LoginLogoutAndExpiry) {
  const std::string token = login(person.code, "1234");
  EXPECT_EQ(hub.send("GET", "/v1/requests", person_caller(token)).status, 200);
  // Lenient reading of the code: lower case, no dash.
  std::string typed = person.code;
  typed.erase(typed.find('-'), 1);
  for (char& c : typed) c = static_cast<char>(std::tolower(c));
  login(typed, "1234");
  login(person.code, "9999", 401);

  EXPECT_EQ(hub.send("DELETE", "/v1/sessions/current", person_caller(token), {}, key()).status,
            204);
  EXPECT_EQ(hub.send("GET", "/v1/requests", person_caller(token)).status, 401);
  EXPECT_EQ(hub.send("DELETE", "/v1/sessions/current", person_caller(token), {}, key()).status,
            204);
  EXPECT_EQ(hub.send("DELETE", "/v1/sessions/current", person_caller(api::mint_secret()), {}, key())
                .status,
            401);

  if (!local()) return;
  const std::string later = login(person.code, "1234");
  hub.advance_clock(15 * 60 + 1);
  const auto expired = hub.send("GET", "/v1/requests", person_caller(later));
  EXPECT_EQ(expired.status, 401);
  EXPECT_EQ(problem_type(expired), "session-expired");
}

TEST_F(Api, APersonSessionIsBoundToItsTerminal) {
  TempDir other_dir;
  auto other = hub.enrol(other_dir.path);
  const auto r = hub.send("GET", "/v1/requests", {other.identity.credential(), person.token});
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(hub.send("GET", "/v1/requests", {{}, person.token}).status, 401);
}

TEST_F(Api, LoginIsRateLimitedPerAccount) {
  for (int i = 0; i < 5; ++i) login(person.code, "0000", 401);
  const json body = {
      {"personal_code", person.code}, {"pin", "1234"}, {"session_token", api::mint_secret()}};
  const auto limited = hub.send("POST", "/v1/sessions", terminal_caller(), body.dump(), key());
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(problem_type(limited), "rate-limited");
  const auto wait = net::parse_retry_after(limited.retry_after, hub.now());
  ASSERT_TRUE(wait);
  EXPECT_GT(*wait, 0);
  EXPECT_LE(*wait, 15 * 60);
  if (!local()) return;
  hub.advance_clock(*wait + 1);
  login(person.code, "1234");
}

TEST_F(Api, TheLoginLimitHoldsAgainstParallelGuesses) {
  std::atomic<int> refused{0}, limited{0};
  std::vector<std::thread> guesses;
  for (int i = 0; i < 12; ++i) {
    guesses.emplace_back([&, i] {
      const json body = {{"personal_code", person.code},
                         {"pin", std::to_string(1000 + i)},
                         {"session_token", api::mint_secret()}};
      const long status =
          hub.send("POST", "/v1/sessions", terminal_caller(), body.dump(), key()).status;
      if (status == 401) ++refused;
      if (status == 429) ++limited;
    });
  }
  for (auto& g : guesses) g.join();
  EXPECT_LE(refused.load(), 5);
  EXPECT_EQ(refused + limited, 12);
}

TEST_F(Api, LoginIsRateLimitedPerTerminal) {
  // Guessing across many codes from one terminal.
  for (int i = 0; i < 20; ++i) {
    login(*api::make_personal_code(terminal.identity.code_prefix, 500 + i), "0000", 401);
  }
  login(person.code, "1234", 429);
}

TEST_F(Api, StaffResetAPinAndEndTheSessions) {
  if (!local()) GTEST_SKIP() << "needs a staff account made by the reference hub's admin";
  const auto staff = hub::add_staff(hub.hub(), "Frau Weber");
  ASSERT_TRUE(staff);
  const std::string staff_token = login(staff->personal_code, staff->secret);
  for (int i = 0; i < 5; ++i) login(person.code, "0000", 401);
  const json body = {{"new_pin", "8642"}};
  const std::string path = "/v1/accounts/" + person.code + "/pin-reset";
  // A person cannot reset PINs.
  EXPECT_EQ(hub.send("POST", path, person_caller(person.token), body.dump(), key()).status, 403);
  const auto reset = hub.send("POST", path, person_caller(staff_token), body.dump(), key());
  ASSERT_EQ(reset.status, 200) << reset.body;
  EXPECT_EQ(hub.json(reset)["sessions_ended"], 1);
  EXPECT_EQ(hub.send("GET", "/v1/requests", person_caller(person.token)).status, 401);
  login(person.code, "1234", 401);
  login(person.code, "8642");
  EXPECT_EQ(hub.send("POST", "/v1/accounts/0000-0000/pin-reset", person_caller(staff_token),
                     body.dump(), key())
                .status,
            404);
  // Staff log in at a terminal, never without one; there, even the right PIN
  // is answered like a wrong one.
  const json bare = {{"personal_code", staff->personal_code},
                     {"pin", staff->secret},
                     {"session_token", api::mint_secret()}};
  EXPECT_EQ(hub.send("POST", "/v1/sessions", {}, bare.dump(), key()).status, 401);
}

TEST_F(Api, RequestsArePostedListedWithCursorsAndWithdrawn) {
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(create_request(person.token));
  std::vector<std::string> listed;
  std::string cursor;
  int pages = 0;
  do {
    const auto r =
        hub.send("GET", "/v1/requests?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor),
                 person_caller(person.token));
    ASSERT_EQ(r.status, 200);
    const auto page = net::parse_request_page(r.body);
    ASSERT_TRUE(page) << r.body;
    for (const auto& item : page->items) listed.push_back(item.id);
    cursor = page->next_cursor;
    ++pages;
  } while (!cursor.empty());
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(listed, std::vector<std::string>(ids.rbegin(), ids.rend()));

  const auto withdrawn = hub.send("POST", "/v1/requests/" + ids[0] + "/withdraw",
                                  person_caller(person.token), {}, key());
  ASSERT_EQ(withdrawn.status, 200);
  EXPECT_EQ(net::parse_request(withdrawn.body)->status, "withdrawn");
  // Withdrawing again answers the request unchanged; another's is not found.
  EXPECT_EQ(hub.send("POST", "/v1/requests/" + ids[0] + "/withdraw", person_caller(person.token),
                     {}, key())
                .status,
            200);
  const auto other = create_person("Bilal", "4321");
  EXPECT_EQ(hub.send("POST", "/v1/requests/" + ids[1] + "/withdraw", person_caller(other.token), {},
                     key())
                .status,
            404);
  EXPECT_EQ(hub.send("GET", "/v1/requests?cursor=@@@", person_caller(person.token)).status, 400);
  EXPECT_EQ(hub.send("GET", "/v1/requests?limit=500", person_caller(person.token)).status, 400);
}

TEST_F(Api, RequestValidationNamesEveryBadField) {
  const json body = {{"category", "spaceship"},
                     {"when", {{"date", "2026-02-30"}, {"part_of_day", "night"}}},
                     {"town", ""},
                     {"helper_language", "Deutsch"},
                     {"text", std::string(501, 'x')}};
  const auto r = hub.send("POST", "/v1/requests", person_caller(person.token), body.dump(), key());
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(hub.json(r)["errors"].size(), 6u) << r.body;
  EXPECT_EQ(hub.send("POST", "/v1/requests", person_caller(person.token), "[1,2", key()).status,
            400);
  EXPECT_EQ(hub.send("POST", "/v1/requests", person_caller(person.token), "[]", key()).status, 400);
}

TEST_F(Api, ATerminalMayNameItsRequests) {
  const std::string id = "r_" + key();
  const json body = {{"id", id},
                     {"category", "mobility"},
                     {"when", {{"part_of_day", "any"}}},
                     {"town", "Leipzig"},
                     {"helper_language", "de"}};
  const auto created =
      hub.send("POST", "/v1/requests", person_caller(person.token), body.dump(), key());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(hub.json(created)["id"], id);
  const auto again =
      hub.send("POST", "/v1/requests", person_caller(person.token), body.dump(), key());
  EXPECT_EQ(again.status, 409);
  json bad = body;
  bad["id"] = "x_" + key();
  EXPECT_EQ(hub.send("POST", "/v1/requests", person_caller(person.token), bad.dump(), key()).status,
            422);
}

TEST_F(Api, IdempotencyKeysReplayOrConflict) {
  const json body = {{"category", "housing"},
                     {"when", {{"part_of_day", "any"}}},
                     {"town", "Leipzig"},
                     {"helper_language", "de"}};
  const std::string k = key();
  const auto first = hub.send("POST", "/v1/requests", person_caller(person.token), body.dump(), k);
  const auto again = hub.send("POST", "/v1/requests", person_caller(person.token), body.dump(), k);
  EXPECT_EQ(first.status, 201);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  const auto listed =
      net::parse_request_page(hub.send("GET", "/v1/requests", person_caller(person.token)).body);
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->items.size(), 1u);
  json changed = body;
  changed["town"] = "Chemnitz";
  const auto conflict =
      hub.send("POST", "/v1/requests", person_caller(person.token), changed.dump(), k);
  EXPECT_EQ(conflict.status, 409);
  EXPECT_EQ(problem_type(conflict), "idempotency-key-reused");
}

TEST_F(Api, MatchingCountsFittingHelpersAndRanksTheFeed) {
  if (!local()) GTEST_SKIP() << "needs the reference hub's demo helpers";
  const std::string token = helper_token("Olena");  // Dresden, 30 km, uk/ru/de, doctor
  const std::string near = create_request(person.token);
  json far = {{"category", "doctor"},
              {"when", {{"part_of_day", "any"}}},
              {"town", "Pirna"},
              {"helper_language", "uk"}};
  const std::string pirna = create_request(person.token, far);
  far["town"] = "Plauen";  // too far for anyone who speaks Ukrainian and helps with doctors
  const std::string plauen = create_request(person.token, far);

  const auto count =
      hub.send("GET", "/v1/requests/" + near + "/matches", person_caller(person.token));
  ASSERT_EQ(count.status, 200) << count.body;
  EXPECT_EQ(net::parse_match_count(count.body)->fitting_helpers, 1);  // Olena; Farida speaks no uk
  const auto none =
      hub.send("GET", "/v1/requests/" + plauen + "/matches", person_caller(person.token));
  EXPECT_EQ(net::parse_match_count(none.body)->fitting_helpers, 0);
  EXPECT_EQ(hub.send("GET", "/v1/requests/r_nothing/matches", person_caller(person.token)).status,
            404);

  const auto page1 = hub.send("GET", "/v1/matching/feed?limit=1", {{}, token});
  ASSERT_EQ(page1.status, 200) << page1.body;
  const json first = hub.json(page1);
  ASSERT_EQ(first["items"].size(), 1u);
  EXPECT_EQ(first["items"][0]["request"]["id"], near);
  EXPECT_EQ(first["items"][0]["distance_km"], 0);
  EXPECT_FALSE(first["items"][0]["request"].contains("status"));
  const auto page2 =
      hub.send("GET", "/v1/matching/feed?limit=5&cursor=" + first["next_cursor"].get<std::string>(),
               {{}, token});
  const json second = hub.json(page2);
  ASSERT_EQ(second["items"].size(), 1u);
  EXPECT_EQ(second["items"][0]["request"]["id"], pirna);
  EXPECT_GT(second["items"][0]["distance_km"], 10);
  EXPECT_FALSE(second.contains("next_cursor"));
  // Only helpers have a feed.
  EXPECT_EQ(hub.send("GET", "/v1/matching/feed", person_caller(person.token)).status, 403);
}

TEST_F(Api, ConversationsCarryMessagesBothWays) {
  if (!local()) GTEST_SKIP() << "needs the reference hub's demo helpers";
  const std::string request = create_request(person.token);
  const std::string helper = helper_token("Olena");
  const json offer = {{"message", "Ich kann am Dienstag mitkommen."}};
  const auto opened =
      hub.send("POST", "/v1/requests/" + request + "/offers", {{}, helper}, offer.dump(), key());
  ASSERT_EQ(opened.status, 201) << opened.body;
  const std::string conversation = hub.json(opened)["id"];
  EXPECT_EQ(
      hub.send("POST", "/v1/requests/" + request + "/offers", {{}, helper}, offer.dump(), key())
          .status,
      409);
  EXPECT_EQ(hub.send("POST", "/v1/requests/" + request + "/offers", person_caller(person.token),
                     offer.dump(), key())
                .status,
            403);

  const auto list = hub.send("GET", "/v1/conversations", person_caller(person.token));
  const auto conversations = net::parse_conversation_page(list.body);
  ASSERT_TRUE(conversations) << list.body;
  ASSERT_EQ(conversations->items.size(), 1u);
  EXPECT_EQ(conversations->items[0].counterpart, "Olena");
  EXPECT_EQ(conversations->items[0].unread, 1);
  const auto mine = hub.send("GET", "/v1/requests", person_caller(person.token));
  EXPECT_EQ(net::parse_request_page(mine.body)->items[0].status, "answered");

  const std::string messages_path = "/v1/conversations/" + conversation + "/messages";
  const auto read =
      net::parse_message_page(hub.send("GET", messages_path, person_caller(person.token)).body);
  ASSERT_TRUE(read);
  ASSERT_EQ(read->items.size(), 1u);
  EXPECT_FALSE(read->items[0].mine);
  const auto sent = hub.send("POST", messages_path, person_caller(person.token),
                             json{{"text", "Danke!"}}.dump(), key());
  ASSERT_EQ(sent.status, 201);
  EXPECT_TRUE(hub.json(sent)["mine"]);
  // The cursor of the last page finds only what came after it.
  const auto newer = net::parse_message_page(
      hub.send("GET", messages_path + "?cursor=" + read->next_cursor, person_caller(person.token))
          .body);
  ASSERT_EQ(newer->items.size(), 1u);
  EXPECT_EQ(newer->items[0].text, "Danke!");

  const auto marked =
      hub.send("POST", "/v1/conversations/" + conversation + "/read", person_caller(person.token),
               json{{"up_to", read->items[0].id}}.dump(), key());
  ASSERT_EQ(marked.status, 200) << marked.body;
  EXPECT_EQ(net::parse_unread(marked.body), 0);
  const auto helper_view =
      net::parse_conversation_page(hub.send("GET", "/v1/conversations", {{}, helper}).body);
  EXPECT_EQ(helper_view->items[0].unread, 1);
  EXPECT_EQ(helper_view->items[0].counterpart, "Amira");

  const auto stranger = create_person("Chen", "2468");
  EXPECT_EQ(hub.send("GET", messages_path, person_caller(stranger.token)).status, 404);
  EXPECT_EQ(hub.send("POST", messages_path, person_caller(stranger.token),
                     json{{"text", "x"}}.dump(), key())
                .status,
            404);
  EXPECT_EQ(
      hub.send("POST", messages_path, person_caller(person.token), json{{"text", ""}}.dump(), key())
          .status,
      422);
}

// A client sending a large body asks first (Expect: 100-continue, RFC 9110):
// the hub refuses from the head, before a byte of the body is sent. (A body
// sent along regardless may be cut off by the hub's close, and the reply
// with it.)
TEST_F(Api, BodiesOver64KiBAreRefused) {
  const std::string huge = json{{"text", std::string(100 * 1024, 'a')}}.dump();
  net::HttpRequest request =
      net::make_request("POST", "/v1/requests", person_caller(person.token), huge, key());
  request.headers.emplace_back("Expect", "100-continue");
  net::HttpClient client(hub.client_config());
  const auto r = client.send(request);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(problem_type(r), "payload-too-large");
}

}  // namespace
}  // namespace ih::test
