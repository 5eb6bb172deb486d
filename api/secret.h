// Secrets the caller mints (device secrets, session tokens, idempotency keys)
// and the encodings the API uses for bytes. Thread-safe; needs sodium_init(),
// which every function here calls once.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ih::api {

// 32 random bytes, base64url without padding: 43 characters.
std::string mint_secret();

// A random idempotency key: 22 characters of base64url (16 random bytes).
std::string mint_idempotency_key();

// Whether `s` has the shape of a minted secret (43 base64url characters).
bool is_secret(std::string_view s);

// Whether `s` is an acceptable idempotency key: 16 to 64 of [A-Za-z0-9_-].
bool is_idempotency_key(std::string_view s);

// Standard base64 with padding, as the API sends binary fields.
std::string to_base64(const std::vector<unsigned char>& bytes);
std::optional<std::vector<unsigned char>> from_base64(std::string_view text);

// base64url without padding, for tokens and cursors.
std::string to_base64url(std::string_view bytes);
std::optional<std::string> from_base64url(std::string_view text);

}  // namespace ih::api
