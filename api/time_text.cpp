#include "api/time_text.h"

#include <chrono>
#include <cstdio>

namespace ih::api {
namespace {

bool read_number(std::string_view text, size_t at, size_t digits, int* out) {
  if (at + digits > text.size()) return false;
  int value = 0;
  for (size_t i = at; i < at + digits; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  *out = value;
  return true;
}

std::optional<std::chrono::sys_days> read_date(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() < 10 || !read_number(text, 0, 4, &y) || text[4] != '-' ||
      !read_number(text, 5, 2, &m) || text[7] != '-' || !read_number(text, 8, 2, &d)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year(y),
                                         std::chrono::month(static_cast<unsigned>(m)),
                                         std::chrono::day(static_cast<unsigned>(d))};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days(date);
}

}  // namespace

std::string format_time(int64_t unix_seconds) {
  using namespace std::chrono;
  const sys_seconds t{seconds(unix_seconds)};
  const auto days = floor<std::chrono::days>(t);
  const year_month_day date(days);
  const hh_mm_ss clock(t - days);
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()));
  return out;
}

std::optional<int64_t> parse_time(std::string_view text) {
  const auto date = read_date(text);
  int h = 0, mi = 0, s = 0;
  if (!date || text.size() < 20 || (text[10] != 'T' && text[10] != 't') ||
      !read_number(text, 11, 2, &h) || text[13] != ':' || !read_number(text, 14, 2, &mi) ||
      text[16] != ':' || !read_number(text, 17, 2, &s) || h > 23 || mi > 59 || s > 60) {
    return std::nullopt;
  }
  size_t at = 19;
  if (text[at] == '.') {
    ++at;
    const size_t start = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    if (at == start) return std::nullopt;
  }
  int64_t offset = 0;
  if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
    ++at;
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    int oh = 0, om = 0;
    if (!read_number(text, at + 1, 2, &oh) || at + 3 >= text.size() || text[at + 3] != ':' ||
        !read_number(text, at + 4, 2, &om) || oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset = (oh * 3600 + om * 60) * (text[at] == '+' ? 1 : -1);
    at += 6;
  } else {
    return std::nullopt;
  }
  if (at != text.size()) return std::nullopt;
  const int64_t days = date->time_since_epoch().count();
  return days * 86400 + h * 3600 + mi * 60 + s - offset;
}

bool is_date(std::string_view text) {
  return text.size() == 10 && read_date(text).has_value();
}

}  // namespace ih::api
