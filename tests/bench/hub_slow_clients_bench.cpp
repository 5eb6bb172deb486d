// How the hub answers while slow clients hold connections (a slowloris
// attack, tests/hub/slow_clients.h): p50 and p99 of health and of a
// terminal's heartbeat, with no slow clients and with --slow of them, and the
// ratio between the two. Health is asked on a new connection each time (TLS
// handshake included) and on a kept-alive one; the heartbeat on a kept-alive
// one, as a terminal sends it.
//
//   hub_slow_clients_bench [--slow N] [--calls N]      (defaults: 500 and 200)
//
// Not a test: it asserts nothing and runs only when asked. It sends traffic to
// 127.0.0.1 only, and stops by itself, within the server's idle timeout (the
// silent slow clients would be closed after it).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "api/secret.h"
#include "hub/hub.h"
#include "hub/server.h"
#include "hub/tls_identity.h"
#include "net/api_client.h"
#include "net/outbox.h"
#include "net/terminal.h"
#include "tests/hub/slow_clients.h"

namespace {

using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

struct Series {
  const char* name;
  std::vector<double> ms;
  int errors = 0;
};

}  // namespace

int main(int argc, char** argv) {
  int slow = 500;
  int calls = 200;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--slow")) slow = std::max(0, std::atoi(argv[i + 1]));
    if (!std::strcmp(argv[i], "--calls")) calls = std::max(1, std::atoi(argv[i + 1]));
  }
  if (!ih::test::ensure_open_file_limit(static_cast<size_t>(slow) * 2 + 200)) {
    std::fprintf(stderr, "hub_slow_clients_bench: too few descriptors for %d slow clients\n", slow);
    return 1;
  }
  char folder[] = "/tmp/hub-slow-bench-XXXXXX";
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
  options.max_connections_per_ip = 0;  // the slow clients all come from 127.0.0.1
  auto server = hub ? ih::hub::Server::start(*hub, options, &error) : nullptr;
  if (!server) {
    std::fprintf(stderr, "hub_slow_clients_bench: %s\n", error.c_str());
    return 1;
  }
  ih::net::HttpConfig http;
  http.base_url = "https://127.0.0.1:" + std::to_string(server->port());
  http.ca_file = ca;
  http.pinned_public_key = config.tls_public_key_pin;
  http.total_timeout_ms = 60'000;
  auto outbox = ih::net::Outbox::open(dir + "/outbox.db").outbox;
  ih::net::HttpClient enrolling(http);
  const auto enrolled =
      ih::net::enrol(enrolling, *outbox, ih::hub::issue_enrolment_code(*hub, 60), "bench", "bench");
  if (!enrolled.identity) {
    std::fprintf(stderr, "hub_slow_clients_bench: enrolment failed: %s\n", enrolled.error.c_str());
    return 1;
  }
  const ih::net::Caller terminal{enrolled.identity->credential(), {}};

  const auto measure = [&] {
    std::vector<Series> series = {
        {"health, new connection", {}}, {"health, kept alive", {}}, {"heartbeat, kept alive", {}}};
    ih::net::HttpClient kept(http);
    for (int i = 0; i < calls; ++i) {
      for (size_t s = 0; s < series.size(); ++s) {
        ih::net::HttpClient fresh(http);
        const auto request =
            s < 2 ? ih::net::make_request("GET", "/v1/health", {})
                  : ih::net::make_request("POST", "/v1/terminals/self/heartbeat", terminal,
                                          R"({"version":"bench","outbox_depth":0})",
                                          ih::api::mint_idempotency_key());
        const auto start = Clock::now();
        const auto response = (s == 0 ? fresh : kept).send(request);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        if (response.transport != ih::net::Transport::Ok || response.status >= 300) {
          ++series[s].errors;
        } else {
          series[s].ms.push_back(ms);
        }
      }
    }
    return series;
  };

  const auto quiet = measure();
  const auto setup_start = Clock::now();
  const ih::test::SlowClients slow_clients(server->port(), slow);
  const double setup_s = std::chrono::duration<double>(Clock::now() - setup_start).count();
  const auto attacked = measure();
  server->stop();

  std::printf("hub_slow_clients_bench: %d calls each, %u hardware threads\n", calls,
              std::thread::hardware_concurrency());
  std::printf("  %d slow clients open in %.1f s (%d TLS dribblers past the handshake)\n", slow,
              setup_s, slow_clients.handshaken());
  std::printf("  %-24s %22s %26s %18s\n", "", "no slow clients", "with slow clients", "ratio");
  std::printf("  %-24s %10s %11s %12s %13s %8s %9s\n", "", "p50 ms", "p99 ms", "p50 ms", "p99 ms",
              "p50", "p99");
  for (size_t s = 0; s < quiet.size(); ++s) {
    const double q50 = percentile(quiet[s].ms, 0.5), q99 = percentile(quiet[s].ms, 0.99);
    const double a50 = percentile(attacked[s].ms, 0.5), a99 = percentile(attacked[s].ms, 0.99);
    std::printf("  %-24s %10.2f %11.2f %12.2f %13.2f %7.2fx %8.2fx  errors %d / %d\n",
                quiet[s].name, q50, q99, a50, a99, q50 > 0 ? a50 / q50 : 0, q99 > 0 ? a99 / q99 : 0,
                quiet[s].errors, attacked[s].errors);
  }
  std::filesystem::remove_all(dir);
  return 0;
}
