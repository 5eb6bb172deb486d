// A reader of the YAML that api/openapi.yaml is written in, for the contract
// tests: block maps by indentation, block lists ("- …"), flow maps and lists
// ("{ a: b, c: [d, e] }"), plain and quoted scalars, and block scalars ("|",
// ">-"), whose text it skips. Not a YAML parser: anchors, tags, multi-line
// flow collections and multi-line plain scalars are not read.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ih::test {

struct YamlNode {
  std::string value;  // a scalar's text, unquoted; empty for maps and lists
  // A map's entries in order; a list's items have the key "-".
  std::vector<std::pair<std::string, YamlNode>> children;

  // The entry `key` of a map, or nullptr.
  const YamlNode* get(std::string_view key) const;
  // get() along a path of keys, or nullptr where one is missing.
  const YamlNode* at(std::initializer_list<std::string_view> path) const;
  // The values of a list's scalar items.
  std::vector<std::string> items() const;
};

YamlNode read_yaml(std::string_view text);
YamlNode read_yaml_file(const std::string& path);

}  // namespace ih::test
