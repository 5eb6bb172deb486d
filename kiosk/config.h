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

#include "kiosk/settings.h"

namespace ih::kiosk {

struct ConfigResult {
  Settings settings;
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

}  // namespace ih::kiosk
