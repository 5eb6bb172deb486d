// Times on the wire: RFC 3339 in UTC with whole seconds ("2025-05-03T14:07:00Z").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ih::api {

// Unix seconds as "YYYY-MM-DDTHH:MM:SSZ".
std::string format_time(int64_t unix_seconds);

// Reads "YYYY-MM-DDTHH:MM:SS" followed by "Z" or "±HH:MM", with optional
// fractional seconds (dropped). nullopt for anything else.
std::optional<int64_t> parse_time(std::string_view text);

// Whether `text` is a calendar date "YYYY-MM-DD" that exists.
bool is_date(std::string_view text);

}  // namespace ih::api
