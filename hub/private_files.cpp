#include "hub/private_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace ih::hub {
namespace {

bool failed(const std::string& what, const std::string& path, std::string* error) {
  *error = "cannot " + what + " " + path + ": " + std::strerror(errno);
  return false;
}

}  // namespace

bool make_private_folder(const std::string& path, std::string* error) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec) {
    *error = "cannot make the folder " + path + ": " + ec.message();
    return false;
  }
  if (chmod(path.c_str(), 0700) != 0) return failed("make private", path, error);
  return true;
}

bool make_private_file(const std::string& path, std::string* error) {
  // Created 0600 before any byte is in it; an existing file is narrowed.
  const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return failed("open", path, error);
  const bool ok = fchmod(fd, 0600) == 0;
  close(fd);
  return ok || failed("make private", path, error);
}

bool make_private_if_present(const std::string& path, std::string* error) {
  if (chmod(path.c_str(), 0600) == 0 || errno == ENOENT) return true;
  return failed("make private", path, error);
}

}  // namespace ih::hub
