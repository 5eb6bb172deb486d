// Personal codes: how a person is known to the platform without a name or an
// address. A terminal makes them offline, so they must be unique without a
// round trip: the first three characters are the terminal's prefix from
// enrolment, the next four a number the terminal never uses twice, the last a
// check character (see api/openapi.yaml for the exact rule).
//
// Codes use Crockford's base32 digits except 'Z' (31 values, so the check
// character catches every single wrong character and every swap of
// neighbours): written "XXXX-XXXX"; read leniently (lower case, I/L for 1,
// O for 0, '-' and spaces ignored). All functions are pure and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ih::api {

// Values a prefix or the 4-character body can take.
inline constexpr uint32_t kPrefixCount = 31 * 31 * 31;
inline constexpr uint32_t kBodyCount = 31 * 31 * 31 * 31;

// The 3-character prefix for number `n` (< kPrefixCount). Prefix 0 ("000") is
// the platform's own, for helpers and staff.
std::string code_prefix(uint32_t n);

// The canonical code "PPPB-BBBC" for a prefix ("PPP") and a body number
// (< kBodyCount). Returns nullopt if the prefix is not 3 Crockford digits.
std::optional<std::string> make_personal_code(std::string_view prefix, uint32_t body);

// The canonical form of what a person typed, or nullopt if it is not 8 code
// digits or the check character does not match.
std::optional<std::string> normalize_personal_code(std::string_view typed);

// The prefix ("PPP") of a canonical code.
std::string_view prefix_of(std::string_view canonical_code);

}  // namespace ih::api
