// What tests of private files need: a file's permission bits, and a umask for
// the length of one test.
#pragma once

#include <sys/stat.h>

#include <filesystem>

namespace ih::test {

// The permission bits of a file, or 0 if there is none.
inline unsigned mode_of(const std::filesystem::path& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return 0;
  return st.st_mode & 07777;
}

// The process's umask for one test: what a service started by hand has.
struct Umask {
  explicit Umask(mode_t mask) : old(umask(mask)) {}
  ~Umask() { umask(old); }
  Umask(const Umask&) = delete;
  Umask& operator=(const Umask&) = delete;
  mode_t old;
};

}  // namespace ih::test
