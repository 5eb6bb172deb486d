#include "tests/hub/slow_clients.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <string>

namespace ih::test {

namespace {

using Clock = std::chrono::steady_clock;

// A request head that never ends: no blank line, and longer than any test.
const std::string& endless_head() {
  static const std::string head =
      "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + std::string(4000, 'a');
  return head;
}

// The first half of the ClientHello an OpenSSL client sends.
const std::string& half_client_hello() {
  static const std::string half = [] {
    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    SSL* ssl = SSL_new(ctx);
    BIO* in = BIO_new(BIO_s_mem());
    BIO* out = BIO_new(BIO_s_mem());
    SSL_set_bio(ssl, in, out);
    SSL_connect(ssl);  // wants to read the ServerHello; the hello is in `out`
    char* data = nullptr;
    const long size = BIO_get_mem_data(out, &data);
    std::string hello(data, static_cast<size_t>(size));
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    return hello.substr(0, hello.size() / 2);
  }();
  return half;
}

// A non-blocking TCP connection to 127.0.0.1:`port` on its way, or -1.
int connect_to(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  return fd;
}

}  // namespace

struct SlowClients::Connection {
  enum Kind { Dribble, HalfHello, Silent } kind;
  int fd = -1;
  SSL_CTX* ctx = nullptr;
  SSL* ssl = nullptr;
  bool handshaken = false;
  size_t sent = 0;  // bytes of the head sent

  ~Connection() {
    if (ssl) SSL_free(ssl);
    if (ctx) SSL_CTX_free(ctx);
    if (fd >= 0) close(fd);
  }
};

SlowClients::SlowClients(int port, int count, int setup_ms) {
  // A server that closes a connection must fail its next write, not end
  // the program.
  std::signal(SIGPIPE, SIG_IGN);
  const auto deadline = Clock::now() + std::chrono::milliseconds(setup_ms);
  for (int i = 0; i < count; ++i) {
    auto c = std::make_unique<Connection>();
    c->kind = static_cast<Connection::Kind>(i % 3);
    c->fd = connect_to(port);
    if (c->fd < 0) continue;
    if (c->kind == Connection::Dribble) {
      c->ctx = SSL_CTX_new(TLS_client_method());
      c->ssl = SSL_new(c->ctx);
      SSL_set_fd(c->ssl, c->fd);
      SSL_set_connect_state(c->ssl);
    }
    connections_.push_back(std::move(c));
  }
  // Handshakes and half hellos, all at once, until done or the deadline.
  for (;;) {
    std::vector<pollfd> waiting;
    for (auto& c : connections_) {
      if (c->kind == Connection::HalfHello && c->sent == 0) {
        const std::string& half = half_client_hello();
        const ssize_t n = send(c->fd, half.data(), half.size(), MSG_NOSIGNAL);
        if (n > 0) c->sent = static_cast<size_t>(n);
        if (n <= 0) waiting.push_back({c->fd, POLLOUT, 0});
      } else if (c->kind == Connection::Dribble && !c->handshaken) {
        const int r = SSL_do_handshake(c->ssl);
        if (r == 1) {
          c->handshaken = true;
          ++handshaken_;
        } else {
          const int e = SSL_get_error(c->ssl, r);
          if (e == SSL_ERROR_WANT_READ) waiting.push_back({c->fd, POLLIN, 0});
          if (e == SSL_ERROR_WANT_WRITE) waiting.push_back({c->fd, POLLOUT, 0});
        }
      }
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (waiting.empty() || left <= 0) break;
    poll(waiting.data(), waiting.size(), static_cast<int>(std::min<long>(left, 50)));
  }
  thread_ = std::thread([this] { dribble(); });
}

SlowClients::~SlowClients() {
  stop_ = true;
  thread_.join();
}

void SlowClients::dribble() {
  const std::string& head = endless_head();
  while (!stop_) {
    for (auto& c : connections_) {
      if (c->kind != Connection::Dribble || !c->handshaken || c->sent >= head.size()) continue;
      if (SSL_write(c->ssl, head.data() + c->sent, 1) == 1) ++c->sent;
    }
    // One byte a second, in steps short enough to stop promptly.
    for (int i = 0; i < 10 && !stop_; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
}

bool ensure_open_file_limit(size_t needed) {
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) != 0) return false;
  if (files.rlim_cur >= needed) return true;
  files.rlim_cur = std::min<rlim_t>(files.rlim_max, std::max<rlim_t>(needed, files.rlim_cur));
  return setrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur >= needed;
}

}  // namespace ih::test
