#include "tests/hub/raw_tls.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <csignal>
#include <memory>

namespace ih::test {
namespace {

struct Connection {
  int fd = -1;
  SSL_CTX* ctx = nullptr;
  SSL* ssl = nullptr;
  ~Connection() {
    if (ssl) SSL_free(ssl);
    if (ctx) SSL_CTX_free(ctx);
    if (fd >= 0) close(fd);
  }
};

// Connected and handshaken, or false.
bool connect_tls(Connection& c, int port, const char* tls12_ciphers) {
  // A server that closes first must fail the write, not end the test.
  std::signal(SIGPIPE, SIG_IGN);
  c.fd = socket(AF_INET, SOCK_STREAM, 0);
  if (c.fd < 0) return false;
  timeval timeout{5, 0};
  setsockopt(c.fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(c.fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(c.fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return false;
  c.ctx = SSL_CTX_new(TLS_client_method());
  if (!c.ctx) return false;
  if (tls12_ciphers) {
    if (SSL_CTX_set_min_proto_version(c.ctx, TLS1_2_VERSION) != 1 ||
        SSL_CTX_set_max_proto_version(c.ctx, TLS1_2_VERSION) != 1 ||
        SSL_CTX_set_cipher_list(c.ctx, tls12_ciphers) != 1) {
      return false;
    }
  }
  c.ssl = SSL_new(c.ctx);
  return c.ssl && SSL_set_fd(c.ssl, c.fd) == 1 && SSL_connect(c.ssl) == 1;
}

}  // namespace

bool tls12_handshake_succeeds(int port, const char* ciphers) {
  Connection c;
  return connect_tls(c, port, ciphers);
}

namespace {

// Sends `request` on `c` and reads one reply, its body by its Content-Length.
RawReply exchange_on(Connection& c, const std::string& request) {
  RawReply reply;
  if (SSL_write(c.ssl, request.data(), static_cast<int>(request.size())) <= 0) return reply;
  std::string received;
  size_t header_end = std::string::npos;
  size_t wanted = 0;
  char buffer[4096];
  while (header_end == std::string::npos || received.size() < header_end + 4 + wanted) {
    // One byte at a time until the head is in, then the body's length, so
    // that nothing of a next reply is taken with this one.
    const int n = SSL_read(
        c.ssl, buffer,
        header_end == std::string::npos
            ? 1
            : static_cast<int>(std::min(sizeof buffer, header_end + 4 + wanted - received.size())));
    if (n <= 0) break;
    received.append(buffer, static_cast<size_t>(n));
    if (header_end == std::string::npos &&
        (header_end = received.find("\r\n\r\n")) != std::string::npos) {
      reply.answered = true;
      reply.headers = received.substr(0, header_end);
      for (char& ch : reply.headers) ch = static_cast<char>(std::tolower(ch));
      const size_t length = reply.headers.find("content-length:");
      if (length != std::string::npos) wanted = std::stoul(reply.headers.substr(length + 15));
    }
  }
  if (!reply.answered) return reply;
  if (reply.headers.size() > 12) reply.status = std::stoi(reply.headers.substr(9, 3));
  reply.body = received.substr(header_end + 4, wanted);
  return reply;
}

}  // namespace

RawReply send_raw(int port, const std::string& request) {
  Connection c;
  if (!connect_tls(c, port, nullptr)) return {};
  return exchange_on(c, request);
}

struct RawConnection::Impl : Connection {};

RawConnection::RawConnection(int port) : impl_(std::make_unique<Impl>()) {
  if (!connect_tls(*impl_, port, nullptr)) impl_.reset();
}

RawConnection::~RawConnection() = default;

RawReply RawConnection::exchange(const std::string& request) {
  if (!impl_) return {};
  return exchange_on(*impl_, request);
}

}  // namespace ih::test
