// Golden images of the "My messages" pages as the shell shows them
// (screen_messages.h): home with unread messages, the conversations, a thread
// that mixes Arabic, German, Tigrinya and emoji with a helper whose name
// carries a right-to-left override, the same with a reply still waiting on
// the terminal, and a day being proposed (its pictures and its review), in
// German, Arabic, Persian, Tigrinya, Urdu and the two pseudo-locales,
// landscape and portrait.
#include <gtest/gtest.h>

#include <cstdlib>

#include "kiosk/screen_messages.h"
#include "kiosk/screenshot.h"
#include "tests/kiosk/golden_image.h"

namespace ih::kiosk {
namespace {

using golden::GoldenOutcome;
using golden::ScreenCase;

class MessagesGoldenTest : public ::testing::TestWithParam<ScreenCase> {};

TEST_P(MessagesGoldenTest, EveryMessagePageMatchesItsGolden) {
  // Times are shown in the terminal's zone; the pictures are made in one.
  setenv("TZ", "Europe/Berlin", 1);
  const ScreenCase c = GetParam();
  auto made = OffscreenTarget::create(
      c.width, c.height,
      {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", c.language});
  ASSERT_TRUE(made.target) << made.error;
  for (const std::string_view page : message_screen_names()) {
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

INSTANTIATE_TEST_SUITE_P(
    Languages, MessagesGoldenTest,
    ::testing::Values(ScreenCase{"de", 1920, 1080}, ScreenCase{"de", 1080, 1920},
                      ScreenCase{"ar", 1920, 1080}, ScreenCase{"ar", 1080, 1920},
                      ScreenCase{"fa", 1920, 1080}, ScreenCase{"fa", 1080, 1920},
                      ScreenCase{"ti", 1920, 1080}, ScreenCase{"ti", 1080, 1920},
                      ScreenCase{"ur", 1920, 1080}, ScreenCase{"ur", 1080, 1920},
                      ScreenCase{"en-XA", 1920, 1080}, ScreenCase{"en-XA", 1080, 1920},
                      ScreenCase{"ar-XB", 1920, 1080}, ScreenCase{"ar-XB", 1080, 1920}),
    golden::case_name);

}  // namespace
}  // namespace ih::kiosk
