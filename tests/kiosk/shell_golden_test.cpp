// Golden images of the shell's pages in German, Arabic and Tigrinya and in the
// two pseudo-locales (en-XA: longer accented text; ar-XB: right to left), in
// landscape and portrait. One Ui per language and size draws every page, so the
// fonts load once per case. Every page must also draw the same on any processor
// (processor_noise.h).
#include <gtest/gtest.h>

#include "kiosk/screenshot.h"
#include "tests/kiosk/golden_image.h"
#include "tests/kiosk/processor_noise.h"

namespace ih::kiosk {
namespace {

using golden::GoldenOutcome;

constexpr const char* kPages[] = {
    "attract",           "privacy",       "start",       "profile",
    "profile-languages", "profile-place", "profile-pin", "login",
    "login-locked",      "code",          "home",        "idle-warning"};

using Case = golden::ScreenCase;

class ShellGoldenTest : public ::testing::TestWithParam<Case> {};

TEST_P(ShellGoldenTest, EveryPageMatchesItsGolden) {
  const Case c = GetParam();
  auto made = OffscreenTarget::create(
      c.width, c.height,
      {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", c.language});
  ASSERT_TRUE(made.target) << made.error;
  for (const char* page : kPages) {
    std::unique_ptr<Screen> screen = make_screen(page);
    ASSERT_TRUE(screen) << page;
    // ImGui settles a new window in its second frame.
    made.target->draw(*screen);
    made.target->ui().build_frame(*screen);
    const golden::NoiseCheck drawn = golden::render_checking_processor_noise(
        made.target->ui(), [&] { return made.target->read_pixels(); });
    const std::string file = std::string(page) + "-" + c.language + "-" + std::to_string(c.width) +
                             "x" + std::to_string(c.height) + ".png";
    EXPECT_LT(drawn.moved, golden::kNoticeablyMoved) << file << " depends on the processor";
    const golden::GoldenResult r = golden::compare_with_golden(drawn.image, file);
    if (r.outcome == GoldenOutcome::Rewritten) continue;
    EXPECT_EQ(r.outcome, GoldenOutcome::Matches) << file << ": " << r.message;
  }
}

INSTANTIATE_TEST_SUITE_P(Languages, ShellGoldenTest, golden::every_screen_case(),
                         golden::case_name);

}  // namespace
}  // namespace ih::kiosk
