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
//
// The reference hub keeps its state in SQLite in the temporary folder, or,
// with ICHHELFE_TEST_STORE=postgresql, in a fresh PostgreSQL database, made
// on the server that ICHHELFE_TEST_POSTGRES names (a libpq connection string)
// and dropped at the end. ctest runs the hub's suite both ways (the second
// with the prefix "postgresql."); scripts/postgres-for-tests starts a server
// for them. Without ICHHELFE_TEST_POSTGRES, that second run fails.
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

// Where one test's hub keeps its state (see above); two hubs given the same
// TestStore's config() share it, as two hub processes on one PostgreSQL do.
class TestStore {
 public:
  explicit TestStore(const std::filesystem::path& dir);
  ~TestStore();
  TestStore(const TestStore&) = delete;
  TestStore& operator=(const TestStore&) = delete;

  bool postgres() const { return !database_.empty(); }
  // A configuration for a hub on this store: its database, its key file in
  // the folder, fast PIN hashing.
  hub::Config config() const;

 private:
  std::string server_;    // ICHHELFE_TEST_POSTGRES
  std::string database_;  // the database made for this store, or empty for SQLite
  std::filesystem::path dir_;
};

// Whether test hubs keep their state in PostgreSQL (ICHHELFE_TEST_STORE).
bool testing_postgres();

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
  std::unique_ptr<TestStore> store_;
  hub::HubPtr hub_;
  std::unique_ptr<hub::Server> server_;
  int last_port_ = 0;
};

// A fresh random idempotency key.
std::string key();

}  // namespace ih::test
