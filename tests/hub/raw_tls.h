// One TLS connection to a test hub made with OpenSSL directly, for what the
// typed client (net/http_client.h) never does: send bytes as they are, or
// offer only a chosen protocol version and cipher suites.
#pragma once

#include <memory>
#include <string>

namespace ih::test {

// Whether a handshake with 127.0.0.1:`port` succeeds when the client offers
// only TLS 1.2 and the suites `ciphers` (OpenSSL's names, ':'-separated).
// The server's certificate is not checked: only the handshake is.
bool tls12_handshake_succeeds(int port, const char* ciphers);

struct RawReply {
  bool answered = false;  // a status line and headers came back
  int status = 0;
  std::string headers;  // as received, lower-cased
  std::string body;     // Content-Length bytes of it
};

// Sends `request` as it is over TLS to 127.0.0.1:`port` and reads one reply,
// its body by its Content-Length. Waits at most five seconds for it.
RawReply send_raw(int port, const std::string& request);

// One TLS connection to 127.0.0.1:`port` kept open for one request after
// another, as a terminal keeps its connection alive.
class RawConnection {
 public:
  explicit RawConnection(int port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return impl_ != nullptr; }
  // send_raw() on this connection; not answered once the server closed it.
  RawReply exchange(const std::string& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ih::test
