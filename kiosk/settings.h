// The terminal's settings: what staff and the configuration file
// (config.h) decide, and what every session starts from. Plain data, owned by
// the shell (shell.h); screens read it.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace ih::kiosk {

// The shortest idle warning the kiosk shows: WCAG 2.2.1 asks that a person
// can extend their time, and 20 s is what it names as enough to do so.
inline constexpr std::chrono::seconds kShortestWarning{20};

struct Settings {
  // The language of the attract screen, and of the kiosk after every session.
  std::string default_language = "de";
  // Without a touch for this long, the idle warning appears.
  std::chrono::seconds idle_after{90};
  // How long the warning counts down before the session ends.
  std::chrono::seconds warning_for{30};
  // The staff PIN as an Argon2id string (crypto_pwhash_str); empty: no staff mode.
  std::string staff_pin_hash;
  // Wrong staff PINs in a row before the lockout, and how long it lasts.
  int staff_attempts = 5;
  std::chrono::seconds staff_lockout{300};

  // The towns and shelters a person can choose from for their profile, in the
  // order shown. Proper names, shown as written here.
  std::vector<std::string> places = {"Dresden", "Leipzig", "Chemnitz", "Zwickau", "Plauen",
                                     "Görlitz", "Bautzen", "Freiberg", "Pirna", "Meißen"};

  // The platform: its https:// address (empty: no network, nothing is sent),
  // a PEM file of certificates to trust instead of the system's (empty: the
  // system's), and the folder for the sealed outbox and the terminal's
  // credential, the only things the kiosk writes.
  std::string server_url;
  std::string ca_file;
  std::string state_dir = "/var/lib/ichhelfe";
};

}  // namespace ih::kiosk
