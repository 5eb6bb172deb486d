// Where the network layer reports what happened. Messages are categories and
// counts, never data a person typed. The default sink writes to stderr; the
// kiosk and tests may install their own. Thread-safe.
#pragma once

#include <functional>
#include <string_view>

namespace ih::net {

enum class LogLevel { Info, Warning, Error };
using LogSink = std::function<void(LogLevel, std::string_view)>;

// Installs `sink` (nullptr: back to stderr) and returns the previous one.
LogSink set_log_sink(LogSink sink);
void log(LogLevel level, std::string_view message);

}  // namespace ih::net
