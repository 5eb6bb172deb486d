#include "hub/server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <strings.h>

#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <mutex>

#include "hub/handler_pool.h"
#include "hub/problem.h"
#include "hub/request_head.h"

namespace ih::hub {

namespace {

// TLS 1.3, whose suites are all AEAD, and TLS 1.2 with forward-secret AEAD
// suites only (Mozilla's "intermediate" list without DHE): no CBC, whose
// padding and MAC-then-encrypt keep giving rise to oracles; nothing older.
constexpr const char* kTlsPriorities =
    "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2:"
    "-CIPHER-ALL:+AES-128-GCM:+AES-256-GCM:+CHACHA20-POLY1305:"
    "-MAC-ALL:+AEAD:-KX-ALL:+ECDHE-ECDSA:+ECDHE-RSA:%SERVER_PRECEDENCE";

}  // namespace

struct Server::Impl {
  Hub& hub;
  ServerOptions options;
  HandlerPool handlers;
  MHD_Daemon* daemon = nullptr;
  int port = 0;
  // What libmicrohttpd says while the daemon starts, for the error; it is
  // quiet about single connections afterwards.
  std::mutex log_mutex;
  bool starting = true;
  std::string start_log;

  Impl(Hub& h, const ServerOptions& o) : hub(h), options(o), handlers(o.handler_threads) {}
};

namespace {

// One request on its way through the server: made when its request line has
// been read, gone when libmicrohttpd is done with it.
struct Exchange {
  size_t uri_bytes = 0;
  bool head_seen = false;
  size_t body_bytes = 0;  // as the head states it
  std::string body;
  bool handed_over = false;  // to a handler thread
  Call call;
  Reply reply;
  std::atomic<bool> replied{false};  // `reply` is set; written before the resume
};

void* on_request_line(void*, const char* uri, MHD_Connection*) {
  auto* exchange = new Exchange;
  exchange->uri_bytes = std::strlen(uri);
  return exchange;
}

void on_completed(void*, MHD_Connection*, void** context, MHD_RequestTerminationCode) {
  delete static_cast<Exchange*>(*context);
  *context = nullptr;
}

void log_while_starting(void* cls, const char* format, va_list args) {
  auto& impl = *static_cast<Server::Impl*>(cls);
  std::lock_guard lock(impl.log_mutex);
  if (!impl.starting) return;
  char line[512];
  std::vsnprintf(line, sizeof line, format, args);
  impl.start_log += line;
}

MHD_Result send(MHD_Connection* connection, const Reply& reply) {
  MHD_Response* response = MHD_create_response_from_buffer(
      reply.body.size(), const_cast<char*>(reply.body.data()), MHD_RESPMEM_MUST_COPY);
  if (!response) return MHD_NO;
  if (!reply.body.empty()) {
    MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, reply.content_type.c_str());
  }
  for (const auto& [name, value] : reply.headers) {
    MHD_add_response_header(response, name.c_str(), value.c_str());
  }
  const MHD_Result queued = MHD_queue_response(connection, reply.status, response);
  MHD_destroy_response(response);
  return queued;
}

std::string header(MHD_Connection* connection, const char* name) {
  const char* value = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, name);
  return value ? value : "";
}

RequestHead read_head(MHD_Connection* connection, size_t uri_bytes) {
  RequestHead head;
  head.uri_bytes = uri_bytes;
  MHD_get_connection_values(
      connection, MHD_HEADER_KIND,
      [](void* cls, MHD_ValueKind, const char* key, const char* value) {
        auto& head = *static_cast<RequestHead*>(cls);
        if (strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING) == 0) {
          head.has_transfer_encoding = true;
        } else if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) == 0) {
          head.content_lengths.emplace_back(value ? value : "");
        }
        return MHD_YES;
      },
      &head);
  return head;
}

Call to_call(MHD_Connection* connection, const char* method, const char* path, std::string body) {
  Call call;
  call.method = method;
  call.path = path;
  MHD_get_connection_values(
      connection, MHD_GET_ARGUMENT_KIND,
      [](void* cls, MHD_ValueKind, const char* key, const char* value) {
        static_cast<Call*>(cls)->query.emplace_back(key, value ? value : "");
        return MHD_YES;
      },
      &call);
  call.terminal_credential = header(connection, "Terminal-Credential");
  const std::string authorization = header(connection, MHD_HTTP_HEADER_AUTHORIZATION);
  if (authorization.rfind("Bearer ", 0) == 0) call.bearer = authorization.substr(7);
  call.idempotency_key = header(connection, "Idempotency-Key");
  call.content_type = header(connection, MHD_HTTP_HEADER_CONTENT_TYPE);
  call.body = std::move(body);
  return call;
}

