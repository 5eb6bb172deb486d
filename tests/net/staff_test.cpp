// Staff resetting a person's PIN at a terminal, against the reference hub:
// the new PIN works and the old one does not, the staff session never outlives
// the call, and each way it can fail comes back as the category the staff
// screen names, with nothing typed in the log.
#include "net/staff.h"

#include <gtest/gtest.h>

#include <mutex>
#include <vector>

#include "api/personal_code.h"
#include "api/secret.h"
#include "net/log.h"
#include "tests/hub/hub_fixture.h"

namespace ih::test {
namespace {

using net::PinResetError;

class StaffReset : public ::testing::Test {
 protected:
  void SetUp() override {
    if (hub.remote()) GTEST_SKIP() << "needs a staff account made by the reference hub's admin";
    terminal = hub.enrol(dir.path);
    staff = *hub::add_staff(hub.hub(), "Frau Weber");
    person = create_person("Samira", "1357");
    previous_sink = net::set_log_sink([this](net::LogLevel, std::string_view line) {
      std::lock_guard lock(log_mutex);
      logged.emplace_back(line);
    });
  }
  void TearDown() override {
    net::set_log_sink(previous_sink);
    std::lock_guard lock(log_mutex);
    for (const std::string& line : logged)
      for (const std::string& secret :
           {staff.personal_code, staff.secret, person, std::string("1357"), std::string("8642")})
        EXPECT_EQ(line.find(secret), std::string::npos) << "logged: " << line;
  }

  // A person's account, made the way a terminal's outbox makes it; its code.
  std::string create_person(const std::string& name, const std::string& pin) {
    const std::string code = *api::make_personal_code(terminal.identity.code_prefix, ++codes);
    const nlohmann::json body = {
        {"personal_code", code}, {"display_name", name}, {"languages", {"fa"}},
        {"town", "Dresden"},     {"pin", pin},           {"session_token", api::mint_secret()}};
    const auto r =
        hub.send("POST", "/v1/accounts", {terminal.identity.credential(), {}}, body.dump(), key());
    EXPECT_EQ(r.status, 201) << r.body;
    return code;
  }

  net::PinResetResult reset(const std::string& staff_code, const std::string& staff_pin,
                            const std::string& personal_code, const std::string& new_pin) {
    net::HttpClient client(net::pinned_config(hub.client_config(), terminal.identity));
    return net::reset_pin(client, terminal.identity,
                          {staff_code, staff_pin, personal_code, new_pin}, hub.now());
  }

  long login_status(const std::string& code, const std::string& pin) {
    const nlohmann::json body = {
        {"personal_code", code}, {"pin", pin}, {"session_token", api::mint_secret()}};
    return hub
        .send("POST", "/v1/sessions", {terminal.identity.credential(), {}}, body.dump(), key())
        .status;
  }

  int64_t open_staff_sessions() {
    return hub::query_int(hub.hub(),
                          "SELECT count(*) FROM sessions s JOIN accounts a ON a.id = s.account_id "
                          "WHERE a.role = 'staff' AND s.ended_at IS NULL");
  }

