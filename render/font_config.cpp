#include "render/font_config.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace ih::render {

namespace {

std::vector<std::string> split_words(std::string_view line) {
  std::vector<std::string> words;
  std::istringstream in{std::string(line)};
  for (std::string w; in >> w;) words.push_back(std::move(w));
  return words;
}

bool is_script_code(const std::string& s) {
  if (s.size() != 4 || s[0] < 'A' || s[0] > 'Z') return false;
  for (size_t i = 1; i < 4; ++i)
    if (s[i] < 'a' || s[i] > 'z') return false;
  return true;
}

bool is_language_tag(const std::string& s) {
  if (s.empty() || s.size() > 35) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
      return false;
  return true;
}

bool is_file_name(const std::string& s) {
  return s.find('/') == std::string::npos && s != "." && s != "..";
}

}  // namespace

FontConfigResult parse_font_config(std::string_view text, std::string_view origin) {
  FontConfigResult result;
  FontConfig& config = result.config;
  int line_number = 0;
  auto fail = [&](const std::string& what) {
    result.error = std::string(origin) + ":" + std::to_string(line_number) + ": " + what;
    result.config = {};
    return result;
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    const size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    if (line.find('\0') != std::string_view::npos) return fail("NUL byte");
    const auto words = split_words(line);
    if (words.empty()) continue;
    const std::string& directive = words[0];
    if (directive == "dir") {
      if (words.size() != 2) return fail("'dir' takes one folder");
      config.dirs.push_back(words[1]);
      continue;
    }
    size_t first_file = 0;
    FontConfig::ScriptFonts entry;
    if (directive == "script") {
      if (words.size() < 3) return fail("'script' takes a script code and at least one file");
      if (!is_script_code(words[1])) return fail("'" + words[1] + "' is not an ISO 15924 code");
      entry.script = words[1];
      first_file = 2;
    } else if (directive == "lang") {
      if (words.size() < 4) return fail("'lang' takes a language, a script and at least one file");
      if (!is_language_tag(words[1])) return fail("'" + words[1] + "' is not a language tag");
      if (!is_script_code(words[2])) return fail("'" + words[2] + "' is not an ISO 15924 code");
      entry.language = words[1];
      entry.script = words[2];
      first_file = 3;
    } else if (directive == "fallback") {
      if (words.size() < 2) return fail("'fallback' takes at least one file");
      first_file = 1;
    } else {
      return fail("unknown directive '" + directive + "'");
    }
    for (size_t i = first_file; i < words.size(); ++i) {
      if (!is_file_name(words[i])) return fail("'" + words[i] + "' must be a file name without folders");
      entry.files.push_back(words[i]);
    }
    if (directive == "fallback") {
      config.fallback.insert(config.fallback.end(), entry.files.begin(), entry.files.end());
    } else {
      config.scripts.push_back(std::move(entry));
    }
  }
  if (config.dirs.empty()) {
    result.error = std::string(origin) + ": no 'dir' directive";
    result.config = {};
  }
  return result;
}

FontConfigResult load_font_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    FontConfigResult result;
    result.error = path + ": cannot be read";
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_font_config(text.str(), path);
}

std::vector<std::string> font_files_for(const FontConfig& config, std::string_view script,
                                        std::string_view language) {
  std::vector<std::string> files;
  auto add = [&](const std::vector<std::string>& list) {
    for (const auto& f : list)
      if (std::find(files.begin(), files.end(), f) == files.end()) files.push_back(f);
  };
  if (!language.empty()) {
    for (const auto& entry : config.scripts)
      if (entry.script == script && entry.language == language) add(entry.files);
  }
  for (const auto& entry : config.scripts)
    if (entry.script == script && entry.language.empty()) add(entry.files);
  add(config.fallback);
  return files;
}

}  // namespace ih::render
