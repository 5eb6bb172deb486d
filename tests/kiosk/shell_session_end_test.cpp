// Nothing of one session shapes the next: after a person worked in Arabic
// (larger text, a letter typed, the keyboard left on its symbols), ended the
// session and the next person chose Tigrinya, the profile's name step is
// pixel for pixel that of a kiosk no one had used, and its empty name field
// takes Tigrinya's direction (left to right), not Arabic's.
#include <gtest/gtest.h>

#include <memory>

#include "kiosk/screenshot.h"
#include "kiosk/shell.h"
#include "tests/kiosk/golden_image.h"

namespace ih::kiosk {
namespace {

// A shell drawn into memory, touched where its controls and keys were drawn.
struct Kiosk {
  Kiosk() {
    auto made = OffscreenTarget::create(
        1280, 800, {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "de"});
    EXPECT_TRUE(made.target) << made.error;
    target = std::move(made.target);
    shell = std::make_unique<Shell>(ShellOptions{{}, [this] { return now; }, {}});
    frame();
  }
  void frame() { target->draw(*shell); }
  void touch_at(ImVec2 at) {
    ImGuiIO& io = target->ui().io();
    io.MousePos = at;
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    frame();
  }
  void touch(const std::string& id) {
    const auto it = shell->controls().find(id);
    ASSERT_NE(it, shell->controls().end()) << "no control " << id;
    touch_at(it->second.centre());
  }
  // Touches the key of the letters keyboard that types `text`, or does `action`.
  template <typename Key>
  void key(const Key& which) {
    const keyboard::Target* k =
        shell->keys().keys(KeysKind::Letters, target->ui().strings()).find(which);
    ASSERT_NE(k, nullptr);
    touch_at(k->rect.centre());
  }
  // From the attract screen to the profile's name step, in `language`.
  void to_name_step(const std::string& language) {
    touch("attract");
    touch("tile-" + language);
    touch("accept");
    touch("new");
    ASSERT_EQ(shell->page(), Page::Profile);
    ASSERT_EQ(shell->profile_form().step(), ProfileForm::Step::Name);
  }

  Clock::time_point now = Clock::now();
  std::unique_ptr<OffscreenTarget> target;
  std::unique_ptr<Shell> shell;
};

TEST(ShellSessionEndTest, AfterAnArabicSessionTheTigrinyaNameStepIsThatOfANewKiosk) {
  Kiosk used;
  used.touch("attract");
  used.touch("tile-ar");
  used.touch("accept");
  used.touch("large-text");
  used.touch("new");
  used.key(std::string_view("ب"));
  used.key(keyboard::KeyAction::Symbols);
  ASSERT_EQ(used.shell->keys().keys(KeysKind::Letters, used.target->ui().strings()).layer(),
            keyboard::Layer::Symbols);
  used.touch("end-session");
  ASSERT_EQ(used.shell->page(), Page::Attract);
  used.to_name_step("ti");
  used.frame();
  const Image after = used.target->read_pixels();

  Kiosk fresh;
  fresh.to_name_step("ti");
  fresh.frame();
  const Image untouched = fresh.target->read_pixels();

  Image diff;
  EXPECT_EQ(golden::compare(after, untouched, diff), 0u)
      << "the name step after an Arabic session differs from a new kiosk's";
  const render::TextField* name = used.shell->profile_form().name_field();
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->options().language, "ti");
  EXPECT_EQ(name->options().direction, render::Direction::Auto)
      << "the empty field should run left to right, as Tigrinya does";
}

}  // namespace
}  // namespace ih::kiosk
