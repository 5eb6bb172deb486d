// The kiosk's configuration: one TOML file, documented with its defaults in
// assets/config/kiosk.toml. A setting that is missing keeps its default; a
// setting that is wrong (bad type, out of range, unknown name) is reported in
// one line and keeps its default too, so a typo never stops a terminal. A file
// that is not TOML at all gives the defaults and one message saying where.
//
// Looked for, first found wins: the --config file, $ICHHELFE_KIOSK_CONFIG,
// /etc/ichhelfe/kiosk.toml. Without any, the defaults.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/night.h"
#include "kiosk/settings.h"

namespace ih::kiosk {

struct ConfigResult {
  Settings settings;
  // display.dark_from and display.dark_until, for NightScreen (night.h),
  // which wraps the screens; none: never dark.
  std::optional<DarkHours> dark_hours;
  std::string origin;                 // the file read; empty: none, defaults
  std::vector<std::string> problems;  // one line each: "<file>:<line>: …"
};

// Parses the text of a configuration file; `origin` names it in messages.
ConfigResult parse_config(std::string_view text, std::string_view origin);

// Reads `path`; an unreadable file is a problem, and gives the defaults.
ConfigResult load_config(const std::string& path);

// The file to read: `given` if not empty, else the first of the usual places
// that exists; empty when there is none.
std::string find_config(const std::string& given);

// Writes what staff can change (session.idle_seconds, session.warning_seconds,
// language.shown, display.orientation, display.large_text, display.reach_band,
// speech.volume) from `settings` into the configuration file `path`, and
// keeps everything else in it as it is: other settings, comments, order. A
// value already in the file is replaced where it stands; a missing one is
// added under its section. The new text is read back before it is written,
// and written to a temporary file that then replaces the old one, so a
// failure leaves the old file whole. A missing file is created. Returns an empty string, or one
// line saying why nothing was written ("<file>: …"). Thread-safe if no one else writes the file.
std::string save_staff_settings(const std::string& path, const Settings& settings);

// The name of `o` as the file writes it: "auto", "landscape", "portrait".
std::string_view orientation_name(Orientation o);

}  // namespace ih::kiosk
