#include "kiosk/config.h"

#include <toml++/toml.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "i18n/language_registry.h"

namespace ih::kiosk {

namespace {

constexpr const char* kSystemConfig = "/etc/ichhelfe/kiosk.toml";

std::string where(std::string_view origin, const toml::source_region& at) {
  return std::string(origin) + ":" + std::to_string(at.begin.line) + ": ";
}

// Reads table.key into `out` if it is an integer in [low, high].
void read_seconds(const toml::table& table, std::string_view section, std::string_view key,
                  int64_t low, int64_t high, std::chrono::seconds& out, ConfigResult& r) {
  const toml::node* node = table.get(key);
  if (!node) return;
  const auto value = node->value_exact<int64_t>();
  if (!value || *value < low || *value > high) {
    r.problems.push_back(where(r.origin, node->source()) + std::string(section) + "." +
                         std::string(key) + " must be a whole number of seconds from " +
                         std::to_string(low) + " to " + std::to_string(high) +
                         "; using the default, " + std::to_string(out.count()));
    return;
  }
  out = std::chrono::seconds(*value);
}

// Reports the keys of `table` not in `known`.
void unknown_keys(const toml::table& table, std::string_view section,
                  const std::set<std::string_view>& known, ConfigResult& r) {
  for (const auto& [key, node] : table)
    if (!known.contains(key.str()))
      r.problems.push_back(where(r.origin, node.source()) + "unknown setting " +
                           (section.empty() ? "" : std::string(section) + ".") +
                           std::string(key.str()) + "; ignored");
}

const toml::table* section(const toml::table& root, std::string_view name, ConfigResult& r) {
  const toml::node* node = root.get(name);
  if (!node) return nullptr;
  if (!node->is_table()) {
    r.problems.push_back(where(r.origin, node->source()) + "[" + std::string(name) +
                         "] must be a table; its defaults are used");
    return nullptr;
  }
  return node->as_table();
}

}  // namespace

ConfigResult parse_config(std::string_view text, std::string_view origin) {
  ConfigResult r;
  r.origin = std::string(origin);
  toml::table root;
  try {
    root = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    r.problems.push_back(where(origin, e.source()) + std::string(e.description()) +
                         "; the whole file is ignored and the defaults are used");
    return r;
  }
  Settings& s = r.settings;
  unknown_keys(root, "", {"session", "language", "staff", "profile", "network"}, r);

  if (const toml::table* t = section(root, "session", r)) {
    unknown_keys(*t, "session", {"idle_seconds", "warning_seconds"}, r);
    read_seconds(*t, "session", "idle_seconds", 10, 3600, s.idle_after, r);
    read_seconds(*t, "session", "warning_seconds", kShortestWarning.count(), 600, s.warning_for, r);
  }
  if (const toml::table* t = section(root, "language", r)) {
    unknown_keys(*t, "language", {"default"}, r);
    if (const toml::node* node = t->get("default")) {
      const auto tag = node->value_exact<std::string>();
      static const i18n::LanguageRegistry registry =
          i18n::load_registry(i18n::default_registry_file()).registry;
      if (!tag || !registry.find(*tag))
        r.problems.push_back(where(origin, node->source()) +
                             "language.default must be the tag of a language the kiosk speaks, "
                             "such as \"de\" or \"ar\"; using the default, " +
                             s.default_language);
      else
        s.default_language = *tag;
    }
  }
  if (const toml::table* t = section(root, "staff", r)) {
    unknown_keys(*t, "staff", {"pin_hash", "attempts", "lockout_seconds"}, r);
    if (const toml::node* node = t->get("pin_hash")) {
      const auto hash = node->value_exact<std::string>();
      // Empty, as the sample writes it, means no staff mode, as by default.
      if (!hash || (!hash->empty() && !hash->starts_with("$argon2id$")))
        r.problems.push_back(where(origin, node->source()) +
                             "staff.pin_hash must be an Argon2id hash (\"$argon2id$…\"); staff "
                             "mode stays off");
      else
        s.staff_pin_hash = *hash;
    }
    if (const toml::node* node = t->get("attempts")) {
      const auto n = node->value_exact<int64_t>();
      if (!n || *n < 1 || *n > 20)
        r.problems.push_back(where(origin, node->source()) +
                             "staff.attempts must be a whole number from 1 to 20; using the "
                             "default, " +
                             std::to_string(s.staff_attempts));
      else
        s.staff_attempts = static_cast<int>(*n);
    }
    read_seconds(*t, "staff", "lockout_seconds", 10, 86400, s.staff_lockout, r);
  }
  if (const toml::table* t = section(root, "profile", r)) {
    unknown_keys(*t, "profile", {"places"}, r);
    if (const toml::node* node = t->get("places")) {
      std::vector<std::string> places;
      const toml::array* list = node->as_array();
      bool good = list && !list->empty();
      if (list)
        for (const toml::node& item : *list) {
          const auto place = item.value_exact<std::string>();
          // The hub takes a town of 1 to 80 characters.
          if (!place || place->empty() || place->size() > 80) good = false;
          else places.push_back(*place);
        }
      if (!good)
        r.problems.push_back(where(origin, node->source()) +
                             "profile.places must be a list of names of 1 to 80 characters, such "
                             "as [\"Dresden\", \"Erstaufnahme Leipzig\"]; using the default list");
      else
        s.places = std::move(places);
    }
  }
  if (const toml::table* t = section(root, "network", r)) {
    unknown_keys(*t, "network", {"server", "ca_file", "state_dir"}, r);
    const auto text = [&](std::string_view key, std::string& out, bool (*valid)(const std::string&),
                          const char* rule) {
      const toml::node* node = t->get(key);
      if (!node) return;
      const auto value = node->value_exact<std::string>();
      if (!value || !valid(*value))
        r.problems.push_back(where(origin, node->source()) + "network." + std::string(key) +
                             " must be " + rule + "; using the default, \"" + out + "\"");
      else
        out = *value;
    };
    text("server", s.server_url,
         [](const std::string& v) { return v.empty() || v.starts_with("https://"); },
         "an https:// address, or empty for no network");
    text("ca_file", s.ca_file, [](const std::string&) { return true; }, "a file name");
    text("state_dir", s.state_dir, [](const std::string& v) { return !v.empty(); },
         "a folder");
  }
  return r;
}

ConfigResult load_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ConfigResult r;
    r.origin = path;
    r.problems.push_back(path + ": cannot be read; the defaults are used");
    return r;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config(text.str(), path);
}

std::string find_config(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("ICHHELFE_KIOSK_CONFIG"); env && *env) return env;
  std::error_code ec;
  if (std::filesystem::exists(kSystemConfig, ec)) return kSystemConfig;
  return {};
}

}  // namespace ih::kiosk
