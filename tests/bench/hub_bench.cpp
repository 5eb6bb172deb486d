// Drives the reference hub with many simulated terminals at once, over real
// HTTPS on loopback, and reports throughput and p50/p99 latency per call.
// Each terminal enrols, registers a person, and then for a fixed time posts
// requests through sealed envelopes (half its calls), lists the person's
// requests (a third) and sends heartbeats (the rest).
//
//   hub_bench [--terminals N] [--seconds S]      (defaults: 32 terminals, 10 s)
//
// Not a test: it asserts nothing and runs only when asked. It sends traffic to
// 127.0.0.1 only, and stops by itself.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "api/personal_code.h"
#include "api/secret.h"
#include "hub/hub.h"
#include "hub/server.h"
#include "hub/tls_identity.h"
#include "net/api_client.h"
#include "net/envelope.h"
#include "net/outbox.h"
#include "net/terminal.h"
#include "tests/hub/call_samples.h"

namespace {

using Clock = std::chrono::steady_clock;

int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

int main(int argc, char** argv) {
  int terminals = 32;
  double seconds = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--terminals")) terminals = std::max(1, std::atoi(argv[i + 1]));
    if (!std::strcmp(argv[i], "--seconds")) seconds = std::max(1.0, std::atof(argv[i + 1]));
  }
  char folder[] = "/tmp/hub-bench-XXXXXX";
  if (!mkdtemp(folder)) return 1;
  const std::string dir = folder;
  std::string error;
  const auto identity = ih::hub::make_development_identity({"127.0.0.1"}, &error);
  const std::string ca = dir + "/ca.pem";
  if (FILE* f = std::fopen(ca.c_str(), "w")) {
    std::fputs(identity->certificate_pem.c_str(), f);
    std::fclose(f);
  }
  ih::hub::Config config;
  config.db_path = dir + "/hub.db";
  config.pin_cost = ih::hub::PinCost::Minimal;
  config.tls_public_key_pin = *ih::hub::public_key_pin(identity->certificate_pem);
  auto hub = ih::hub::open_hub(config, &error);
  ih::hub::ServerOptions options;
  options.identity = *identity;
  options.max_connections_per_ip = 0;  // every terminal comes from 127.0.0.1
  auto server = hub ? ih::hub::Server::start(*hub, options, &error) : nullptr;
  if (!server) {
    std::fprintf(stderr, "hub_bench: %s\n", error.c_str());
    return 1;
  }
  ih::net::HttpConfig http;
  http.base_url = "https://127.0.0.1:" + std::to_string(server->port());
  http.ca_file = ca;
  http.pinned_public_key = config.tls_public_key_pin;

  enum Kind { kEnvelope, kList, kHeartbeat, kKinds };
  const char* const kNames[] = {"envelope (new request)", "list my requests", "heartbeat"};
  std::mutex mutex;
  ih::test::CallSamples samples[kKinds];
  std::atomic<bool> go{false};
  const auto deadline_after = std::chrono::duration<double>(seconds);
  std::vector<std::thread> threads;
  for (int t = 0; t < terminals; ++t) {
    threads.emplace_back([&, t] {
      auto outbox = ih::net::Outbox::open(dir + "/outbox-" + std::to_string(t) + ".db").outbox;
      ih::net::HttpClient client(http);
      const auto enrolled = ih::net::enrol(
          client, *outbox, ih::hub::issue_enrolment_code(*hub, 3600), "bench", "bench");
      if (!enrolled.identity) return;
      const auto& id = *enrolled.identity;
      const std::string code = *ih::api::make_personal_code(id.code_prefix, 1);
      const std::string token = ih::api::mint_secret();
      const nlohmann::json account = {{"personal_code", code}, {"display_name", "Bench"},
                                      {"languages", {"de"}},   {"town", "Dresden"},
                                      {"pin", "1234"},         {"session_token", token}};
      const ih::net::Caller terminal{id.credential(), {}};
      client.send(ih::net::make_request("POST", "/v1/accounts", terminal, account.dump(),
                                        ih::api::mint_idempotency_key()));
      while (!go) std::this_thread::yield();
      const auto deadline = Clock::now() + deadline_after;
      ih::test::CallSamples local[kKinds];
      for (unsigned n = static_cast<unsigned>(t); Clock::now() < deadline; ++n) {
        const Kind kind = n % 6 < 3 ? kEnvelope : n % 6 < 5 ? kList : kHeartbeat;
        ih::net::HttpRequest request;
        if (kind == kEnvelope) {
          const std::string key = ih::api::mint_idempotency_key();
          ih::net::QueuedCall call{"POST",
                                   "/v1/requests",
                                   key,
                                   token,
                                   {{"category", "other"},
                                    {"when", {{"part_of_day", "any"}}},
                                    {"town", "Dresden"},
                                    {"helper_language", "de"},
                                    {"text", "bench " + std::to_string(n)}},
                                   unix_now()};
          const auto sealed = ih::net::seal_call(call, id.server_box_key);
          request = ih::net::make_request(
              "POST", "/v1/envelopes", terminal,
              nlohmann::json{{"sealed", ih::api::to_base64(*sealed)}}.dump(), key);
        } else if (kind == kList) {
          request = ih::net::make_request("GET", "/v1/requests?limit=20", {id.credential(), token});
        } else {
          request = ih::net::make_request("POST", "/v1/terminals/self/heartbeat", terminal,
                                          R"({"version":"bench","outbox_depth":0})",
                                          ih::api::mint_idempotency_key());
        }
        const auto start = Clock::now();
        const auto response = client.send(request);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        if (response.transport != ih::net::Transport::Ok || response.status >= 300) {
          ++local[kind].errors;
        } else {
          local[kind].ms.push_back(ms);
        }
      }
      std::lock_guard lock(mutex);
      for (int k = 0; k < kKinds; ++k) {
        samples[k].ms.insert(samples[k].ms.end(), local[k].ms.begin(), local[k].ms.end());
        samples[k].errors += local[k].errors;
      }
    });
  }
  // Let every terminal enrol and register before the clock starts.
  std::this_thread::sleep_for(std::chrono::seconds(2));
  go = true;
  for (auto& thread : threads) thread.join();
  server->stop();

  std::printf("hub_bench: %d terminals, %.0f s, %u hardware threads\n", terminals, seconds,
              std::thread::hardware_concurrency());
  ih::test::print_call_table(kNames, samples, kKinds, seconds);
  std::filesystem::remove_all(dir);
  return 0;
}
