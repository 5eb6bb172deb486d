// The kiosk's command line.
//
//   ichhelfe-kiosk [--windowed WxH] [--screen NAME] [--lang TAG] [--fonts FILE] [--config FILE]
//                  [--enrol CODE]
//   ichhelfe-kiosk --hash-staff-pin   (reads a PIN on standard input, prints its hash)
//   ichhelfe-kiosk --screenshot FILE.png --screen NAME [--lang TAG] [--size WxH] [--fonts FILE]
//                  [--config FILE]
//
// Full screen unless --windowed; the shell (attract screen first) unless --screen. --screenshot
// draws one frame without any display server, writes it as PNG and exits.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ih::kiosk {

struct Options {
  bool help = false;
  bool fullscreen = true;
  int width = 1920;  // window size with --windowed, image size with --screenshot
  int height = 1080;
  std::string screen = "shell";
  std::string language;         // empty: the configuration's default language
  std::string fonts;            // font configuration file; default_fonts_file()
  std::string config;           // TOML configuration; empty: the usual places (config.h)
  std::string screenshot;       // PNG to write; empty: run the kiosk
  std::string enrol;            // an enrolment code to use at start if not enrolled yet
  bool hash_staff_pin = false;  // print the hash of a PIN read from stdin for staff.pin_hash
};

struct OptionsResult {
  Options options;
  std::string error;  // empty on success; otherwise a one-line message
  bool ok() const { return error.empty(); }
};

// Parses the arguments after the program name. Never exits the process.
OptionsResult parse_options(const std::vector<std::string_view>& args);

// The font configuration used without --fonts: the installed one
// (i18n/data_dir.h), else the source checkout's.
std::string default_fonts_file();

// What --help prints.
std::string usage();

}  // namespace ih::kiosk
