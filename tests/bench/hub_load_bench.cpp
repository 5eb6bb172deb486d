// Many terminals against hub processes on one store, over real HTTPS on
// loopback: two hub processes sharing a PostgreSQL database, or one on SQLite.
// Each simulated terminal enrols and registers a person, then, for a fixed
// time, sends what a terminal sends: sealed envelopes with new requests,
// heartbeats, logins and polls of the person's conversations, with a short
// pause between calls. It prints calls/s, p50, p99 and errors per kind.
//
//   hub_load_bench [--store postgresql|sqlite] [--terminals N] [--seconds S] [--crash]
//                                     (defaults: postgresql, 1000 terminals, 10 s)
//
// PostgreSQL comes from ICHHELFE_TEST_POSTGRES (scripts/postgres-for-tests);
// the bench makes a database of its own on it and drops it at the end.
//
// --crash SIGKILLs the first hub process halfway through. A terminal whose
// call fails then sends it again, same idempotency key, to the other hub, as
// a load balancer would. At the end every envelope answered 2xx must have
// made exactly one request, and the other hub must have answered envelopes
// after the kill; the bench says so and exits 1 if not. ctest runs it so, a
// few seconds long (hub_crash in tests/CMakeLists.txt).
//
// The hub processes are forked from this one before it starts any thread,
// each a Hub and a Server as ichhelfe-hub runs them; this process keeps a Hub
// of its own on the same store for enrolment codes and for counting. PINs
// are hashed at the cheapest cost, so logins measure the store, not Argon2.
//
// Not a test: it runs only when asked, sends traffic to 127.0.0.1 only, and
// stops by itself.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "api/personal_code.h"
#include "api/secret.h"
#include "hub/db_postgres.h"
#include "hub/hub.h"
#include "hub/server.h"
#include "hub/tls_identity.h"
#include "net/api_client.h"
#include "net/envelope.h"
#include "tests/hub/call_samples.h"
#include "tests/hub/slow_clients.h"

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A hub process: forked, opens its Hub and Server, writes its port to
// `report`, and serves until it is killed.
pid_t start_hub_process(const ih::hub::Config& config, const ih::hub::TlsIdentity& identity,
                        int* port) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return -1;
  const pid_t pid = fork();
  if (pid == 0) {
    close(pipe_fds[0]);
    std::string error;
    auto hub = ih::hub::open_hub(config, &error);
    ih::hub::ServerOptions options;
    options.identity = identity;
    options.max_connections_per_ip = 0;  // every terminal comes from 127.0.0.1
    auto server = hub ? ih::hub::Server::start(*hub, options, &error) : nullptr;
    const int listening = server ? server->port() : -1;
    if (!server) std::fprintf(stderr, "hub_load_bench: hub process: %s\n", error.c_str());
    if (write(pipe_fds[1], &listening, sizeof listening) != sizeof listening) _exit(1);
    close(pipe_fds[1]);
    // SIGTERM or SIGKILL ends it; nothing of it needs to be cleaned up.
    for (;;) pause();
  }
  close(pipe_fds[1]);
  const bool got = pid > 0 && read(pipe_fds[0], port, sizeof *port) == sizeof *port && *port > 0;
  close(pipe_fds[0]);
  return got ? pid : -1;
}

enum Kind { kEnvelope, kHeartbeat, kLogin, kPoll, kKinds };
const char* const kNames[] = {"envelope (new request)", "heartbeat", "login", "poll conversations"};

}  // namespace

