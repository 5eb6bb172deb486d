#include "kiosk/config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "api/field_rules.h"
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

const i18n::LanguageRegistry& registry() {
  return i18n::shipped_registry().registry;
}

std::optional<Orientation> orientation_named(std::string_view name) {
  if (name == "auto") return Orientation::Auto;
  if (name == "landscape") return Orientation::Landscape;
  if (name == "portrait") return Orientation::Portrait;
  return std::nullopt;
}

// Reads display.key, one of a few names (`named` turns one into a value), into
// `out`; otherwise reports that it must be one of `names` ("\"a\", \"b\" or
// \"c\"") and keeps `out`, named `current`.
template <typename T, typename Named>
void read_named(const toml::table& display, std::string_view key, Named named,
                std::string_view names, std::string_view current, T& out, ConfigResult& r) {
  const toml::node* node = display.get(key);
  if (!node) return;
  const auto name = node->value_exact<std::string>();
  const std::optional<T> value = name ? named(*name) : std::nullopt;
  if (!value) {
    r.problems.push_back(where(r.origin, node->source()) + "display." + std::string(key) +
                         " must be " + std::string(names) + "; using the default, \"" +
                         std::string(current) + "\"");
    return;
  }
  out = *value;
}

// display.dark_from and display.dark_until: both "HH:MM", or both empty or
// missing (never dark).
void read_dark_hours(const toml::table& display, ConfigResult& r) {
  const toml::node* from = display.get("dark_from");
  const toml::node* until = display.get("dark_until");
  const auto text = [](const toml::node* n) {
    return n ? n->value_exact<std::string>() : std::optional<std::string>("");
  };
  const std::optional<std::string> from_text = text(from), until_text = text(until);
  if (from_text && until_text && from_text->empty() && until_text->empty()) return;
  const auto from_time = from_text ? time_of_day_named(*from_text) : std::nullopt;
  const auto until_time = until_text ? time_of_day_named(*until_text) : std::nullopt;
  if (!from_time || !until_time) {
    const toml::node* wrong = from_time ? until : from;
    r.problems.push_back((wrong ? where(r.origin, wrong->source()) : r.origin + ": ") +
                         "display.dark_from and display.dark_until must both be times such as "
                         "\"22:00\" and \"06:00\", or both empty; the screen is never dark");
    return;
  }
  r.dark_hours = DarkHours{*from_time, *until_time};
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
  unknown_keys(root, "",
               {"session", "language", "display", "speech", "staff", "profile", "network"}, r);

  if (const toml::table* t = section(root, "session", r)) {
    unknown_keys(*t, "session", {"idle_seconds", "warning_seconds"}, r);
    read_seconds(*t, "session", "idle_seconds", kIdleRange.low, kIdleRange.high, s.idle_after, r);
    read_seconds(*t, "session", "warning_seconds", kWarningRange.low, kWarningRange.high,
                 s.warning_for, r);
  }
  if (const toml::table* t = section(root, "language", r)) {
    unknown_keys(*t, "language", {"default", "shown"}, r);
    if (const toml::node* node = t->get("default")) {
      const auto tag = node->value_exact<std::string>();
      if (!tag || !registry().find(*tag))
        r.problems.push_back(where(origin, node->source()) +
                             "language.default must be the tag of a language the kiosk speaks, "
                             "such as \"de\" or \"ar\"; using the default, " +
                             s.default_language);
      else
        s.default_language = *tag;
    }
    if (const toml::node* node = t->get("shown")) {
      std::vector<std::string> shown;
      const toml::array* list = node->as_array();
      bool good = list != nullptr;
      if (list)
        for (const toml::node& item : *list) {
          const auto tag = item.value_exact<std::string>();
          const i18n::Language* language = tag ? registry().find(*tag) : nullptr;
          // The registry's spelling, once each; pseudo-locales are for testing.
          if (!language || language->pseudo() ||
              std::find(shown.begin(), shown.end(), language->tag) != shown.end())
            good = false;
          else
            shown.push_back(language->tag);
        }
      if (!good)
        r.problems.push_back(where(origin, node->source()) +
                             "language.shown must be a list of the tags of languages the kiosk "
                             "speaks, each once, such as [\"de\", \"ar\", \"uk\"], or [] for "
                             "all; showing every language");
      else
        s.languages_shown = std::move(shown);
    }
  }
  if (const toml::table* t = section(root, "display", r)) {
    unknown_keys(*t, "display",
                 {"orientation", "large_text", "reach_band", "renderer", "dark_from", "dark_until"},
                 r);
    read_named(*t, "orientation", orientation_named, "\"auto\", \"landscape\" or \"portrait\"",
               orientation_name(s.orientation), s.orientation, r);
    if (const toml::node* node = t->get("large_text")) {
      const auto on = node->value_exact<bool>();
      if (!on)
        r.problems.push_back(where(origin, node->source()) +
                             "display.large_text must be true or false; using the default, "
                             "false");
      else
        s.large_text = *on;
    }
    if (const toml::node* node = t->get("reach_band")) {
      const auto on = node->value_exact<bool>();
      if (!on)
        r.problems.push_back(where(origin, node->source()) +
                             "display.reach_band must be true or false; using the default, "
                             "false");
      else
        s.reach_band = *on;
    }
    read_named(*t, "renderer", renderer_choice_named, "\"auto\", \"gpu\" or \"software\"",
               renderer_choice_name(s.renderer), s.renderer, r);
    read_dark_hours(*t, r);
  }
  if (const toml::table* t = section(root, "speech", r)) {
    unknown_keys(*t, "speech", {"volume"}, r);
    if (const toml::node* node = t->get("volume")) {
      const auto value = node->value_exact<int64_t>();
      if (!value || *value < kLeastVolume || *value > kMostVolume)
        r.problems.push_back(where(origin, node->source()) + "speech.volume must be a percentage " +
                             "from " + std::to_string(kLeastVolume) + " to " +
                             std::to_string(kMostVolume) + "; using the default, " +
                             std::to_string(s.speech_volume));
      else
        s.speech_volume = static_cast<int>(*value);
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
          // A place becomes a profile's town: the platform's rule for one.
          if (!place || api::check_town(*place))
            good = false;
          else
            places.push_back(*place);
        }
      if (!good)
        r.problems.push_back(where(origin, node->source()) +
                             "profile.places must be a list of names of 1 to " +
                             std::to_string(api::kTown.max_graphemes) + " characters (at most " +
                             std::to_string(api::kTown.max_bytes) +
                             " bytes, on one line), such as [\"Dresden\", \"Erstaufnahme "
                             "Leipzig\"]; using the default list");
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
    text(
        "server", s.server_url,
        [](const std::string& v) { return v.empty() || v.starts_with("https://"); },
        "an https:// address, or empty for no network");
    text(
        "ca_file", s.ca_file, [](const std::string&) { return true; }, "a file name");
    text(
        "state_dir", s.state_dir, [](const std::string& v) { return !v.empty(); }, "a folder");
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

std::string_view orientation_name(Orientation o) {
  switch (o) {
    case Orientation::Auto:
      return "auto";
    case Orientation::Landscape:
      return "landscape";
    case Orientation::Portrait:
      return "portrait";
  }
  return "auto";
}

// [SECTION] Saving what staff changed

namespace {

// The byte offset in `text` of toml++'s position (1-based line and column;
// columns count code points, not bytes), or nullopt past the end.
std::optional<size_t> offset_of(std::string_view text, toml::source_position at) {
  size_t i = 0;
  for (uint32_t line = 1; line < at.line; ++line) {
    const size_t newline = text.find('\n', i);
    if (newline == std::string_view::npos) return std::nullopt;
    i = newline + 1;
  }
  for (uint32_t column = 1; column < at.column; ++column) {
    if (i >= text.size()) return std::nullopt;
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

// One staff setting as the file writes it.
struct Entry {
  std::string_view section;
  std::string_view key;
  std::string literal;
};

std::vector<Entry> staff_entries(const Settings& s) {
  std::string shown = "[";
  for (const std::string& tag : s.languages_shown) {
    if (shown.size() > 1) shown += ", ";
    shown += "\"" + tag + "\"";
  }
  shown += "]";
  return {{"session", "idle_seconds", std::to_string(s.idle_after.count())},
          {"session", "warning_seconds", std::to_string(s.warning_for.count())},
          {"language", "shown", shown},
          {"display", "orientation", "\"" + std::string(orientation_name(s.orientation)) + "\""},
          {"display", "large_text", s.large_text ? "true" : "false"},
          {"display", "reach_band", s.reach_band ? "true" : "false"},
          {"speech", "volume", std::to_string(s.speech_volume)}};
}

bool same_staff_settings(const Settings& a, const Settings& b) {
  return a.idle_after == b.idle_after && a.warning_for == b.warning_for &&
         a.languages_shown == b.languages_shown && a.orientation == b.orientation &&
         a.large_text == b.large_text && a.reach_band == b.reach_band &&
         a.speech_volume == b.speech_volume;
}

std::string system_error(const std::string& path, const char* what) {
  return path + ": " + what + " (" + std::strerror(errno) + "); the settings apply until the " +
         "kiosk restarts";
}

bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    text.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Writes `text` to a temporary file beside `path` and renames it over
// `path`, so that a crash or a full disk leaves the old file whole. Where the
// folder is not writable but the file is, it is rewritten in place.
std::string replace_file(const std::string& path, const std::string& text) {
  struct stat old {};
  const bool existed = ::stat(path.c_str(), &old) == 0;
  std::string temp = path + ".XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    const int in_place = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (in_place < 0) return system_error(path, "cannot be written");
    const bool written = write_all(in_place, text) && ::fsync(in_place) == 0;
    const int saved = errno;
    ::close(in_place);
    errno = saved;
    return written ? std::string() : system_error(path, "could not be written whole");
  }
  if (existed) ::fchmod(fd, old.st_mode & 07777);
  const bool written = write_all(fd, text) && ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!written || ::rename(temp.c_str(), path.c_str()) != 0) {
    if (written) errno = saved;
    ::unlink(temp.c_str());
    return system_error(path, "cannot be written");
  }
  return {};
}

}  // namespace

std::string save_staff_settings(const std::string& path, const Settings& settings) {
  std::string text;
  {
    std::ifstream in(path, std::ios::binary);
    if (in) {
      std::ostringstream read;
      read << in.rdbuf();
      text = read.str();
    } else if (std::error_code ec; std::filesystem::exists(path, ec)) {
      return path + ": cannot be read; nothing was written";
    }
  }
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    return where(path, e.source()) + std::string(e.description()) +
           "; the file is not TOML, so nothing was written";
  }

  // Replacements of values where they stand, and lines to add under a
  // section's header or in a new section at the end.
  struct Edit {
    size_t at;
    size_t length;
    std::string text;
  };
  std::vector<Edit> edits;
  std::vector<std::pair<std::string_view, std::string>> new_sections;
  for (const Entry& e : staff_entries(settings)) {
    const std::string line = std::string(e.key) + " = " + e.literal + "\n";
    const toml::node* node = root.get(e.section);
    if (!node) {
      auto it = std::find_if(new_sections.begin(), new_sections.end(),
                             [&](const auto& s) { return s.first == e.section; });
      if (it == new_sections.end())
        new_sections.emplace_back(e.section, "[" + std::string(e.section) + "]\n" + line);
      else
        it->second += line;
      continue;
    }
    const toml::table* table = node->as_table();
    if (!table || table->is_inline() || !table->source().begin)
      return where(path, node->source()) + "[" + std::string(e.section) +
             "] is not written as a section with a [header]; nothing was written";
    if (const toml::node* value = table->get(e.key)) {
      const auto begin = offset_of(text, value->source().begin);
      const auto end = offset_of(text, value->source().end);
      if (!begin || !end || *end < *begin)
        return where(path, value->source()) + "cannot find " + std::string(e.section) + "." +
               std::string(e.key) + " in the text; nothing was written";
      edits.push_back({*begin, *end - *begin, e.literal});
      continue;
    }
    // After the header's line.
    toml::source_position next_line{table->source().begin.line + 1, 1};
    const size_t at = offset_of(text, next_line).value_or(text.size());
    auto it = std::find_if(edits.begin(), edits.end(),
                           [&](const Edit& x) { return x.at == at && x.length == 0; });
    if (it != edits.end())
      it->text += line;
    else
      edits.push_back(
          {at, 0,
           (at == text.size() && !text.empty() && text.back() != '\n') ? "\n" + line : line});
  }
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.at > b.at; });
  for (const Edit& e : edits) text.replace(e.at, e.length, e.text);
  for (const auto& [name, lines] : new_sections) {
    if (!text.empty() && text.back() != '\n') text += '\n';
    if (!text.empty()) text += '\n';
    text += lines;
  }

  // Read back: the file must say what staff chose, and nothing else changes.
  const ConfigResult back = parse_config(text, path);
  if (!same_staff_settings(back.settings, settings))
    return path + ": the changed file would not read back as the settings chosen; nothing was " +
           "written";
  return replace_file(path, text);
}

}  // namespace ih::kiosk
