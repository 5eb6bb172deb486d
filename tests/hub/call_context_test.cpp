// write() (hub/call_context.h): a call the hub refuses changes nothing. Its
// change runs in a transaction that a refusal rolls back, whatever the change
// had written before it decided to refuse.
#include <gtest/gtest.h>

#include "api/personal_code.h"
#include "api/secret.h"
#include "tests/hub/hub_fixture.h"

namespace ih::test {
namespace {

using nlohmann::json;

class Refusals : public ::testing::Test {
 protected:
  void SetUp() override { terminal = hub.enrol(dir.path); }

  net::Caller terminal_caller() const { return {terminal.identity.credential(), {}}; }

  json account(uint32_t number, const std::string& token) const {
    return {{"personal_code", *api::make_personal_code(terminal.identity.code_prefix, number)},
            {"display_name", "Amira"},
            {"languages", {"ar"}},
            {"town", "Dresden"},
            {"pin", "1234"},
            {"session_token", token}};
  }

  TempDir dir;
  TestHub hub;
  TestHub::EnrolledTerminal terminal;
};

TEST_F(Refusals, AnAccountWhoseSessionTokenIsTakenIsNotCreated) {
  const std::string token = api::mint_secret();
  ASSERT_EQ(
      hub.send("POST", "/v1/accounts", terminal_caller(), account(1, token).dump(), key()).status,
      201);
  // The second account's row is written before the hub finds the token taken.
  const json second = account(2, token);
  const auto refused = hub.send("POST", "/v1/accounts", terminal_caller(), second.dump(), key());
  ASSERT_EQ(refused.status, 409) << refused.body;
  if (!hub.remote()) {
    EXPECT_EQ(hub::query_int(hub.hub(), "SELECT count(*) FROM accounts WHERE code = ?1",
                             second["personal_code"].get<std::string>()),
              0);
  }
  // So the code is still free for the same person with a fresh token.
  json again = second;
  again["session_token"] = api::mint_secret();
  const auto created = hub.send("POST", "/v1/accounts", terminal_caller(), again.dump(), key());
  EXPECT_EQ(created.status, 201) << created.body;
}

}  // namespace
}  // namespace ih::test
