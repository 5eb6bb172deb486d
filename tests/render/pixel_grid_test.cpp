// Vertices on a 1/64-pixel grid: the few thousandths of a pixel by which
// ImGui's anti-aliased edges differ between processors are gone before the
// software renderer cuts positions down to whole pixels.
#include "render/pixel_grid.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace ih::render {
namespace {

// One draw list holding `positions`, with texture coordinates and colours
// that must survive snapping.
struct Drawn {
  explicit Drawn(const std::vector<ImVec2>& positions) : list(nullptr) {
    for (size_t i = 0; i < positions.size(); ++i) {
      const float f = static_cast<float>(i);
      list.VtxBuffer.push_back(
          ImDrawVert{positions[i], ImVec2(f / 7, f / 11), IM_COL32(10 + i, 20, 30, 255 - i)});
    }
    lists[0] = &list;
    data.CmdLists = lists;
    data.CmdListsCount = 1;
  }
  ImVec2 at(int i) const { return list.VtxBuffer[i].pos; }
  ImDrawList list;
  ImDrawList* lists[1];
  ImDrawData data;
};

// RSQRTSS may be off by 1.5 × 2^-12 of the normal; a 6 px border's edges sit
// 4 px from its path, so they move by up to about 0.002 px.
constexpr float kNoise = 0.002f;

TEST(PixelGridTest, AFewThousandthsOfAPixelAroundAWholeOrHalfPixelAreGone) {
  Drawn d({ImVec2(606 - kNoise, 606 + kNoise), ImVec2(1865.5f + kNoise, 501.5f - kNoise),
           ImVec2(-kNoise, kNoise), ImVec2(1919.75f - kNoise, 0.25f + kNoise)});
  snap_to_subpixel_grid(d.data);
  EXPECT_EQ(d.at(0).x, 606.0f);
  EXPECT_EQ(d.at(0).y, 606.0f);
  EXPECT_EQ(d.at(1).x, 1865.5f);
  EXPECT_EQ(d.at(1).y, 501.5f);
  EXPECT_EQ(d.at(2).x, 0.0f);
  EXPECT_EQ(d.at(2).y, 0.0f);
  EXPECT_EQ(d.at(3).x, 1919.75f);
  EXPECT_EQ(d.at(3).y, 0.25f);
}

TEST(PixelGridTest, NothingMovesByMoreThanHalfAStepAndTextureAndColourStay) {
  std::vector<ImVec2> positions;
  for (int i = 0; i < 500; ++i)
    positions.push_back(
        ImVec2(static_cast<float>(i) * 3.7131f, 1080 - static_cast<float>(i) * 2.0917f));
  Drawn d(positions);
  const ImVector<ImDrawVert> before = d.list.VtxBuffer;
  snap_to_subpixel_grid(d.data);
  for (int i = 0; i < before.Size; ++i) {
    const ImDrawVert& was = before[i];
    const ImDrawVert& now = d.list.VtxBuffer[i];
    EXPECT_LE(std::abs(now.pos.x - was.pos.x), 0.5f / kSubpixelSteps) << i;
    EXPECT_LE(std::abs(now.pos.y - was.pos.y), 0.5f / kSubpixelSteps) << i;
    EXPECT_EQ(now.pos.x * kSubpixelSteps, std::round(now.pos.x * kSubpixelSteps)) << i;
    EXPECT_EQ(now.pos.y * kSubpixelSteps, std::round(now.pos.y * kSubpixelSteps)) << i;
    EXPECT_EQ(now.uv.x, was.uv.x) << i;
    EXPECT_EQ(now.uv.y, was.uv.y) << i;
    EXPECT_EQ(now.col, was.col) << i;
  }
}

TEST(PixelGridTest, SnappingTwiceChangesNothingMore) {
  Drawn d({ImVec2(12.3456f, 987.654f), ImVec2(0.0078f, 1919.9922f)});
  snap_to_subpixel_grid(d.data);
  const ImVec2 a = d.at(0), b = d.at(1);
  snap_to_subpixel_grid(d.data);
  EXPECT_EQ(d.at(0).x, a.x);
  EXPECT_EQ(d.at(0).y, a.y);
  EXPECT_EQ(d.at(1).x, b.x);
  EXPECT_EQ(d.at(1).y, b.y);
}

}  // namespace
}  // namespace ih::render
