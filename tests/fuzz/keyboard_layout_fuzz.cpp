// Any bytes as a keyboard layout file (kiosk/keyboard/keyboard_layout.h).
// Reviewers edit these files by hand, so the loader must turn every mistake
// into an error, never a crash, and what it accepts must keep the promises the
// header makes:
//
//  - every error names the file: "fuzz.json:<line>: …" or "fuzz.json: …";
//  - a refused file gives the built-in Latin layout, which has keys;
//  - an accepted layout has a letters layer with backspace and space keys, at
//    most kMaxRows rows per layer, rows at most kMaxRowWidth keys wide, keys
//    whose texts and labels are short, well-formed UTF-8 without controls, and
//    syllable keys whose rows hold Ethiopic syllables only;
//  - placed on the kiosk's screens, every key lies inside the keyboard and is at
//    least 64 pixels high, and touches anywhere on it, taps and long presses,
//    never crash the keyboard.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kiosk/keyboard/ethiopic.h"
#include "kiosk/keyboard/keyboard.h"
#include "kiosk/keyboard/keyboard_layout.h"
#include "render/utf.h"

namespace {

using namespace ih::kiosk::keyboard;
using ih::kiosk::Rect;

constexpr std::string_view kOrigin = "fuzz.json";

void require(bool condition, const char* promise, std::string_view text) {
  if (condition) return;
  std::fprintf(stderr, "broken promise: %s\nlayout (%zu bytes):\n%.*s\n", promise, text.size(),
               static_cast<int>(text.size()), text.data());
  std::abort();
}

bool clean(const std::string& s) {
  if (s.empty() || s.size() > kMaxTextBytes || !ih::render::is_valid_utf8(s)) return false;
  for (const char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
  return true;
}

bool has(const KeyLayer& layer, KeyAction action) {
  for (const KeyRow& row : layer.rows)
    for (const Key& k : row)
      if (k.action == action) return true;
  return false;
}

void check_layer(const KeyLayer& layer, std::string_view text) {
  require(layer.rows.size() <= kMaxRows, "a layer has at most kMaxRows rows", text);
  for (const KeyRow& row : layer.rows) {
    require(!row.empty(), "a row has keys", text);
    float width = 0;
    for (const Key& k : row) {
      width += k.width;
      require(k.width >= 0.5f && k.width <= 8, "a key is 0.5 to 8 keys wide", text);
      if (k.action == KeyAction::Type) require(clean(k.text), "a key types clean text", text);
      if (!k.label.empty()) require(clean(k.label), "a label is clean text", text);
      for (const std::string& v : k.variants) require(clean(v), "variants are clean text", text);
      for (const std::string& f : k.forms) {
        const std::u16string u = ih::render::utf8_to_utf16(f);
        require(u.size() == 1 && u[0] >= 0x1200 && u[0] < 0x1380,
                "a syllable row holds Ethiopic syllables", text);
      }
      if (k.action == KeyAction::Syllables)
        require(!k.forms.empty(), "a syllable key has a row", text);
    }
    require(width <= kMaxRowWidth, "a row is at most kMaxRowWidth keys wide", text);
  }
}

// Touches every target of the layers a person can reach, with taps and long
// presses, on a screen of `size`.
void touch_everything(LayoutLibrary& library, const KeyboardLayout& layout, ImVec2 size,
                      std::string_view text) {
  Keyboard keyboard(library);
  keyboard.show(std::make_shared<const KeyboardLayout>(layout));
  keyboard.arrange(size);
  double t = 0;
  for (int round = 0; round < 3; ++round) {
    const std::vector<Target> targets = keyboard.targets();
    const Rect panel = keyboard.geometry().panel;
    for (const Target& target : targets) {
      require(target.rect.min.x >= panel.min.x && target.rect.max.x <= panel.max.x &&
                  target.rect.min.y >= panel.min.y && target.rect.max.y <= panel.max.y,
              "every target lies inside the keyboard", text);
      require(target.rect.height() >= kMinKey, "every target is at least 64 pixels high", text);
    }
    for (const Target& target : targets) {
      const ImVec2 at = target.rect.centre();
      const double held = (round == 1) ? 0.7 : 0.05;
      keyboard.touch({at, true}, t);
      keyboard.touch({at, true}, t + held);
      keyboard.touch({at, false}, t + held + 0.01);
      t += held + 1;
      if (keyboard.chooser_open() || keyboard.layout().id != layout.id) {
        keyboard.show(std::make_shared<const KeyboardLayout>(layout));
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static LayoutLibrary library(default_keyboard_dir(), {});
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const LayoutResult result = parse_layout(text, kOrigin, "fuzz");
  for (const ih::i18n::Diagnostic& d : result.errors)
    require(d.text().starts_with(std::string(kOrigin) + ":"), "errors name the file", text);
  if (!result.ok()) {
    require(result.layout.id == "latin", "a refused file gives the built-in Latin layout", text);
    require(!result.layout.letters.empty(), "the built-in layout has keys", text);
    return 0;
  }
  const KeyboardLayout& l = result.layout;
  require(!l.letters.empty(), "an accepted layout has letters", text);
  require(has(l.letters, KeyAction::Backspace) && has(l.letters, KeyAction::Space),
          "the letters have backspace and space", text);
  require(!l.symbols.empty(), "an accepted layout has symbols", text);
  for (const KeyLayer* layer : {&l.letters, &l.shift, &l.symbols}) check_layer(*layer, text);
  for (const ImVec2 screen : {ImVec2(1920, 1080), ImVec2(1080, 1920), ImVec2(1280, 800)})
    touch_everything(library, l, screen, text);
  return 0;
}
