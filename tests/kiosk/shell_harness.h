// A shell on a Ui without a renderer, with a clock the test moves, driven as a
// person would drive it: touches on the places where its controls and the
// on-screen keyboard's keys were drawn in the last frame.
#pragma once

#include <gtest/gtest.h>

#include <cctype>
#include <string>

#include "kiosk/shell.h"
#include "kiosk/ui.h"

namespace ih::kiosk::testing {

struct Harness {
  explicit Harness(Settings settings = {}, ImVec2 size = ImVec2(1920, 1080),
                   AccountServices accounts = {}, SpeechServices speech = {})
      : ui({std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf",
            settings.default_language},
           nullptr),
        shell(ShellOptions{
            settings, [this] { return now; }, std::move(accounts), {}, std::move(speech)}) {
    ImGuiIO& io = ui.io();
    io.DisplaySize = size;
    // A tenth of a second per frame: two touches of one key are then never
    // taken for the bounce of one (KeyboardTiming::double_tap).
    io.DeltaTime = 0.1f;
    frame();
  }
  FrameOutcome frame() { return ui.build_frame(shell); }

  // Presses and lifts a finger at `at`, with a frame for each, and one more
  // for what the touch changed.
  void touch_at(ImVec2 at) {
    ImGuiIO& io = ui.io();
    io.MousePos = at;
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    frame();
  }
  // Touches the control `id` of the last frame.
  void touch(const std::string& id) {
    const auto it = shell.controls().find(id);
    ASSERT_NE(it, shell.controls().end()) << "no control " << id;
    touch_at(it->second.centre());
  }
  // Types `text` on the keyboard of `kind`, key by key, switching between
  // letters and symbols where a character is on the other layer. Letters are
  // typed as the keys show them (lower case on Latin keyboards, capitals on
  // the code keyboard).
  void type(KeysKind kind, const std::string& text) {
    keyboard::Keyboard& keys = shell.keys().keys(kind, ui.strings());
    size_t i = 0;
    while (i < text.size()) {
      size_t n = 1;
      while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
      std::string one = text.substr(i, n);
      if (n == 1) {
        const auto c = static_cast<unsigned char>(one[0]);
        one[0] = static_cast<char>(kind == KeysKind::Code ? std::toupper(c) : std::tolower(c));
      }
      const keyboard::Target* key = keys.find(one);
      if (!key) {
        const keyboard::Target* other = keys.find(keyboard::KeyAction::Symbols);
        if (!other) other = keys.find(keyboard::KeyAction::Letters);
        ASSERT_NE(other, nullptr) << "no key for " << one;
        touch_at(other->rect.centre());
        key = keys.find(one);
      }
      ASSERT_NE(key, nullptr) << "no key for " << one;
      touch_at(key->rect.centre());
      i += n;
    }
  }

  Clock::time_point now = Clock::now();
  Ui ui;
  Shell shell;
};

// From the attract screen through the German login with a sample code and
// PIN; what the login answers is up to the harness's services.
inline void log_in(Harness& h) {
  h.touch("attract");
  h.touch("tile-de");
  h.touch("accept");
  h.touch("have-code");
  h.type(KeysKind::Code, "K7Q0-18SM");
  h.touch("next");
  h.type(KeysKind::Digits, "2468");
  h.touch("next");
}

}  // namespace ih::kiosk::testing
