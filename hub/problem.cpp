#include "hub/problem.h"

#include <algorithm>
#include <cassert>

namespace ih::hub {

std::span<const std::string_view> problem_types() {
  static constexpr std::string_view kTypes[] = {
      "malformed-request",
      "idempotency-key-missing",
      "idempotency-key-reused",
      "method-not-allowed",
      "unauthenticated",
      "session-expired",
      "invalid-credentials",
      "forbidden",
      "enrolment-code-invalid",
      "not-found",
      "conflict",
      "personal-code-taken",
      "request-does-not-fit",
      "request-answered",
      "request-withdrawn",
      "validation-failed",
      "envelope-unreadable",
      "length-required",
      "payload-too-large",
      "uri-too-long",
      "unsupported-media-type",
      "rate-limited",
      "unavailable",
      "internal",
  };
  return kTypes;
}

Reply json_reply(int status, const nlohmann::json& body) {
  Reply reply;
  reply.status = status;
  reply.body = body.dump();
  return reply;
}

Reply problem(int status, std::string_view name, std::string_view title, std::string_view detail) {
  assert(std::ranges::find(problem_types(), name) != problem_types().end());
  nlohmann::json body = {{"type", "https://ichhelfe.jetzt/problems/" + std::string(name)},
                         {"title", title},
                         {"status", status}};
  if (!detail.empty()) body["detail"] = detail;
  Reply reply = json_reply(status, body);
  reply.content_type = "application/problem+json";
  return reply;
}

Reply validation_problem(const std::vector<FieldError>& errors) {
  nlohmann::json list = nlohmann::json::array();
  for (const FieldError& e : errors) {
    nlohmann::json item = {{"field", e.field}, {"reason", api::reason_name(e.problem.reason)}};
    if (e.problem.unit != api::Unit::None) {
      item["unit"] = api::unit_name(e.problem.unit);
      item["limit"] = e.problem.limit;
    }
    list.push_back(std::move(item));
  }
  Reply reply = problem(422, "validation-failed", "Some fields are not valid");
  auto body = nlohmann::json::parse(reply.body);
  body["errors"] = list;
  reply.body = body.dump();
  return reply;
}

Reply retry_later(int status, std::string_view name, std::string_view title, int64_t seconds) {
  Reply reply = problem(status, name, title);
  reply.headers.emplace_back("Retry-After", std::to_string(seconds < 1 ? 1 : seconds));
  return reply;
}

}  // namespace ih::hub
