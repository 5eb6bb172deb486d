// Golden images: the specimen screen drawn by the software renderer, landscape
// and portrait, compared with tests/golden/software/ (see golden_image.h for
// the tolerance and for rewriting the goldens).
#include "kiosk/screenshot.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/kiosk/golden_image.h"

namespace ih::kiosk {
namespace {

using golden::GoldenOutcome;

struct Golden {
  const char* screen;
  int width;
  int height;
  std::string file() const {
    return std::string(screen) + "-" + std::to_string(width) + "x" + std::to_string(height) +
           ".png";
  }
};

void PrintTo(const Golden& g, std::ostream* os) {
  *os << g.file();
}

class ScreenshotTest : public ::testing::TestWithParam<Golden> {};

TEST_P(ScreenshotTest, MatchesTheGoldenImage) {
  const Golden g = GetParam();
  CaptureRequest request;
  request.screen = g.screen;
  request.width = g.width;
  request.height = g.height;
  request.ui = {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "de"};
  const CaptureResult captured = capture_screen(request);
  ASSERT_TRUE(captured.ok()) << captured.error;
  const golden::GoldenResult result = golden::compare_with_golden(captured.image, g.file());
  if (result.outcome == GoldenOutcome::Rewritten) GTEST_SKIP() << result.message;
  EXPECT_EQ(result.outcome, GoldenOutcome::Matches) << result.message;
}

INSTANTIATE_TEST_SUITE_P(Specimen, ScreenshotTest,
                         ::testing::Values(Golden{"specimen", 1920, 1080},
                                           Golden{"specimen", 1080, 1920}),
                         [](const auto& info) {
                           return std::to_string(info.param.width) + "x" +
                                  std::to_string(info.param.height);
                         });

}  // namespace
}  // namespace ih::kiosk