int main(int argc, char** argv) {
  std::string store = "postgresql";
  int terminals = 1000;
  double seconds = 10;
  bool crash = false;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (!std::strcmp(argv[i], "--crash")) {
      crash = true;
    } else if (has_value && !std::strcmp(argv[i], "--store")) {
      store = argv[++i];
    } else if (has_value && !std::strcmp(argv[i], "--terminals")) {
      terminals = std::max(1, std::atoi(argv[++i]));
    } else if (has_value && !std::strcmp(argv[i], "--seconds")) {
      seconds = std::max(1.0, std::atof(argv[++i]));
    } else {
      std::fprintf(stderr,
                   "usage: %s [--store postgresql|sqlite] [--terminals N] "
                   "[--seconds S] [--crash]\n",
                   argv[0]);
      return 2;
    }
  }
  const bool postgres = store == "postgresql";
  const char* server = std::getenv("ICHHELFE_TEST_POSTGRES");
  if (postgres && (!server || !*server)) {
    std::fprintf(stderr, "hub_load_bench: run it with scripts/postgres-for-tests\n");
    return 1;
  }
  if (crash && !postgres) {
    std::fprintf(stderr, "hub_load_bench: --crash needs two hub processes: PostgreSQL\n");
    return 2;
  }
  if (!ih::test::ensure_open_file_limit(static_cast<size_t>(terminals) * 4 + 200)) {
    std::fprintf(stderr, "hub_load_bench: too few descriptors for %d terminals\n", terminals);
    return 1;
  }
  char folder[] = "/tmp/hub-load-bench-XXXXXX";
  if (!mkdtemp(folder)) return 1;
  const std::string dir = folder;
  std::string error;
  const auto identity = ih::hub::make_development_identity({"127.0.0.1"}, &error);
  const std::string ca = dir + "/ca.pem";
  std::ofstream(ca) << identity->certificate_pem;

  ih::hub::Config config;
  config.db_path = dir + "/hub.db";
  config.key_path = dir + "/hub.db.key";
  config.pin_cost = ih::hub::PinCost::Minimal;
  config.tls_public_key_pin = *ih::hub::public_key_pin(identity->certificate_pem);
  std::string database;
  if (postgres) {
    database = "ichhelfe_load_" + std::to_string(getpid());
    if (!ih::hub::postgres_admin(server, "CREATE DATABASE " + database, &error)) {
      std::fprintf(stderr, "hub_load_bench: %s\n", error.c_str());
      return 1;
    }
    config.postgres = ih::hub::postgres_with_database(server, database);
  }
  {
    // The key file before any hub: every process reads the same one.
    std::random_device random;
    std::string key;
    for (int i = 0; i < 32; ++i) key += static_cast<char>(random() & 0xff);
    std::ofstream(config.key_path, std::ios::binary) << key;
    std::filesystem::permissions(
        config.key_path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  }
  std::vector<pid_t> pids;
  std::vector<int> ports;
  for (int h = 0; h < (postgres ? 2 : 1); ++h) {
    int port = 0;
    const pid_t pid = start_hub_process(config, *identity, &port);
    if (pid < 0) return 1;
    pids.push_back(pid);
    ports.push_back(port);
  }
  auto admin = ih::hub::open_hub(config, &error);
  if (!admin) {
    std::fprintf(stderr, "hub_load_bench: %s\n", error.c_str());
    return 1;
  }
  std::vector<std::string> codes;
  for (int t = 0; t < terminals; ++t) codes.push_back(ih::hub::issue_enrolment_code(*admin, 3600));

  std::mutex mutex;
  ih::test::CallSamples samples[kKinds];
  std::vector<std::string> acknowledged;  // texts of requests answered 2xx
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
  std::atomic<bool> killed{false};
  // Envelopes the surviving hub (the second, index 1 of `ports`) answered
  // 2xx after the first was killed: taken over, not merely in flight.
  std::atomic<int> acknowledged_after_kill{0};
  const auto duration = std::chrono::duration<double>(seconds);
  std::vector<std::thread> threads;
  for (int t = 0; t < terminals; ++t) {
    threads.emplace_back([&, t] {
      std::vector<std::unique_ptr<ih::net::HttpClient>> clients;
      for (const int port : ports) {
        ih::net::HttpConfig http;
        http.base_url = "https://127.0.0.1:" + std::to_string(port);
        http.ca_file = ca;
        http.pinned_public_key = config.tls_public_key_pin;
        http.connect_timeout_ms = 5000;
        http.total_timeout_ms = 15000;
        clients.push_back(std::make_unique<ih::net::HttpClient>(http));
      }
      size_t hub = static_cast<size_t>(t) % clients.size();
      // Sends `request`; on a failed transport or a 5xx, the same request to
      // the other hub (up to 8 tries, for a crash).
      const auto send = [&](const ih::net::HttpRequest& request) {
        ih::net::HttpResponse response;
        for (int attempt = 0; attempt < 8; ++attempt) {
          response = clients[hub]->send(request);
          if (response.transport == ih::net::Transport::Ok && response.status < 500) break;
          hub = (hub + 1) % clients.size();
        }
        return response;
      };
      const std::string secret = ih::api::mint_secret();
      const auto enrolled =
          send(ih::net::make_request("POST", "/v1/terminals", {},
                                     json{{"enrolment_code", codes[static_cast<size_t>(t)]},
                                          {"device_secret", secret},
                                          {"name", "bench"},
                                          {"version", "bench"}}
                                         .dump(),
                                     ih::api::mint_idempotency_key()));
      ++ready;
      if (enrolled.status != 201) return;
      const json terminal = json::parse(enrolled.body);
      const ih::net::Caller caller{terminal["terminal_id"].get<std::string>() + "." + secret, {}};
      const auto box_key =
          ih::api::from_base64(terminal["server_box_public_key"].get<std::string>());
      const std::string code =
          *ih::api::make_personal_code(terminal["code_prefix"].get<std::string>(), 1);
      const std::string token = ih::api::mint_secret();
      send(ih::net::make_request("POST", "/v1/accounts", caller,
                                 json{{"personal_code", code},
                                      {"display_name", "Bench"},
                                      {"languages", {"de"}},
                                      {"town", "Dresden"},
                                      {"pin", "1234"},
                                      {"session_token", token}}
                                     .dump(),
                                 ih::api::mint_idempotency_key()));
      while (!go) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      const auto deadline = Clock::now() + duration;
      ih::test::CallSamples local[kKinds];
      std::vector<std::string> mine;
      std::minstd_rand pause(static_cast<unsigned>(t));
      for (unsigned n = static_cast<unsigned>(t); Clock::now() < deadline; ++n) {
        // A terminal is not a load generator: a person takes a moment.
        std::this_thread::sleep_for(std::chrono::milliseconds(50 + pause() % 100));
        const Kind kind = n % 10 < 3   ? kEnvelope
                          : n % 10 < 6 ? kHeartbeat
                          : n % 10 < 7 ? kLogin
                                       : kPoll;
        const std::string key = ih::api::mint_idempotency_key();
        const std::string text = "bench " + std::to_string(t) + " " + std::to_string(n);
        ih::net::HttpRequest request;
        if (kind == kEnvelope) {
          const ih::net::QueuedCall call{"POST",
                                         "/v1/requests",
                                         key,
                                         token,
                                         {{"category", "other"},
                                          {"when", {{"part_of_day", "any"}}},
                                          {"town", "Dresden"},
                                          {"helper_language", "de"},
                                          {"text", text}},
                                         unix_now()};
          const auto sealed = ih::net::seal_call(call, *box_key);
          request =
              ih::net::make_request("POST", "/v1/envelopes", caller,
                                    json{{"sealed", ih::api::to_base64(*sealed)}}.dump(), key);
        } else if (kind == kHeartbeat) {
          request = ih::net::make_request("POST", "/v1/terminals/self/heartbeat", caller,
                                          R"({"version":"bench","outbox_depth":0})", key);
        } else if (kind == kLogin) {
          request = ih::net::make_request("POST", "/v1/sessions", caller,
                                          json{{"personal_code", code},
                                               {"pin", "1234"},
                                               {"session_token", ih::api::mint_secret()}}
                                              .dump(),
                                          key);
        } else {
          request = ih::net::make_request("GET", "/v1/conversations?limit=20",
                                          {caller.terminal_credential, token});
        }
        const auto start = Clock::now();
        const auto response = send(request);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        if (response.transport != ih::net::Transport::Ok || response.status >= 300) {
          ++local[kind].errors;
        } else {
          local[kind].ms.push_back(ms);
          if (kind == kEnvelope) {
            mine.push_back(text);
            if (killed && hub != 0) ++acknowledged_after_kill;
          }
        }
      }
      std::lock_guard lock(mutex);
      for (int k = 0; k < kKinds; ++k) {
        samples[k].ms.insert(samples[k].ms.end(), local[k].ms.begin(), local[k].ms.end());
        samples[k].errors += local[k].errors;
      }
      acknowledged.insert(acknowledged.end(), mine.begin(), mine.end());
    });
  }
  // Every terminal enrolled and registered before the clock starts.
  while (ready < terminals) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::this_thread::sleep_for(std::chrono::seconds(1));
  go = true;
  if (crash) {
    std::this_thread::sleep_for(duration / 2);
    kill(pids[0], SIGKILL);
    killed = true;
    std::printf("hub_load_bench: SIGKILL to the first hub process after %.0f s\n", seconds / 2);
  }
  for (auto& thread : threads) thread.join();

  std::printf(
      "hub_load_bench: %d terminals, %.0f s, %zu hub process%s on %s, %u hardware threads\n",
      terminals, seconds, pids.size(), pids.size() > 1 ? "es" : "", store.c_str(),
      std::thread::hardware_concurrency());
  ih::test::print_call_table(kNames, samples, kKinds, seconds);

  // Every acknowledged request is there exactly once.
  int missing = 0;
  int doubled = 0;
  for (const std::string& text : acknowledged) {
    const int64_t count =
        ih::hub::query_int(*admin, "SELECT count(*) FROM requests WHERE text = ?1", text);
    missing += count == 0 ? 1 : 0;
    doubled += count > 1 ? 1 : 0;
  }
  const int64_t stored = ih::hub::query_int(*admin, "SELECT count(*) FROM requests");
  std::printf("  acknowledged requests %zu, stored %lld, missing %d, more than once %d\n",
              acknowledged.size(), static_cast<long long>(stored), missing, doubled);
  const bool survived = !crash || acknowledged_after_kill > 0;
  if (crash)
    std::printf("  acknowledged by the other hub after the kill %d%s\n",
                acknowledged_after_kill.load(),
                survived ? "" : ": the other hub took no envelopes");

  for (const pid_t pid : pids) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }
  admin.reset();
  if (postgres)
    ih::hub::postgres_admin(server, "DROP DATABASE " + database + " WITH (FORCE)", &error);
  std::filesystem::remove_all(dir);
  return missing == 0 && doubled == 0 && survived && !acknowledged.empty() ? 0 : 1;
}
