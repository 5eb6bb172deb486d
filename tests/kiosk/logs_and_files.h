// What the end-to-end tests look through after a session: every line the
// network layer and SDL logged, and every byte of the kiosk's files.
#pragma once

#include <SDL.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <string_view>

#include "net/log.h"

namespace ih::kiosk::testing {

// Every line the network layer and SDL log while it lives.
class LogCapture {
 public:
  LogCapture() {
    previous_ = net::set_log_sink([this](net::LogLevel, std::string_view line) { add(line); });
    SDL_LogGetOutputFunction(&sdl_previous_, &sdl_previous_data_);
    SDL_LogSetOutputFunction([](void* self, int, SDL_LogPriority,
                                const char* line) { static_cast<LogCapture*>(self)->add(line); },
                             this);
  }
  ~LogCapture() {
    net::set_log_sink(previous_);
    SDL_LogSetOutputFunction(sdl_previous_, sdl_previous_data_);
  }
  std::string text() {
    std::lock_guard lock(mutex_);
    return text_;
  }

 private:
  void add(std::string_view line) {
    std::lock_guard lock(mutex_);
    text_.append(line).push_back('\n');
  }
  std::mutex mutex_;
  std::string text_;
  net::LogSink previous_;
  SDL_LogOutputFunction sdl_previous_ = nullptr;
  void* sdl_previous_data_ = nullptr;
};

// Every byte of every file under `dir`.
inline std::string all_files(const std::filesystem::path& dir) {
  std::string bytes;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    bytes += content.str();
  }
  return bytes;
}

}  // namespace ih::kiosk::testing
