// Comparing a captured screen with its golden image in tests/golden/software/,
// for every test that keeps goldens.
//
// A pixel differs when one of its channels is more than 16 off; an image fails
// when more than 0.1% of its pixels differ. On failure the actual image and a
// diff (differing pixels red over a faded golden) are written next to the test
// program. ICHHELFE_UPDATE_GOLDENS=1 rewrites the goldens instead of comparing;
// look at them before committing.
//
//   const GoldenResult r = compare_with_golden(captured.image, "specimen-1920x1080.png");
//   if (r.outcome == GoldenOutcome::Rewritten) GTEST_SKIP() << r.message;
//   EXPECT_EQ(r.outcome, GoldenOutcome::Matches) << r.message;
#pragma once

#include <gtest/gtest.h>
#include <stb_image.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "kiosk/screenshot.h"

namespace ih::kiosk::golden {

enum class GoldenOutcome { Matches, Differs, Missing, Rewritten };

struct GoldenResult {
  GoldenOutcome outcome = GoldenOutcome::Missing;
  std::string message;  // what to look at, for a failure or a rewrite
};

inline constexpr int kChannelTolerance = 16;
inline constexpr double kMaxDifferingShare = 0.001;

inline std::filesystem::path golden_dir() {
  return std::filesystem::path(ICHHELFE_SOURCE_DIR) / "tests" / "golden" / "software";
}

// Beside the test program, so failures land in the build tree.
inline std::filesystem::path failure_dir() {
  return std::filesystem::read_symlink("/proc/self/exe").parent_path() / "golden-failures";
}

inline bool load_png(const std::filesystem::path& path, Image& image) {
  int channels = 0;
  stbi_uc* pixels = stbi_load(path.c_str(), &image.width, &image.height, &channels, 4);
  if (!pixels) return false;
  image.rgba.assign(
      pixels, pixels + static_cast<size_t>(image.width) * static_cast<size_t>(image.height) * 4);
  stbi_image_free(pixels);
  return true;
}

// Counts differing pixels and paints them into `diff`.
inline size_t compare(const Image& actual, const Image& golden, Image& diff) {
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

// Compares `actual` with the golden image `file` (a name in golden_dir()), or
// rewrites the golden when ICHHELFE_UPDATE_GOLDENS=1.
inline GoldenResult compare_with_golden(const Image& actual, const std::string& file) {
  namespace fs = std::filesystem;
  const fs::path golden_path = golden_dir() / file;
  const char* update = std::getenv("ICHHELFE_UPDATE_GOLDENS");
  if (update && std::string(update) == "1") {
    fs::create_directories(golden_dir());
    const std::string error = write_png(golden_path.string(), actual);
    if (!error.empty()) return {GoldenOutcome::Missing, error};
    return {GoldenOutcome::Rewritten, "rewrote " + golden_path.string()};
  }
  Image golden;
  if (!load_png(golden_path, golden))
    return {GoldenOutcome::Missing, "no golden image " + golden_path.string() +
                                        "; make it with ICHHELFE_UPDATE_GOLDENS=1 and look at it"};
  if (golden.width != actual.width || golden.height != actual.height)
    return {GoldenOutcome::Differs, golden_path.string() + " is " + std::to_string(golden.width) +
                                        "x" + std::to_string(golden.height) + ", the capture " +
                                        std::to_string(actual.width) + "x" +
                                        std::to_string(actual.height)};
  Image diff;
  const size_t differing = compare(actual, golden, diff);
  const auto allowed = static_cast<size_t>(kMaxDifferingShare * golden.width * golden.height);
  if (differing <= allowed) return {GoldenOutcome::Matches, {}};
  fs::create_directories(failure_dir());
  const fs::path actual_path = failure_dir() / ("actual-" + file);
  const fs::path diff_path = failure_dir() / ("diff-" + file);
  write_png(actual_path.string(), actual);
  write_png(diff_path.string(), diff);
  return {GoldenOutcome::Differs,
          std::to_string(differing) + " pixels differ (at most " + std::to_string(allowed) +
              " may)\n  golden: " + golden_path.string() + "\n  actual: " + actual_path.string() +
              "\n  diff:   " + diff_path.string()};
}

// A language and a screen size to draw a golden in.
struct ScreenCase {
  const char* language;
  int width;
  int height;
};

inline void PrintTo(const ScreenCase& c, std::ostream* os) {
  *os << c.language << "-" << c.width << "x" << c.height;
}

// What every screen's goldens cover: German, Arabic, Tigrinya and the two
// pseudo-locales, each in landscape and portrait.
inline auto every_screen_case() {
  return ::testing::Values(ScreenCase{"de", 1920, 1080}, ScreenCase{"de", 1080, 1920},
                           ScreenCase{"ar", 1920, 1080}, ScreenCase{"ar", 1080, 1920},
                           ScreenCase{"ti", 1920, 1080}, ScreenCase{"ti", 1080, 1920},
                           ScreenCase{"en-XA", 1920, 1080}, ScreenCase{"en-XA", 1080, 1920},
                           ScreenCase{"ar-XB", 1920, 1080}, ScreenCase{"ar-XB", 1080, 1920});
}

// A test name for a case: "ar_XB_1080x1920".
inline std::string case_name(const ::testing::TestParamInfo<ScreenCase>& info) {
  std::string name = info.param.language;
  for (char& ch : name)
    if (ch == '-') ch = '_';
  return name + "_" + std::to_string(info.param.width) + "x" + std::to_string(info.param.height);
}

}  // namespace ih::kiosk::golden
