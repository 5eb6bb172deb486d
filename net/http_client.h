// An HTTPS client on libcurl for talking to the platform. Certificate
// verification is always on; once a terminal is enrolled the server's public
// key is pinned as well. Every call blocks until it has an answer or a
// timeout: call it from the sync engine's thread or a Background worker
// (background.h), never from the UI thread. One HttpClient per thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ih::net {

struct HttpConfig {
  std::string base_url;           // "https://hub.example:8443", no trailing '/'
  std::string ca_file;            // PEM bundle to trust; empty: the system's store
  std::string pinned_public_key;  // "sha256//…" as curl pins it; empty: not pinned
  std::string proxy;              // e.g. "http://proxy.shelter.lan:3128"; empty: none
  long connect_timeout_ms = 10'000;
  long total_timeout_ms = 30'000;
  // A transfer slower than this many bytes per second for low_speed_time_s
  // is abandoned: on a captive or dying network that comes long before the
  // total timeout.
  long low_speed_bytes_per_s = 64;
  long low_speed_time_s = 15;
  size_t max_reply_bytes = 1 << 20;
  // When set, a call ends (Transport::Failed) within about a second of it
  // turning true: a person's session ended, and their fetch may not hold up
  // the wipe. The flag must outlive the client.
  const std::atomic<bool>* cancel = nullptr;
};

// Why a call got no HTTP answer. Categories only: they reach logs and the
// heartbeat, so they never carry data from the call.
enum class Transport { Ok, NoRoute, Timeout, Tls, PinMismatch, ReplyTooLarge, Failed };
const char* transport_name(Transport t);

struct HttpRequest {
  std::string method = "GET";
  std::string path;  // "/v1/requests?limit=20"
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // sent as application/json when not empty
};

struct HttpResponse {
  Transport transport = Transport::Ok;
  long status = 0;  // valid when transport is Ok
  std::string body;
  std::string retry_after;                                   // the Retry-After header, if any
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string header(std::string_view lower_case_name) const;
};

class HttpClient {
 public:
  explicit HttpClient(HttpConfig config);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResponse send(const HttpRequest& request);

 private:
  HttpConfig config_;
  void* curl_ = nullptr;  // CURL*, kept for connection reuse
};

}  // namespace ih::net
