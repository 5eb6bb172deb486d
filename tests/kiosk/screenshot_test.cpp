// Golden images: the specimen screen drawn by the software renderer, landscape
// and portrait, compared with tests/golden/software/.
//
// A pixel differs when one of its channels is more than 16 off; a test fails
// when more than 0.1% of the pixels differ. On failure the actual image and a
// diff (differing pixels red over a faded golden) are written next to the test
// program. ICHHELFE_UPDATE_GOLDENS=1 rewrites the goldens instead of comparing;
// look at them before committing.
#include "kiosk/screenshot.h"

#include <gtest/gtest.h>
#include <stb_image.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace ih::kiosk {
namespace {

namespace fs = std::filesystem;

constexpr int kChannelTolerance = 16;
constexpr double kMaxDifferingShare = 0.001;

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

fs::path golden_dir() {
  return fs::path(ICHHELFE_SOURCE_DIR) / "tests" / "golden" / "software";
}

// Beside the test program, so failures land in the build tree.
fs::path output_dir() {
  return fs::read_symlink("/proc/self/exe").parent_path() / "golden-failures";
}

bool load_png(const fs::path& path, Image& image) {
  int channels = 0;
  stbi_uc* pixels = stbi_load(path.c_str(), &image.width, &image.height, &channels, 4);
  if (!pixels) return false;
  image.rgba.assign(
      pixels, pixels + static_cast<size_t>(image.width) * static_cast<size_t>(image.height) * 4);
  stbi_image_free(pixels);
  return true;
}

// Counts differing pixels and paints them into `diff`.
size_t compare(const Image& actual, const Image& golden, Image& diff) {
  diff = golden;
  size_t differing = 0;
  for (size_t i = 0; i < golden.rgba.size(); i += 4) {
    bool differs = false;
    for (size_t c = 0; c < 4; ++c)
      differs |= std::abs(int(actual.rgba[i + c]) - int(golden.rgba[i + c])) > kChannelTolerance;
    uint8_t* d = &diff.rgba[i];
    if (differs) {
      ++differing;
      d[0] = 255, d[1] = 0, d[2] = 0, d[3] = 255;
    } else {
      for (size_t c = 0; c < 3; ++c) d[c] = static_cast<uint8_t>(192 + d[c] / 4);
    }
  }
  return differing;
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
  const fs::path golden_path = golden_dir() / g.file();

  const char* update = std::getenv("ICHHELFE_UPDATE_GOLDENS");
  if (update && std::string(update) == "1") {
    fs::create_directories(golden_dir());
    ASSERT_EQ(write_png(golden_path.string(), captured.image), "");
    GTEST_SKIP() << "rewrote " << golden_path;
  }

  Image golden;
  ASSERT_TRUE(load_png(golden_path, golden))
      << "no golden image " << golden_path
      << "; make it with ICHHELFE_UPDATE_GOLDENS=1 and look at it";
  ASSERT_EQ(golden.width, g.width);
  ASSERT_EQ(golden.height, g.height);

  Image diff;
  const size_t differing = compare(captured.image, golden, diff);
  const size_t allowed = static_cast<size_t>(kMaxDifferingShare * g.width * g.height);
  if (differing > allowed) {
    fs::create_directories(output_dir());
    const fs::path actual_path = output_dir() / ("actual-" + g.file());
    const fs::path diff_path = output_dir() / ("diff-" + g.file());
    write_png(actual_path.string(), captured.image);
    write_png(diff_path.string(), diff);
    ADD_FAILURE() << differing << " pixels differ (at most " << allowed
                  << " may)\n  golden: " << golden_path << "\n  actual: " << actual_path
                  << "\n  diff:   " << diff_path;
  }
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
