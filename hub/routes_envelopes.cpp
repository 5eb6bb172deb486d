// Envelopes: calls a terminal queued while offline, sealed to the hub's box key
// so that the terminal could not read them back. The hub opens each one and
// answers it as the call it carries, judged at the time it was sealed.
#include <sodium.h>

#include "api/secret.h"
#include "api/time_text.h"
#include "hub/fields.h"
#include "hub/problem.h"
#include "hub/routes.h"

namespace ih::hub {
namespace {

constexpr int64_t kMaxEnvelopeAge = 30 * 86400;
constexpr int64_t kClockSlack = 300;

Reply unreadable(std::string_view detail) {
  return problem(422, "envelope-unreadable", "The envelope cannot be opened", detail);
}

}  // namespace

Reply deliver_envelope(CallContext& ctx) {
  if (auto denied = require_terminal(ctx)) return *denied;
  const auto body = parse_object(ctx.call.body);
  if (!body) return problem(400, "malformed-request", "The body is not a JSON object");
  Fields f{*body, {}};
  const auto sealed_text = f.bytes("sealed", 1, 200'000);
  if (!f.ok()) return validation_problem(f.errors);
  const auto sealed = api::from_base64(*sealed_text);
  if (!sealed || sealed->size() < crypto_box_SEALBYTES) return unreadable("not sealed base64");
  std::string plain(sealed->size() - crypto_box_SEALBYTES, '\0');
  if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()), sealed->data(),
                           sealed->size(), ctx.hub.box_public.data(),
                           ctx.hub.box_secret.data()) != 0) {
    return unreadable("not sealed to this server's key");
  }
  const auto content = parse_object(plain);
  sodium_memzero(plain.data(), plain.size());
  if (!content) return unreadable("the content is not a JSON object");
  Fields c{*content, {}};
  const auto method = c.bytes("method", 1, 8);
  const auto path = c.bytes("path", 4, 200);
  const auto key = c.bytes("idempotency_key", 16, 64);
  const auto token = c.bytes("session_token", 0, 64, Presence::Optional);
  const auto sealed_at_text = c.bytes("sealed_at", 20, 40);
  if (!c.ok() || (*method != "POST" && *method != "DELETE")) {
    return unreadable("the content lacks fields");
  }
  // Enrolment and envelopes themselves never travel in an envelope.
  if (path->rfind("/v1/", 0) != 0 || path->rfind("/v1/envelopes", 0) == 0 ||
      *path == "/v1/terminals") {
    return unreadable("this call cannot be sealed");
  }
  if (*key != ctx.call.idempotency_key) {
    return problem(400, "malformed-request", "Idempotency-Key differs from the envelope's key");
  }
  const auto sealed_at = api::parse_time(*sealed_at_text);
  if (!sealed_at || *sealed_at > ctx.now() + kClockSlack ||
      *sealed_at < ctx.now() - kMaxEnvelopeAge) {
    return unreadable("sealed_at is in the future or too old");
  }
  Call inner;
  inner.method = *method;
  inner.path = *path;
  inner.terminal_credential = ctx.call.terminal_credential;
  inner.bearer = token.value_or("");
  inner.idempotency_key = *key;
  inner.content_type = "application/json";
  const auto it = content->find("body");
  inner.body = it == content->end() ? std::string() : it->dump();
  inner.sealed_at = *sealed_at;
  // Tells the terminal that a 401 is about the sealed call's session, not
  // about the terminal itself: only the latter must keep the envelope queued.
  Reply reply = dispatch(ctx.hub, inner);
  reply.headers.emplace_back("Envelope-Opened", "true");
  return reply;
}

}  // namespace ih::hub
