// Any bytes as a font configuration file (render/font_config.h). A deployment edits
// this file by hand, so the parser must turn every mistake into an error message,
// never a crash, and what it accepts must hold what the format promises:
//
//  - an error is "<origin>:<line>: <what>" or "<origin>: <what>", and comes with an
//    empty configuration;
//  - an accepted configuration has a folder, ISO 15924 script codes (Zzzz form) and
//    plain file names;
//  - font_files_for() lists each file once, the entry's own files and the
//    fallback files among them.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "render/font_config.h"

namespace {

using namespace ih::render;

constexpr std::string_view kOrigin = "fonts.conf";

void require(bool condition, const char* promise, std::string_view text) {
  if (condition) return;
  std::fprintf(stderr, "broken promise: %s\nconfiguration (%zu bytes):\n%.*s\n", promise,
               text.size(), static_cast<int>(text.size()), text.data());
  std::abort();
}

bool is_script_code(std::string_view s) {
  return s.size() == 4 && s[0] >= 'A' && s[0] <= 'Z' &&
         std::all_of(s.begin() + 1, s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool is_file_name(std::string_view s) {
  return !s.empty() && s.find('/') == std::string_view::npos && s != "." && s != "..";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const FontConfigResult result = parse_font_config(text, kOrigin);
  if (!result.ok()) {
    require(result.error.starts_with(std::string(kOrigin) + ":"), "errors name their origin", text);
    require(result.config.dirs.empty() && result.config.scripts.empty() &&
                result.config.fallback.empty(),
            "a rejected configuration is empty", text);
    return 0;
  }
  const FontConfig& config = result.config;
  require(!config.dirs.empty(), "an accepted configuration has a folder", text);
  for (const std::string& file : config.fallback) {
    require(is_file_name(file), "fallback files are plain file names", text);
  }
  for (const FontConfig::ScriptFonts& entry : config.scripts) {
    require(is_script_code(entry.script), "scripts are ISO 15924 codes", text);
    require(!entry.files.empty(), "every script line names a file", text);
    for (const std::string& file : entry.files) {
      require(is_file_name(file), "script files are plain file names", text);
    }
    const auto files = font_files_for(config, entry.script, entry.language);
    require(std::set<std::string>(files.begin(), files.end()).size() == files.size(),
            "font_files_for lists each file once", text);
    for (const std::string& file : entry.files) {
      require(std::find(files.begin(), files.end(), file) != files.end(),
              "font_files_for lists the entry's own files", text);
    }
    for (const std::string& file : config.fallback) {
      require(std::find(files.begin(), files.end(), file) != files.end(),
              "font_files_for lists the fallback files", text);
    }
  }
  return 0;
}
