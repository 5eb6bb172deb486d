// ichhelfe-hub: the reference central server, and its admin commands.
//
//   ichhelfe-hub [serve] [--state-dir DIR] [--store CONNINFO] [--host ADDRESS] [--port N]
//                [--demo | --cert FILE --key FILE]
//   ichhelfe-hub enrolment-code [--state-dir DIR] [--valid-hours N]
//   ichhelfe-hub add-staff --name NAME [--state-dir DIR]
//   ichhelfe-hub add-helper --name NAME --town TOWN --languages de,ar
//                --categories doctor,housing [--radius-km N] [--state-dir DIR]
//   ichhelfe-hub seed [--state-dir DIR]
//   ichhelfe-hub pin (--cert FILE | --state-dir DIR)
//   ichhelfe-hub helper …   a helper's side of the API over HTTPS (helper_cli.h)
//
// The state folder (mode 0700) holds hub.db (SQLite), hub.db.key (the key that
// seals the hub's own keys in hub.db; back it up apart) and, in demo mode,
// the development certificate. Demo mode also seeds demo helpers and prints
// an enrolment code.
//
// --store CONNINFO keeps the state in PostgreSQL instead of hub.db: a libpq
// connection string ("postgresql://hub@db.example/ichhelfe?sslmode=verify-full"
// or "host=/run/postgresql dbname=ichhelfe"). Every command takes it. Several
// hub processes may share one database; each needs a copy of the same
// hub.db.key in its state folder (the first hub to start makes it).
#include <pthread.h>
#include <sys/resource.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "api/field_rules.h"
#include "hub/helper_cli.h"
#include "hub/hub.h"
#include "hub/private_files.h"
#include "hub/server.h"
#include "hub/tls_identity.h"
#include "hub/towns.h"

namespace {

struct Options {
  std::string command = "serve";
  std::string state_dir = "hub-state";
  std::string store;  // a PostgreSQL connection string, or empty for hub.db
  std::string host = "127.0.0.1";
  int port = 8443;
  bool demo = false;
  std::string cert;
  std::string key;
  std::string name;
  long valid_hours = 24;
  // add-helper
  std::string town;
  std::vector<std::string> languages;
  std::vector<std::string> categories;
  long radius_km = 20;
};

int usage(const char* self) {
  std::fprintf(
      stderr,
      "usage: %s [serve] [--state-dir DIR] [--store CONNINFO] [--host ADDRESS] [--port N]\n"
      "                  [--demo | --cert FILE --key FILE]\n"
      "       %s enrolment-code [--state-dir DIR] [--valid-hours N]\n"
      "       %s add-staff --name NAME [--state-dir DIR]\n"
      "       %s add-helper --name NAME --town TOWN --languages de,ar\n"
      "                  --categories doctor,housing [--radius-km N] [--state-dir DIR]\n"
      "       %s seed [--state-dir DIR]\n"
      "       %s pin (--cert FILE | --state-dir DIR)\n",
      self, self, self, self, self, self);
  // The helper commands' lines, "usage:" turned into the same indent.
  std::fprintf(stderr, "       %s", ih::hub::helper_usage(self).substr(7).c_str());
  return 2;
}

bool parse_number(const char* text, long min, long max, long* out) {
  char* end = nullptr;
  const long value = std::strtol(text, &end, 10);
  if (*end != '\0' || value < min || value > max) return false;
  *out = value;
  return true;
}

std::vector<std::string> split(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  for (std::string item; std::getline(in, item, ',');) out.push_back(item);
  return out;
}

bool parse(int argc, char** argv, Options* o) {
  int i = 1;
  if (i < argc && argv[i][0] != '-') o->command = argv[i++];
  for (; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    long number = 0;
    if (arg == "--demo") {
      o->demo = true;
    } else if (!has_value) {
      return false;
    } else if (arg == "--state-dir") {
      o->state_dir = argv[++i];
    } else if (arg == "--store") {
      o->store = argv[++i];
    } else if (arg == "--host") {
      o->host = argv[++i];
    } else if (arg == "--port" && parse_number(argv[++i], 0, 65535, &number)) {
      o->port = static_cast<int>(number);
    } else if (arg == "--cert") {
      o->cert = argv[++i];
    } else if (arg == "--key") {
      o->key = argv[++i];
    } else if (arg == "--name") {
      o->name = argv[++i];
    } else if (arg == "--valid-hours" && parse_number(argv[++i], 1, 24 * 90, &number)) {
      o->valid_hours = number;
    } else if (arg == "--town") {
      o->town = argv[++i];
    } else if (arg == "--languages") {
      o->languages = split(argv[++i]);
    } else if (arg == "--categories") {
      o->categories = split(argv[++i]);
    } else if (arg == "--radius-km" && parse_number(argv[++i], 0, 1000, &number)) {
      o->radius_km = number;
    } else {
      return false;
    }
  }
  return true;
}

std::optional<ih::hub::TlsIdentity> identity_for(const Options& o, std::string* error) {
  if (!o.cert.empty() || !o.key.empty()) return ih::hub::load_identity(o.cert, o.key, error);
  if (o.demo || o.command == "pin") {
    return ih::hub::load_or_make_development_identity(o.state_dir, error);
  }
  *error = "give --cert and --key, or --demo for a development certificate";
  return std::nullopt;
}

ih::hub::HubPtr open(const Options& o, const std::string& pin) {
  std::string error;
  if (!ih::hub::make_private_folder(o.state_dir, &error)) {
    std::fprintf(stderr, "ichhelfe-hub: %s\n", error.c_str());
    return nullptr;
  }
  ih::hub::Config config;
  config.db_path = o.state_dir + "/hub.db";
  config.postgres = o.store;
  config.key_path = o.state_dir + "/hub.db.key";
  config.tls_public_key_pin = pin;
  auto hub = ih::hub::open_hub(std::move(config), &error);
  if (!hub) std::fprintf(stderr, "ichhelfe-hub: %s\n", error.c_str());
  return hub;
}

// One line per helper, the same for seed and add-helper, which scripts read:
// "helper NAME TOWN code CODE password PASSWORD".
void print_helper(const ih::hub::HelperProfile& profile, const ih::hub::Credentials& credentials) {
  std::printf("helper %-10s %-12s code %s password %s\n", profile.display_name.c_str(),
              profile.town.c_str(), credentials.personal_code.c_str(), credentials.secret.c_str());
}

void print_seeded(ih::hub::Hub& hub) {
  for (const auto& [profile, credentials] : ih::hub::seed_demo_helpers(hub)) {
    print_helper(profile, credentials);
  }
}

int serve(const Options& o) {
  std::string error;
  const auto identity = identity_for(o, &error);
  if (!identity) {
    std::fprintf(stderr, "ichhelfe-hub: %s\n", error.c_str());
    return 1;
  }
  const std::string pin = ih::hub::public_key_pin(identity->certificate_pem).value_or("");
  auto hub = open(o, pin);
  if (!hub) return 1;
  if (o.demo) {
    print_seeded(*hub);
    std::printf("enrolment code %s\n", ih::hub::issue_enrolment_code(*hub, 24 * 3600).c_str());
    // Scripts read these lines through a pipe, which stdio buffers.
    std::fflush(stdout);
  }
  // Signals are taken by sigwait() below, not by a handler on whichever
  // thread they hit: every thread started from here on inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  // Each connection is a descriptor; the default soft limit (1024) would cap
  // the server well below its connection limit.
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
  }
  ih::hub::ServerOptions options;
  options.host = o.host;
  options.port = o.port;
  options.identity = *identity;
  auto server = ih::hub::Server::start(*hub, options, &error);
  if (!server) {
    std::fprintf(stderr, "ichhelfe-hub: %s\n", error.c_str());
    return 1;
  }
  std::printf("ichhelfe-hub %s listening on https://%s:%d (TLS key pin %s)\n", ICHHELFE_VERSION,
              o.host.c_str(), server->port(), pin.c_str());
  std::fflush(stdout);
  int signal = 0;
  sigwait(&signals, &signal);
  server->stop();
  return 0;
}

