// Bad input from the network and the disk: certificates the terminal must not
// trust, a server key that does not match the pin, replies too large or not
// JSON, a corrupt outbox file, and envelopes that are stale or tampered with.
#include <gtest/gtest.h>

#include <fstream>

#include "api/secret.h"
#include "hub/tls_identity.h"
#include "net/envelope.h"
#include "net/log.h"
#include "net/sync_engine.h"
#include "tests/hub/hub_fixture.h"
#include "tests/net/sync_fixture.h"

namespace ih::test {
namespace {

TEST(BadInput, ACertificateTheTerminalDoesNotTrustIsRefused) {
  TestHub hub;
  TempDir other;
  std::string error;
  const auto stranger = hub::make_development_identity({"localhost", "127.0.0.1"}, &error);
  ASSERT_TRUE(stranger) << error;
  const std::string stranger_ca = (other.path / "stranger.pem").string();
  std::ofstream(stranger_ca) << stranger->certificate_pem;

  net::HttpConfig config = hub.client_config();
  config.pinned_public_key.clear();
  config.ca_file = stranger_ca;
  EXPECT_EQ(net::HttpClient(config).send({"GET", "/v1/health", {}, {}}).transport,
            net::Transport::Tls);
  // The system's store does not know a self-signed certificate either.
  config.ca_file.clear();
  EXPECT_EQ(net::HttpClient(config).send({"GET", "/v1/health", {}, {}}).transport,
            net::Transport::Tls);
}

TEST(BadInput, AServerKeyThatDoesNotMatchThePinIsRefused) {
  TestHub hub;
  std::string error;
  const auto stranger = hub::make_development_identity({"localhost"}, &error);
  net::HttpConfig config = hub.client_config();
  config.pinned_public_key = *hub::public_key_pin(stranger->certificate_pem);
  EXPECT_EQ(net::HttpClient(config).send({"GET", "/v1/health", {}, {}}).transport,
            net::Transport::PinMismatch);
  EXPECT_EQ(net::HttpClient(hub.client_config()).send({"GET", "/v1/health", {}, {}}).status, 200);
}

TEST(BadInput, TheConfiguredProxyIsTheOnlyWayOut) {
  TestHub hub;
  net::HttpConfig config = hub.client_config();
  config.proxy = "http://127.0.0.1:1";  // nothing listens there
  EXPECT_EQ(net::HttpClient(config).send({"GET", "/v1/health", {}, {}}).transport,
            net::Transport::NoRoute);
  // Proxy variables in the environment are ignored: only the configuration counts.
  setenv("https_proxy", "http://127.0.0.1:1", 1);
  EXPECT_EQ(net::HttpClient(hub.client_config()).send({"GET", "/v1/health", {}, {}}).status, 200);
  unsetenv("https_proxy");
}

TEST(BadInput, RepliesTooLargeOrNotJsonAreErrorsNotCrashes) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  std::string reply_body = std::string(2 << 20, 'x');
  hub::set_fault_injector(
      hub.hub(), [&](const hub::Call&, hub::FaultPhase phase) -> std::optional<hub::Reply> {
        if (phase != hub::FaultPhase::Before) return std::nullopt;
        hub::Reply reply;
        reply.body = reply_body;
        return reply;
      });
  net::HttpClient client(hub.client_config());
  const net::Caller caller{terminal.identity.credential(), api::mint_secret()};
  EXPECT_EQ(client.send({"GET", "/v1/requests", {}, {}}).transport, net::Transport::ReplyTooLarge);
  for (const std::string body :
       {"{not json", "[]", R"({"items":[{"id":1}]})", R"({"items":"x"})", ""}) {
    reply_body = body;
    const auto page = net::list_requests(client, caller);
    EXPECT_FALSE(page.ok()) << body;
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(page.transport, net::Transport::Ok);
  }
}

TEST(BadInput, ACorruptOutboxIsMovedAsideAndANewOneMade) {
  TempDir state;
  const auto path = (state.path / "outbox.db").string();
  {
    std::ofstream garbage(path, std::ios::binary);
    garbage << "SQLite format 3" << std::string(4096, '\x5a');
  }
  std::vector<std::string> logged;
  auto previous =
      net::set_log_sink([&](net::LogLevel, std::string_view m) { logged.emplace_back(m); });
  auto opened = net::Outbox::open(path);
  net::set_log_sink(previous);
  ASSERT_TRUE(opened.outbox);
  EXPECT_NE(opened.moved_aside, "");
  EXPECT_TRUE(std::filesystem::exists(opened.moved_aside));
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_NE(logged[0].find("moved aside"), std::string::npos) << logged[0];
  EXPECT_EQ(opened.outbox->depth(), 0);
  EXPECT_TRUE(opened.outbox->enqueue("lane", "key-1", {1, 2, 3}));
  EXPECT_EQ(opened.outbox->depth(), 1);
}

TEST(BadInput, AnEnvelopeSealedWhileTheSessionWasValidIsAcceptedLater) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  const auto session = net::create_account(*terminal.outbox, terminal.identity,
                                           {"Late", {"de"}, "Dresden", "", "1212"}, hub.now());
  const nlohmann::json request = {{"category", "other"},
                                  {"when", {{"part_of_day", "any"}}},
                                  {"town", "Dresden"},
                                  {"helper_language", "de"}};
  ASSERT_TRUE(
      net::queue_request(*terminal.outbox, terminal.identity, *session, request, hub.now()));
  // An hour offline: the session token expired meanwhile, but not before
  // the request was sealed.
  hub.advance_clock(3600);
  ASSERT_TRUE(
      net::queue_request(*terminal.outbox, terminal.identity, *session, request, hub.now()));
  auto engine = engine_for(hub, terminal);
  engine.start();
  ASSERT_TRUE(eventually([&] { return terminal.outbox->depth() == 0; }));
  engine.stop();
  // The one sealed after expiry is refused for good, and not retried forever.
  EXPECT_EQ(engine.status().delivered, 2u);
  EXPECT_EQ(engine.status().rejected, 1u);
  EXPECT_EQ(hub::query_int(hub.hub(), "SELECT count(*) FROM requests"), 1);
}

