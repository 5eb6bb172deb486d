#include "hub/server.h"

#include <httplib.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <optional>
#include <thread>

#include "hub/problem.h"

namespace ih::hub {

struct Server::Impl {
  std::unique_ptr<httplib::SSLServer> http;
  std::thread thread;
  int port = 0;
};

namespace {

constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

// The problem for an error the HTTP library answered itself, by its status.
Reply library_problem(int status) {
  switch (status) {
    case 400:
      return problem(400, "malformed-request", "The request cannot be parsed");
    case 404:
      return problem(404, "not-found", "No such resource");
    case 413:
      return problem(413, "payload-too-large", "The body is larger than 64 KiB");
    case 414:
      return problem(414, "uri-too-long", "The request's URI is too long");
    default:
      return status >= 500 ? problem(status, "internal", "The server failed to answer")
                           : problem(status, "malformed-request", "The request cannot be served");
  }
}

// A refusal of how a request frames its body, decided from its headers
// alone, before the HTTP library reads the body: it would read a chunked body
// of any size, and for a Content-Length over the limit (or a negative one,
// which it reads as huge) it skips as many bytes, holding a worker until the
// client stops sending or the read timeout ends it. nullopt: read the body.
std::optional<Reply> refuse_body_framing(const httplib::Request& req, size_t max_body_bytes) {
  if (req.has_header("Transfer-Encoding")) {
    return problem(411, "length-required", "A body must come with a Content-Length");
  }
  const size_t lengths = req.get_header_value_count("Content-Length");
  if (lengths == 0) return std::nullopt;
  if (lengths > 1) return problem(400, "malformed-request", "More than one Content-Length");
  const std::string text = req.get_header_value("Content-Length");
  // RFC 9110: 1*DIGIT. No sign, no spaces inside, no other notation.
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
    return problem(400, "malformed-request", "The Content-Length is not a length");
  }
  const size_t first = text.find_first_not_of('0');
  const std::string digits = first == std::string::npos ? "0" : text.substr(first);
  // 18 digits fit in 64 bits; anything longer is over any limit.
  if (digits.size() > 18 || std::stoull(digits) > max_body_bytes) {
    return problem(413, "payload-too-large", "The body is larger than 64 KiB");
  }
  return std::nullopt;
}

bool use_identity(SSL_CTX& ctx, const TlsIdentity& identity) {
  BIO* cert_bio = BIO_new_mem_buf(identity.certificate_pem.data(),
                                  static_cast<int>(identity.certificate_pem.size()));
  BIO* key_bio = BIO_new_mem_buf(identity.private_key_pem.data(),
                                 static_cast<int>(identity.private_key_pem.size()));
  X509* cert = PEM_read_bio_X509(cert_bio, nullptr, nullptr, nullptr);
  EVP_PKEY* key = PEM_read_bio_PrivateKey(key_bio, nullptr, nullptr, nullptr);
  // TLS 1.3's suites are all AEAD; for TLS 1.2, only forward-secret AEAD
  // suites (Mozilla's "intermediate" list without DHE): no CBC, whose
  // padding and MAC-then-encrypt keep giving rise to oracles.
  const bool ok = cert && key && SSL_CTX_use_certificate(&ctx, cert) == 1 &&
                  SSL_CTX_use_PrivateKey(&ctx, key) == 1 && SSL_CTX_check_private_key(&ctx) == 1 &&
                  SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION) == 1 &&
                  SSL_CTX_set_cipher_list(&ctx, kTls12Ciphers) == 1;
  SSL_CTX_set_options(&ctx, SSL_OP_CIPHER_SERVER_PREFERENCE);
  X509_free(cert);
  EVP_PKEY_free(key);
  BIO_free(cert_bio);
  BIO_free(key_bio);
  return ok;
}

Call to_call(const httplib::Request& req) {
  Call call;
  call.method = req.method;
  call.path = req.path;
  for (const auto& [key, value] : req.params) call.query.emplace_back(key, value);
  call.terminal_credential = req.get_header_value("Terminal-Credential");
  const std::string authorization = req.get_header_value("Authorization");
  if (authorization.rfind("Bearer ", 0) == 0) call.bearer = authorization.substr(7);
  call.idempotency_key = req.get_header_value("Idempotency-Key");
  call.content_type = req.get_header_value("Content-Type");
  call.body = req.body;
  return call;
}

void send(const Reply& reply, httplib::Response& res) {
  res.status = reply.status;
  for (const auto& [name, value] : reply.headers) res.set_header(name, value);
  if (!reply.body.empty()) res.set_content(reply.body, reply.content_type);
}

}  // namespace

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() {
  stop();
}

std::unique_ptr<Server> Server::start(Hub& hub, const ServerOptions& options, std::string* error) {
  auto impl = std::make_unique<Impl>();
  const TlsIdentity identity = options.identity;
  impl->http = std::make_unique<httplib::SSLServer>(
      [identity](SSL_CTX& ctx) { return use_identity(ctx, identity); });
  if (!impl->http->is_valid()) {
    *error = "the TLS certificate or key is not usable";
    return nullptr;
  }
  httplib::SSLServer& http = *impl->http;
  const size_t threads = options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(options.max_body_bytes);
  // Headers and body go out in separate writes; with Nagle on, each reply
  // would wait for the client's delayed ACK (40 ms on Linux).
  http.set_tcp_nodelay(true);
  http.set_read_timeout(10, 0);
  http.set_write_timeout(10, 0);
  const auto serve = [&hub](const httplib::Request& req, httplib::Response& res) {
    send(handle(hub, to_call(req)), res);
  };
  const size_t max_body_bytes = options.max_body_bytes;
  http.set_pre_routing_handler(
      [max_body_bytes](const httplib::Request& req, httplib::Response& res) {
        const auto refusal = refuse_body_framing(req, max_body_bytes);
        if (!refusal) return httplib::Server::HandlerResponse::Unhandled;
        send(*refusal, res);
        // The body was not read, so nothing more on this connection can be.
        res.set_header("Connection", "close");
        return httplib::Server::HandlerResponse::Handled;
      });
  http.Get(".*", serve);
  http.Post(".*", serve);
  http.Delete(".*", serve);
  http.Put(".*", serve);
  http.Patch(".*", serve);
  // Errors httplib answers itself (a body over the limit, a URI too long, a
  // request it cannot parse or route, such as OPTIONS *) get a problem body
  // like every other error.
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) send(library_problem(res.status), res);
  });
  impl->port = options.port == 0
                   ? http.bind_to_any_port(options.host)
                   : (http.bind_to_port(options.host, options.port) ? options.port : -1);
  if (impl->port <= 0) {
    *error = "cannot listen on " + options.host + ":" + std::to_string(options.port);
    return nullptr;
  }
  impl->thread = std::thread([&http] { http.listen_after_bind(); });
  // httplib's stop() does nothing before the loop runs; wait for it, so that
  // a stop() right after start() cannot leave the thread serving forever.
  while (!http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const {
  return impl_->port;
}

void Server::stop() {
  if (!impl_ || !impl_->thread.joinable()) return;
  impl_->http->stop();
  impl_->thread.join();
}

}  // namespace ih::hub
