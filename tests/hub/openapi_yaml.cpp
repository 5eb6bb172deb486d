#include "tests/hub/openapi_yaml.h"

#include <fstream>
#include <iterator>
#include <sstream>

namespace ih::test {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string unquote(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'') {
    std::string out;
    for (size_t i = 1; i + 1 < s.size(); ++i) {
      out += s[i];
      if (s[i] == '\'' && s[i + 1] == '\'') ++i;  // '' is one quote
    }
    return out;
  }
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') {
    std::string out;
    for (size_t i = 1; i + 1 < s.size(); ++i) {
      if (s[i] == '\\' && i + 2 < s.size()) ++i;
      out += s[i];
    }
    return out;
  }
  return std::string(s);
}

// Where the scalar starting at `i` ends: at a ',', '}' or ']' outside quotes.
size_t scalar_end(std::string_view s, size_t i) {
  char quote = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == ',' || c == '}' || c == ']') {
      break;
    }
  }
  return i;
}

// The position of the ':' that ends a key in `s` from `i`, or npos.
size_t key_colon(std::string_view s, size_t i, size_t end) {
  char quote = 0;
  for (; i < end; ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == ':' && (i + 1 == end || s[i + 1] == ' ')) {
      return i;
    }
  }
  return std::string_view::npos;
}

YamlNode flow(std::string_view s, size_t& i);

void skip_spaces(std::string_view s, size_t& i) {
  while (i < s.size() && s[i] == ' ') ++i;
}

// A flow collection's entries up to `close`.
void flow_entries(std::string_view s, size_t& i, char close, YamlNode& into) {
  ++i;  // the opening bracket
  while (true) {
    skip_spaces(s, i);
    if (i >= s.size()) return;
    if (s[i] == close) {
      ++i;
      return;
    }
    if (s[i] == ',') {
      ++i;
      continue;
    }
    std::string key = "-";
    if (close == '}') {
      const size_t colon = key_colon(s, i, scalar_end(s, i));
      if (colon == std::string_view::npos) return;
      key = unquote(s.substr(i, colon - i));
      i = colon + 1;
      skip_spaces(s, i);
    }
    into.children.emplace_back(key, flow(s, i));
  }
}

YamlNode flow(std::string_view s, size_t& i) {
  YamlNode node;
  skip_spaces(s, i);
  if (i < s.size() && (s[i] == '{' || s[i] == '[')) {
    flow_entries(s, i, s[i] == '{' ? '}' : ']', node);
    return node;
  }
  const size_t end = scalar_end(s, i);
  node.value = unquote(s.substr(i, end - i));
  i = end;
  return node;
}

// A value written after "key:" or "- ".
YamlNode inline_value(std::string_view rest) {
  size_t i = 0;
  return flow(rest, i);
}

// Whether the brackets of a flow collection are all closed (outside quotes).
bool balanced(std::string_view s) {
  int depth = 0;
  char quote = 0;
  for (const char c : s) {
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return depth <= 0;
}

bool is_block_scalar(std::string_view v) {
  return v == "|" || v == "|-" || v == ">" || v == ">-";
}

}  // namespace

const YamlNode* YamlNode::get(std::string_view key) const {
  for (const auto& [k, v] : children) {
    if (k == key) return &v;
  }
  return nullptr;
}

const YamlNode* YamlNode::at(std::initializer_list<std::string_view> path) const {
  const YamlNode* node = this;
  for (const std::string_view key : path) {
    node = node->get(key);
    if (!node) return nullptr;
  }
  return node;
}

std::vector<std::string> YamlNode::items() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : children) {
    if (k == "-") out.push_back(v.value);
  }
  return out;
}

YamlNode read_yaml(std::string_view text) {
  YamlNode root;
  // The open nodes and the indentation of their entries' lines.
  std::vector<std::pair<int, YamlNode*>> open = {{-1, &root}};
  int skip_deeper_than = -1;  // inside a block scalar's text
  std::istringstream in{std::string(text)};
  std::string raw;
  while (std::getline(in, raw)) {
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    const int indent = static_cast<int>(raw.find_first_not_of(' '));
    if (skip_deeper_than >= 0) {
      if (indent > skip_deeper_than) continue;
      skip_deeper_than = -1;
    }
    while (open.back().first >= indent) open.pop_back();
    YamlNode* parent = open.back().second;
    std::string_view rest = line;
    int content_indent = indent;
    if (rest.rfind("- ", 0) == 0 || rest == "-") {
      // A list item: its own node, at the indentation of what follows "- ".
      parent->children.emplace_back("-", YamlNode{});
      parent = &parent->children.back().second;
      open.emplace_back(indent, parent);
      rest = trim(rest.substr(1));
      content_indent = indent + 2;
      if (rest.empty()) continue;
      const size_t colon = key_colon(rest, 0, rest.size());
      if (rest.front() == '{' || rest.front() == '[' || colon == std::string_view::npos) {
        *parent = inline_value(rest);
        continue;
      }
    }
    const size_t colon = key_colon(rest, 0, rest.size());
    if (colon == std::string_view::npos) continue;  // a continued plain scalar: not read
    const std::string key = unquote(rest.substr(0, colon));
    std::string value(trim(rest.substr(colon + 1)));
    // A flow collection may go on over the next lines.
    std::string more;
    while (!value.empty() && (value.front() == '[' || value.front() == '{') && !balanced(value) &&
           std::getline(in, more)) {
      value += ' ';
      value += trim(more);
    }
    parent->children.emplace_back(
        key, is_block_scalar(value) || value.empty() ? YamlNode{} : inline_value(value));
    if (is_block_scalar(value)) {
      skip_deeper_than = content_indent;
    } else if (value.empty()) {
      open.emplace_back(content_indent, &parent->children.back().second);
    }
  }
  return root;
}

YamlNode read_yaml_file(const std::string& path) {
  std::ifstream in(path);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return read_yaml(text);
}

}  // namespace ih::test
