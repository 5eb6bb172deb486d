// The terminal's settings: what staff and the configuration file
// (config.h) decide, and what every session starts from. Plain data, owned by
// the shell (shell.h); screens read it.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/renderer_choice.h"

namespace ih::kiosk {

// The shortest idle warning the kiosk shows: WCAG 2.2.1 asks that a person
// can extend their time, and 20 s is what it names as enough to do so.
inline constexpr std::chrono::seconds kShortestWarning{20};

// The ranges the configuration file and staff mode allow, in seconds.
struct SecondsRange {
  int64_t low;
  int64_t high;
};
inline constexpr SecondsRange kIdleRange{10, 3600};
inline constexpr SecondsRange kWarningRange{kShortestWarning.count(), 600};

// The loudness of speech, in percent of the voice's full level.
inline constexpr int kLeastVolume = 0;
inline constexpr int kMostVolume = 100;

// How the screen is turned. Auto: as the display reports it.
enum class Orientation { Auto, Landscape, Portrait };

struct Settings {
  // The language of the attract screen, and of the kiosk after every session.
  std::string default_language = "de";
  // Without a touch for this long, the idle warning appears.
  std::chrono::seconds idle_after{90};
  // How long the warning counts down before the session ends.
  std::chrono::seconds warning_for{30};
  // The languages the picker offers, as tags of assets/languages.json; shown
  // in the picker's own order. Empty: every language.
  std::vector<std::string> languages_shown;
  // How the screen is turned, and whether text is drawn larger for people who
  // see poorly (each session starts in it).
  Orientation orientation = Orientation::Auto;
  bool large_text = false;
  // On a portrait screen, keeps every control in its lower part, within the
  // reach of a person seated or standing (EN 301 549 8.3: 380–1,220 mm above
  // the floor); the top stays empty.
  bool reach_band = false;
  // Which SDL renderer draws (renderer_choice.h); read at start only.
  RendererChoice renderer = RendererChoice::Auto;
  // The staff PIN as an Argon2id string (crypto_pwhash_str); empty: no staff mode.
  std::string staff_pin_hash;
  // Wrong staff PINs in a row before the lockout, and how long it lasts.
  int staff_attempts = 5;
  std::chrono::seconds staff_lockout{300};
  // How loud pages are read aloud, in percent; every session starts at it.
  int speech_volume = 80;

  // The towns and shelters a person can choose from for their profile, in the
  // order shown. Proper names, shown as written here.
  std::vector<std::string> places = {"Dresden", "Leipzig", "Chemnitz", "Zwickau", "Plauen",
                                     "Görlitz", "Bautzen", "Freiberg", "Pirna",   "Meißen"};

  // The platform: its https:// address (empty: no network, nothing is sent),
  // a PEM file of certificates to trust instead of the system's (empty: the
  // system's), and the folder for the sealed outbox and the terminal's
  // credential, the only things the kiosk writes.
  std::string server_url;
  std::string ca_file;
  std::string state_dir = "/var/lib/ichhelfe";
};

}  // namespace ih::kiosk