TEST(BadInput, TamperedOrForeignEnvelopesAreUnreadable) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  const net::Caller caller{terminal.identity.credential(), {}};
  const std::string k = key();
  net::QueuedCall call{"POST", "/v1/requests", k, api::mint_secret(), {{"x", 1}}, hub.now()};
  auto sealed = *net::seal_call(call, terminal.identity.server_box_key);
  sealed[sealed.size() / 2] ^= 1;
  auto r = hub.send("POST", "/v1/envelopes", caller,
                    nlohmann::json{{"sealed", api::to_base64(sealed)}}.dump(), k);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(net::parse_problem(r.body)->type, "envelope-unreadable");
  // Sealed to another key.
  std::vector<unsigned char> other_key(32, 7);
  sealed = *net::seal_call(call, other_key);
  r = hub.send("POST", "/v1/envelopes", caller,
               nlohmann::json{{"sealed", api::to_base64(sealed)}}.dump(), k);
  EXPECT_EQ(r.status, 422);
  // Not base64, and a key that differs from the sealed one.
  r = hub.send("POST", "/v1/envelopes", caller, R"({"sealed":"%%%"})", k);
  EXPECT_EQ(r.status, 422);
  sealed = *net::seal_call(call, terminal.identity.server_box_key);
  r = hub.send("POST", "/v1/envelopes", caller,
               nlohmann::json{{"sealed", api::to_base64(sealed)}}.dump(), key());
  EXPECT_EQ(r.status, 400);
  // An envelope may not carry an enrolment or another envelope.
  call.path = "/v1/terminals";
  sealed = *net::seal_call(call, terminal.identity.server_box_key);
  r = hub.send("POST", "/v1/envelopes", caller,
               nlohmann::json{{"sealed", api::to_base64(sealed)}}.dump(), k);
  EXPECT_EQ(r.status, 422);
}

}  // namespace
}  // namespace ih::test

namespace ih::test {
namespace {

TEST(BadInput, TextThatIsNotUtf8IsQueuedNotThrown) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  const auto session =
      net::create_account(*terminal.outbox, terminal.identity,
                          {"Ana\xff\xfe", {"es"}, "Dresden", "", "1234"}, hub.now());
  ASSERT_TRUE(session);
  EXPECT_TRUE(
      net::queue_message(*terminal.outbox, terminal.identity, *session, "c_x", "\xc3(", hub.now()));
  EXPECT_EQ(terminal.outbox->depth(), 2);
}

TEST(BadInput, AConversationIdThatWouldLeaveItsPathIsNotQueued) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  const auto session = net::create_account(*terminal.outbox, terminal.identity,
                                           {"Ana", {"es"}, "Dresden", "", "1234"}, hub.now());
  ASSERT_TRUE(session);
  const std::string refused[] = {"../../requests", "c_1/read", "c_1?x=1", "",
                                 std::string(200, 'c')};
  for (const std::string& id : refused)
    EXPECT_FALSE(
        net::queue_message(*terminal.outbox, terminal.identity, *session, id, "hola", hub.now()))
        << id;
  EXPECT_EQ(terminal.outbox->depth(), 1);
  EXPECT_TRUE(net::queue_message(*terminal.outbox, terminal.identity, *session, "c_Ab-9", "hola",
                                 hub.now()));
}

}  // namespace
}  // namespace ih::test
