// A reference hub on loopback over real HTTPS, for the API, network and fault
// tests: a fresh database in a temporary folder, a development certificate
// (made once per process), a clock the test can move, and fast PIN hashing.
//
// The API tests can also run against another server implementing
// api/openapi.yaml. Set
//   ICHHELFE_API_URL                 https://… of the server
//   ICHHELFE_API_CA                  a PEM file to trust (else the system's store)
//   ICHHELFE_API_ENROLMENT_COMMAND   a shell command that prints a fresh enrolment code
// and the tests that need the reference hub's insides (its clock, its
// database, seeded helpers, staff) skip themselves.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "hub/hub.h"
#include "hub/server.h"
#include "net/api_client.h"
#include "net/http_client.h"
#include "net/outbox.h"
#include "net/terminal.h"

namespace ih::test {

// A temporary folder, removed with everything in it at the end.
struct TempDir {
  TempDir();
  ~TempDir();
  std::filesystem::path path;
};

// The development identity all test hubs share, and its PEM file.
const hub::TlsIdentity& test_identity();
std::string test_ca_file();

class TestHub {
 public:
  TestHub();
  ~TestHub();

  // Whether the tests talk to another server (see above).
  bool remote() const { return remote_; }
  hub::Hub& hub() { return *hub_; }
  int port() const { return server_->port(); }
  // Client settings that trust the test certificate and pin its key.
  net::HttpConfig client_config(int port = 0) const;
  void advance_clock(int64_t seconds) { offset_ += seconds; }
  int64_t now() const;
  void stop_server();
  void start_server();

  // An enrolment code, and a terminal enrolled with it (its outbox in `dir`).
  std::string enrolment_code();
  struct EnrolledTerminal {
    std::unique_ptr<net::Outbox> outbox;
    net::TerminalIdentity identity;
  };
  EnrolledTerminal enrol(const std::filesystem::path& dir);

  // Raw calls, for the error cases the typed client never makes.
  net::HttpResponse send(const std::string& method, const std::string& path,
                         const net::Caller& caller = {}, const std::string& body = {},
                         const std::string& key = {});
  nlohmann::json json(const net::HttpResponse& response) const;

  TempDir dir;

 private:
  bool remote_ = false;
  std::string pinned_key_;
  std::atomic<int64_t> offset_{0};
  hub::HubPtr hub_;
  std::unique_ptr<hub::Server> server_;
  int last_port_ = 0;
};

// A fresh random idempotency key.
std::string key();

}  // namespace ih::test
