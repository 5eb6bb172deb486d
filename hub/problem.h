// Replies: JSON bodies and RFC 9457 problem details. The problem names are the
// ones api/openapi.yaml lists; a problem never echoes personal data.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hub/fields.h"
#include "hub/hub.h"

namespace ih::hub {

Reply json_reply(int status, const nlohmann::json& body);

// Every problem name the hub sends, in the order api/openapi.yaml lists them
// (x-problem-types of the Problem schema); problem() takes no other.
std::span<const std::string_view> problem_types();

Reply problem(int status, std::string_view name, std::string_view title,
              std::string_view detail = {});

// 422 validation-failed listing every wrong field: its name, the reason
// (api::reason_name) and, for a length, the unit and the limit crossed.
Reply validation_problem(const std::vector<FieldError>& errors);

// 429 or 503 with Retry-After.
Reply retry_later(int status, std::string_view name, std::string_view title, int64_t seconds);

}  // namespace ih::hub