// add-helper: a helper account whose fields pass the API's own rules.
int add_helper(ih::hub::Hub& hub, const Options& o) {
  const auto wrong = [](const char* what) {
    std::fprintf(stderr, "ichhelfe-hub: add-helper: %s\n", what);
    return 2;
  };
  if (o.name.empty() || ih::api::check_display_name(o.name)) return wrong("--name is not a name");
  // A town the matcher cannot place fits no request (towns.h).
  if (o.town.empty() || ih::api::check_town(o.town) || !ih::hub::find_town(o.town)) {
    return wrong("--town names no town the hub knows (hub/towns.cpp)");
  }
  // A helper may speak more languages than a person's profile lists (8).
  if (o.languages.empty()) return wrong("--languages takes language tags such as de,ar,ti");
  for (const std::string& language : o.languages) {
    if (ih::api::check_language(language)) {
      return wrong("--languages takes language tags such as de,ar,ti");
    }
  }
  if (o.categories.empty()) return wrong("--categories takes categories such as doctor,housing");
  for (const std::string& category : o.categories) {
    if (ih::api::check_category(category)) {
      return wrong("--categories takes categories such as doctor,housing");
    }
  }
  const ih::hub::HelperProfile profile{o.name, o.languages, o.categories, o.town,
                                       static_cast<int>(o.radius_km)};
  const auto helper = ih::hub::add_helper(hub, profile);
  if (!helper) return 1;
  print_helper(profile, *helper);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "helper") {
    const char* session = std::getenv("ICHHELFE_HELPER_SESSION");
    return ih::hub::run_helper_command(std::vector<std::string>(argv + 2, argv + argc),
                                       session ? session : "", std::cout, std::cerr);
  }
  Options o;
  if (!parse(argc, argv, &o)) return usage(argv[0]);
  if (o.command == "serve") return serve(o);
  if (o.command == "pin") {
    std::string error;
    const auto identity = identity_for(o, &error);
    const auto pin = identity ? ih::hub::public_key_pin(identity->certificate_pem) : std::nullopt;
    if (!pin) {
      std::fprintf(stderr, "ichhelfe-hub: %s\n", error.empty() ? "no certificate" : error.c_str());
      return 1;
    }
    std::printf("%s\n", pin->c_str());
    return 0;
  }
  auto hub = open(o, "");
  if (!hub) return 1;
  if (o.command == "enrolment-code") {
    std::printf("%s\n", ih::hub::issue_enrolment_code(*hub, o.valid_hours * 3600).c_str());
  } else if (o.command == "add-staff" && !o.name.empty()) {
    const auto staff = ih::hub::add_staff(*hub, o.name);
    if (!staff) return 1;
    std::printf("staff code %s PIN %s\n", staff->personal_code.c_str(), staff->secret.c_str());
  } else if (o.command == "add-helper") {
    return add_helper(*hub, o);
  } else if (o.command == "seed") {
    print_seeded(*hub);
  } else {
    return usage(argv[0]);
  }
  return 0;
}
