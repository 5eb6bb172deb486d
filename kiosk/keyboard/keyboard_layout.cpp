#include "kiosk/keyboard/keyboard_layout.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "i18n/data_dir.h"
#include "kiosk/keyboard/ethiopic.h"
#include "render/graphemes.h"
#include "render/utf.h"

namespace ih::kiosk::keyboard {

namespace {

using json = nlohmann::json;
using i18n::Diagnostic;

constexpr float kMinWidth = 0.5f;
constexpr float kMaxWidth = 8.0f;
constexpr size_t kMaxSeries = 4;

// [SECTION] Reading keys

struct Reader {
  std::string origin;
  std::vector<Diagnostic> errors;

  void error(int line, std::string what) {
    errors.push_back({origin, line, Diagnostic::Severity::Error, std::move(what)});
  }
  void error(std::string what) { error(0, std::move(what)); }
};

int line_of(std::string_view text, size_t byte) {
  byte = std::min(byte, text.size());
  return 1 + static_cast<int>(
                 std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(byte), '\n'));
}

// How an error names a key: its place, and what it types or shows if it says.
std::string key_name(std::string_view layer, size_t row, size_t index, const json& value) {
  std::string name = std::string(layer) + ", row " + std::to_string(row + 1) + ", key " +
                     std::to_string(index + 1);
  const json* shown = &value;
  if (value.is_object()) {
    for (const char* field : {"label", "text", "action"})
      if (value.contains(field) && value[field].is_string()) {
        shown = &value[field];
        break;
      }
  }
  if (shown->is_string()) {
    std::string s = shown->get<std::string>();
    if (s.size() > kMaxTextBytes) s = s.substr(0, kMaxTextBytes) + "…";
    name += " (\"" + s + "\")";
  }
  return name;
}

// Why `s` cannot be typed or shown by a key; empty if it can.
std::string text_problem(const std::string& s) {
  if (s.empty()) return "is empty";
  if (s.size() > kMaxTextBytes) return "is longer than " + std::to_string(kMaxTextBytes) + " bytes";
  if (!render::is_valid_utf8(s)) return "is not UTF-8";
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || u_charType(c) == U_CONTROL_CHAR || c == 0x2028 || c == 0x2029)
      return "holds a control character";
  }
  return {};
}

std::optional<KeyAction> action_named(const std::string& name) {
  static const std::pair<const char*, KeyAction> kNames[] = {
      {"shift", KeyAction::Shift},     {"backspace", KeyAction::Backspace},
      {"space", KeyAction::Space},     {"symbols", KeyAction::Symbols},
      {"letters", KeyAction::Letters}, {"layout", KeyAction::Layout},
      {"left", KeyAction::Left},       {"right", KeyAction::Right},
      {"done", KeyAction::Done},
  };
  for (const auto& [n, a] : kNames)
    if (name == n) return a;
  return std::nullopt;
}

// The one code point of `s`, or -1.
UChar32 single_code_point(const std::string& s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  UChar32 c = -1;
  if (length > 0) U8_NEXT(bytes, i, length, c);
  return i == length ? c : -1;
}

