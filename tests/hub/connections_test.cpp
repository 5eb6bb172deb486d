// The hub's connections (hub/server.h): clients that are slow or silent hold
// no worker, so others are still served at once; a terminal's connection
// stays alive from one request to the next; a burst of new connections finds
// room in the listen queue; idle connections are closed, and one address
// cannot take every connection.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "tests/hub/hub_fixture.h"
#include "tests/hub/raw_tls.h"
#include "tests/hub/slow_clients.h"

namespace ih::test {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

class Connections : public ::testing::Test {
 protected:
  void SetUp() override {
    if (hub.remote()) GTEST_SKIP() << "tests the reference hub's own server";
  }

  // A second server on the test hub's Hub, with `options` changed.
  std::unique_ptr<hub::Server> own_server(hub::ServerOptions options) {
    options.identity = test_identity();
    std::string error;
    auto server = hub::Server::start(hub.hub(), options, &error);
    EXPECT_TRUE(server) << error;
    return server;
  }

  TestHub hub;
};

// A TCP connection to 127.0.0.1:`port`, connected, or -1.
int tcp_connect(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Whether the server closes `fd` within `ms`, whatever it sends first (a TLS
// alert, say).
bool closed_by_server_within(int fd, int ms) {
  const auto deadline = Clock::now() + std::chrono::milliseconds(ms);
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    pollfd p{fd, POLLIN, 0};
    if (left <= 0 || poll(&p, 1, static_cast<int>(left)) != 1) return false;
    char buffer[256];
    if (recv(fd, buffer, sizeof buffer, 0) <= 0) return true;
  }
}

TEST_F(Connections, HealthAndATerminalsCallAnswerPromptlyWhile500SlowClientsHoldConnections) {
  ASSERT_TRUE(ensure_open_file_limit(2000)) << "needs 500 descriptors a side";
  TempDir terminal_dir;
  const auto terminal = hub.enrol(terminal_dir.path);
  const SlowClients slow(hub.port(), 500);
  // Each call on a connection of its own: a new client must get through the
  // accept queue and the TLS handshake too, not just a kept-alive one.
  for (int i = 0; i < 5; ++i) {
    SCOPED_TRACE(i);
    net::HttpClient health_client(hub.client_config());
    auto start = Clock::now();
    const auto health = health_client.send(net::make_request("GET", "/v1/health", {}));
    const double health_ms = ms_since(start);
    EXPECT_EQ(health.transport, net::Transport::Ok);
    EXPECT_EQ(health.status, 200);
    EXPECT_LT(health_ms, 2000) << "the old server took 15-40 s, or never answered";

    net::HttpClient terminal_client(hub.client_config());
    start = Clock::now();
    const auto heartbeat = terminal_client.send(net::make_request(
        "POST", "/v1/terminals/self/heartbeat", {terminal.identity.credential(), {}},
        R"({"version":"test","outbox_depth":0})", key()));
    const double heartbeat_ms = ms_since(start);
    EXPECT_EQ(heartbeat.transport, net::Transport::Ok);
    EXPECT_LT(heartbeat.status, 300) << heartbeat.body;
    EXPECT_LT(heartbeat_ms, 2000);
  }
  // The dribblers were served their handshake while the others held on.
  EXPECT_GT(slow.handshaken(), 150);
}

TEST_F(Connections, FiftyRequestsShareOneKeptAliveConnection) {
  RawConnection connection(hub.port());
  ASSERT_TRUE(connection.connected());
  for (int i = 0; i < 50; ++i) {
    SCOPED_TRACE(i);
    const auto r = connection.exchange("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    ASSERT_TRUE(r.answered) << "the connection was closed";
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.headers.find("connection: close"), std::string::npos);
  }
}

// A full listen queue drops a new client's SYN, and the client tries again
// only a second later (the old server's queue held 5).
TEST_F(Connections, ABurstOf500NewConnectionsFindsRoomInTheListenQueue) {
  ASSERT_TRUE(ensure_open_file_limit(2000));
  std::vector<pollfd> connecting;
  const auto start = Clock::now();
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(hub.port()));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  for (int i = 0; i < 500; ++i) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    ASSERT_GE(fd, 0);
    connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    connecting.push_back({fd, POLLOUT, 0});
  }
  size_t connected = 0;
  while (connected < connecting.size() && ms_since(start) < 900) {
    poll(connecting.data(), connecting.size(), 50);
    for (pollfd& p : connecting) {
      if (p.fd >= 0 && p.revents != 0) {
        ++connected;
        EXPECT_EQ(p.revents & (POLLERR | POLLHUP), 0);
        close(p.fd);
        p.fd = -1;  // poll() skips it from now on
      }
    }
  }
  for (const pollfd& p : connecting) {
    if (p.fd >= 0) close(p.fd);
  }
  EXPECT_EQ(connected, 500u) << "connected within 0.9 s, before any retried SYN";
}

TEST_F(Connections, AConnectionThatSendsNothingOrHalfAHandshakeIsClosedWhenIdle) {
  hub::ServerOptions options;
  options.idle_timeout_s = 1;
  const auto server = own_server(options);
  ASSERT_TRUE(server);
  const int silent = tcp_connect(server->port());
  ASSERT_GE(silent, 0);
  EXPECT_TRUE(closed_by_server_within(silent, 5000));
  close(silent);
  const int dribbling = tcp_connect(server->port());
  ASSERT_GE(dribbling, 0);
  // A TLS record header announcing a ClientHello that never comes.
  ASSERT_EQ(send(dribbling, "\x16\x03\x01\x02\x00\x01", 6, MSG_NOSIGNAL), 6);
  EXPECT_TRUE(closed_by_server_within(dribbling, 5000));
  close(dribbling);
}

TEST_F(Connections, OneAddressCannotHoldMoreThanItsShare) {
  hub::ServerOptions options;
  options.max_connections_per_ip = 4;
  const auto server = own_server(options);
  ASSERT_TRUE(server);
  {
    // One after another: each handshake ends after the server accepted it.
    std::vector<std::unique_ptr<RawConnection>> held;
    for (int i = 0; i < 4; ++i) {
      held.push_back(std::make_unique<RawConnection>(server->port()));
      EXPECT_TRUE(held.back()->connected()) << i;
    }
    EXPECT_FALSE(RawConnection(server->port()).connected()) << "a fifth from 127.0.0.1";
  }
  // The server learns of the closes on its own time; until then the address
  // is still at its limit.
  const auto start = Clock::now();
  bool served = false;
  while (!served && ms_since(start) < 5000) served = RawConnection(server->port()).connected();
  EXPECT_TRUE(served);
}

}  // namespace
}  // namespace ih::test
