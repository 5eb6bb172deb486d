// The touch widgets: labels follow their paragraph's direction; buttons are
// large enough for a finger, show when they are held, and act on release over
// them only.
#include "render/widgets.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "render/touch.h"

namespace ih::render {
namespace {

FontCollection& fonts() {
  static std::unique_ptr<FontCollection> collection =
      FontCollection::from_file(std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf");
  return *collection;
}

class WidgetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    ImGui::GetStyle().WindowPadding = ImVec2(0, 0);
  }
  void TearDown() override { ImGui::DestroyContext(context); }

  // Runs one frame with the pointer at `mouse`, `down` or not, drawing `body`
  // at (100, 100) in a full-screen window. Returns the window's draw list
  // vertices.
  template <typename Body>
  ImVector<ImDrawVert> frame(ImVec2 mouse, bool down, Body body) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = mouse;
    io.MouseDown[0] = down;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground);
    ImGui::SetCursorScreenPos(ImVec2(100, 100));
    body();
    ImVector<ImDrawVert> vertices = ImGui::GetWindowDrawList()->VtxBuffer;
    ImGui::End();
    ImGui::Render();
    return vertices;
  }

  ImGuiContext* context = nullptr;
  TextEngine engine{fonts()};
  GlyphAtlas atlas{fonts()};
  UiContext ui{engine, atlas};
};

TEST_F(WidgetsTest, LabelsStartOnTheSideTheirDirectionStartsOn) {
  ImVec2 size;
  auto extent = [](const ImVector<ImDrawVert>& vertices) {
    ImVec2 min(1e9f, 1e9f), max(-1e9f, -1e9f);
    for (const ImDrawVert& v : vertices) {
      min = ImVec2(std::min(min.x, v.pos.x), std::min(min.y, v.pos.y));
      max = ImVec2(std::max(max.x, v.pos.x), std::max(max.y, v.pos.y));
    }
    return std::pair(min, max);
  };
  const auto [ltr_min, ltr_max] =
      extent(frame(ImVec2(-1, -1), false, [&] { size = label(ui, "Hallo", 600); }));
  EXPECT_EQ(size.x, 600);
  EXPECT_GT(size.y, 32);
  EXPECT_NEAR(ltr_min.x, 100, 4);
  EXPECT_LT(ltr_max.x, 300);

  const auto [rtl_min, rtl_max] = extent(frame(ImVec2(-1, -1), false, [&] {
    label(ui, "مرحبا", 600, {.language = "ar", .direction = Direction::Rtl});
  }));
  EXPECT_NEAR(rtl_max.x, 700, 4);
  EXPECT_GT(rtl_min.x, 500);

  const auto [end_min, end_max] =
      extent(frame(ImVec2(-1, -1), false, [&] { label(ui, "Hallo", 600, {.align = Align::End}); }));
  EXPECT_NEAR(end_max.x, 700, 4);
}

TEST_F(WidgetsTest, ButtonsAreAtLeast64PixelsAndActOnReleaseOverThem) {
  bool clicked = false;
  ImVec2 item;
  auto body = [&] {
    clicked = button(ui, "ok", "OK", ImVec2(10, 10));
    item = ImGui::GetItemRectSize();
  };
  auto fill = [&](const ImVector<ImDrawVert>& vertices) {
    return vertices.empty() ? 0u : vertices[0].col;
  };
  const ImVec2 inside(130, 130);

  EXPECT_EQ(fill(frame(inside, false, body)), ui.theme.button);
  EXPECT_EQ(item.x, 64);
  EXPECT_EQ(item.y, 64);
  EXPECT_FALSE(clicked);

  EXPECT_EQ(fill(frame(inside, true, body)), ui.theme.button_pressed);  // held: pressed
  EXPECT_FALSE(clicked);                                                // not on press
  EXPECT_FALSE(ui.needs_frame);
  frame(inside, false, body);
  EXPECT_TRUE(clicked);  // released over it
  EXPECT_TRUE(ui.needs_frame);
}

TEST_F(WidgetsTest, SlidingOffAButtonCancelsIt) {
  bool clicked = false;
  auto body = [&] { clicked = button(ui, "ok", "OK", ImVec2(200, 80)); };
  auto fill = [&](const ImVector<ImDrawVert>& vertices) {
    return vertices.empty() ? 0u : vertices[0].col;
  };

  frame(ImVec2(150, 120), false, body);
  EXPECT_EQ(fill(frame(ImVec2(150, 120), true, body)), ui.theme.button_pressed);
  // Still held, finger moved off: it no longer looks pressed...
  EXPECT_EQ(fill(frame(ImVec2(500, 400), true, body)), ui.theme.button);
  // ...and letting go there does nothing.
  frame(ImVec2(500, 400), false, body);
  EXPECT_FALSE(clicked);
  frame(ImVec2(500, 400), false, body);
  EXPECT_FALSE(clicked);
}

TEST_F(WidgetsTest, ASecondReleaseWithinTheBounceTimeIsNotASecondTap) {
  int taps = 0;
  auto body = [&] { taps += button(ui, "ok", "OK", ImVec2(200, 80)) ? 1 : 0; };
  const ImVec2 inside(150, 120);
  // At 60 frames a second a finger that bounces lifts and lands again within
  // a few frames: the second release is the same tap.
  frame(inside, false, body);
  frame(inside, true, body);
  frame(inside, false, body);
  EXPECT_EQ(taps, 1);
  frame(inside, true, body);
  frame(inside, false, body);
  EXPECT_EQ(taps, 1);
  // A tap after the bounce time counts again.
  for (int i = 0; i < 10; ++i) frame(inside, false, body);
  frame(inside, true, body);
  frame(inside, false, body);
  EXPECT_EQ(taps, 2);
}

TEST_F(WidgetsTest, AFingerThatDragsActsOnNothing) {
  bool clicked = false;
  auto body = [&] { clicked |= button(ui, "ok", "OK", ImVec2(400, 200)); };
  frame(ImVec2(150, 150), false, body);
  frame(ImVec2(150, 150), true, body);
  // Further than kDragDistance, and still over the button when it lifts.
  frame(ImVec2(150, 150 + kDragDistance + 6), true, body);
  frame(ImVec2(150, 150 + kDragDistance + 6), false, body);
  EXPECT_FALSE(clicked);
}

}  // namespace
}  // namespace ih::render
