// Golden images of the shell's pages in German, Arabic and Tigrinya and in the
// two pseudo-locales (en-XA: longer accented text; ar-XB: right to left), in
// landscape and portrait. One Ui per language and size draws every page, so the
// fonts load once per case.
#include <gtest/gtest.h>

#include "kiosk/screenshot.h"
#include "tests/kiosk/golden_image.h"

namespace ih::kiosk {
namespace {

using golden::GoldenOutcome;

constexpr const char* kPages[] = {
    "attract",           "privacy",       "start",       "profile",
    "profile-languages", "profile-place", "profile-pin", "login",
    "login-locked",      "code",          "home",        "idle-warning"};

struct Case {
  const char* language;
  int width;
  int height;
};

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
    made.target->draw(*screen);
    const std::string file = std::string(page) + "-" + c.language + "-" + std::to_string(c.width) +
                             "x" + std::to_string(c.height) + ".png";
    const golden::GoldenResult r = golden::compare_with_golden(made.target->read_pixels(), file);
    if (r.outcome == GoldenOutcome::Rewritten) continue;
    EXPECT_EQ(r.outcome, GoldenOutcome::Matches) << file << ": " << r.message;
  }
}

INSTANTIATE_TEST_SUITE_P(Languages, ShellGoldenTest,
                         ::testing::Values(Case{"de", 1920, 1080}, Case{"de", 1080, 1920},
                                           Case{"ar", 1920, 1080}, Case{"ar", 1080, 1920},
                                           Case{"ti", 1920, 1080}, Case{"ti", 1080, 1920},
                                           Case{"en-XA", 1920, 1080}, Case{"en-XA", 1080, 1920},
                                           Case{"ar-XB", 1920, 1080}, Case{"ar-XB", 1080, 1920}),
                         [](const auto& info) {
                           std::string name = info.param.language;
                           for (char& ch : name)
                             if (ch == '-') ch = '_';
                           return name + "_" + std::to_string(info.param.width) + "x" +
                                  std::to_string(info.param.height);
                         });

}  // namespace
}  // namespace ih::kiosk