std::optional<Key> read_key(Reader& r, const std::string& name, const json& value) {
  Key key;
  if (value.is_string()) {
    key.text = value.get<std::string>();
    if (const std::string p = text_problem(key.text); !p.empty()) {
      r.error(name + ": the text " + p);
      return std::nullopt;
    }
    return key;
  }
  if (!value.is_object()) {
    r.error(name + ": a key is a string or an object");
    return std::nullopt;
  }
  const size_t errors_before = r.errors.size();
  static const std::set<std::string> kFields = {"text",  "action", "syllables",
                                                "label", "width",  "variants"};
  for (const auto& [field, unused] : value.items())
    if (!kFields.count(field)) r.error(name + ": unknown field \"" + field + "\"");
  const int kinds = int(value.contains("text")) + int(value.contains("action")) +
                    int(value.contains("syllables"));
  if (kinds != 1) r.error(name + ": needs exactly one of \"text\", \"action\" and \"syllables\"");

  if (value.contains("text")) {
    if (!value["text"].is_string()) {
      r.error(name + ": \"text\" is not a string");
    } else {
      key.text = value["text"].get<std::string>();
      if (const std::string p = text_problem(key.text); !p.empty())
        r.error(name + ": the text " + p);
    }
  }
  if (value.contains("action")) {
    const json& a = value["action"];
    const std::optional<KeyAction> action =
        a.is_string() ? action_named(a.get<std::string>()) : std::nullopt;
    if (!action)
      r.error(name +
              ": unknown action; one of shift, backspace, space, symbols, letters, layout, "
              "left, right, done");
    else
      key.action = *action;
  }
  if (value.contains("syllables")) {
    key.action = KeyAction::Syllables;
    const json& s = value["syllables"];
    if (!s.is_array() || s.empty() || s.size() > kMaxSeries) {
      r.error(name + ": \"syllables\" is a list of 1 to " + std::to_string(kMaxSeries) +
              " Ethiopic consonants");
    } else {
      for (const json& base : s) {
        const UChar32 c = base.is_string() ? single_code_point(base.get<std::string>()) : -1;
        if (c < 0 || !is_ethiopic_series(static_cast<char32_t>(c))) {
          r.error(name + ": \"syllables\" holds " + base.dump() +
                  ", which is not the first syllable of an Ethiopic series");
          continue;
        }
        for (std::string& form : ethiopic_syllables(static_cast<char32_t>(c)))
          key.forms.push_back(std::move(form));
      }
    }
  }
  if (value.contains("label")) {
    if (!value["label"].is_string()) {
      r.error(name + ": \"label\" is not a string");
    } else {
      key.label = value["label"].get<std::string>();
      if (const std::string p = text_problem(key.label); !p.empty())
        r.error(name + ": the label " + p);
    }
  }
  if (value.contains("width")) {
    const json& w = value["width"];
    const double width = w.is_number() ? w.get<double>() : -1;
    if (!(width >= kMinWidth && width <= kMaxWidth))
      r.error(name + ": \"width\" is a number from 0.5 to 8");
    else
      key.width = static_cast<float>(width);
  }
  if (value.contains("variants")) {
    const json& v = value["variants"];
    if (!value.contains("text")) r.error(name + ": only a key with \"text\" has variants");
    if (!v.is_array() || v.empty() || v.size() > kMaxVariants) {
      r.error(name + ": \"variants\" is a list of 1 to " + std::to_string(kMaxVariants) + " texts");
    } else {
      for (const json& variant : v) {
        std::string p = variant.is_string() ? text_problem(variant.get<std::string>())
                                            : std::string("is not a string");
        if (!p.empty())
          r.error(name + ": the variant " + variant.dump() + " " + p);
        else
          key.variants.push_back(variant.get<std::string>());
      }
    }
  }
  if (r.errors.size() != errors_before) return std::nullopt;
  return key;
}

bool has_action(const KeyLayer& layer, KeyAction action) {
  for (const KeyRow& row : layer.rows)
    for (const Key& k : row)
      if (k.action == action) return true;
  return false;
}

// [SECTION] Reading layers

KeyLayer read_layer(Reader& r, const json& root, const char* name) {
  KeyLayer layer;
  const json& rows = root[name];
  if (!rows.is_array() || rows.empty() || rows.size() > kMaxRows) {
    r.error(std::string(name) + ": a list of 1 to " + std::to_string(kMaxRows) + " rows");
    return layer;
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string row_name = std::string(name) + ", row " + std::to_string(i + 1);
    if (!rows[i].is_array() || rows[i].empty()) {
      r.error(row_name + ": a row is a list of keys");
      continue;
    }
    KeyRow row;
    float width = 0;
    for (size_t k = 0; k < rows[i].size(); ++k) {
      std::optional<Key> key = read_key(r, key_name(name, i, k, rows[i][k]), rows[i][k]);
      if (!key) continue;
      width += key->width;
      row.push_back(std::move(*key));
    }
    if (width > kMaxRowWidth)
      r.error(row_name + ": is " + std::to_string(static_cast<int>(std::ceil(width))) +
              " keys wide; at most " + std::to_string(static_cast<int>(kMaxRowWidth)) +
              " fit a portrait screen at a finger's size");
    layer.rows.push_back(std::move(row));
  }
  return layer;
}

void require_action(Reader& r, const KeyLayer& layer, const char* layer_name, KeyAction action,
                    const char* action_name) {
  if (!layer.empty() && !has_action(layer, action))
    r.error(std::string(layer_name) + ": has no \"" + action_name + "\" key");
}

// [SECTION] Upper case

int32_t grapheme_count(const std::string& utf8) {
  return static_cast<int32_t>(render::grapheme_boundaries(render::utf8_to_utf16(utf8)).size()) - 1;
}

// `text` in upper case by the rules of `language`, unless that changes how many
// letters it has (German ß would become SS): a key types one letter.
std::string upper(const std::string& text, const icu::Locale& locale) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(text);
  s.toUpper(locale);
  std::string out;
  s.toUTF8String(out);
  return grapheme_count(out) == grapheme_count(text) ? out : text;
}

void add_upper_case(KeyLayer& layer, const std::string& language) {
  const icu::Locale locale(language.c_str());
  for (KeyRow& row : layer.rows)
    for (Key& k : row)
      if (k.action == KeyAction::Type) {
        k.shifted = upper(k.text, locale);
        k.shifted_variants.clear();
        for (const std::string& v : k.variants) k.shifted_variants.push_back(upper(v, locale));
      }
}

