// ichhelfe-kiosk: the touch terminal's program. See kiosk/options.h for the
// command line and kiosk/config.h for the configuration file.
#include <sodium.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string_view>
#include <vector>

#include "api/field_rules.h"
#include "kiosk/app.h"
#include "kiosk/config.h"
#include "kiosk/link.h"
#include "kiosk/night.h"
#include "kiosk/options.h"
#include "kiosk/screenshot.h"
#include "kiosk/speech/speaker.h"
#include "kiosk/watchdog.h"
#include "kiosk/wipe.h"

namespace {

// The shell's reading aloud, bound to `speaker` (which outlives the shell).
ih::kiosk::SpeechServices speech_services(ih::speech::Speaker& speaker) {
  return {
      .say = [&speaker](std::string text,
                        const std::string& voice) { speaker.say(std::move(text), voice); },
      .stop = [&speaker] { speaker.stop(); },
      .speaking = [&speaker] { return speaker.speaking(); },
      .set_volume = [&speaker](float volume) { speaker.set_volume(volume); },
  };
}

}  // namespace

int main(int argc, char** argv) {
  using namespace ih::kiosk;
  using namespace std::chrono_literals;
  // Before anything personal can exist: freed memory is overwritten.
  harden_heap();
  const OptionsResult parsed = parse_options(std::vector<std::string_view>(argv + 1, argv + argc));
  if (!parsed.ok()) {
    std::fprintf(stderr, "ichhelfe-kiosk: %s\n\n%s", parsed.error.c_str(), usage().c_str());
    return 2;
  }
  const Options& o = parsed.options;
  if (o.help) {
    std::fputs(usage().c_str(), stdout);
    return 0;
  }
  if (o.hash_staff_pin) {
    std::string pin;
    std::getline(std::cin, pin);
    // The same rule as a person's PIN, so staff type it on the same pad.
    if (ih::api::check_pin(pin)) {
      std::fprintf(stderr, "ichhelfe-kiosk: a staff PIN is %d to %d digits\n",
                   ih::api::kMinPinDigits, ih::api::kMaxPinDigits);
      return 2;
    }
    char hash[crypto_pwhash_STRBYTES];
    if (sodium_init() < 0 ||
        crypto_pwhash_str(hash, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
      std::fprintf(stderr, "ichhelfe-kiosk: cannot hash the PIN (out of memory?)\n");
      return 1;
    }
    sodium_memzero(pin.data(), pin.size());
    std::printf("%s\n", hash);
    return 0;
  }
  // A bad configuration is reported and replaced by the defaults: a terminal
  // with a typo in its file still starts.
  ConfigResult config;
  const std::string config_path = find_config(o.config);
  if (!config_path.empty()) config = load_config(config_path);
  for (const std::string& problem : config.problems)
    std::fprintf(stderr, "ichhelfe-kiosk: configuration: %s\n", problem.c_str());
  const Settings& settings = config.settings;
  const UiConfig ui{o.fonts, o.language.empty() ? settings.default_language : o.language};

  if (!o.screenshot.empty()) {
    const CaptureResult captured = capture_screen({o.screen, o.width, o.height, ui, settings});
    if (!captured.ok()) {
      std::fprintf(stderr, "ichhelfe-kiosk: %s\n", captured.error.c_str());
      return 1;
    }
    if (const std::string error = write_png(o.screenshot, captured.image); !error.empty()) {
      std::fprintf(stderr, "ichhelfe-kiosk: %s\n", error.c_str());
      return 1;
    }
    return 0;
  }

  // The network, when a server is configured: a terminal without one still
  // works, and says on screen that it is offline.
  std::unique_ptr<Link> link;
  if (!settings.server_url.empty()) {
    Link::Opened opened =
        Link::open({settings.server_url, settings.ca_file, settings.state_dir, ICHHELFE_VERSION});
    if (!opened.link)
      std::fprintf(stderr, "ichhelfe-kiosk: %s; running without a network\n", opened.error.c_str());
    link = std::move(opened.link);
  } else {
    std::fprintf(stderr, "ichhelfe-kiosk: no network.server configured; nothing will be sent\n");
  }
  if (link && !o.enrol.empty() && !link->enrolled()) {
    char host[256] = "kiosk";
    gethostname(host, sizeof host - 1);
    const std::string error = link->enrol(o.enrol, host).get();
    if (error.empty())
      std::fprintf(stderr, "ichhelfe-kiosk: enrolled with the hub\n");
    else
      std::fprintf(stderr, "ichhelfe-kiosk: enrolment failed: %s\n", error.c_str());
  }
  // Staff mode: the network's part from the link, and saving into the file
  // read (or, without one, the system's place, which staff may not be allowed
  // to write: the page then says so).
  StaffServices staff = link ? link->staff_services() : StaffServices{};
  if (!link) staff.version = [] { return std::string(ICHHELFE_VERSION); };
  staff.save_settings = [path = config_path.empty() ? std::string("/etc/ichhelfe/kiosk.toml")
                                                    : config_path](const Settings& s) {
    return save_staff_settings(path, s);
  };
  // Reading aloud, where the terminal has audio; without, the pages show no
  // speech buttons, and this says why.
  std::unique_ptr<ih::speech::Speaker> speaker;
  SpeechServices speech;
  if (o.screen == "shell") {
    std::string why_not;
    speaker = ih::speech::Speaker::open({}, &why_not);
    if (!speaker)
      std::fprintf(stderr, "ichhelfe-kiosk: no reading aloud: %s\n", why_not.c_str());
    else
      speech = speech_services(*speaker);
  }
  std::unique_ptr<Screen> screen =
      o.screen == "shell"
          ? make_shell(settings, link ? link->services() : AccountServices{}, staff, speech)
          : make_screen(o.screen, settings);
  // Dark at night, after longer than a session's idle time and warning.
  if (config.dark_hours)
    screen = std::make_unique<NightScreen>(std::move(screen), *config.dark_hours,
                                           settings.idle_after + settings.warning_for + 30s);
  // systemd learns of the first frame and of every later one (watchdog.h).
  Watchdog watchdog = Watchdog::from_environment();
  AppConfig app_config;
  app_config.fullscreen = o.fullscreen;
  app_config.width = o.width;
  app_config.height = o.height;
  app_config.ui = ui;
  app_config.renderer = settings.renderer;
  app_config.heartbeat = [&watchdog](AppConfig::Beat beat) {
    if (beat == AppConfig::Beat::FramePresented)
      watchdog.frame_presented(Clock::now());
    else
      watchdog.idle_wait_ended(Clock::now());
  };
  app_config.beat_at_least_every = watchdog.idle_wait_limit();
  App::Result made = App::create(app_config, std::move(screen));
  if (!made.app) {
    std::fprintf(stderr, "ichhelfe-kiosk: %s\n", made.error.c_str());
    return 1;
  }
  // What arrives in the background (answers, the sync status) is drawn at once.
  if (link) link->on_change([app = made.app.get()] { app->wake(); });
  made.app->run();
  // The app (and the shell's callbacks into the link) goes first; from here
  // on, nothing the link's threads finish wakes it.
  if (link) link->on_change({});
  made.app.reset();
  return 0;
}
