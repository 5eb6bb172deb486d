// The hub behind HTTPS: libmicrohttpd's event loop (epoll, GnuTLS) reads and
// writes every connection without a thread of its own, and hands each
// complete request, as a Call, to a pool of handler threads that run handle()
// (handler_pool.h). A connection that is slow or silent costs memory, not a
// thread: it holds no worker, and it is closed when idle for idle_timeout_s.
// Bodies are bounded from the head before they are read (request_head.h).
#pragma once

#include <memory>
#include <string>

#include "hub/hub.h"
#include "hub/tls_identity.h"

namespace ih::hub {

struct ServerOptions {
  std::string host = "127.0.0.1";  // a numeric IPv4 or IPv6 address
  int port = 0;                    // 0: any free port; see Server::port()
  TlsIdentity identity;
  size_t max_body_bytes = 64 * 1024;
  // Handlers that run at once. Only a request being handled holds one; a
  // handler waiting for a PIN-hash slot (at most Config::pin_hash_wait_ms)
  // holds it meanwhile, so there are more than the hub has slots.
  size_t handler_threads = 32;
  // Event loops, each with its share of the connections: TLS handshakes and
  // parsing, one core each.
  size_t io_threads = 2;
  // A connection on which nothing arrives or leaves for this long is closed,
  // in the TLS handshake, between requests, or half-way through one.
  unsigned idle_timeout_s = 15;
  // Connections at once in all, and from one address. A shelter's terminals
  // may share one address behind NAT; each keeps one connection alive.
  unsigned max_connections = 4000;
  unsigned max_connections_per_ip = 64;
  // Connections the kernel completes while the loop has not yet accepted
  // them (capped by net.core.somaxconn); a full queue drops a new client's
  // SYN, and its retry comes a second later.
  unsigned listen_backlog = 1024;
};

class Server {
 public:
  // Binds and starts serving on background threads. nullptr and *error if
  // the certificate is unusable or the address cannot be bound. The hub
  // outlives the server.
  static std::unique_ptr<Server> start(Hub& hub, const ServerOptions& options, std::string* error);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;
  // Stops accepting, lets running handlers end, closes every connection and
  // joins the threads. Idempotent.
  void stop();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ih::hub
