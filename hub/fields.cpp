#include "hub/fields.h"

#include <algorithm>

namespace ih::hub {
namespace {

// The field's value if present and not null; records "missing" for a required one.
const nlohmann::json* present(Fields& f, const char* key, Presence presence) {
  const auto it = f.object.find(key);
  if (it == f.object.end() || it->is_null()) {
    if (presence == Presence::Required) f.fail(key, api::Reason::Missing);
    return nullptr;
  }
  return &*it;
}

}  // namespace

std::optional<nlohmann::json> parse_object(std::string_view body) {
  auto value = nlohmann::json::parse(body, nullptr, false);
  if (value.is_discarded() || !value.is_object()) return std::nullopt;
  return value;
}

std::optional<std::string> Fields::string(const char* key, FieldCheck check, Presence presence) {
  const nlohmann::json* value = present(*this, key, presence);
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    fail(key, api::Reason::WrongType);
    return std::nullopt;
  }
  const auto& text = value->get_ref<const std::string&>();
  if (const auto problem = check(text)) {
    fail(key, *problem);
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> Fields::bytes(const char* key, size_t min, size_t max,
                                         Presence presence) {
  const nlohmann::json* value = present(*this, key, presence);
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    fail(key, api::Reason::WrongType);
    return std::nullopt;
  }
  const auto& text = value->get_ref<const std::string&>();
  if (text.size() < min) {
    fail(key, {api::Reason::TooShort, api::Unit::Bytes, static_cast<int64_t>(min)});
    return std::nullopt;
  }
  if (text.size() > max) {
    fail(key, {api::Reason::TooLong, api::Unit::Bytes, static_cast<int64_t>(max)});
    return std::nullopt;
  }
  return text;
}

std::optional<int64_t> Fields::integer(const char* key, int64_t min, int64_t max,
                                       Presence presence) {
  const nlohmann::json* value = present(*this, key, presence);
  if (!value) return std::nullopt;
  if (!value->is_number_integer()) {
    fail(key, api::Reason::WrongType);
    return std::nullopt;
  }
  // Unsigned values above INT64_MAX are out of range, not negative.
  if (value->is_number_unsigned() && value->get<uint64_t>() > static_cast<uint64_t>(max)) {
    fail(key, api::Reason::OutOfRange);
    return std::nullopt;
  }
  const auto number = value->get<int64_t>();
  if (number < min || number > max) {
    fail(key, api::Reason::OutOfRange);
    return std::nullopt;
  }
  return number;
}

std::optional<std::vector<std::string>> Fields::languages(const char* key) {
  const nlohmann::json* value = present(*this, key, Presence::Required);
  if (!value) return std::nullopt;
  if (!value->is_array() ||
      !std::all_of(value->begin(), value->end(), [](const auto& v) { return v.is_string(); })) {
    fail(key, api::Reason::WrongType);
    return std::nullopt;
  }
  auto tags = value->get<std::vector<std::string>>();
  if (const auto problem = api::check_languages(tags)) {
    fail(key, *problem);
    return std::nullopt;
  }
  return tags;
}

const nlohmann::json* Fields::object_field(const char* key, Presence presence) {
  const nlohmann::json* value = present(*this, key, presence);
  if (!value) return nullptr;
  if (!value->is_object()) {
    fail(key, api::Reason::WrongType);
    return nullptr;
  }
  return value;
}

void Fields::merge(const std::string& prefix, const Fields& nested) {
  for (const FieldError& e : nested.errors) fail(prefix + "." + e.field, e.problem);
}

}  // namespace ih::hub
