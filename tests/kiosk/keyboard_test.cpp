// The on-screen keyboard's behaviour, touch by touch and without drawing: keys
// act on release, sliding off cancels, bounces are ignored, long presses offer
// variants, backspace repeats, shift follows the language's rules, the
// syllable picker and the layout chooser open and close, and every key of every
// layout is large enough for a finger.
#include "kiosk/keyboard/keyboard.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "i18n/language_registry.h"

namespace ih::kiosk::keyboard {
namespace {

const i18n::LanguageRegistry& registry() {
  static const i18n::RegistryResult loaded = i18n::load_registry(i18n::default_registry_file());
  return loaded.registry;
}

class KeyboardTest : public ::testing::Test {
 protected:
  KeyboardTest() { keyboard.arrange(ImVec2(1920, 1080)); }

  // A touch held from `t` for `held` seconds on `target`, lifted at `lift`
  // (default: where it went down). Returns what was typed.
  std::vector<Stroke> tap(const Target* target, double held = 0.05,
                          std::optional<ImVec2> lift = std::nullopt) {
    EXPECT_NE(target, nullptr);
    if (!target) return {};
    const ImVec2 at = target->rect.centre();
    std::vector<Stroke> out = keyboard.touch({at, true}, t);
    for (double h = 0.02; h < held; h += 0.02) append(out, keyboard.touch({at, true}, t + h));
    append(out, keyboard.touch({lift.value_or(at), false}, t + held));
    t += held + 1.0;  // well past the bounce window
    return out;
  }
  std::vector<Stroke> tap(std::string_view text) { return tap(keyboard.find(text)); }
  std::vector<Stroke> tap(KeyAction action) { return tap(keyboard.find(action)); }
  static void append(std::vector<Stroke>& to, const std::vector<Stroke>& more) {
    to.insert(to.end(), more.begin(), more.end());
  }
  static Stroke text(std::string s) { return {Stroke::Kind::Text, std::move(s)}; }

