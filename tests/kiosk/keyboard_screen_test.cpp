// The keyboard screen, driven the way a person drives it: by touches on the
// places where keys are drawn (ImGui's pointer, as SDL's touches become), frame
// by frame. Words in six scripts come out right, a tap places the caret in
// mixed Arabic, Latin and digits, the keyboard never covers the field, a
// physical keyboard types into it too, and every layout has a golden image.
#include <SDL_keycode.h>
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "kiosk/screens/keyboard.h"
#include "kiosk/screenshot.h"
#include "kiosk/ui.h"
#include "tests/kiosk/golden_image.h"

namespace ih::kiosk {
namespace {

using golden::GoldenOutcome;
using keyboard::KeyAction;
using keyboard::Target;
using keyboard::TargetKind;

UiConfig config(const std::string& language) {
  return {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", language};
}

constexpr float kFrame = 1.0f / 60;
constexpr float kPause = 0.3f;  // between taps: longer than the keyboard's bounce window

// A Ui without a renderer showing the keyboard screen, and a finger.
struct Harness {
  Harness(const std::string& language, ImVec2 size = ImVec2(1920, 1080))
      : ui(config(language), nullptr) {
    ImGuiIO& io = ui.io();
    io.DisplaySize = size;
    frame();
    frame();
  }
  FrameOutcome frame(float dt = kFrame) {
    ui.io().DeltaTime = dt;
    return ui.build_frame(screen);
  }
  FrameOutcome finger(ImVec2 at, bool down, float dt = kFrame) {
    ImGuiIO& io = ui.io();
    io.MousePos = at;
    io.MouseDown[0] = down;
    return frame(dt);
  }
  // Down and up on `at`, then a pause with the finger away.
  void tap(ImVec2 at) {
    finger(at, true);
    finger(at, false);
    finger(ImVec2(-1, -1), false, kPause);
  }
  keyboard::Keyboard& keys() { return *screen.keys(); }
  // The target of `kind` that types or shows `text`, as drawn in the last frame.
  const Target* find(TargetKind kind, std::string_view text) {
    for (const Target& t : keys().targets()) {
      if (t.kind != kind) continue;
      if (t.label == text || t.text == text) return &t;
      if (t.key && (t.key->text == text || t.key->shifted == text)) return &t;
    }
    return nullptr;
  }
  void tap_key(std::string_view text) {
    const Target* t = find(TargetKind::Key, text);
    ASSERT_NE(t, nullptr) << "no key «" << text << "» on " << keys().layout().id;
    tap(t->rect.centre());
  }
  void tap_key(KeyAction action) {
    const Target* t = keys().find(action);
    ASSERT_NE(t, nullptr);
    tap(t->rect.centre());
  }
  // A consonant, then one of the syllables in the row it opened.
  void tap_syllable(std::string_view consonant, std::string_view syllable) {
    tap_key(consonant);
    const Target* form = find(TargetKind::Form, syllable);
    ASSERT_NE(form, nullptr) << "no syllable «" << syllable << "» in the row of " << consonant;
    tap(form->rect.centre());
  }
  std::string typed() { return screen.text()->text(); }
  // Empties the field the screen starts with (its sample phrase).
  void clear() { screen.text()->wipe(); }

  Ui ui;
  KeyboardScreen screen;
};

// [SECTION] Typing by touch

TEST(KeyboardScreenTest, PersianWithTheZeroWidthNonJoiner) {
  Harness h("fa");
  h.clear();
  for (const char* key : {"م", "ی", "\u200c", "خ", "و", "ا", "ه", "م"}) h.tap_key(key);
  EXPECT_EQ(h.typed(), "می‌خواهم");
  EXPECT_TRUE(h.screen.text()->rtl());
}

TEST(KeyboardScreenTest, Pashto) {
  Harness h("ps");
  h.clear();
  h.tap_key("ښ");
  h.tap_key("ه");
  EXPECT_EQ(h.typed(), "ښه");
}

TEST(KeyboardScreenTest, Sorani) {
  Harness h("ckb");
  h.clear();
  for (const char* key : {"ک", "و", "ر", "د", "ی"}) h.tap_key(key);
  EXPECT_EQ(h.typed(), "کوردی");
}

TEST(KeyboardScreenTest, TigrinyaThroughTheSyllablePicker) {
  Harness h("ti");
  h.clear();
  h.tap_syllable("ሰ", "ሰ");
  h.tap_syllable("ለ", "ላ");
  h.tap_syllable("መ", "ም");
  EXPECT_EQ(h.typed(), "ሰላም");
}

TEST(KeyboardScreenTest, UkrainianWithACapitalYi) {
  Harness h("uk");
  h.clear();
  h.tap_key(KeyAction::Shift);
  for (const char* key : {"Ї", "ж", "а", "к"}) h.tap_key(key);
  EXPECT_EQ(h.typed(), "Їжак");
}

TEST(KeyboardScreenTest, TurkishWithADottedCapitalI) {
  Harness h("tr");
  h.clear();
  h.tap_key(KeyAction::Shift);
  for (const char* key : {"İ", "y", "i"}) h.tap_key(key);
  EXPECT_EQ(h.typed(), "İyi");
}

TEST(KeyboardScreenTest, BackspaceDeletesAndALongPressTypesAVariant) {
  Harness h("de");
  h.clear();
  for (const char* key : {"t", "r", "a"}) h.tap_key(key);
  h.tap_key(KeyAction::Backspace);
  // Hold a for 0.6 s, slide onto à, lift.
  const ImVec2 a = h.find(TargetKind::Key, "a")->rect.centre();
  h.finger(a, true);
  h.finger(a, true, 0.6f);
  const Target* grave = h.find(TargetKind::Variant, "à");
  ASSERT_NE(grave, nullptr);
  h.finger(grave->rect.centre(), true);
  h.finger(grave->rect.centre(), false);
  EXPECT_EQ(h.typed(), "trà");
}

TEST(KeyboardScreenTest, AHeldKeyAsksForTheFrameItsLongPressNeeds) {
  // The app sleeps between events: the screen names when to wake for the
  // first backspace repeat, and the repeat happens in that frame.
  Harness h("de");
  const ImVec2 at = h.keys().find(KeyAction::Backspace)->rect.centre();
  const size_t before = h.screen.text()->text16().size();
  const Clock::time_point pressed = Clock::now();
  const FrameOutcome held = h.finger(at, true);
  ASSERT_TRUE(held.redraw_at.has_value());
  EXPECT_GT(*held.redraw_at, pressed + std::chrono::milliseconds(300));
  EXPECT_LT(*held.redraw_at, pressed + std::chrono::milliseconds(700));
  h.finger(at, true, 0.55f);
  EXPECT_LT(h.screen.text()->text16().size(), before);
  h.finger(at, false);
}

// [SECTION] Caret, direction and placement

TEST(KeyboardScreenTest, ATapInTheFieldPlacesTheCaretInMixedArabicLatinAndDigits) {
  Harness h("ar");
  render::TextField& field = *h.screen.text();
  field.set_text("اسمي Anna ورقمي 0176");
  h.frame();
  const Rect& box = h.screen.text_rect();
  const render::Layout& layout = field.layout();
  const float pad = render::TextFieldLook{}.padding;
  const float text_top = std::round(box.min.y + (box.height() - layout.height) / 2);
  const auto screen_x = [&](render::TextIndex i, bool strong) {
    const render::Carets c = render::caret_at(layout, i);
    return box.min.x + pad + field.offset() + (strong ? c.strong.x : c.weak.x);
  };
  const render::TextIndex anna = 5;     // after "اسمي "
  const render::TextIndex digits = 16;  // "0176" after "ورقمي "
  ASSERT_EQ(field.text16().substr(anna, 4), u"Anna");
  ASSERT_EQ(field.text16().substr(digits, 4), u"0176");
  const float y = text_top + layout.height / 2;
  // Just right of the left edge of "A": before it.
  h.tap(ImVec2(std::min(screen_x(anna, true), screen_x(anna, false)) + 2, y));
  EXPECT_EQ(field.caret(), anna);
  // The right half of "n" (the second letter): after it.
  h.tap(ImVec2(screen_x(anna + 2, true) - 2, y));
  EXPECT_EQ(field.caret(), anna + 2);
  // The right half of "1" in 0176: after it.
  h.tap(ImVec2(screen_x(digits + 2, true) - 2, y));
  EXPECT_EQ(field.caret(), digits + 2);
  // The right half of the first Arabic letter, the rightmost: before it.
  h.tap(ImVec2(screen_x(0, true) - 2, y));
  EXPECT_EQ(field.caret(), 0);
  EXPECT_EQ(h.screen.focus(), KeyboardScreen::Focus::Text);
}

TEST(KeyboardScreenTest, DraggingAlongTheFieldScrollsItWithoutMovingTheCaret) {
  Harness h("de", ImVec2(1280, 800));
  render::TextField& field = *h.screen.text();
  field.set_text(
      "Ich brauche Hilfe bei einem Termin in der Ausländerbehörde wegen meiner "
      "Aufenthaltserlaubnis und der Arbeitserlaubnis");
  h.frame();
  const float end = field.offset();
  ASSERT_LT(end, 0);
  const render::TextIndex caret = field.caret();
  const ImVec2 start = h.screen.text_rect().centre();
  h.finger(start, true);
  for (int step = 1; step <= 10; ++step)
    h.finger(ImVec2(start.x + 30 * static_cast<float>(step), start.y), true);
  h.finger(ImVec2(start.x + 300, start.y), false);
  EXPECT_NEAR(field.offset(), end + 300, 0.5f);
  EXPECT_EQ(field.caret(), caret);
}

TEST(KeyboardScreenTest, TheArrowKeysOfTheSymbolsLayerMoveTheCaretOnScreen) {
  Harness h("ar");
  render::TextField& field = *h.screen.text();
  field.set_text("مرحبا");
  field.apply(render::FieldKey::Home);  // the right end
  h.tap_key(KeyAction::Symbols);
  const float start = field.caret_in_view().x;
  h.tap_key(KeyAction::Left);
  EXPECT_LT(field.caret_in_view().x, start);
  EXPECT_EQ(field.caret(), 1);  // leftwards in Arabic is forwards
  h.tap_key(KeyAction::Right);
  EXPECT_EQ(field.caret(), 0);
}

TEST(KeyboardScreenTest, DoneClosesTheKeyboardAndATapOnAFieldOpensItsKeyboard) {
  Harness h("de");
  h.tap_key(KeyAction::Done);
  EXPECT_EQ(h.screen.focus(), KeyboardScreen::Focus::None);
  h.tap(h.screen.pin_rect().centre());
  EXPECT_EQ(h.screen.focus(), KeyboardScreen::Focus::Pin);
  EXPECT_TRUE(h.keys().layout().pad);
  for (const char* digit : {"4", "7", "1", "1"}) h.tap_key(digit);
  EXPECT_EQ(h.screen.pin()->text(), "4711");
  // The field shows bullets, never the digits.
  EXPECT_EQ(h.screen.pin()->layout().shaped->text, u"••••");
  h.tap(h.screen.text_rect().centre());
  EXPECT_EQ(h.screen.focus(), KeyboardScreen::Focus::Text);
  EXPECT_FALSE(h.keys().layout().pad);
}

TEST(KeyboardScreenTest, AChosenLayoutShapesTheFieldForItsLanguage) {
  Harness h("ar");
  h.clear();
  h.tap_key(KeyAction::Layout);
  const Target* german = h.find(TargetKind::Layout, "Deutsch");
  ASSERT_NE(german, nullptr);
  h.tap(german->rect.centre());
  EXPECT_EQ(h.keys().layout().id, "de");
  EXPECT_FALSE(h.screen.text()->rtl());  // an empty field now starts at the left
  h.tap_key("B");                        // not shifted: b
  EXPECT_EQ(h.typed(), "b");
}

// [SECTION] A physical keyboard

TEST(KeyboardScreenTest, APhysicalKeyboardTypesEveryCodePointAndEdits) {
  Harness h("de");
  h.clear();
  h.ui.add_input({"Hallo 👩‍👩‍👧", 0});  // beyond ImGui's 16-bit characters
  h.ui.add_input({{}, SDLK_BACKSPACE});
  h.ui.add_input({{}, SDLK_HOME});
  h.ui.add_input({{}, SDLK_DELETE});
  h.ui.add_input({{}, SDLK_RIGHT});
  h.ui.add_input({"e", 0});
  h.frame();
  EXPECT_EQ(h.typed(), "aello ");
  h.ui.add_input({{}, SDLK_RETURN});
  h.ui.add_input({"x", 0});
  h.frame();
  EXPECT_EQ(h.screen.focus(), KeyboardScreen::Focus::None);
  EXPECT_EQ(h.typed(), "aello ");
}

// [SECTION] Placement

struct Case {
  const char* language;
  int width;
  int height;
};
void PrintTo(const Case& c, std::ostream* os) {
  *os << c.language << "-" << c.width << "x" << c.height;
}
std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  return std::string(info.param.language) + "_" + std::to_string(info.param.width) + "x" +
         std::to_string(info.param.height);
}

class KeyboardPlacementTest : public ::testing::TestWithParam<Case> {};

TEST_P(KeyboardPlacementTest, TheKeyboardNeverCoversTheFields) {
  const Case c = GetParam();
  Harness h(c.language, ImVec2(static_cast<float>(c.width), static_cast<float>(c.height)));
  for (const char* id : {"de", "fa", "ps", "ur", "ethiopic"}) {
    h.keys().choose(id);
    h.frame();
    const float top = h.keys().geometry().panel.min.y;
    EXPECT_LT(h.screen.text_rect().max.y, top) << id;
    EXPECT_LT(h.screen.pin_rect().max.y, top) << id;
    // Not even a long-press row or the syllable picker reaches above it.
    for (const Target& t : h.keys().targets()) EXPECT_GE(t.rect.min.y, top) << id;
  }
  h.tap(h.screen.pin_rect().centre());
  EXPECT_LT(h.screen.pin_rect().max.y, h.keys().geometry().panel.min.y);
}

INSTANTIATE_TEST_SUITE_P(Sizes, KeyboardPlacementTest,
                         ::testing::Values(Case{"de", 1920, 1080}, Case{"fa", 1080, 1920},
                                           Case{"ti", 1280, 800}),
                         case_name);

// [SECTION] Golden images

struct Golden {
  const char* language;  // --lang
  const char* layout;    // the file name says which layout it shows
  const char* screen = "keyboard";
  int width = 1920;
  int height = 1080;
  std::string file() const {
    return std::string("keyboard-") + layout + "-" + std::to_string(width) + "x" +
           std::to_string(height) + ".png";
  }
};
void PrintTo(const Golden& g, std::ostream* os) {
  *os << g.file();
}

class KeyboardGoldenTest : public ::testing::TestWithParam<Golden> {};

TEST_P(KeyboardGoldenTest, MatchesTheGoldenImage) {
  const Golden g = GetParam();
  CaptureRequest request;
  request.screen = g.screen;
  request.width = g.width;
  request.height = g.height;
  request.ui = config(g.language);
  const CaptureResult captured = capture_screen(request);
  ASSERT_TRUE(captured.ok()) << captured.error;
  const golden::GoldenResult result = golden::compare_with_golden(captured.image, g.file());
  if (result.outcome == GoldenOutcome::Rewritten) GTEST_SKIP() << result.message;
  EXPECT_EQ(result.outcome, GoldenOutcome::Matches) << result.message;
}

INSTANTIATE_TEST_SUITE_P(
    EveryLayout, KeyboardGoldenTest,
    ::testing::Values(Golden{"de", "de"}, Golden{"ar", "ar"}, Golden{"uk", "uk"},
                      Golden{"ru", "ru"}, Golden{"fa", "fa"}, Golden{"ps", "ps"},
                      Golden{"tr", "tr"}, Golden{"kmr", "kmr"}, Golden{"ckb", "ckb"},
                      Golden{"so", "so"}, Golden{"ti", "ethiopic"}, Golden{"es", "es"},
                      Golden{"en", "en"}, Golden{"fr", "fr"}, Golden{"ka", "ka"},
                      Golden{"ur", "ur"}, Golden{"ps", "ps", "keyboard", 1080, 1920},
                      Golden{"fa", "pin", "keyboard-pin"}),
    [](const auto& info) {
      return std::string(info.param.layout) + "_" + std::to_string(info.param.width) + "x" +
             std::to_string(info.param.height);
    });

// What a touch opens, drawn after it: the syllable row, a long-press row, the
// harakat of Arabic's shift layer, Persian digits, the layout chooser.
struct Opened {
  const char* language;
  const char* label;  // of the key touched
  double held;        // seconds
  const char* file;
};

TEST(KeyboardGoldenTest, WhatATouchOpens) {
  for (const Opened& o : {Opened{"ti", "ሰ", 0.1, "keyboard-ethiopic-picker-1920x1080.png"},
                          Opened{"fr", "e", 0.7, "keyboard-fr-variants-1920x1080.png"},
                          Opened{"ar", "⇧", 0.1, "keyboard-ar-shift-1920x1080.png"},
                          Opened{"fa", "۱۲۳", 0.1, "keyboard-fa-symbols-1920x1080.png"},
                          Opened{"ckb", "🌐", 0.1, "keyboard-chooser-1920x1080.png"}}) {
    SCOPED_TRACE(o.file);
    auto made = OffscreenTarget::create(1920, 1080, config(o.language));
    ASSERT_NE(made.target, nullptr) << made.error;
    KeyboardScreen screen;
    made.target->draw(screen);
    keyboard::Keyboard& keys = *screen.keys();
    const Target* key = nullptr;
    for (const Target& t : keys.targets())
      if (t.label == o.label) key = &t;
    ASSERT_NE(key, nullptr) << o.label;
    const ImVec2 at = key->rect.centre();
    keys.touch({at, true}, 1000);
    keys.touch({at, true}, 1000 + o.held);
    keys.touch({at, false}, 1000 + o.held + 0.05);
    made.target->draw(screen);
    made.target->draw(screen);
    const golden::GoldenResult result =
        golden::compare_with_golden(made.target->read_pixels(), o.file);
    if (result.outcome == GoldenOutcome::Rewritten) continue;
    EXPECT_EQ(result.outcome, GoldenOutcome::Matches) << result.message;
  }
}

}  // namespace
}  // namespace ih::kiosk
