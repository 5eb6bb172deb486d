// Envelopes and the sessions they carry (hub/routes_envelopes.cpp,
// hub/call_context.cpp): the terminal chooses an envelope's sealed_at, so it
// cannot be what keeps an ended session alive. A logout or a PIN reset ends
// everything of the session, envelopes included; after expiry, envelopes
// sealed during the session are still taken while the terminal comes back
// online and drains its outbox, but not once it has been online for a while.
#include <gtest/gtest.h>

#include "api/personal_code.h"
#include "api/secret.h"
#include "net/envelope.h"
#include "tests/hub/hub_fixture.h"

namespace ih::test {
namespace {

using nlohmann::json;

class SealedSessions : public ::testing::Test {
 protected:
  void SetUp() override {
    if (hub.remote()) GTEST_SKIP() << "moves the reference hub's clock";
    terminal = hub.enrol(dir.path);
    code = *api::make_personal_code(terminal.identity.code_prefix, 3);
    const json body = {{"personal_code", code}, {"display_name", "Amira"},
                       {"languages", {"ar"}},   {"town", "Dresden"},
                       {"pin", "1234"},         {"session_token", token}};
    ASSERT_EQ(hub.send("POST", "/v1/accounts", terminal_caller(), body.dump(), key()).status, 201);
  }

  net::Caller terminal_caller() const { return {terminal.identity.credential(), {}}; }

  // A request for help sealed with the person's token at `sealed_at`.
  std::vector<unsigned char> sealed_request(int64_t sealed_at) {
    net::QueuedCall call{"POST",
                         "/v1/requests",
                         key(),
                         token,
                         {{"category", "doctor"},
                          {"when", {{"part_of_day", "morning"}}},
                          {"town", "Dresden"},
                          {"helper_language", "ar"}},
                         sealed_at};
    keys.push_back(call.idempotency_key);
    return *net::seal_call(call, terminal.identity.server_box_key);
  }

  net::HttpResponse deliver(const std::vector<unsigned char>& sealed) {
    return hub.send("POST", "/v1/envelopes", terminal_caller(),
                    json{{"sealed", api::to_base64(sealed)}}.dump(), keys.back());
  }

  net::HttpResponse heartbeat() {
    const json body = {{"version", "1"}, {"outbox_depth", 1}};
    return hub.send("POST", "/v1/terminals/self/heartbeat", terminal_caller(), body.dump(), key());
  }

  TempDir dir;
  TestHub hub;
  TestHub::EnrolledTerminal terminal;
  std::string code;
  std::string token = api::mint_secret();
  std::vector<std::string> keys;
};

TEST_F(SealedSessions, AnEnvelopeSealedBeforeALogoutIsRefusedAfterIt) {
  const auto sealed = sealed_request(hub.now());
  hub.advance_clock(60);
  ASSERT_EQ(
      hub.send("DELETE", "/v1/sessions/current", {terminal.identity.credential(), token}, {}, key())
          .status,
      204);
  const auto r = deliver(sealed);
  EXPECT_EQ(r.status, 401) << r.body;
  EXPECT_EQ(hub::query_int(hub.hub(), "SELECT count(*) FROM requests"), 0);
}

TEST_F(SealedSessions, AnEnvelopeSealedBeforeAPinResetIsRefusedAfterIt) {
  const auto staff = hub::add_staff(hub.hub(), "Frau Weber");
  ASSERT_TRUE(staff);
  const std::string staff_token = api::mint_secret();
  const json login = {{"personal_code", staff->personal_code},
                      {"pin", staff->secret},
                      {"session_token", staff_token}};
  ASSERT_EQ(hub.send("POST", "/v1/sessions", terminal_caller(), login.dump(), key()).status, 201);
  const auto sealed = sealed_request(hub.now());
  hub.advance_clock(60);
  const auto reset = hub.send("POST", "/v1/accounts/" + code + "/pin-reset",
                              {terminal.identity.credential(), staff_token},
                              json{{"new_pin", "8642"}}.dump(), key());
  ASSERT_EQ(reset.status, 200) << reset.body;
  const auto r = deliver(sealed);
  EXPECT_EQ(r.status, 401) << r.body;
  EXPECT_EQ(hub::query_int(hub.hub(), "SELECT count(*) FROM requests"), 0);
}

TEST_F(SealedSessions, AnExpiredSessionsEnvelopeArrivesWhenItsTerminalComesBackOnline) {
  const auto sealed = sealed_request(hub.now() + 60);
  hub.advance_clock(3 * 3600);  // offline for three hours
  EXPECT_EQ(heartbeat().status, 200);
  const auto r = deliver(sealed);
  EXPECT_EQ(r.status, 201) << r.body;
}

TEST_F(SealedSessions, AnExpiredSessionsEnvelopeIsRefusedOnceItsTerminalHasBeenOnlineAnHour) {
  const auto sealed = sealed_request(hub.now() + 60);
  hub.advance_clock(20 * 60);
  EXPECT_EQ(heartbeat().status, 200);  // online after the session expired
  hub.advance_clock(3600 + 1);
  const auto r = deliver(sealed);
  EXPECT_EQ(r.status, 401) << r.body;
  EXPECT_EQ(net::parse_problem(r.body)->type, "session-expired");
  EXPECT_EQ(hub::query_int(hub.hub(), "SELECT count(*) FROM requests"), 0);
}

}  // namespace
}  // namespace ih::test