  LayoutLibrary library{default_keyboard_dir(), layout_ids(registry())};
  Keyboard keyboard{library};
  double t = 100;
};

// [SECTION] Tapping

TEST_F(KeyboardTest, AKeyActsWhenTheFingerIsLiftedOverIt) {
  keyboard.follow("de");
  const Target* a = keyboard.find("a");
  ASSERT_NE(a, nullptr);
  EXPECT_TRUE(keyboard.touch({a->rect.centre(), true}, t).empty());
  EXPECT_NE(keyboard.pressed(), nullptr);  // shows as pressed while held
  EXPECT_EQ(keyboard.touch({a->rect.centre(), false}, t + 0.1), std::vector<Stroke>{text("a")});
  EXPECT_EQ(keyboard.pressed(), nullptr);
}

TEST_F(KeyboardTest, SlidingOffBeforeLiftingCancels) {
  keyboard.follow("de");
  const Target* a = keyboard.find("a");
  const Target* s = keyboard.find("s");
  keyboard.touch({a->rect.centre(), true}, t);
  keyboard.touch({s->rect.centre(), true}, t + 0.05);
  EXPECT_EQ(keyboard.pressed(), nullptr);  // no longer shown as pressed
  EXPECT_TRUE(keyboard.touch({s->rect.centre(), false}, t + 0.1).empty());
}

TEST_F(KeyboardTest, ABounceOfTheSameKeyIsIgnoredButRealRepeatsAreNot) {
  keyboard.follow("de");
  const ImVec2 l = keyboard.find("l")->rect.centre();
  EXPECT_EQ(keyboard.touch({l, true}, t).size() + keyboard.touch({l, false}, t + 0.08).size(), 1u);
  // The finger bounces: down again 40 ms later.
  keyboard.touch({l, true}, t + 0.12);
  EXPECT_TRUE(keyboard.touch({l, false}, t + 0.16).empty());
  // "ll" typed on purpose, 250 ms apart.
  keyboard.touch({l, true}, t + 0.45);
  EXPECT_EQ(keyboard.touch({l, false}, t + 0.5).size(), 1u);
  // Another key right after is never a bounce.
  const ImVec2 o = keyboard.find("o")->rect.centre();
  keyboard.touch({o, true}, t + 0.52);
  EXPECT_EQ(keyboard.touch({o, false}, t + 0.55), std::vector<Stroke>{text("o")});
}

TEST_F(KeyboardTest, ATouchOnNothingDoesNothing) {
  keyboard.follow("de");
  EXPECT_TRUE(keyboard.touch({ImVec2(5, 5), true}, t).empty());
  EXPECT_TRUE(keyboard.touch({ImVec2(5, 5), false}, t + 0.1).empty());
}

// [SECTION] Shift

TEST_F(KeyboardTest, ShiftAppliesToOneLetterAndALongPressLocksIt) {
  keyboard.follow("de");
  tap(KeyAction::Shift);
  EXPECT_EQ(keyboard.shift(), ShiftState::Once);
  EXPECT_EQ(keyboard.find("a")->label, "A");
  EXPECT_EQ(tap("a"), std::vector<Stroke>{text("A")});
  EXPECT_EQ(tap("a"), std::vector<Stroke>{text("a")});
  tap(keyboard.find(KeyAction::Shift), 0.7);
  EXPECT_EQ(keyboard.shift(), ShiftState::Locked);
  EXPECT_EQ(tap("b"), std::vector<Stroke>{text("B")});
  EXPECT_EQ(tap("c"), std::vector<Stroke>{text("C")});
  tap(KeyAction::Shift);
  EXPECT_EQ(keyboard.shift(), ShiftState::Off);
  // ß has no one-letter capital on German keyboards: it stays ß.
  tap(KeyAction::Shift);
  tap(keyboard.find("s"), 0.7);
  ASSERT_TRUE(keyboard.variants_open());
  EXPECT_EQ(tap("ß"), std::vector<Stroke>{text("ß")});
}

TEST_F(KeyboardTest, TurkishShiftFollowsTurkishRules) {
  keyboard.follow("tr");
  tap(KeyAction::Shift);
  EXPECT_EQ(tap("i"), std::vector<Stroke>{text("İ")});
  tap(KeyAction::Shift);
  EXPECT_EQ(tap("ı"), std::vector<Stroke>{text("I")});
}

TEST_F(KeyboardTest, ArabicShiftShowsTheHarakatLayer) {
  keyboard.follow("ar");
  ASSERT_EQ(keyboard.find("\u064E"), nullptr);  // fatha
  tap(KeyAction::Shift);
  const Target* fatha = keyboard.find("\u064E");
  ASSERT_NE(fatha, nullptr);
  EXPECT_EQ(fatha->label, "◌\u064E");
  EXPECT_EQ(tap(fatha), std::vector<Stroke>{text("\u064E")});
  EXPECT_NE(keyboard.find("ض"), nullptr);  // back to the letters
}

// [SECTION] Long presses

TEST_F(KeyboardTest, ALongPressOffersVariantsBesideTheKey) {
  keyboard.follow("fr");
  const Target e = *keyboard.find("e");
  const ImVec2 at = e.rect.centre();
  keyboard.touch({at, true}, t);
  EXPECT_EQ(keyboard.next_deadline(), t + 0.5);
  keyboard.touch({at, true}, t + 0.3);
  EXPECT_FALSE(keyboard.variants_open());
  keyboard.touch({at, true}, t + 0.55);
  ASSERT_TRUE(keyboard.variants_open());
  // The row never covers the key it came from.
  const Target* acute = keyboard.find("é");
  ASSERT_NE(acute, nullptr);
  for (const Target& v : keyboard.targets()) {
    if (v.kind != TargetKind::Variant) continue;
    EXPECT_FALSE(v.rect.overlaps(e.rect)) << v.text;
  }
  // Slide onto é and lift: é, and the row closes.
  const ImVec2 to = acute->rect.centre();
  keyboard.touch({to, true}, t + 0.6);
  EXPECT_EQ(keyboard.touch({to, false}, t + 0.65), std::vector<Stroke>{text("é")});
  EXPECT_FALSE(keyboard.variants_open());
}

TEST_F(KeyboardTest, LiftingOnTheKeyKeepsTheVariantsOpenForATap) {
  keyboard.follow("fr");
  EXPECT_TRUE(tap(keyboard.find("e"), 0.7).empty());  // no "e" either
  ASSERT_TRUE(keyboard.variants_open());
  EXPECT_EQ(tap("ê"), std::vector<Stroke>{text("ê")});
  EXPECT_FALSE(keyboard.variants_open());
  // Touching anything else closes the row, and that key acts.
  tap(keyboard.find("e"), 0.7);
  ASSERT_TRUE(keyboard.variants_open());
  EXPECT_EQ(tap("q"), std::vector<Stroke>{text("q")});
  EXPECT_FALSE(keyboard.variants_open());
}

TEST_F(KeyboardTest, VariantsOfTheTopRowOpenBelowIt) {
  keyboard.follow("de");
  const Target e = *keyboard.find("e");
  tap(keyboard.find("e"), 0.7);
  ASSERT_TRUE(keyboard.variants_open());
  for (const Target& v : keyboard.targets()) {
    if (v.kind != TargetKind::Variant) continue;
    EXPECT_GT(v.rect.min.y, e.rect.max.y);
    EXPECT_LE(v.rect.max.y, keyboard.geometry().panel.max.y);
  }
}

// [SECTION] Backspace

TEST_F(KeyboardTest, BackspaceDeletesOnceOnATapAndRepeatsWhileHeld) {
  keyboard.follow("de");
  EXPECT_EQ(tap(KeyAction::Backspace), (std::vector<Stroke>{{Stroke::Kind::Backspace, {}}}));
  // Held for 1.2 s: one at 0.5 s, then every 0.1 s; nothing more on release.
  const std::vector<Stroke> held = tap(keyboard.find(KeyAction::Backspace), 1.2);
  EXPECT_GE(held.size(), 7u);
  EXPECT_LE(held.size(), 9u);
  for (const Stroke& s : held) EXPECT_EQ(s.kind, Stroke::Kind::Backspace);
}

TEST_F(KeyboardTest, BackspaceStopsRepeatingWhenTheFingerSlidesOff) {
  keyboard.follow("de");
  const ImVec2 at = keyboard.find(KeyAction::Backspace)->rect.centre();
  const ImVec2 off = keyboard.find("m")->rect.centre();
  size_t deleted = keyboard.touch({at, true}, t).size();
  deleted += keyboard.touch({at, true}, t + 0.65).size();
  EXPECT_GE(deleted, 1u);
  deleted += keyboard.touch({off, true}, t + 0.7).size();
  const size_t before = deleted;
  deleted += keyboard.touch({off, true}, t + 2).size();
  deleted += keyboard.touch({off, false}, t + 2.1).size();
  EXPECT_EQ(deleted, before);
}

// [SECTION] Layers and layouts

TEST_F(KeyboardTest, TheSymbolsLayerHasDigitsAndGoesBack) {
  keyboard.follow("de");
  tap(KeyAction::Symbols);
  EXPECT_EQ(keyboard.layer(), Layer::Symbols);
  EXPECT_EQ(tap("7"), std::vector<Stroke>{text("7")});
  EXPECT_EQ(tap(KeyAction::Left), (std::vector<Stroke>{{Stroke::Kind::Left, {}}}));
  tap(KeyAction::Letters);
  EXPECT_NE(keyboard.find("q"), nullptr);
}

TEST_F(KeyboardTest, PersianDigitsOfferLatinOnesOnALongPress) {
  keyboard.follow("fa");
  tap(KeyAction::Symbols);
  EXPECT_EQ(tap("۴"), std::vector<Stroke>{text("۴")});
  tap(keyboard.find("۴"), 0.7);
  EXPECT_EQ(tap("4"), std::vector<Stroke>{text("4")});
}

TEST_F(KeyboardTest, TheLayoutKeyOpensAChooserOfEveryLayoutInItsOwnScript) {
  keyboard.follow("ar");
  tap(KeyAction::Layout);
  ASSERT_TRUE(keyboard.chooser_open());
  size_t layouts = 0;
  for (const Target& target : keyboard.targets()) {
    EXPECT_EQ(target.kind, TargetKind::Layout);
    EXPECT_GE(target.rect.height(), kMinKey);
    EXPECT_EQ(keyboard.lit(target), target.text == "ar") << target.text;
    ++layouts;
  }
  EXPECT_EQ(layouts, library.ids().size());
  // A German address in an Arabic session.
  const Target* german = nullptr;
  for (const Target& target : keyboard.targets())
    if (target.label == "Deutsch") german = &target;
  tap(german);
  EXPECT_FALSE(keyboard.chooser_open());
  EXPECT_EQ(keyboard.layout().id, "de");
  // The session language stays what it was: the choice stands.
  keyboard.follow("ar");
  EXPECT_EQ(keyboard.layout().id, "de");
  // Until the session language changes.
  keyboard.follow("uk");
  EXPECT_EQ(keyboard.layout().id, "uk");
}

TEST_F(KeyboardTest, ResetGoesBackToTheSessionLanguage) {
  keyboard.follow("ru");
  keyboard.choose("en");
  tap(KeyAction::Shift);
  keyboard.reset();
  EXPECT_EQ(keyboard.layout().id, "ru");
  EXPECT_EQ(keyboard.shift(), ShiftState::Off);
}

// [SECTION] The syllable picker

TEST_F(KeyboardTest, AConsonantOpensTheRowOfItsSyllables) {
  keyboard.follow("ethiopic");
  EXPECT_FALSE(keyboard.geometry().strip.empty());
  EXPECT_TRUE(tap("ለ").empty());  // nothing typed yet
  ASSERT_TRUE(keyboard.picker_open());
  std::vector<std::string> forms;
  for (const Target& target : keyboard.targets())
    if (target.kind == TargetKind::Form) {
      forms.push_back(target.text);
      EXPECT_GE(target.rect.width(), kMinKey);
      EXPECT_GE(target.rect.height(), kMinKey);
      EXPECT_TRUE(keyboard.geometry().strip.contains(target.rect.centre()));
    }
  EXPECT_EQ(forms, (std::vector<std::string>{"ለ", "ሉ", "ሊ", "ላ", "ሌ", "ል", "ሎ", "ሏ"}));
  EXPECT_EQ(tap("ላ"), std::vector<Stroke>{text("ላ")});
  EXPECT_FALSE(keyboard.picker_open());
  // Tapping the consonant twice closes its row again.
  tap("ለ");
  tap("ለ");
  EXPECT_FALSE(keyboard.picker_open());
}

TEST_F(KeyboardTest, LabiovelarsJoinTheRowOfTheirConsonant) {
  keyboard.follow("ethiopic");
  tap("ቀ");
  std::vector<std::string> forms;
  for (const Target& target : keyboard.targets())
    if (target.kind == TargetKind::Form) forms.push_back(target.text);
  EXPECT_EQ(forms, (std::vector<std::string>{"ቀ", "ቁ", "ቂ", "ቃ", "ቄ", "ቅ", "ቆ", "ቇ", "ቈ", "ቊ", "ቋ",
                                             "ቌ", "ቍ"}));
}

// [SECTION] Geometry

struct ScreenSize {
  int width;
  int height;
};
void PrintTo(ScreenSize s, std::ostream* os) {
  *os << s.width << "x" << s.height;
}

class KeyboardSizeTest : public KeyboardTest, public ::testing::WithParamInterface<ScreenSize> {};

TEST_P(KeyboardSizeTest, EveryKeyOfEveryLayerIsFingerSizedAndOnScreen) {
  const ImVec2 screen(static_cast<float>(GetParam().width), static_cast<float>(GetParam().height));
  keyboard.arrange(screen);
  for (const std::string& id : library.ids()) {
    keyboard.choose(id);
    for (int layer = 0; layer < 3; ++layer) {
      if (layer == 1 && keyboard.layout().shift.empty()) continue;
      if (layer == 1) tap(KeyAction::Shift);
      if (layer == 2) tap(KeyAction::Symbols);
      const Rect& panel = keyboard.geometry().panel;
      std::vector<Rect> seen;
      for (const Target& target : keyboard.targets()) {
        SCOPED_TRACE(id + " layer " + std::to_string(layer) + " key " + target.label);
        EXPECT_GE(target.rect.width(), kMinKey);
        EXPECT_GE(target.rect.height(), kMinKey);
        EXPECT_GE(target.rect.min.x, panel.min.x);
        EXPECT_GE(target.rect.min.y, panel.min.y);
        EXPECT_LE(target.rect.max.x, panel.max.x);
        EXPECT_LE(target.rect.max.y, panel.max.y);
        for (const Rect& other : seen) EXPECT_FALSE(target.rect.overlaps(other));
        seen.push_back(target.rect);
      }
      keyboard.choose(id);
    }
    // The keyboard leaves the top of the screen free for what is typed into.
    EXPECT_LE(keyboard.geometry().panel.height(), screen.y * 0.62f) << id;
  }
}

TEST_P(KeyboardSizeTest, ThePinPadHasLargeKeys) {
  const ImVec2 screen(static_cast<float>(GetParam().width), static_cast<float>(GetParam().height));
  keyboard.show(std::make_shared<const KeyboardLayout>(pin_pad_layout()));
  keyboard.arrange(screen);
  ASSERT_EQ(keyboard.targets().size(), 12u);
  for (const Target& target : keyboard.targets()) {
    EXPECT_GE(target.rect.width(), 1.2f * kMinKey);
    EXPECT_GE(target.rect.height(), 1.2f * kMinKey);
  }
  EXPECT_EQ(tap("5"), std::vector<Stroke>{text("5")});
  EXPECT_EQ(tap(KeyAction::Done), (std::vector<Stroke>{{Stroke::Kind::Done, {}}}));
}

INSTANTIATE_TEST_SUITE_P(Screens, KeyboardSizeTest,
                         ::testing::Values(ScreenSize{1920, 1080}, ScreenSize{1080, 1920},
                                           ScreenSize{1280, 800}),
                         [](const auto& info) {
                           return std::to_string(info.param.width) + "x" +
                                  std::to_string(info.param.height);
                         });

}  // namespace
}  // namespace ih::kiosk::keyboard
