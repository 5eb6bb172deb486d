// A box with a border (text fields, tiles, toggles, list rows) as SDL's
// software renderer draws it: the border keeps its width along every edge
// and round its corners, and nothing of the fill shows outside it. Filled to
// the box's own edge, the fill's corners stood outside the border's curve and
// showed there as a pale fringe: the border looked thicker at its corners.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "kiosk/screenshot.h"
#include "render/text_field.h"

namespace ih::kiosk {
namespace {

const ImVec2 kMin(100, 100);
const ImVec2 kMax(420, 196);

struct Box {
  float width;   // of the border, pixels
  float radius;  // along its middle line
};

// A screen with one framed box on the page's background.
class BoxScreen : public Screen {
 public:
  explicit BoxScreen(Box box) : box_(box) {}
  void draw(ScreenFrame& frame) override {
    render::framed_box(*ImGui::GetWindowDrawList(), kMin, kMax, IM_COL32_WHITE,
                       frame.ui.theme.muted_text, box_.width, box_.radius);
  }

 private:
  Box box_;
};

struct Pixel {
  uint8_t r, g, b;
  friend bool operator==(const Pixel&, const Pixel&) = default;
};

Pixel at(const Image& image, int x, int y) {
  const uint8_t* p = &image.rgba[(static_cast<size_t>(y) * image.width + x) * 4];
  return {p[0], p[1], p[2]};
}

Pixel rgb(ImU32 c) {
  return {static_cast<uint8_t>(c >> IM_COL32_R_SHIFT), static_cast<uint8_t>(c >> IM_COL32_G_SHIFT),
          static_cast<uint8_t>(c >> IM_COL32_B_SHIFT)};
}

Image draw(Box box) {
  auto made = OffscreenTarget::create(
      520, 300, {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "de"});
  EXPECT_TRUE(made.target) << made.error;
  if (!made.target) return {};
  BoxScreen screen(box);
  made.target->draw(screen);
  return made.target->read_pixels();
}

class FramedBoxTest : public ::testing::TestWithParam<Box> {};

TEST_P(FramedBoxTest, NoFillShowsOutsideTheBorderAndItsWidthStaysTheSame) {
  const Box box = GetParam();
  const render::Theme theme;  // the one every Ui draws with
  const Image image = draw(box);
  ASSERT_FALSE(image.rgba.empty());
  const Pixel page = rgb(theme.background);
  const Pixel edge = rgb(theme.muted_text);

  // Outside the border's outer curve (by more than a pixel, past its
  // anti-aliased rim) every pixel is the page's.
  const float half = box.width / 2;
  const float outer = box.radius + half;
  const ImVec2 centres[] = {{kMin.x + half + box.radius, kMin.y + half + box.radius},
                            {kMax.x - half - box.radius, kMin.y + half + box.radius},
                            {kMin.x + half + box.radius, kMax.y - half - box.radius},
                            {kMax.x - half - box.radius, kMax.y - half - box.radius}};
  int fringe = 0;
  for (const ImVec2 c : centres)
    for (int y = static_cast<int>(c.y - outer - 3); y <= static_cast<int>(c.y + outer + 3); ++y)
      for (int x = static_cast<int>(c.x - outer - 3); x <= static_cast<int>(c.x + outer + 3); ++x) {
        const float dx = x + 0.5f - c.x, dy = y + 0.5f - c.y;
        const bool beyond_corner = (x + 0.5f < c.x) == (c.x < (kMin.x + kMax.x) / 2) &&
                                   (y + 0.5f < c.y) == (c.y < (kMin.y + kMax.y) / 2);
        if (beyond_corner && std::hypot(dx, dy) > outer + 1.0f && !(at(image, x, y) == page))
          ++fringe;
      }
  EXPECT_EQ(fringe, 0) << "pixels of the box outside its border's corners";

  // Across each straight edge, at its middle and near its ends, the border is
  // equally thick: its width, and a pixel more where ImGui's anti-aliasing
  // takes the line's half pixels in whole.
  const auto thickness = [&](int x, int y, int step_x, int step_y) {
    int n = 0;
    for (int i = -2; i < 12; ++i)
      if (at(image, x + i * step_x, y + i * step_y) == edge) ++n;
    return n;
  };
  const int mid_x = static_cast<int>((kMin.x + kMax.x) / 2);
  const int mid_y = static_cast<int>((kMin.y + kMax.y) / 2);
  const int near_x = static_cast<int>(kMin.x + box.radius + box.width + 2);
  const int near_y = static_cast<int>(kMin.y + box.radius + box.width + 2);
  const int first = thickness(mid_x, static_cast<int>(kMin.y), 0, 1);
  EXPECT_GE(first, static_cast<int>(box.width));
  EXPECT_LE(first, static_cast<int>(box.width) + 1);
  for (const int x : {mid_x, near_x}) {
    EXPECT_EQ(thickness(x, static_cast<int>(kMin.y), 0, 1), first) << "top edge at x " << x;
    EXPECT_EQ(thickness(x, static_cast<int>(kMax.y) - 1, 0, -1), first) << "bottom edge at x " << x;
  }
  for (const int y : {mid_y, near_y}) {
    EXPECT_EQ(thickness(static_cast<int>(kMin.x), y, 1, 0), first) << "start edge at y " << y;
    EXPECT_EQ(thickness(static_cast<int>(kMax.x) - 1, y, -1, 0), first) << "end edge at y " << y;
  }
}

// A text field's, a thin tile's, a chosen tile's, a staff toggle's.
INSTANTIATE_TEST_SUITE_P(Borders, FramedBoxTest,
                         ::testing::Values(Box{2, 8}, Box{2, 12}, Box{6, 12}, Box{3, 11}),
                         [](const ::testing::TestParamInfo<Box>& info) {
                           return std::to_string(static_cast<int>(info.param.width)) + "px_r" +
                                  std::to_string(static_cast<int>(info.param.radius));
                         });

}  // namespace
}  // namespace ih::kiosk
