// Sealing a call for the outbox: the call (method, path, idempotency key,
// session token, body, time) as JSON, sealed with crypto_box_seal to the
// server's X25519 key from enrolment. Only the server can open it.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace ih::net {

struct QueuedCall {
  std::string method = "POST";
  std::string path;
  std::string idempotency_key;
  std::string session_token;  // empty for calls without a person's session
  nlohmann::json body;
  int64_t sealed_at = 0;  // Unix seconds
};

// nullopt if the key is not 32 bytes. The serialized plaintext is wiped after
// sealing.
std::optional<std::vector<unsigned char>> seal_call(const QueuedCall& call,
                                                    const std::vector<unsigned char>& server_key);

}  // namespace ih::net
