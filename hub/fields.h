// Reading a JSON request body field by field, collecting every problem at once
// so a 422 names all the fields that are wrong. What a field may hold is
// api/field_rules.h's to say; this file only finds the value in the JSON and
// keeps the problems with the fields' names.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/field_rules.h"

namespace ih::hub {

// The body as a JSON object, or nullopt if it is not one.
std::optional<nlohmann::json> parse_object(std::string_view body);

struct FieldError {
  std::string field;  // the JSON name, with its object's as a prefix: "when.date"
  api::FieldProblem problem;
};

enum class Presence { Required, Optional };

// A field rule: nullopt when the value is good.
using FieldCheck = std::optional<api::FieldProblem> (*)(std::string_view);

struct Fields {
  const nlohmann::json& object;
  std::vector<FieldError> errors;

  // A string that `check` accepts. A missing optional field is nullopt
  // without an error.
  std::optional<std::string> string(const char* key, FieldCheck check,
                                    Presence presence = Presence::Required);
  // A string of min..max bytes: for the protocol's own fields (an envelope's
  // path or seal), not for anything a person types.
  std::optional<std::string> bytes(const char* key, size_t min, size_t max,
                                   Presence presence = Presence::Required);
  std::optional<int64_t> integer(const char* key, int64_t min, int64_t max,
                                 Presence presence = Presence::Required);
  // A profile's languages (api::check_languages).
  std::optional<std::vector<std::string>> languages(const char* key);
  const nlohmann::json* object_field(const char* key, Presence presence = Presence::Required);

  void fail(std::string field, api::FieldProblem problem) {
    errors.push_back({std::move(field), problem});
  }
  void fail(std::string field, api::Reason reason) {
    fail(std::move(field), api::FieldProblem{reason});
  }
  // Takes a nested object's errors, their names prefixed with "`prefix`.".
  void merge(const std::string& prefix, const Fields& nested);
  bool ok() const { return errors.empty(); }
};

}  // namespace ih::hub