  TempDir dir;
  TestHub hub;
  TestHub::EnrolledTerminal terminal;
  hub::Credentials staff;
  std::string person;
  uint32_t codes = 0;
  net::LogSink previous_sink;
  std::mutex log_mutex;
  std::vector<std::string> logged;
};

TEST_F(StaffReset, SetsTheNewPinEndsThePersonsSessionsAndLogsTheStaffOut) {
  const net::PinResetResult r = reset(staff.personal_code, staff.secret, person, "8642");
  ASSERT_TRUE(r.ok()) << net::pin_reset_error_name(r.error) << " " << r.detail;
  EXPECT_EQ(r.sessions_ended, 1) << "the session the account was made with";
  EXPECT_EQ(login_status(person, "1357"), 401);
  EXPECT_EQ(login_status(person, "8642"), 201);
  EXPECT_EQ(open_staff_sessions(), 0);
}

TEST_F(StaffReset, TheCodeIsReadLeniently) {
  std::string typed = person;
  for (char& ch : typed) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  typed.erase(typed.find('-'), 1);
  EXPECT_TRUE(reset(staff.personal_code, staff.secret, typed, "8642").ok());
  EXPECT_EQ(login_status(person, "8642"), 201);
}

TEST_F(StaffReset, AWrongStaffPinChangesNothing) {
  const auto r = reset(staff.personal_code, "00000000", person, "8642");
  EXPECT_EQ(r.error, PinResetError::WrongStaffPin);
  EXPECT_EQ(login_status(person, "1357"), 201);
}

TEST_F(StaffReset, APersonCannotResetAnotherPersonsPin) {
  const std::string other = create_person("Yusuf", "2468");
  const auto r = reset(other, "2468", person, "8642");
  EXPECT_EQ(r.error, PinResetError::NotStaff);
  EXPECT_EQ(login_status(person, "1357"), 201);
  EXPECT_EQ(hub::query_int(hub.hub(),
                           "SELECT count(*) FROM sessions s JOIN accounts a ON a.id = s.account_id "
                           "WHERE a.code = ?1 AND s.ended_at IS NULL",
                           other),
            1)
      << "only the session the account was made with; the one reset_pin opened has ended";
}

TEST_F(StaffReset, AnUnknownOrMistypedPersonIsNotFound) {
  const std::string unknown = *api::make_personal_code(terminal.identity.code_prefix, 999);
  EXPECT_EQ(reset(staff.personal_code, staff.secret, unknown, "8642").error,
            PinResetError::PersonNotFound);
  EXPECT_EQ(reset(staff.personal_code, staff.secret, "0G1A-2B3", "8642").error,
            PinResetError::PersonNotFound);
  EXPECT_EQ(reset(staff.personal_code, staff.secret, staff.personal_code, "8642").error,
            PinResetError::PersonNotFound)
      << "a staff account is not a person's";
  EXPECT_EQ(open_staff_sessions(), 0);
}

TEST_F(StaffReset, APinThePlatformDoesNotTakeIsRefused) {
  EXPECT_EQ(reset(staff.personal_code, staff.secret, person, "12").error,
            PinResetError::PinRefused);
  EXPECT_EQ(reset(staff.personal_code, staff.secret, person, "12ab").error,
            PinResetError::PinRefused);
  EXPECT_EQ(login_status(person, "1357"), 201);
}

TEST_F(StaffReset, RepeatedWrongStaffPinsLockWithATimeToWait) {
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(reset(staff.personal_code, "1111111" + std::to_string(i), person, "8642").error,
              PinResetError::WrongStaffPin);
  const auto r = reset(staff.personal_code, staff.secret, person, "8642");
  EXPECT_EQ(r.error, PinResetError::Locked) << "even with the right PIN";
  EXPECT_GT(r.retry_after_s, 0);
  EXPECT_LE(r.retry_after_s, 15 * 60);
  EXPECT_EQ(login_status(person, "1357"), 201);
}

TEST_F(StaffReset, WithoutTheServerItIsOffline) {
  hub.stop_server();
  const auto r = reset(staff.personal_code, staff.secret, person, "8642");
  EXPECT_EQ(r.error, PinResetError::Offline);
  EXPECT_EQ(r.detail, "no route to the server");
  hub.start_server();
}

TEST_F(StaffReset, AnUnknownTerminalFailsWithoutBlamingTheStaff) {
  net::TerminalIdentity forged = terminal.identity;
  forged.device_secret = api::mint_secret();
  net::HttpClient client(net::pinned_config(hub.client_config(), terminal.identity));
  const auto r = net::reset_pin(client, forged, {staff.personal_code, staff.secret, person, "8642"},
                                hub.now());
  EXPECT_EQ(r.error, PinResetError::Failed);
  EXPECT_EQ(r.detail, "server answered 401 unauthenticated");
}

}  // namespace
}  // namespace ih::test
