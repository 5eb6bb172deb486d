#include "hub/crypto.h"

#include <sodium.h>

#include <cassert>

#include "api/secret.h"

namespace ih::hub {

std::vector<unsigned char> hash_secret(std::string_view secret) {
  return keyed_hash({}, secret);
}

std::vector<unsigned char> keyed_hash(const std::vector<unsigned char>& key,
                                      std::string_view data) {
  std::vector<unsigned char> out(crypto_generichash_BYTES);
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()),
                     data.size(), key.empty() ? nullptr : key.data(), key.size());
  return out;
}

std::optional<std::string> hash_pin(std::string_view pin, PinCost cost) {
  const bool minimal = cost == PinCost::Minimal;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(
          out, pin.data(), pin.size(),
          minimal ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
          minimal ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return std::nullopt;
  }
  return std::string(out);
}

bool verify_pin(const std::string& stored, std::string_view pin) {
  return crypto_pwhash_str_verify(stored.c_str(), pin.data(), pin.size()) == 0;
}

std::string random_id(std::string_view prefix) {
  unsigned char bytes[12];
  randombytes_buf(bytes, sizeof bytes);
  return std::string(prefix) +
         api::to_base64url(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

std::string random_crockford(size_t length) {
  static constexpr char kDigits[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::string out;
  for (size_t i = 0; i < length; ++i) out += kDigits[randombytes_uniform(32)];
  return out;
}

std::vector<unsigned char> seal_with(const std::vector<unsigned char>& key,
                                     std::string_view plain) {
  assert(key.size() == crypto_secretbox_KEYBYTES);
  std::vector<unsigned char> out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                 plain.size());
  randombytes_buf(out.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                        out.data(), key.data());
  return out;
}

std::optional<std::string> open_with(const std::vector<unsigned char>& key,
                                     const std::vector<unsigned char>& sealed) {
  constexpr size_t overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
  if (key.size() != crypto_secretbox_KEYBYTES || sealed.size() < overhead) return std::nullopt;
  std::string plain(sealed.size() - overhead, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                 sealed.data() + crypto_secretbox_NONCEBYTES,
                                 sealed.size() - crypto_secretbox_NONCEBYTES, sealed.data(),
                                 key.data()) != 0) {
    return std::nullopt;
  }
  return plain;
}

bool same_bytes(const std::vector<unsigned char>& a, const std::vector<unsigned char>& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace ih::hub
