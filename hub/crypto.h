// The hub's uses of libsodium: hashes of secrets, PIN hashing, random ids.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/hub.h"

namespace ih::hub {

// BLAKE2b-256 of a high-entropy secret (token, device secret, enrolment code).
// Such secrets need no slow hash: guessing 256 bits is hopeless either way.
std::vector<unsigned char> hash_secret(std::string_view secret);

// BLAKE2b-256 keyed with `key`.
std::vector<unsigned char> keyed_hash(const std::vector<unsigned char>& key, std::string_view data);

// Argon2id (crypto_pwhash_str) of a PIN or password. nullopt if out of memory.
std::optional<std::string> hash_pin(std::string_view pin, PinCost cost);
bool verify_pin(const std::string& stored, std::string_view pin);

// A random identifier: `prefix` and 16 base64url characters (96 bits).
std::string random_id(std::string_view prefix);

// A random string of `length` Crockford base32 digits.
std::string random_crockford(size_t length);

// crypto_secretbox with a 32-byte `key`: a random nonce, then the box. open()
// is nullopt if the box was not sealed with `key` or was changed.
std::vector<unsigned char> seal_with(const std::vector<unsigned char>& key, std::string_view plain);
std::optional<std::string> open_with(const std::vector<unsigned char>& key,
                                     const std::vector<unsigned char>& sealed);

// Constant-time equality of two byte strings.
bool same_bytes(const std::vector<unsigned char>& a, const std::vector<unsigned char>& b);

}  // namespace ih::hub
