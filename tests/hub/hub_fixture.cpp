#include "tests/hub/hub_fixture.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>

#include "api/secret.h"
#include "hub/db_postgres.h"
#include "hub/tls_identity.h"

namespace ih::test {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "ichhelfe-test-XXXXXX").string();
  path = mkdtemp(pattern.data());
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

const hub::TlsIdentity& test_identity() {
  static const hub::TlsIdentity identity = [] {
    std::string error;
    auto made = hub::make_development_identity({"localhost", "127.0.0.1"}, &error);
    if (!made) std::abort();
    return *made;
  }();
  return identity;
}

std::string test_ca_file() {
  static const TempDir dir;
  static const std::string path = [] {
    const std::string file = (dir.path / "ca.pem").string();
    std::ofstream(file) << test_identity().certificate_pem;
    return file;
  }();
  return path;
}

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

}  // namespace

bool testing_postgres() {
  return env("ICHHELFE_TEST_STORE") == "postgresql";
}

TestStore::TestStore(const std::filesystem::path& dir) : dir_(dir) {
  if (!testing_postgres()) return;
  server_ = env("ICHHELFE_TEST_POSTGRES");
  if (server_.empty()) {
    // A run meant for PostgreSQL must not pass on SQLite unnoticed.
    std::fprintf(stderr,
                 "ICHHELFE_TEST_STORE=postgresql needs ICHHELFE_TEST_POSTGRES, a libpq connection "
                 "string of a server (scripts/postgres-for-tests starts one)\n");
    std::abort();
  }
  std::random_device random;
  char name[40];
  std::snprintf(name, sizeof name, "ichhelfe_test_%08x%08x", random(), random());
  database_ = name;
  std::string error;
  if (!hub::postgres_admin(server_, "CREATE DATABASE " + database_, &error)) {
    std::fprintf(stderr, "cannot make a test database: %s\n", error.c_str());
    std::abort();
  }
}

TestStore::~TestStore() {
  if (!postgres()) return;
  std::string error;
  if (!hub::postgres_admin(server_, "DROP DATABASE " + database_ + " WITH (FORCE)", &error)) {
    ADD_FAILURE() << "cannot drop " << database_ << ": " << error;
  }
}

hub::Config TestStore::config() const {
  hub::Config config;
  config.db_path = (dir_ / "hub.db").string();
  config.key_path = (dir_ / "hub.db.key").string();
  if (postgres()) config.postgres = hub::postgres_with_database(server_, database_);
  config.pin_cost = hub::PinCost::Minimal;
  return config;
}

TestHub::TestHub() {
  remote_ = !env("ICHHELFE_API_URL").empty();
  if (remote_) return;
  store_ = std::make_unique<TestStore>(dir.path);
  hub::Config config = store_->config();
  config.tls_public_key_pin = *hub::public_key_pin(test_identity().certificate_pem);
  config.clock = [this] { return now(); };
  std::string error;
  hub_ = hub::open_hub(std::move(config), &error);
  if (!hub_) ADD_FAILURE() << error;
  start_server();
}

TestHub::~TestHub() {
  stop_server();
  // Before its store: a PostgreSQL database is dropped with the TestStore.
  hub_.reset();
}

void TestHub::start_server() {
  if (remote_) return;
  std::string error;
  // Restart on the same port, so clients configured before keep working.
  hub::ServerOptions options;
  options.port = last_port_;
  options.identity = test_identity();
  // Every test client comes from 127.0.0.1, some tests with hundreds of
  // connections; the limit per address has a test of its own.
  options.max_connections_per_ip = 0;
  server_ = hub::Server::start(*hub_, options, &error);
  if (!server_) {
    ADD_FAILURE() << error;
    return;
  }
  last_port_ = server_->port();
}

void TestHub::stop_server() {
  if (server_) server_->stop();
  server_.reset();
}

int64_t TestHub::now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
             .count() +
         offset_.load();
}

net::HttpConfig TestHub::client_config(int port) const {
  net::HttpConfig config;
  if (remote_) {
    config.base_url = env("ICHHELFE_API_URL");
    config.ca_file = env("ICHHELFE_API_CA");
    config.pinned_public_key = pinned_key_;
    return config;
  }
  config.base_url = "https://127.0.0.1:" + std::to_string(port ? port : last_port_);
  config.ca_file = test_ca_file();
  config.pinned_public_key = *hub::public_key_pin(test_identity().certificate_pem);
  config.connect_timeout_ms = 2000;
  config.total_timeout_ms = 5000;
  return config;
}

std::string TestHub::enrolment_code() {
  if (!remote_) return hub::issue_enrolment_code(*hub_, 3600);
  std::string code;
  if (FILE* out = popen(env("ICHHELFE_API_ENROLMENT_COMMAND").c_str(), "r")) {
    char line[128] = {};
    if (std::fgets(line, sizeof line, out)) code = line;
    pclose(out);
  }
  while (!code.empty() && (code.back() == '\n' || code.back() == '\r')) code.pop_back();
  EXPECT_FALSE(code.empty()) << "ICHHELFE_API_ENROLMENT_COMMAND printed no code";
  return code;
}

TestHub::EnrolledTerminal TestHub::enrol(const std::filesystem::path& dir) {
  EnrolledTerminal terminal;
  auto opened = net::Outbox::open((dir / "outbox.db").string());
  terminal.outbox = std::move(opened.outbox);
  net::HttpClient client(client_config());
  auto outcome = net::enrol(client, *terminal.outbox, enrolment_code(), "test terminal", "test");
  EXPECT_TRUE(outcome.identity) << outcome.error;
  if (outcome.identity) terminal.identity = *outcome.identity;
  // Against another server, pin what it announced at enrolment.
  if (remote_ && outcome.identity) pinned_key_ = outcome.identity->tls_public_key_pin;
  return terminal;
}

net::HttpResponse TestHub::send(const std::string& method, const std::string& path,
                                const net::Caller& caller, const std::string& body,
                                const std::string& key) {
  net::HttpClient client(client_config());
  return client.send(net::make_request(method, path, caller, body, key));
}

nlohmann::json TestHub::json(const net::HttpResponse& response) const {
  return nlohmann::json::parse(response.body, nullptr, false);
}

std::string key() {
  return api::mint_idempotency_key();
}

}  // namespace ih::test
