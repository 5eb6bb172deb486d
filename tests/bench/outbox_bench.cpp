// How fast the outbox takes entries and how fast the sync engine drains them
// to a hub over HTTPS on loopback. Every enqueue is sealed and committed with
// synchronous=FULL, so the enqueue rate is bounded by the disk's fsync.
//
//   outbox_bench [--entries N]      (default 2000)
//
// Not a test: it asserts nothing and runs only when asked.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>

#include "hub/hub.h"
#include "hub/server.h"
#include "hub/tls_identity.h"
#include "net/sync_engine.h"
#include "net/terminal.h"

namespace {

using Clock = std::chrono::steady_clock;

int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

int main(int argc, char** argv) {
  int entries = 2000;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--entries")) entries = std::max(1, std::atoi(argv[i + 1]));
  }
  char folder[] = "/tmp/outbox-bench-XXXXXX";
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
  auto server =
      hub ? ih::hub::Server::start(*hub, {"127.0.0.1", 0, *identity, 64 * 1024, 8}, &error)
          : nullptr;
  if (!server) {
    std::fprintf(stderr, "outbox_bench: %s\n", error.c_str());
    return 1;
  }
  ih::net::HttpConfig http;
  http.base_url = "https://127.0.0.1:" + std::to_string(server->port());
  http.ca_file = ca;
  auto outbox = ih::net::Outbox::open(dir + "/outbox.db").outbox;
  ih::net::HttpClient client(http);
  const auto enrolled =
      ih::net::enrol(client, *outbox, ih::hub::issue_enrolment_code(*hub, 3600), "bench", "bench");
  if (!enrolled.identity) return 1;
  const auto& id = *enrolled.identity;
  const auto session =
      ih::net::create_account(*outbox, id, {"Bench", {"de"}, "Dresden", "", "1234"}, unix_now());

  const auto start = Clock::now();
  for (int i = 0; i < entries; ++i) {
    const nlohmann::json body = {{"category", "other"},
                                 {"when", {{"part_of_day", "any"}}},
                                 {"town", "Dresden"},
                                 {"helper_language", "de"},
                                 {"text", "bench " + std::to_string(i)}};
    if (!ih::net::queue_request(*outbox, id, *session, body, unix_now())) return 1;
  }
  const double enqueue_s = std::chrono::duration<double>(Clock::now() - start).count();

  ih::net::SyncOptions options;
  options.version = "bench";
  ih::net::SyncEngine engine(*outbox, ih::net::pinned_config(http, id), id, options);
  const auto drain_start = Clock::now();
  engine.start();
  while (outbox->depth() > 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const double drain_s = std::chrono::duration<double>(Clock::now() - drain_start).count();
  engine.stop();
  server->stop();

  std::printf("outbox_bench: %d entries (sealed, synchronous=FULL)\n", entries);
  std::printf("  enqueue  %8.0f entries/s  (%.3f ms each)\n", entries / enqueue_s,
              enqueue_s * 1000 / entries);
  std::printf("  drain    %8.0f entries/s  (%.3f ms each, one lane, HTTPS on loopback)\n",
              (entries + 1) / drain_s, drain_s * 1000 / (entries + 1));
  std::filesystem::remove_all(dir);
  return 0;
}
