// A person's messages arrive while they are logged in, unread conversations
// first, fetched incrementally and held in memory only.
#include "net/inbox.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "api/personal_code.h"
#include "api/secret.h"
#include "tests/hub/hub_fixture.h"
#include "tests/net/sync_fixture.h"

namespace ih::test {
namespace {

TEST(Inbox, FetchesConversationsAndNewMessagesWhileTheSessionLasts) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  const std::string code = *api::make_personal_code(terminal.identity.code_prefix, 1);
  const std::string token = api::mint_secret();
  const net::Caller person{terminal.identity.credential(), token};
  const nlohmann::json account = {{"personal_code", code}, {"display_name", "Rahel"},
                                  {"languages", {"ti"}},   {"town", "Pirna"},
                                  {"pin", "1234"},         {"session_token", token}};
  ASSERT_EQ(
      hub.send("POST", "/v1/accounts", {terminal.identity.credential(), {}}, account.dump(), key())
          .status,
      201);
  std::vector<std::string> requests;
  for (int i = 0; i < 2; ++i) {
    const nlohmann::json body = {{"category", "interpreting"},
                                 {"when", {{"part_of_day", "any"}}},
                                 {"town", "Pirna"},
                                 {"helper_language", "ti"}};
    requests.push_back(
        hub.json(hub.send("POST", "/v1/requests", person, body.dump(), key()))["id"]);
  }
  std::string yonas;
  for (auto& [profile, credentials] : hub::seed_demo_helpers(hub.hub())) {
    if (profile.display_name != "Yonas") continue;
    yonas = api::mint_secret();
    const nlohmann::json login = {{"personal_code", credentials.personal_code},
                                  {"pin", credentials.secret},
                                  {"session_token", yonas}};
    ASSERT_EQ(hub.send("POST", "/v1/sessions", {}, login.dump(), key()).status, 201);
  }
  const auto first = hub.json(hub.send("POST", "/v1/requests/" + requests[0] + "/offers",
                                       {{}, yonas}, R"({"message":"selam"})", key()));
  const auto second = hub.json(hub.send("POST", "/v1/requests/" + requests[1] + "/offers",
                                        {{}, yonas}, R"({"message":"hello"})", key()));
  // The person has read the first conversation already.
  const auto read = net::parse_message_page(
      hub.send("GET", "/v1/conversations/" + first["id"].get<std::string>() + "/messages", person)
          .body);
  net::HttpClient client(hub.client_config());
  EXPECT_EQ(net::mark_read(client, person, first["id"], read->items[0].id).value, 0);

  std::atomic<uint64_t> changes{0};
  net::Inbox inbox(hub.client_config(), person, std::chrono::milliseconds(50), [&] { ++changes; });
  ASSERT_TRUE(eventually([&] { return inbox.snapshot().loaded; }));
  // Each change is told once, and fetches that bring nothing new are not.
  ASSERT_TRUE(eventually([&] { return changes == inbox.version(); }));
  const uint64_t loaded = inbox.version();
  EXPECT_GE(loaded, 1u);
  auto snapshot = inbox.snapshot();
  ASSERT_EQ(snapshot.conversations.size(), 2u);
  EXPECT_EQ(snapshot.conversations[0].id, second["id"]);  // unread first
  EXPECT_EQ(snapshot.conversations[0].unread, 1);
  EXPECT_EQ(snapshot.messages[first["id"]].size(), 1u);

  hub.send("POST", "/v1/conversations/" + first["id"].get<std::string>() + "/messages", {{}, yonas},
           R"({"text":"Dienstag 10 Uhr?"})", key());
  inbox.refresh();
  ASSERT_TRUE(eventually([&] { return inbox.snapshot().messages[first["id"]].size() == 2; }));
  ASSERT_TRUE(eventually([&] { return changes == inbox.version(); }));
  EXPECT_EQ(inbox.version(), loaded + 1);
  const auto messages = inbox.snapshot().messages[first["id"]];
  EXPECT_EQ(messages[0].text, "selam");
  EXPECT_EQ(messages[1].text, "Dienstag 10 Uhr?");
  EXPECT_EQ(inbox.snapshot().last_error, "");
}

TEST(Inbox, SaysWhyItHasNothing) {
  TestHub hub;
  net::Inbox inbox(hub.client_config(), {"t_x.y", api::mint_secret()},
                   std::chrono::milliseconds(50));
  ASSERT_TRUE(eventually([&] { return !inbox.snapshot().last_error.empty(); }));
  EXPECT_EQ(inbox.snapshot().last_error, "server answered 401");
  EXPECT_FALSE(inbox.snapshot().loaded);
}

TEST(Inbox, ASessionsEndDoesNotWaitForAFetchThatHangs) {
  // A server that takes the connection and never says a word: the fetch
  // would wait for its TLS handshake until the timeouts, a minute here.
  const int listener = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(listener, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(listen(listener, 8), 0);
  socklen_t length = sizeof address;
  getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
  net::HttpConfig config;
  config.base_url = "https://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
  config.connect_timeout_ms = 60'000;
  config.total_timeout_ms = 60'000;
  config.low_speed_time_s = 60;
  const auto start = std::chrono::steady_clock::now();
  {
    net::Inbox inbox(config, {"t_x.y", api::mint_secret()}, std::chrono::milliseconds(50));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20))
      << "the end of the session waited for the fetch's timeout";
  close(listener);
}

}  // namespace
}  // namespace ih::test
