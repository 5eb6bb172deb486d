#include "net/envelope.h"

#include <sodium.h>

#include "api/time_text.h"

namespace ih::net {

std::optional<std::vector<unsigned char>> seal_call(const QueuedCall& call,
                                                    const std::vector<unsigned char>& server_key) {
  if (server_key.size() != crypto_box_PUBLICKEYBYTES || sodium_init() < 0) return std::nullopt;
  nlohmann::json content = {{"method", call.method},
                            {"path", call.path},
                            {"idempotency_key", call.idempotency_key},
                            {"sealed_at", api::format_time(call.sealed_at)}};
  if (!call.session_token.empty()) content["session_token"] = call.session_token;
  if (!call.body.is_null()) content["body"] = call.body;
  // Text the person typed may not be valid UTF-8; replace, never throw.
  std::string plain = content.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::vector<unsigned char> sealed(plain.size() + crypto_box_SEALBYTES);
  const int rc =
      crypto_box_seal(sealed.data(), reinterpret_cast<const unsigned char*>(plain.data()),
                      plain.size(), server_key.data());
  sodium_memzero(plain.data(), plain.size());
  if (rc != 0) return std::nullopt;
  return sealed;
}

}  // namespace ih::net
