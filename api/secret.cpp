#include "api/secret.h"

#include <sodium.h>

#include <algorithm>
#include <cassert>

namespace ih::api {
namespace {

void ensure_sodium() {
  [[maybe_unused]] static const int ready = sodium_init();
  assert(ready >= 0);
}

bool is_url_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

std::string encode(const unsigned char* data, size_t size, int variant) {
  std::string out(sodium_base64_encoded_len(size, variant), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, variant);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::optional<std::vector<unsigned char>> decode(std::string_view text, int variant) {
  std::vector<unsigned char> out(text.size() * 3 / 4 + 3);
  size_t size = 0;
  const char* end = nullptr;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &size, &end,
                        variant) != 0 ||
      end != text.data() + text.size()) {
    return std::nullopt;
  }
  out.resize(size);
  return out;
}

}  // namespace

std::string mint_secret() {
  ensure_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return encode(bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::string mint_idempotency_key() {
  ensure_sodium();
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  return encode(bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

bool is_secret(std::string_view s) {
  return s.size() == 43 && std::all_of(s.begin(), s.end(), is_url_char);
}

bool is_idempotency_key(std::string_view s) {
  return s.size() >= 16 && s.size() <= 64 && std::all_of(s.begin(), s.end(), is_url_char);
}

std::string to_base64(const std::vector<unsigned char>& bytes) {
  ensure_sodium();
  return encode(bytes.data(), bytes.size(), sodium_base64_VARIANT_ORIGINAL);
}

std::optional<std::vector<unsigned char>> from_base64(std::string_view text) {
  ensure_sodium();
  return decode(text, sodium_base64_VARIANT_ORIGINAL);
}

std::string to_base64url(std::string_view bytes) {
  ensure_sodium();
  return encode(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::optional<std::string> from_base64url(std::string_view text) {
  ensure_sodium();
  auto bytes = decode(text, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  if (!bytes) return std::nullopt;
  return std::string(bytes->begin(), bytes->end());
}

}  // namespace ih::api
