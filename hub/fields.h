// Reading a JSON request body field by field, collecting every problem at once
// so a 422 names all the fields that are wrong.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ih::hub {

// The body as a JSON object, or nullopt if it is not one.
std::optional<nlohmann::json> parse_object(std::string_view body);

struct Fields {
  const nlohmann::json& object;
  std::vector<std::pair<std::string, std::string>> errors;

  // A string of `min`..`max` UTF-8 bytes. A missing optional field is nullopt
  // without an error.
  std::optional<std::string> text(const char* key, size_t min, size_t max, bool required = true);
  // One of `choices`.
  std::optional<std::string> choice(const char* key, const std::vector<std::string_view>& choices,
                                    bool required = true);
  std::optional<int64_t> integer(const char* key, int64_t min, int64_t max, bool required = true);
  // An array of 1..max_items language codes.
  std::optional<std::vector<std::string>> languages(const char* key, size_t max_items);
  const nlohmann::json* object_field(const char* key, bool required = true);

  void fail(std::string field, std::string reason) {
    errors.emplace_back(std::move(field), std::move(reason));
  }
  bool ok() const { return errors.empty(); }
};

bool is_language(std::string_view code);
bool is_pin(std::string_view pin);
bool is_phone(std::string_view phone);
// The request categories of api/openapi.yaml.
const std::vector<std::string_view>& categories();

}  // namespace ih::hub
