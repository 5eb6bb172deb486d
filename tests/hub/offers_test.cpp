// A helper's offer (POST /v1/requests/{id}/offers) against the reference hub
// over HTTPS: only on an open request that fits the helper by the matching
// rule, and only one helper takes a request, however close their offers come.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <thread>

#include "api/personal_code.h"
#include "api/secret.h"
#include "tests/hub/hub_fixture.h"

namespace ih::test {
namespace {

using nlohmann::json;

// One person at an enrolled terminal, and the demo helpers (hub/admin.cpp):
//   Olena  Dresden 30 km, uk ru de, interpreting school_childcare doctor
//   Jonas  Dresden 25 km, de ar,    interpreting authority doctor
class Offers : public ::testing::Test {
 protected:
  void SetUp() override {
    if (hub.remote()) GTEST_SKIP() << "needs the reference hub's demo helpers";
    terminal = hub.enrol(dir.path);
    const std::string code = *api::make_personal_code(terminal.identity.code_prefix, 1);
    const json account = {{"personal_code", code}, {"display_name", "Amira"},
                          {"languages", {"ar"}},   {"town", "Dresden"},
                          {"pin", "1234"},         {"session_token", person_token}};
    ASSERT_EQ(hub.send("POST", "/v1/accounts", {terminal.identity.credential(), {}}, account.dump(),
                       key())
                  .status,
              201);
    for (auto& [profile, credentials] : hub::seed_demo_helpers(hub.hub())) {
      helpers[profile.display_name] = credentials;
    }
  }

  net::Caller person() const { return {terminal.identity.credential(), person_token}; }

  // A request for a doctor in Dresden, with a Ukrainian-speaking helper,
  // changed by `change`.
  std::string request(const json& change = json::object()) {
    json body = {{"category", "doctor"},
                 {"when", {{"part_of_day", "morning"}}},
                 {"town", "Dresden"},
                 {"helper_language", "uk"}};
    body.update(change);
    const auto r = hub.send("POST", "/v1/requests", person(), body.dump(), key());
    EXPECT_EQ(r.status, 201) << r.body;
    return hub.json(r).value("id", "");
  }

  std::string helper_token(const std::string& name) {
    const auto& c = helpers.at(name);
    const std::string token = api::mint_secret();
    const json body = {
        {"personal_code", c.personal_code}, {"pin", c.secret}, {"session_token", token}};
    EXPECT_EQ(hub.send("POST", "/v1/sessions", {}, body.dump(), key()).status, 201);
    return token;
  }

  net::HttpResponse offer(const std::string& token, const std::string& request_id) {
    return hub.send("POST", "/v1/requests/" + request_id + "/offers", {{}, token},
                    json{{"message", "Ich kann helfen."}}.dump(), key());
  }

  std::string status_of(const std::string& request_id) {
    const json page = hub.json(hub.send("GET", "/v1/requests", person()));
    for (const auto& item : page["items"]) {
      if (item["id"] == request_id) return item["status"];
    }
    return "(not listed)";
  }

  int64_t conversations_of(const std::string& request_id) {
    return hub::query_int(hub.hub(),
                          "SELECT count(*) FROM conversations WHERE request_seq = "
                          "(SELECT seq FROM requests WHERE id = ?1)",
                          request_id);
  }

