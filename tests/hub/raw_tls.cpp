#include "tests/hub/raw_tls.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
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

RawReply send_raw(int port, const std::string& request) {
  RawReply reply;
  Connection c;
  if (!connect_tls(c, port, nullptr)) return reply;
  if (SSL_write(c.ssl, request.data(), static_cast<int>(request.size())) <= 0) return reply;
  std::string received;
  size_t header_end = std::string::npos;
  size_t wanted = 0;
  char buffer[4096];
  while (header_end == std::string::npos || received.size() < header_end + 4 + wanted) {
    const int n = SSL_read(c.ssl, buffer, sizeof buffer);
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

}  // namespace ih::test
