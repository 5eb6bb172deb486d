#include "net/log.h"

#include <cstdio>
#include <mutex>

namespace ih::net {
namespace {

std::mutex g_mutex;
LogSink g_sink;

}  // namespace

LogSink set_log_sink(LogSink sink) {
  std::lock_guard lock(g_mutex);
  std::swap(g_sink, sink);
  return sink;
}

void log(LogLevel level, std::string_view message) {
  std::lock_guard lock(g_mutex);
  if (g_sink) {
    g_sink(level, message);
    return;
  }
  static constexpr const char* kNames[] = {"info", "warning", "error"};
  std::fprintf(stderr, "ichhelfe-net %s: %.*s\n", kNames[static_cast<int>(level)],
               static_cast<int>(message.size()), message.data());
}

}  // namespace ih::net
