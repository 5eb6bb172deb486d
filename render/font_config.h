// The font configuration: which font files serve which script and language, in
// which fallback order. Read from a small text file in assets/fonts/ so that a
// deployment can change fonts without a rebuild.
//
// Format, one directive per line, '#' starts a comment:
//   dir <folder>                        folder searched for the files named below
//   script <Zzzz> <file> [<file>...]    fonts for an ISO 15924 script, best first
//   lang <tag> <Zzzz> <file> [...]      fonts for a language written in a script;
//                                       tried before the script's own list
//   fallback <file> [<file>...]         tried last for every script (symbols, emoji)
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ih::render {

struct FontConfig {
  struct ScriptFonts {
    std::string script;    // ISO 15924 code, e.g. "Arab"
    std::string language;  // BCP 47 primary language, empty for the script default
    std::vector<std::string> files;
  };
  std::vector<std::string> dirs;
  std::vector<ScriptFonts> scripts;
  std::vector<std::string> fallback;
};

struct FontConfigResult {
  FontConfig config;
  std::string error;  // empty on success; otherwise "<origin>:<line>: <what>"
  bool ok() const { return error.empty(); }
};

// Parses the configuration text. `origin` names the source in error messages.
FontConfigResult parse_font_config(std::string_view text, std::string_view origin);

// Reads and parses a configuration file.
FontConfigResult load_font_config(const std::string& path);

// The ordered list of font files to try for `script` (ISO 15924) in `language`:
// the language's own list, then the script's, then the general fallback, each
// file once.
std::vector<std::string> font_files_for(const FontConfig& config, std::string_view script,
                                        std::string_view language);

}  // namespace ih::render
