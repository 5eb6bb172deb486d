// The specimen screen: every line has all its glyphs, in the right font and
// direction, and everything fits on the screen at the kiosk's usual sizes.
#include "kiosk/screens/specimen.h"

#include <gtest/gtest.h>
#include <imgui_internal.h>

#include <set>
#include <string>

#include "i18n/language.h"
#include "kiosk/ui.h"

namespace ih::kiosk {
namespace {

UiConfig config() {
  return {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "de"};
}

class SpecimenTest : public ::testing::Test {
 protected:
  Ui ui{config(), nullptr};

  std::shared_ptr<const render::ShapedParagraph> shape(const SpecimenLine& line) {
    const bool rtl = i18n::is_rtl(line.language);
    return ui.engine().shape(
        line.text, {32, line.language, rtl ? render::Direction::Rtl : render::Direction::Ltr});
  }
  std::set<std::string> fonts_of(const render::ShapedParagraph& shaped) {
    std::set<std::string> files;
    for (const render::ShapedRun& run : shaped.runs)
      files.insert(ui.engine().fonts().face(run.font).file);
    return files;
  }
};

TEST_F(SpecimenTest, EveryLineHasAllItsGlyphs) {
  for (auto lines : {specimen_greetings(), specimen_mixed_lines()})
    for (const SpecimenLine& line : lines)
      EXPECT_EQ(shape(line)->missing_glyphs, 0) << line.language << ": " << line.text;
}

TEST_F(SpecimenTest, RightToLeftLanguagesReadRightToLeft) {
  for (const SpecimenLine& line : specimen_greetings()) {
    const std::string tag = line.language;
    const bool rtl =
        tag == "ar" || tag == "fa" || tag == "prs" || tag == "ps" || tag == "ckb" || tag == "ur";
    EXPECT_EQ(shape(line)->base_level, rtl ? 1 : 0) << tag;
  }
}

TEST_F(SpecimenTest, ScriptsGetTheirFonts) {
  for (const SpecimenLine& line : specimen_greetings()) {
    const std::string tag = line.language;
    const auto fonts = fonts_of(*shape(line));
    std::string expected;
    if (tag == "ur") expected = "NotoNastaliqUrdu-Regular.ttf";
    if (tag == "ar" || tag == "fa" || tag == "prs" || tag == "ps" || tag == "ckb")
      expected = "NotoNaskhArabic-Regular.ttf";
    if (tag == "ti" || tag == "am") expected = "NotoSansEthiopic-Regular.ttf";
    if (tag == "ka") expected = "NotoSansGeorgian-Regular.ttf";
    if (!expected.empty()) {
      EXPECT_EQ(fonts.count(expected), 1u) << tag;
    }
  }
  // The telephone in the Arabic line is a colour emoji.
  bool colour = false;
  for (const std::string& file : fonts_of(*shape(specimen_mixed_lines()[0])))
    colour |= file == "NotoColorEmoji.ttf";
  EXPECT_TRUE(colour);
}

struct ScreenSize {
  int width;
  int height;
};
void PrintTo(ScreenSize s, std::ostream* os) {
  *os << s.width << "x" << s.height;
}

class SpecimenFitTest : public ::testing::TestWithParam<ScreenSize> {};

// Every glyph and shape lies inside the screen: nothing cut off, no scrolling.
TEST_P(SpecimenFitTest, EverythingIsOnScreen) {
  const ImVec2 size(static_cast<float>(GetParam().width), static_cast<float>(GetParam().height));
  Ui ui(config(), nullptr);
  ImGuiIO& io = ui.io();
  io.DisplaySize = size;
  io.DeltaTime = 1.0f / 60.0f;
  SpecimenScreen screen;
  ui.build_frame(screen);
  ui.build_frame(screen);

  // What the screen placed (ImGui measures it from the items' extents)...
  const ImGuiWindow* window = ImGui::FindWindowByName("##screen");
  ASSERT_NE(window, nullptr);
  EXPECT_GT(window->ContentSize.y, size.y / 2);
  EXPECT_LE(window->ContentSize.x, size.x);
  EXPECT_LE(window->ContentSize.y, size.y);
  // ...and what it drew: every text vertex inside the screen.
  const ImDrawData* data = ImGui::GetDrawData();
  ASSERT_NE(data, nullptr);
  int vertices = 0;
  ImVec2 min(1e9f, 1e9f), max(-1e9f, -1e9f);
  for (int i = 0; i < data->CmdListsCount; ++i) {
    for (const ImDrawVert& v : data->CmdLists[i]->VtxBuffer) {
      ++vertices;
      min = ImVec2(std::min(min.x, v.pos.x), std::min(min.y, v.pos.y));
      max = ImVec2(std::max(max.x, v.pos.x), std::max(max.y, v.pos.y));
    }
  }
  EXPECT_GT(vertices, 4 * 500);  // hundreds of glyphs
  EXPECT_GE(min.x, 0);
  EXPECT_GE(min.y, 0);
  EXPECT_LE(max.x, size.x);
  EXPECT_LE(max.y, size.y);
  EXPECT_EQ(ui.atlas().stats().full, 0u);
  EXPECT_EQ(ui.atlas().stats().failed, 0u);
}

INSTANTIATE_TEST_SUITE_P(KioskSizes, SpecimenFitTest,
                         ::testing::Values(ScreenSize{1920, 1080}, ScreenSize{1080, 1920},
                                           ScreenSize{1280, 800}),
                         [](const auto& info) {
                           return std::to_string(info.param.width) + "x" +
                                  std::to_string(info.param.height);
                         });

}  // namespace
}  // namespace ih::kiosk
