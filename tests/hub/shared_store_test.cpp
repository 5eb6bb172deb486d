// Two hubs on one store, as two hub processes on one PostgreSQL database are
// (each Hub has its own pool of connections, so each is a client of its own
// to the database; with SQLite, two pools share one file). Calls race between
// them, and what one hub process guarantees must hold across both: a call
// applied once per idempotency key, no more login guesses than the limit,
// and each personal code given once. ctest runs these against both stores.
#include <gtest/gtest.h>

#include <map>
#include <thread>
#include <vector>

#include "api/personal_code.h"
#include "api/secret.h"
#include "tests/hub/hub_fixture.h"

namespace ih::test {
namespace {

using nlohmann::json;

hub::Reply post(hub::Hub& h, const std::string& path, const json& body,
                const std::string& credential, const std::string& idempotency_key) {
  hub::Call c;
  c.method = "POST";
  c.path = path;
  c.terminal_credential = credential;
  c.idempotency_key = idempotency_key;
  c.content_type = "application/json";
  c.body = body.dump();
  return hub::handle(h, c);
}

json new_account(const std::string& code) {
  return {{"personal_code", code}, {"display_name", "Amira"},
          {"languages", {"ar"}},   {"town", "Dresden"},
          {"pin", "1234"},         {"session_token", api::mint_secret()}};
}

// Runs `call(i, hub)` for i in [0, n) at once, alternating the two hubs.
std::vector<hub::Reply> race(hub::Hub& a, hub::Hub& b, int n,
                             const std::function<hub::Reply(int, hub::Hub&)>& call) {
  std::vector<hub::Reply> replies(static_cast<size_t>(n));
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) {
    threads.emplace_back([&, i] { replies[static_cast<size_t>(i)] = call(i, i % 2 ? b : a); });
  }
  for (auto& t : threads) t.join();
  return replies;
}

std::map<int, int> by_status(const std::vector<hub::Reply>& replies) {
  std::map<int, int> counts;
  for (const auto& r : replies) ++counts[r.status];
  return counts;
}

class SharedStore : public ::testing::Test {
 protected:
  void SetUp() override {
    // Both open at once: the schema is migrated once and the keys made once.
    std::string error_a;
    std::string error_b;
    std::thread other([&] { b = hub::open_hub(store.config(), &error_b); });
    a = hub::open_hub(store.config(), &error_a);
    other.join();
    ASSERT_TRUE(a) << error_a;
    ASSERT_TRUE(b) << error_b;
    const std::string secret = api::mint_secret();
    const auto enrolled = post(*a, "/v1/terminals",
                               {{"enrolment_code", hub::issue_enrolment_code(*a, 3600)},
                                {"device_secret", secret},
                                {"name", "Halle 1"},
                                {"version", "1"}},
                               {}, key());
    ASSERT_EQ(enrolled.status, 201) << enrolled.body;
    const json terminal = json::parse(enrolled.body);
    prefix = terminal["code_prefix"].get<std::string>();
    credential = terminal["terminal_id"].get<std::string>() + "." + secret;
  }

  TempDir dir;
  TestStore store{dir.path};
  hub::HubPtr a;
  hub::HubPtr b;
  std::string prefix;
  std::string credential;
};

TEST_F(SharedStore, BothHubsStartingTogetherOpenEnvelopesWithTheSameKey) {
  EXPECT_EQ(hub::box_public_key(*a), hub::box_public_key(*b));
  EXPECT_FALSE(hub::box_public_key(*a).empty());
}

TEST_F(SharedStore, OneCallSentToBothHubsAtOnceIsAppliedOnce) {
  const auto applied = [&] { return hub::counters(*a).applied + hub::counters(*b).applied; };
  const uint64_t before = applied();  // the terminal's enrolment
  const std::string k = key();
  const json body = new_account(*api::make_personal_code(prefix, 3));
  const auto replies = race(
      *a, *b, 16, [&](int, hub::Hub& h) { return post(h, "/v1/accounts", body, credential, k); });
  for (const auto& r : replies) {
    EXPECT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.body, replies[0].body) << "a repeat gets the first reply";
  }
  EXPECT_EQ(applied() - before, 1u);
  EXPECT_EQ(hub::counters(*a).replayed + hub::counters(*b).replayed, 15u);
  EXPECT_EQ(hub::query_int(*a, "SELECT count(*) FROM accounts WHERE code = ?1",
                           body["personal_code"].get<std::string>()),
            1);
}

TEST_F(SharedStore, OnePersonalCodeClaimedAtBothHubsAtOnceGoesToOneAccount) {
  const std::string code = *api::make_personal_code(prefix, 4);
  const auto replies = race(*a, *b, 16, [&](int, hub::Hub& h) {
    return post(h, "/v1/accounts", new_account(code), credential, key());
  });
  const auto counts = by_status(replies);
  EXPECT_EQ(counts.count(201) ? counts.at(201) : 0, 1);
  EXPECT_EQ(counts.count(409) ? counts.at(409) : 0, 15);
  for (const auto& r : replies) {
    if (r.status == 409) {
      EXPECT_NE(r.body.find("personal-code-taken"), std::string::npos);
    }
  }
  EXPECT_EQ(hub::query_int(*a, "SELECT count(*) FROM accounts WHERE code = ?1", code), 1);
}

TEST_F(SharedStore, AHundredGuessesAcrossBothHubsGetFiveAnswers) {
  const std::string code = *api::make_personal_code(prefix, 5);
  ASSERT_EQ(post(*a, "/v1/accounts", new_account(code), credential, key()).status, 201);
  const auto replies = race(*a, *b, 100, [&](int i, hub::Hub& h) {
    const json login = {{"personal_code", code},
                        {"pin", std::to_string(2000 + i)},
                        {"session_token", api::mint_secret()}};
    return post(h, "/v1/sessions", login, credential, key());
  });
  const auto counts = by_status(replies);
  EXPECT_EQ(counts.count(401) ? counts.at(401) : 0, 5) << "the account's limit, once";
  EXPECT_EQ(counts.count(429) ? counts.at(429) : 0, 95);
  EXPECT_EQ(hub::query_int(*b, "SELECT count(*) FROM login_failures WHERE account_code = ?1", code),
            5);
  // Locked at both: the right PIN is refused like any other.
  const json right = {
      {"personal_code", code}, {"pin", "1234"}, {"session_token", api::mint_secret()}};
  EXPECT_EQ(post(*a, "/v1/sessions", right, credential, key()).status, 429);
  EXPECT_EQ(post(*b, "/v1/sessions", right, credential, key()).status, 429);
}

}  // namespace
}  // namespace ih::test
