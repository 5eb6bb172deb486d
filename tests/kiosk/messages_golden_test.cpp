// Golden images of the "My messages" pages: the list of conversations, and a
// thread that mixes Arabic, German, Tigrinya and emoji with a helper whose
// name carries a right-to-left override, in German, Arabic, Persian,
// Tigrinya, Urdu and the two pseudo-locales, landscape and portrait.
#include <gtest/gtest.h>

#include <cstdlib>

#include "kiosk/screenshot.h"
#include "tests/kiosk/golden_image.h"
#include "tests/kiosk/messages_fixture.h"

namespace ih::kiosk {
namespace {

using golden::GoldenOutcome;
using golden::ScreenCase;

class MessagesGoldenTest : public ::testing::TestWithParam<ScreenCase> {};

TEST_P(MessagesGoldenTest, TheListAndAMixedThreadMatchTheirGoldens) {
  // Times are shown in the terminal's zone; the pictures are made in one.
  setenv("TZ", "Europe/Berlin", 1);
  const ScreenCase c = GetParam();
  auto made = OffscreenTarget::create(
      c.width, c.height,
      {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", c.language});
  ASSERT_TRUE(made.target) << made.error;
  testing::MessagesScreen screen(testing::sample_inbox());
  for (const char* page : {"messages", "thread"}) {
    if (std::string(page) == "thread") open_thread(screen.thread, "c1");
    made.target->draw(screen);
    made.target->draw(screen);
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
