// ichhelfe-hub: the reference central server.
//
// For now it answers the health check that the demo script uses to know the hub
// is up: GET /v1/health → {"status":"ok","version":"…"}. Accounts, requests,
// matching and messages are not served yet.
#include <httplib.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

httplib::Server* g_server = nullptr;

void stop(int) {
  if (g_server) g_server->stop();
}

int usage(const char* self) {
  std::fprintf(stderr, "usage: %s [--host ADDRESS] [--port N]\n", self);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string host = "127.0.0.1";
  int port = 8443;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--host" && i + 1 < argc) {
      host = argv[++i];
    } else if (arg == "--port" && i + 1 < argc) {
      char* end = nullptr;
      const long value = std::strtol(argv[++i], &end, 10);
      if (*end != '\0' || value < 0 || value > 65535) return usage(argv[0]);
      port = static_cast<int>(value);
    } else {
      return usage(argv[0]);
    }
  }

  httplib::Server server;
  server.Get("/v1/health", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"status":"ok","version":")" ICHHELFE_VERSION R"("})", "application/json");
  });
  g_server = &server;
  std::signal(SIGINT, stop);
  std::signal(SIGTERM, stop);
  std::fprintf(stderr, "ichhelfe-hub %s listening on http://%s:%d\n", ICHHELFE_VERSION, host.c_str(), port);
  if (!server.listen(host, port)) {
    std::fprintf(stderr, "ichhelfe-hub: cannot listen on %s:%d: %s\n", host.c_str(), port,
                 std::strerror(errno));
    return 1;
  }
  return 0;
}