  TempDir dir;
  TestHub hub;
  TestHub::EnrolledTerminal terminal;
  std::string person_token = api::mint_secret();
  std::map<std::string, hub::Credentials> helpers;
};

std::string problem_type(const net::HttpResponse& r) {
  const auto p = net::parse_problem(r.body);
  return p ? p->type : "(no problem body: " + r.body + ")";
}

// The parts of the rule a `request-does-not-fit` names.
json unfit(const net::HttpResponse& r) {
  return json::parse(r.body, nullptr, false).value("unfit", json());
}

TEST_F(Offers, AFittingOfferOnAnOpenRequestOpensTheConversationAndAnswersTheRequest) {
  const std::string id = request();
  const auto r = offer(helper_token("Olena"), id);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(hub.json(r)["request_id"], id);
  EXPECT_EQ(hub.json(r)["counterpart"], "Amira");
  EXPECT_EQ(status_of(id), "answered");
  EXPECT_EQ(conversations_of(id), 1);
}

TEST_F(Offers, AnOfferOnARequestOfAnotherCategoryIsRefusedNamingTheCategory) {
  const std::string id = request({{"category", "housing"}});  // Olena does not help with housing
  const auto r = offer(helper_token("Olena"), id);
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(problem_type(r), "request-does-not-fit");
  EXPECT_EQ(unfit(r), json({"category"}));
  EXPECT_EQ(status_of(id), "open");
  EXPECT_EQ(conversations_of(id), 0);
}

TEST_F(Offers, AnOfferOnARequestInATownBeyondTheHelpersReachIsRefusedNamingTheTown) {
  const std::string id = request({{"town", "Plauen"}});  // about 130 km from Dresden; Olena: 30
  const auto r = offer(helper_token("Olena"), id);
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(problem_type(r), "request-does-not-fit");
  EXPECT_EQ(unfit(r), json({"town"}));
  EXPECT_EQ(status_of(id), "open");
}

TEST_F(Offers, AnOfferOnARequestInALanguageTheHelperDoesNotSpeakIsRefusedNamingTheLanguage) {
  const std::string id = request({{"helper_language", "ar"}});  // Olena speaks uk, ru, de
  const auto r = offer(helper_token("Olena"), id);
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(problem_type(r), "request-does-not-fit");
  EXPECT_EQ(unfit(r), json({"helper_language"}));
  EXPECT_EQ(status_of(id), "open");
}

TEST_F(Offers, ARefusalNamesEveryPartOfTheRuleThatFails) {
  const std::string id =
      request({{"category", "clothes"}, {"town", "Plauen"}, {"helper_language", "ti"}});
  const auto r = offer(helper_token("Olena"), id);
  EXPECT_EQ(problem_type(r), "request-does-not-fit");
  EXPECT_EQ(unfit(r), json({"category", "helper_language", "town"}));
}

TEST_F(Offers, AnOfferOnAnAnsweredRequestIsRefusedAndTheFirstHelperKeepsIt) {
  const std::string id = request({{"helper_language", "de"}});  // fits Olena and Jonas
  ASSERT_EQ(offer(helper_token("Jonas"), id).status, 201);
  const auto late = offer(helper_token("Olena"), id);
  EXPECT_EQ(late.status, 409) << late.body;
  EXPECT_EQ(problem_type(late), "request-answered");
  EXPECT_EQ(conversations_of(id), 1);
  // Nor can the first helper answer it twice.
  EXPECT_EQ(problem_type(offer(helper_token("Jonas"), id)), "request-answered");
}

TEST_F(Offers, AnOfferOnAWithdrawnRequestIsRefused) {
  const std::string id = request();
  ASSERT_EQ(hub.send("POST", "/v1/requests/" + id + "/withdraw", person(), "{}", key()).status,
            200);
  const auto r = offer(helper_token("Olena"), id);
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(problem_type(r), "request-withdrawn");
  EXPECT_EQ(conversations_of(id), 0);
  EXPECT_EQ(status_of(id), "withdrawn");
}

TEST_F(Offers, AHelperARequestDoesNotFitLearnsNothingOfItsState) {
  const std::string id = request({{"category", "housing"}});
  ASSERT_EQ(hub.send("POST", "/v1/requests/" + id + "/withdraw", person(), "{}", key()).status,
            200);
  EXPECT_EQ(problem_type(offer(helper_token("Olena"), id)), "request-does-not-fit");
}

TEST_F(Offers, OfTwoHelpersOfferingAtOnceExactlyOneWins) {
  const std::string jonas = helper_token("Jonas");
  const std::string olena = helper_token("Olena");
  for (int round = 0; round < 8; ++round) {
    const std::string id = request({{"helper_language", "de"}});
    std::atomic<int> ready{0};
    net::HttpResponse replies[2];
    const auto race = [&](int which, const std::string& token) {
      ++ready;
      while (ready.load() < 2) std::this_thread::yield();
      replies[which] = offer(token, id);
    };
    std::thread first(race, 0, jonas);
    std::thread second(race, 1, olena);
    first.join();
    second.join();
    const int won = (replies[0].status == 201) + (replies[1].status == 201);
    EXPECT_EQ(won, 1) << "round " << round << ": " << replies[0].body << " / " << replies[1].body;
    const auto& lost = replies[0].status == 201 ? replies[1] : replies[0];
    EXPECT_EQ(problem_type(lost), "request-answered") << "round " << round;
    EXPECT_EQ(conversations_of(id), 1) << "round " << round;
  }
}

}  // namespace
}  // namespace ih::test
