// api/openapi.yaml and api/field_rules.h state the same rules: every limit the
// code enforces is written in the specification with its unit, every field
// that takes typed text refers to the schema that states its rule, and the
// specification states no grapheme limit the code does not know.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "api/field_rules.h"
#include "hub/problem.h"
#include "tests/hub/openapi_yaml.h"

namespace ih::test {
namespace {

const YamlNode& spec() {
  static const YamlNode root = read_yaml_file(ICHHELFE_SOURCE_DIR "/api/openapi.yaml");
  return root;
}

const YamlNode* schema(std::string_view name) {
  return spec().at({"components", "schemas", name});
}

// A keyword's value, or "(absent)".
std::string keyword(const YamlNode& node, std::string_view key) {
  const YamlNode* value = node.get(key);
  return value ? value->value : "(absent)";
}

struct TextSchema {
  const char* name;
  const api::TextRule& rule;
};

const TextSchema kTextSchemas[] = {
    {"DisplayName", api::kDisplayName},
    {"Town", api::kTown},
    {"Place", api::kPlace},
    {"RequestText", api::kRequestText},
    {"MessageText", api::kMessageText},
    {"TerminalName", api::kTerminalName},
    {"Password", api::kPassword},
    {"Version", api::kVersion},
    {"LastError", api::kLastError},
};

TEST(OpenApiRules, EveryTextRuleIsStatedInGraphemesAndBytes) {
  for (const auto& [name, rule] : kTextSchemas) {
    SCOPED_TRACE(name);
    const YamlNode* s = schema(name);
    ASSERT_TRUE(s) << "no schema " << name;
    EXPECT_EQ(keyword(*s, "type"), "string");
    EXPECT_EQ(keyword(*s, "x-min-graphemes"), std::to_string(rule.min_graphemes));
    EXPECT_EQ(keyword(*s, "x-max-graphemes"), std::to_string(rule.max_graphemes));
    EXPECT_EQ(keyword(*s, "x-max-bytes"), std::to_string(rule.max_bytes));
    EXPECT_EQ(keyword(*s, "x-line-breaks"), rule.multiline ? "true" : "(absent)");
    // Code points: at least one for a grapheme, at most one per byte.
    EXPECT_EQ(keyword(*s, "minLength"),
              rule.min_graphemes > 0 ? std::to_string(rule.min_graphemes) : "(absent)");
    if (const YamlNode* max = s->get("maxLength")) {
      EXPECT_EQ(max->value, std::to_string(rule.max_bytes))
          << "maxLength counts code points; only the byte cap bounds them";
      EXPECT_EQ(rule.max_bytes, rule.max_graphemes) << "given only where it is exact";
    }
    EXPECT_TRUE(s->get("description")) << "say what the field is";
  }
}

TEST(OpenApiRules, NoOtherSchemaClaimsAGraphemeLimit) {
  std::set<std::string> known;
  for (const auto& text : kTextSchemas) known.insert(text.name);
  const YamlNode* schemas = spec().at({"components", "schemas"});
  ASSERT_TRUE(schemas);
  for (const auto& [name, node] : schemas->children) {
    if (node.get("x-max-graphemes") || node.get("x-max-bytes")) {
      EXPECT_TRUE(known.count(name)) << name << " states a limit api/field_rules.h does not test";
    }
  }
}

TEST(OpenApiRules, CodesPinsAndPhonesAreAsciiOfTheirLength) {
  const YamlNode* pin = schema("Pin");
  ASSERT_TRUE(pin);
  EXPECT_EQ(keyword(*pin, "minLength"), std::to_string(api::kMinPinDigits));
  EXPECT_EQ(keyword(*pin, "maxLength"), std::to_string(api::kMaxPinDigits));
  EXPECT_EQ(keyword(*pin, "pattern"), "^[0-9]{" + std::to_string(api::kMinPinDigits) + "," +
                                          std::to_string(api::kMaxPinDigits) + "}$");

  const YamlNode* phone = schema("Phone");
  ASSERT_TRUE(phone);
  EXPECT_EQ(keyword(*phone, "minLength"), std::to_string(api::kMinPhoneCharacters));
  EXPECT_EQ(keyword(*phone, "maxLength"), std::to_string(api::kMaxPhoneCharacters));
  EXPECT_EQ(keyword(*phone, "pattern"), "^\\+?[0-9 ]*$");

  const YamlNode* code = schema("PersonalCode");
  ASSERT_TRUE(code);
  EXPECT_EQ(keyword(*code, "minLength"), "1");
  EXPECT_EQ(keyword(*code, "maxLength"), std::to_string(api::kMaxPersonalCodeCharacters));
  const YamlNode* login_code = schema("Login")->at({"properties", "personal_code"});
  ASSERT_TRUE(login_code);
  EXPECT_EQ(keyword(*login_code, "maxLength"), std::to_string(api::kMaxPersonalCodeCharacters));

  const YamlNode* enrolment = schema("EnrolmentCode");
  ASSERT_TRUE(enrolment);
  EXPECT_EQ(keyword(*enrolment, "maxLength"), std::to_string(api::kMaxEnrolmentCodeCharacters));
  EXPECT_EQ(keyword(*enrolment, "pattern"), "^[ -~]*$");

  EXPECT_EQ(keyword(*schema("RequestId"), "pattern"), "^r_[A-Za-z0-9_-]{16,43}$");
  EXPECT_EQ(keyword(*schema("MessageId"), "pattern"),
            "^[0-9]{1," + std::to_string(api::kMaxMessageIdCharacters) + "}$");
  EXPECT_EQ(keyword(*schema("Secret"), "pattern"), "^[A-Za-z0-9_-]{43}$");
}

std::vector<std::string> strings(std::span<const std::string_view> values) {
  return {values.begin(), values.end()};
}

TEST(OpenApiRules, ListedValuesAreTheSame) {
  EXPECT_EQ(schema("Language")->get("enum")->items(), strings(api::known_languages()));
  EXPECT_EQ(schema("Category")->get("enum")->items(), strings(api::categories()));
  EXPECT_EQ(schema("PartOfDay")->get("enum")->items(), strings(api::parts_of_day()));
  const YamlNode* languages = schema("NewAccount")->at({"properties", "languages"});
  ASSERT_TRUE(languages);
  EXPECT_EQ(keyword(*languages, "minItems"), std::to_string(api::kMinLanguages));
  EXPECT_EQ(keyword(*languages, "maxItems"), std::to_string(api::kMaxLanguages));
}

TEST(OpenApiRules, ProblemsNameEveryReasonAndUnit) {
  const YamlNode* error = schema("FieldError");
  ASSERT_TRUE(error);
  std::vector<std::string> reasons;
  for (int r = 0; r <= static_cast<int>(api::Reason::OutOfRange); ++r) {
    reasons.emplace_back(api::reason_name(static_cast<api::Reason>(r)));
  }
  EXPECT_EQ(error->at({"properties", "reason", "enum"})->items(), reasons);
  std::vector<std::string> units;
  for (const api::Unit u :
       {api::Unit::Graphemes, api::Unit::Bytes, api::Unit::Characters, api::Unit::Items}) {
    units.emplace_back(api::unit_name(u));
  }
  EXPECT_EQ(error->at({"properties", "unit", "enum"})->items(), units);
}

TEST(OpenApiRules, TheProblemTypesAreTheHubsOwn) {
  const YamlNode* listed = schema("Problem") ? schema("Problem")->get("x-problem-types") : nullptr;
  ASSERT_TRUE(listed) << "the Problem schema lists no x-problem-types";
  const auto types = hub::problem_types();
  EXPECT_EQ(listed->items(), std::vector<std::string>(types.begin(), types.end()));
}

// Where each field that carries a rule refers to the schema stating it.
struct Use {
  std::vector<std::string_view> path;
  const char* schema;
};

TEST(OpenApiRules, EveryFieldRefersToTheSchemaOfItsRule) {
  const std::string_view body = "requestBody";
  const std::vector<Use> uses = {
      {{"components", "schemas", "NewAccount", "properties", "personal_code"}, "PersonalCode"},
      {{"components", "schemas", "NewAccount", "properties", "display_name"}, "DisplayName"},
      {{"components", "schemas", "NewAccount", "properties", "town"}, "Town"},
      {{"components", "schemas", "NewAccount", "properties", "phone"}, "Phone"},
      {{"components", "schemas", "NewAccount", "properties", "pin"}, "Pin"},
      {{"components", "schemas", "NewAccount", "properties", "session_token"}, "Secret"},
      {{"components", "schemas", "NewAccount", "properties", "languages", "items"}, "Language"},
      {{"components", "schemas", "Login", "properties", "pin"}, "Password"},
      {{"components", "schemas", "NewRequest", "properties", "category"}, "Category"},
      {{"components", "schemas", "NewRequest", "properties", "town"}, "Town"},
      {{"components", "schemas", "NewRequest", "properties", "place"}, "Place"},
      {{"components", "schemas", "NewRequest", "properties", "helper_language"}, "Language"},
      {{"components", "schemas", "NewRequest", "properties", "text"}, "RequestText"},
      {{"components", "schemas", "When", "properties", "part_of_day"}, "PartOfDay"},
      {{"components", "schemas", "EnrolmentRequest", "properties", "enrolment_code"},
       "EnrolmentCode"},
      {{"components", "schemas", "EnrolmentRequest", "properties", "name"}, "TerminalName"},
      {{"components", "schemas", "EnrolmentRequest", "properties", "version"}, "Version"},
      {{"components", "schemas", "Heartbeat", "properties", "version"}, "Version"},
      {{"components", "schemas", "Heartbeat", "properties", "last_error"}, "LastError"},
      {{"paths", "/v1/accounts/{code}/pin-reset", "post", body, "content", "application/json",
        "schema", "properties", "new_pin"},
       "Pin"},
      {{"paths", "/v1/conversations/{id}/messages", "post", body, "content", "application/json",
        "schema", "properties", "text"},
       "MessageText"},
      {{"paths", "/v1/requests/{id}/offers", "post", body, "content", "application/json", "schema",
        "properties", "message"},
       "MessageText"},
      {{"paths", "/v1/conversations/{id}/read", "post", body, "content", "application/json",
        "schema", "properties", "up_to"},
       "MessageId"},
  };
  for (const Use& use : uses) {
    const YamlNode* node = &spec();
    std::string where;
    for (const std::string_view key : use.path) {
      where += "/" + std::string(key);
      node = node ? node->get(key) : nullptr;
    }
    ASSERT_TRUE(node) << where;
    const YamlNode* ref = node->get("$ref");
    // A property with its own description refers through allOf.
    if (!ref && node->get("allOf") && !node->get("allOf")->children.empty()) {
      ref = node->get("allOf")->children[0].second.get("$ref");
    }
    ASSERT_TRUE(ref) << where << " refers to no schema";
    EXPECT_EQ(ref->value, std::string("#/components/schemas/") + use.schema) << where;
  }
  const YamlNode* id = schema("NewRequest")->at({"properties", "id", "allOf"});
  ASSERT_TRUE(id);
  EXPECT_EQ(keyword(id->children.at(0).second, "$ref"), "#/components/schemas/RequestId");
}

}  // namespace
}  // namespace ih::test
