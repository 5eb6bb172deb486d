// The hub behind HTTPS: cpp-httplib's TLS server on a thread of its own,
// turning each HTTP request into a Call for handle(). Bodies over 64 KiB are
// refused with 413 before they reach a handler.
#pragma once

#include <memory>
#include <string>

#include "hub/hub.h"
#include "hub/tls_identity.h"

namespace ih::hub {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: any free port; see Server::port()
  TlsIdentity identity;
  size_t max_body_bytes = 64 * 1024;
  // Each open connection holds a worker while it is kept alive, so the pool
  // bounds how many terminals are served at once.
  size_t threads = 32;
};

class Server {
 public:
  // Binds and starts serving on a background thread. nullptr and *error if
  // the certificate is unusable or the address cannot be bound.
  static std::unique_ptr<Server> start(Hub& hub, const ServerOptions& options, std::string* error);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;
  // Stops accepting and waits for the serving thread. Idempotent.
  void stop();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ih::hub
