#include "api/personal_code.h"

#include <array>

namespace ih::api {
namespace {

// Crockford's digits without its last, 'Z': with 31 values and a prime
// modulus of 31, the check character catches every single substitution.
constexpr std::string_view kDigits = "0123456789ABCDEFGHJKMNPQRSTVWXY";

// The value of a digit as a person may type it, or -1.
int digit_value(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'I' || c == 'L') return 1;
  if (c == 'O') return 0;
  const size_t at = kDigits.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

char check_character(const std::array<int, 7>& values) {
  int sum = 0;
  for (int i = 0; i < 7; ++i) sum += (i + 1) * values[static_cast<size_t>(i)];
  return kDigits[static_cast<size_t>(sum % 31)];
}

std::string format(const std::array<int, 7>& values) {
  std::string out;
  for (int i = 0; i < 7; ++i) {
    if (i == 4) out += '-';
    out += kDigits[static_cast<size_t>(values[static_cast<size_t>(i)])];
  }
  out += check_character(values);
  return out;
}

}  // namespace

std::string code_prefix(uint32_t n) {
  n %= kPrefixCount;
  return {kDigits[n / (31 * 31)], kDigits[(n / 31) % 31], kDigits[n % 31]};
}

std::optional<std::string> make_personal_code(std::string_view prefix, uint32_t body) {
  if (prefix.size() != 3 || body >= kBodyCount) return std::nullopt;
  std::array<int, 7> values{};
  for (size_t i = 0; i < 3; ++i) {
    // The canonical prefix only: a lenient reading here would hide a bug.
    const size_t at = kDigits.find(prefix[i]);
    if (at == std::string_view::npos) return std::nullopt;
    values[i] = static_cast<int>(at);
  }
  for (int i = 6; i >= 3; --i) {
    values[static_cast<size_t>(i)] = static_cast<int>(body % 31);
    body /= 31;
  }
  return format(values);
}

std::optional<std::string> normalize_personal_code(std::string_view typed) {
  std::array<int, 8> values{};
  size_t count = 0;
  for (const char c : typed) {
    if (c == '-' || c == ' ') continue;
    const int v = digit_value(c);
    if (v < 0 || count == values.size()) return std::nullopt;
    values[count++] = v;
  }
  if (count != values.size()) return std::nullopt;
  std::array<int, 7> payload{};
  for (size_t i = 0; i < 7; ++i) payload[i] = values[i];
  if (check_character(payload) != kDigits[static_cast<size_t>(values[7])]) return std::nullopt;
  return format(payload);
}

std::string_view prefix_of(std::string_view canonical_code) {
  return canonical_code.substr(0, 3);
}

}  // namespace ih::api