bool valid_language_tag(const std::string& tag) {
  if (tag.size() < 2 || tag.size() > 35) return false;
  return std::all_of(tag.begin(), tag.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool valid_id(std::string_view id) {
  return !id.empty() && id.size() <= 32 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// [SECTION] Built-in layouts

Key type(const char* text, std::vector<std::string> variants = {}) {
  Key k;
  k.text = text;
  k.variants = std::move(variants);
  return k;
}

Key act(KeyAction action, float width = 1, const char* label = "") {
  Key k;
  k.action = action;
  k.width = width;
  k.label = label;
  return k;
}

KeyRow type_row(std::initializer_list<const char*> texts) {
  KeyRow row;
  for (const char* t : texts) row.push_back(type(t));
  return row;
}

}  // namespace

LayoutResult parse_layout(std::string_view text, std::string_view origin, std::string_view id) {
  Reader r{std::string(origin), {}};
  KeyboardLayout layout;
  layout.id = std::string(id);
  try {
    if (text.size() > kMaxFileBytes) {
      r.error("is larger than " + std::to_string(kMaxFileBytes / 1024) + " KiB");
    } else {
      json root;
      try {
        root = json::parse(text.begin(), text.end(), nullptr, true, /*ignore_comments=*/true);
      } catch (const json::parse_error& e) {
        r.error(line_of(text, e.byte > 0 ? e.byte - 1 : 0), e.what());
      }
      if (r.errors.empty() && !root.is_object()) r.error("a layout is an object");
      if (r.errors.empty()) {
        static const std::set<std::string> kFields = {
            "name", "language", "letters_label", "sample", "letters", "shift", "symbols"};
        for (const auto& [field, unused] : root.items())
          if (!kFields.count(field)) r.error("unknown field \"" + field + "\"");
        for (const char* field : {"name", "language", "letters_label"}) {
          if (!root.contains(field)) continue;
          const json& v = root[field];
          std::string p =
              v.is_string() ? text_problem(v.get<std::string>()) : std::string("is not a string");
          if (!p.empty()) r.error(std::string("\"") + field + "\" " + p);
        }
        if (!root.contains("name")) r.error("has no \"name\"");
        if (!root.contains("language")) r.error("has no \"language\"");
        if (root.contains("name") && root["name"].is_string())
          layout.name = root["name"].get<std::string>();
        if (root.contains("language") && root["language"].is_string()) {
          layout.language = root["language"].get<std::string>();
          if (!valid_language_tag(layout.language)) r.error("\"language\" is not a BCP 47 tag");
        }
        if (root.contains("letters_label") && root["letters_label"].is_string())
          layout.letters_label = root["letters_label"].get<std::string>();
        if (root.contains("sample")) {
          const json& v = root["sample"];
          if (!v.is_string() || v.get<std::string>().size() > kMaxSampleBytes ||
              !render::is_valid_utf8(v.get<std::string>()))
            r.error("\"sample\" is a text of at most " + std::to_string(kMaxSampleBytes) +
                    " bytes");
          else
            layout.sample = v.get<std::string>();
        }
        if (!root.contains("letters"))
          r.error("has no \"letters\" layer");
        else
          layout.letters = read_layer(r, root, "letters");
        if (root.contains("shift")) layout.shift = read_layer(r, root, "shift");
        if (root.contains("symbols")) layout.symbols = read_layer(r, root, "symbols");
        require_action(r, layout.letters, "letters", KeyAction::Backspace, "backspace");
        require_action(r, layout.letters, "letters", KeyAction::Space, "space");
        require_action(r, layout.shift, "shift", KeyAction::Shift, "shift");
        require_action(r, layout.shift, "shift", KeyAction::Backspace, "backspace");
        require_action(r, layout.symbols, "symbols", KeyAction::Letters, "letters");
        require_action(r, layout.symbols, "symbols", KeyAction::Backspace, "backspace");
      }
    }
  } catch (const json::exception& e) {
    // Every access above checks its type first; this is the last line of defence
    // against a file that crashes the kiosk.
    r.error(e.what());
  }
  if (!r.errors.empty()) {
    r.error("using the built-in Latin layout instead");
    return {builtin_latin_layout(), std::move(r.errors)};
  }
  if (layout.shift.empty()) add_upper_case(layout.letters, layout.language);
  if (layout.symbols.empty()) layout.symbols = builtin_symbols(layout.letters_label);
  return {std::move(layout), {}};
}

LayoutResult load_layout(const std::string& dir, std::string_view id) {
  const std::string path = dir + "/" + std::string(id) + ".json";
  if (!valid_id(id))
    return {builtin_latin_layout(),
            {{std::string(id), 0, Diagnostic::Severity::Error,
              "is not a layout name (a-z, 0-9, _ and -); using the built-in Latin layout"}}};
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return {builtin_latin_layout(),
            {{path, 0, Diagnostic::Severity::Error,
              "cannot open the file; using the built-in Latin layout"}}};
  std::string text;
  text.resize(kMaxFileBytes + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  return parse_layout(text, path, id);
}

std::string default_keyboard_dir() {
  return i18n::data_path("keyboards", ICHHELFE_ASSETS_DIR "/keyboards");
}

KeyLayer builtin_symbols(std::string_view letters_label) {
  KeyLayer layer;
  layer.rows.push_back(type_row({"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}));
  layer.rows.push_back({type("@"), type("#"), type("€", {"$", "£", "₺", "₴", "₽", "₾"}),
                        type("%"), type("&"), type("-", {"–", "—", "_"}),
                        type("+", {"=", "×", "÷"}), type("(", {"[", "{", "<"}),
                        type(")", {"]", "}", ">"}), type("/", {"\\", "|"})});
  layer.rows.push_back({act(KeyAction::Left), type("*"), type("\"", {"«", "»", "„", "“", "”"}),
                        type("'", {"‘", "’", "‹", "›"}), type(":"), type(";"), type("!", {"¡"}),
                        type("?", {"¿", "؟"}), act(KeyAction::Right),
                        act(KeyAction::Backspace, 1.5f)});
  Key letters = act(KeyAction::Letters, 1.5f);
  letters.label = std::string(letters_label);
  layer.rows.push_back({letters, act(KeyAction::Layout), type(","), act(KeyAction::Space, 4),
                        type("."), act(KeyAction::Done, 1.5f)});
  return layer;
}

KeyboardLayout builtin_latin_layout() {
  KeyboardLayout l;
  l.id = "latin";
  l.name = "English";
  l.language = "en";
  l.letters.rows.push_back({type("q"), type("w"), type("e", {"é", "è", "ê", "ë", "ē"}), type("r"),
                            type("t"), type("y", {"ý", "ÿ"}), type("u", {"ü", "ú", "ù", "û", "ū"}),
                            type("i", {"ı", "í", "ì", "î", "ï", "İ"}),
                            type("o", {"ö", "ó", "ò", "ô", "õ", "ø", "œ"}), type("p")});
  l.letters.rows.push_back({type("a", {"ä", "à", "á", "â", "ã", "å", "æ"}),
                            type("s", {"ß", "ş", "š", "ś"}), type("d"), type("f"), type("g", {"ğ"}),
                            type("h"), type("j"), type("k"), type("l")});
  l.letters.rows.push_back({act(KeyAction::Shift, 1.5f), type("z", {"ž", "ź", "ż"}), type("x"),
                            type("c", {"ç", "č", "ć"}), type("v"), type("b"), type("n", {"ñ", "ń"}),
                            type("m"), act(KeyAction::Backspace, 1.5f)});
  l.letters.rows.push_back({act(KeyAction::Symbols, 1.5f, "?123"), act(KeyAction::Layout),
                            type(","), act(KeyAction::Space, 4), type("."),
                            act(KeyAction::Done, 1.5f)});
  add_upper_case(l.letters, l.language);
  l.symbols = builtin_symbols(l.letters_label);
  return l;
}

KeyboardLayout pin_pad_layout() {
  KeyboardLayout l;
  l.id = "pin";
  l.name = "PIN";
  l.language = "en";
  l.pad = true;
  l.letters.rows.push_back(type_row({"1", "2", "3"}));
  l.letters.rows.push_back(type_row({"4", "5", "6"}));
  l.letters.rows.push_back(type_row({"7", "8", "9"}));
  l.letters.rows.push_back({act(KeyAction::Backspace), type("0"), act(KeyAction::Done)});
  return l;
}

KeyboardLayout phone_pad_layout() {
  KeyboardLayout l = pin_pad_layout();
  l.id = "phone";
  l.name = "+0–9";
  l.letters.rows.back() = {type("+"), type("0"), act(KeyAction::Backspace)};
  return l;
}

KeyboardLayout code_layout() {
  KeyboardLayout l;
  l.id = "code";
  l.name = "0–9 A–Z";
  l.language = "en";
  l.letters.rows.push_back(type_row({"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}));
  l.letters.rows.push_back(type_row({"Q", "W", "E", "R", "T", "Y", "P", "-"}));
  l.letters.rows.push_back(type_row({"A", "S", "D", "F", "G", "H", "J", "K"}));
  l.letters.rows.push_back(type_row({"Z", "X", "C", "V", "B", "N", "M"}));
  l.letters.rows.back().push_back(act(KeyAction::Backspace, 1.5f));
  l.letters.rows.push_back(
      {act(KeyAction::Left, 1), act(KeyAction::Right, 1), act(KeyAction::Done, 2)});
  return l;
}

}  // namespace ih::kiosk::keyboard
