// A folder of catalogs made for one test, and PO text built from pairs, so a
// test states its catalogs in full next to what it expects of them.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace ih::i18n::testing {

struct PoMessage {
  std::string source;
  std::string translation;
  bool fuzzy = false;
};

// A PO file with a header for `language` and `messages`.
inline std::string po_text(const std::string& language, const std::vector<PoMessage>& messages) {
  auto quoted = [](const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out + "\"";
  };
  std::string out = "msgid \"\"\nmsgstr \"\"\n\"Language: " + language +
                    "\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n";
  for (const PoMessage& m : messages) {
    out += "\n";
    if (m.fuzzy) out += "#, fuzzy\n";
    out += "msgid " + quoted(m.source) + "\nmsgstr " + quoted(m.translation) + "\n";
  }
  return out;
}

// A temporary folder, removed with everything in it when the object goes.
class CatalogDir {
 public:
  CatalogDir() {
    const auto base = std::filesystem::temp_directory_path();
    for (int i = 0;; ++i) {
      path_ = base / ("ih-catalogs-" + std::to_string(getpid()) + "-" + std::to_string(i));
      if (std::filesystem::create_directory(path_)) break;
    }
  }
  ~CatalogDir() { std::filesystem::remove_all(path_); }
  CatalogDir(const CatalogDir&) = delete;
  CatalogDir& operator=(const CatalogDir&) = delete;

  std::string path() const { return path_.string(); }
  // Writes `text` as <name> in the folder.
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace ih::i18n::testing
