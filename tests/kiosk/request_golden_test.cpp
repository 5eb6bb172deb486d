// Golden images of the request pages (screen_requests.h): every step of the
// wizard, the page after Send online and offline, My requests and the
// withdrawal's question, in German, Arabic, Persian (Solar Hijri calendar,
// Persian digits), Tigrinya, Urdu and the two pseudo-locales, in landscape
// and portrait. The wall clock stands at 6 December 2026.
#include <gtest/gtest.h>

#include "kiosk/screen_requests.h"
#include "kiosk/screenshot.h"
#include "tests/kiosk/golden_image.h"

namespace ih::kiosk {
namespace {

using golden::GoldenOutcome;
using Case = golden::ScreenCase;

class RequestGoldenTest : public ::testing::TestWithParam<Case> {};

TEST_P(RequestGoldenTest, EveryRequestPageMatchesItsGolden) {
  const Case c = GetParam();
  auto made = OffscreenTarget::create(
      c.width, c.height,
      {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", c.language});
  ASSERT_TRUE(made.target) << made.error;
  for (const std::string_view page : request_screen_names()) {
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

INSTANTIATE_TEST_SUITE_P(Languages, RequestGoldenTest,
                         ::testing::Values(Case{"de", 1920, 1080}, Case{"de", 1080, 1920},
                                           Case{"ar", 1920, 1080}, Case{"ar", 1080, 1920},
                                           Case{"fa", 1920, 1080}, Case{"fa", 1080, 1920},
                                           Case{"ti", 1920, 1080}, Case{"ti", 1080, 1920},
                                           Case{"ur", 1920, 1080}, Case{"ur", 1080, 1920},
                                           Case{"en-XA", 1920, 1080}, Case{"en-XA", 1080, 1920},
                                           Case{"ar-XB", 1920, 1080}, Case{"ar-XB", 1080, 1920}),
                         golden::case_name);

}  // namespace
}  // namespace ih::kiosk
