#include "hub/fields.h"

#include <algorithm>

namespace ih::hub {

std::optional<nlohmann::json> parse_object(std::string_view body) {
  auto value = nlohmann::json::parse(body, nullptr, false);
  if (value.is_discarded() || !value.is_object()) return std::nullopt;
  return value;
}

std::optional<std::string> Fields::text(const char* key, size_t min, size_t max, bool required) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    if (required) fail(key, "missing");
    return std::nullopt;
  }
  if (!it->is_string()) {
    fail(key, "not a string");
    return std::nullopt;
  }
  const auto& value = it->get_ref<const std::string&>();
  if (value.size() < min || value.size() > max) {
    fail(key, "length out of range");
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> Fields::choice(const char* key,
                                          const std::vector<std::string_view>& choices,
                                          bool required) {
  auto value = text(key, 1, 64, required);
  if (value && std::find(choices.begin(), choices.end(), *value) == choices.end()) {
    fail(key, "not one of the allowed values");
    return std::nullopt;
  }
  return value;
}

std::optional<int64_t> Fields::integer(const char* key, int64_t min, int64_t max, bool required) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    if (required) fail(key, "missing");
    return std::nullopt;
  }
  if (!it->is_number_integer()) {
    fail(key, "not an integer");
    return std::nullopt;
  }
  const auto value = it->get<int64_t>();
  if (value < min || value > max) {
    fail(key, "out of range");
    return std::nullopt;
  }
  return value;
}

std::optional<std::vector<std::string>> Fields::languages(const char* key, size_t max_items) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_array() || it->empty() || it->size() > max_items) {
    fail(key, "not a list of 1 to " + std::to_string(max_items) + " languages");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : *it) {
    if (!item.is_string() || !is_language(item.get_ref<const std::string&>())) {
      fail(key, "not a language code");
      return std::nullopt;
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

const nlohmann::json* Fields::object_field(const char* key, bool required) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    if (required) fail(key, "missing");
    return nullptr;
  }
  if (!it->is_object()) {
    fail(key, "not an object");
    return nullptr;
  }
  return &*it;
}

bool is_language(std::string_view code) {
  return code.size() >= 2 && code.size() <= 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool is_pin(std::string_view pin) {
  return pin.size() >= 4 && pin.size() <= 8 &&
         std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_phone(std::string_view phone) {
  if (phone.size() < 4 || phone.size() > 30) return false;
  const size_t start = phone[0] == '+' ? 1 : 0;
  return std::all_of(phone.begin() + static_cast<std::ptrdiff_t>(start), phone.end(),
                     [](char c) { return (c >= '0' && c <= '9') || c == ' '; });
}

const std::vector<std::string_view>& categories() {
  static const std::vector<std::string_view> list = {
      "authority", "language_tandem",     "doctor",           "interpreting",
      "housing",   "legal_advice",        "school_childcare", "work_applications",
      "clothes",   "furniture_household", "mobility",         "leisure_sport",
      "other"};
  return list;
}

}  // namespace ih::hub