// libmicrohttpd calls this on its event loop: once when the head has been
// read, once per piece of the body, and then with nothing left to upload,
// again each time until a reply is queued. Nothing here may block: a request
// is handled on a handler thread while its connection is suspended, and the
// reply is queued when the handler resumes it.
MHD_Result on_request(void* cls, MHD_Connection* connection, const char* url, const char* method,
                      const char*, const char* upload, size_t* upload_bytes, void** context) {
  auto& impl = *static_cast<Server::Impl*>(cls);
  auto& exchange = *static_cast<Exchange*>(*context);
  if (!exchange.head_seen) {
    exchange.head_seen = true;
    const RequestHead head = read_head(connection, exchange.uri_bytes);
    if (auto refusal = refuse_from_head(head, impl.options.max_body_bytes)) {
      return send(connection, *refusal);  // queued before the body: the connection closes
    }
    exchange.body_bytes = stated_body_bytes(head);
    return MHD_YES;
  }
  if (*upload_bytes > 0) {
    // The Content-Length bounds what libmicrohttpd passes on; past it, end
    // the connection rather than grow the buffer.
    if (exchange.body.size() + *upload_bytes > exchange.body_bytes) return MHD_NO;
    exchange.body.append(upload, *upload_bytes);
    *upload_bytes = 0;
    return MHD_YES;
  }
  if (exchange.replied.load(std::memory_order_acquire)) return send(connection, exchange.reply);
  if (exchange.handed_over || exchange.body.size() < exchange.body_bytes) return MHD_YES;
  if (url[0] != '/') {  // "OPTIONS *", or a proxy's absolute URI
    return send(connection, problem(404, "not-found", "No such resource"));
  }
  exchange.handed_over = true;
  exchange.call = to_call(connection, method, url, std::move(exchange.body));
  MHD_suspend_connection(connection);
  Exchange* const pending = &exchange;
  impl.handlers.submit([&impl, pending, connection](bool run) {
    pending->reply = run ? handle(impl.hub, pending->call)
                         : problem(503, "unavailable", "The hub is shutting down");
    pending->replied.store(true, std::memory_order_release);
    MHD_resume_connection(connection);
  });
  return MHD_YES;
}

// The socket address for a numeric host, or false.
bool socket_address(const std::string& host, int port, sockaddr_storage* address) {
  std::memset(address, 0, sizeof *address);
  auto* v4 = reinterpret_cast<sockaddr_in*>(address);
  if (inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(static_cast<uint16_t>(port));
    return true;
  }
  auto* v6 = reinterpret_cast<sockaddr_in6*>(address);
  if (inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(static_cast<uint16_t>(port));
    return true;
  }
  return false;
}

}  // namespace

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() {
  stop();
}

std::unique_ptr<Server> Server::start(Hub& hub, const ServerOptions& options, std::string* error) {
  sockaddr_storage address;
  if (options.port < 0 || options.port > 65535 ||
      !socket_address(options.host, options.port, &address)) {
    *error = "not a numeric address and port: " + options.host + ":" + std::to_string(options.port);
    return nullptr;
  }
  auto impl = std::make_unique<Impl>(hub, options);
  unsigned flags =
      MHD_USE_TLS | MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
  if (address.ss_family == AF_INET6) flags |= MHD_USE_IPv6;
  impl->daemon = MHD_start_daemon(
      flags, static_cast<uint16_t>(options.port), nullptr, nullptr, &on_request, impl.get(),
      MHD_OPTION_SOCK_ADDR, &address, MHD_OPTION_HTTPS_MEM_CERT,
      options.identity.certificate_pem.c_str(), MHD_OPTION_HTTPS_MEM_KEY,
      options.identity.private_key_pem.c_str(), MHD_OPTION_HTTPS_PRIORITIES, kTlsPriorities,
      MHD_OPTION_THREAD_POOL_SIZE, static_cast<unsigned>(options.io_threads),
      MHD_OPTION_CONNECTION_TIMEOUT, options.idle_timeout_s, MHD_OPTION_CONNECTION_LIMIT,
      options.max_connections, MHD_OPTION_PER_IP_CONNECTION_LIMIT, options.max_connections_per_ip,
      MHD_OPTION_LISTEN_BACKLOG_SIZE, options.listen_backlog, MHD_OPTION_URI_LOG_CALLBACK,
      &on_request_line, nullptr, MHD_OPTION_NOTIFY_COMPLETED, &on_completed, nullptr,
      MHD_OPTION_EXTERNAL_LOGGER, &log_while_starting, impl.get(), MHD_OPTION_END);
  {
    std::lock_guard lock(impl->log_mutex);
    impl->starting = false;
  }
  if (!impl->daemon) {
    while (!impl->start_log.empty() && impl->start_log.back() == '\n') impl->start_log.pop_back();
    *error = "cannot serve HTTPS on " + options.host + ":" + std::to_string(options.port) + ": " +
             (impl->start_log.empty() ? "libmicrohttpd did not start" : impl->start_log);
    return nullptr;
  }
  const MHD_DaemonInfo* bound = MHD_get_daemon_info(impl->daemon, MHD_DAEMON_INFO_BIND_PORT);
  impl->port = bound ? bound->port : options.port;
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const {
  return impl_->port;
}

void Server::stop() {
  if (!impl_ || !impl_->daemon) return;
  // Every suspended connection is resumed first (by its handler, or with a
  // 503 for one that never ran): libmicrohttpd must not stop with any left.
  impl_->handlers.stop();
  MHD_stop_daemon(impl_->daemon);
  impl_->daemon = nullptr;
}

}  // namespace ih::hub
