#include "i18n/data_dir.h"

#include <system_error>

namespace ih::i18n {

std::string installed_data_dir(const std::filesystem::path& executable) {
  namespace fs = std::filesystem;
  // <prefix>/bin/program → <prefix>/share/ichhelfe
  const fs::path dir = executable.parent_path().parent_path() / "share" / kDataFolder;
  std::error_code error;
  if (executable.parent_path().empty() || !fs::is_directory(dir, error)) return {};
  return dir.lexically_normal().string();
}

const std::string& installed_data_dir() {
  static const std::string dir = [] {
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::string() : installed_data_dir(self);
  }();
  return dir;
}

std::string data_path(const std::string& data_dir, std::string_view name,
                      std::string_view build_tree_path) {
  if (data_dir.empty()) return std::string(build_tree_path);
  return data_dir + "/" + std::string(name);
}

std::string data_path(std::string_view name, std::string_view build_tree_path) {
  return data_path(installed_data_dir(), name, build_tree_path);
}

}  // namespace ih::i18n
