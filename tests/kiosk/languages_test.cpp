// The language picker: every language in its own script with all its glyphs,
// touch targets far above 64×64, everything on screen at the kiosk's sizes,
// mirrored for right-to-left UI languages, switching the UI on release of a
// touch (and not when the finger slides off), and golden images.
#include "kiosk/screens/languages.h"

#include <gtest/gtest.h>
#include <imgui_internal.h>

#include <stdexcept>
#include <string>

#include "kiosk/screenshot.h"
#include "kiosk/ui.h"
#include "tests/kiosk/golden_image.h"

namespace ih::kiosk {
namespace {

using golden::GoldenOutcome;

UiConfig config(const std::string& language) {
  return {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", language};
}

// A Ui without a renderer, with the screen drawn once to settle.
struct Harness {
  Harness(const std::string& language, ImVec2 size) : ui(config(language), nullptr) {
    ImGuiIO& io = ui.io();
    io.DisplaySize = size;
    io.DeltaTime = 1.0f / 60.0f;
    frame();
  }
  FrameOutcome frame() { return ui.build_frame(screen); }
  // One frame with the finger at `at`, down or lifted.
  FrameOutcome touch(ImVec2 at, bool down) {
    ImGuiIO& io = ui.io();
    io.MousePos = at;
    io.MouseDown[0] = down;
    return frame();
  }
  const LanguageTile& tile(const std::string& tag) const {
    for (const LanguageTile& t : screen.tiles())
      if (t.tag == tag) return t;
    throw std::runtime_error("no tile for " + tag);
  }
  static ImVec2 centre(const LanguageTile& t) {
    return ImVec2((t.min.x + t.max.x) / 2, (t.min.y + t.max.y) / 2);
  }

  Ui ui;
  LanguagesScreen screen;
};

using Case = golden::ScreenCase;

class LanguagesFitTest : public ::testing::TestWithParam<Case> {};

TEST_P(LanguagesFitTest, AllEighteenTilesAreLargeAndOnScreen) {
  const Case c = GetParam();
  const ImVec2 size(static_cast<float>(c.width), static_cast<float>(c.height));
  Harness h(c.language, size);
  ASSERT_EQ(h.screen.tiles().size(), 18u);
  for (const LanguageTile& t : h.screen.tiles()) {
    EXPECT_GE(t.max.x - t.min.x, 64 * 2) << t.tag;
    EXPECT_GE(t.max.y - t.min.y, 64 * 2) << t.tag;
    EXPECT_GE(t.min.x, 0) << t.tag;
    EXPECT_GE(t.min.y, 0) << t.tag;
    EXPECT_LE(t.max.x, size.x) << t.tag;
    EXPECT_LE(t.max.y, size.y) << t.tag;
  }
  // Every vertex drawn lies on the screen: nothing is cut off at its edges.
  const ImDrawData* data = ImGui::GetDrawData();
  ASSERT_NE(data, nullptr);
  for (int i = 0; i < data->CmdListsCount; ++i)
    for (const ImDrawVert& v : data->CmdLists[i]->VtxBuffer) {
      ASSERT_GE(v.pos.x, 0);
      ASSERT_GE(v.pos.y, 0);
      ASSERT_LE(v.pos.x, size.x);
      ASSERT_LE(v.pos.y, size.y);
    }
  EXPECT_EQ(h.ui.atlas().stats().failed, 0u);
}

TEST_P(LanguagesFitTest, EveryNameFitsItsTileOnOneLine) {
  const Case c = GetParam();
  Harness h(c.language, ImVec2(static_cast<float>(c.width), static_cast<float>(c.height)));
  const i18n::LanguageRegistry& registry = h.ui.strings().registry();
  for (const LanguageTile& t : h.screen.tiles()) {
    const i18n::Language& l = *registry.find(t.tag);
    const auto shaped = h.ui.engine().shape(
        l.name,
        {24, l.tag,
         l.direction == i18n::Direction::Rtl ? render::Direction::Rtl : render::Direction::Ltr});
    EXPECT_EQ(shaped->missing_glyphs, 0) << l.tag << ": " << l.name;
  }
}

INSTANTIATE_TEST_SUITE_P(Sizes, LanguagesFitTest,
                         ::testing::Values(Case{"de", 1920, 1080}, Case{"de", 1080, 1920},
                                           Case{"de", 1280, 800}, Case{"ar", 1920, 1080},
                                           Case{"en-XA", 1280, 800}, Case{"ar-XB", 1080, 1920}),
                         [](const auto& info) {
                           std::string name = info.param.language;
                           for (char& ch : name)
                             if (ch == '-') ch = '_';
                           return name + "_" + std::to_string(info.param.width) + "x" +
                                  std::to_string(info.param.height);
                         });

TEST(LanguagesTest, TheGridIsMirroredForRightToLeftLanguages) {
  Harness de("de", ImVec2(1920, 1080));
  Harness ar("ar", ImVec2(1920, 1080));
  const LanguageTile& first_ltr = de.screen.tiles().front();
  const LanguageTile& first_rtl = ar.screen.tiles().front();
  EXPECT_EQ(first_ltr.tag, "de");
  EXPECT_LT(first_ltr.min.x, 100);
  EXPECT_GT(first_rtl.max.x, 1820);
  for (size_t i = 0; i < de.screen.tiles().size(); ++i) {
    const LanguageTile& l = de.screen.tiles()[i];
    const LanguageTile& r = ar.screen.tiles()[i];
    EXPECT_NEAR(l.min.x, 1920 - r.max.x, 1.0) << l.tag;
  }
}

TEST(LanguagesTest, ATouchReleasedOnATileSwitchesTheLanguage) {
  Harness h("de", ImVec2(1920, 1080));
  const ImVec2 arabic = Harness::centre(h.tile("ar"));
  h.touch(arabic, true);
  EXPECT_EQ(h.ui.strings().language(), "de");  // not on press
  const FrameOutcome released = h.touch(arabic, false);
  EXPECT_TRUE(released.again);
  EXPECT_EQ(h.ui.strings().language(), "ar");
  EXPECT_EQ(h.ui.strings().direction(), i18n::Direction::Rtl);
  h.frame();
  // The next frame is mirrored: Arabic's tile is now second from the right.
  EXPECT_GT(h.tile("de").max.x, 1820);
  EXPECT_LT(h.tile("ar").max.x, h.tile("de").min.x);
}

TEST(LanguagesTest, SlidingOffATileBeforeLiftingDoesNothing) {
  Harness h("de", ImVec2(1920, 1080));
  const LanguageTile& ti = h.tile("ti");
  h.touch(Harness::centre(ti), true);
  h.touch(ImVec2(ti.max.x + 5, ti.max.y + 5), true);  // into the gap between tiles
  h.touch(ImVec2(ti.max.x + 5, ti.max.y + 5), false);
  EXPECT_EQ(h.ui.strings().language(), "de");
}

TEST(LanguagesTest, SwitchingBackAndForthNeedsNoRestart) {
  Harness h("de", ImVec2(1080, 1920));
  for (const char* tag : {"ur", "ti", "prs", "de"}) {
    const ImVec2 at = Harness::centre(h.tile(tag));
    h.touch(at, true);
    h.touch(at, false);
    h.frame();
    EXPECT_EQ(h.ui.strings().language(), tag);
  }
}

// [SECTION] Golden images

class LanguagesGoldenTest : public ::testing::TestWithParam<Case> {};

TEST_P(LanguagesGoldenTest, MatchesTheGoldenImage) {
  const Case c = GetParam();
  CaptureRequest request;
  request.screen = "languages";
  request.width = c.width;
  request.height = c.height;
  request.ui = config(c.language);
  const CaptureResult captured = capture_screen(request);
  ASSERT_TRUE(captured.ok()) << captured.error;
  const std::string file = std::string("languages-") + c.language + "-" + std::to_string(c.width) +
                           "x" + std::to_string(c.height) + ".png";
  const golden::GoldenResult result = golden::compare_with_golden(captured.image, file);
  if (result.outcome == GoldenOutcome::Rewritten) GTEST_SKIP() << result.message;
  EXPECT_EQ(result.outcome, GoldenOutcome::Matches) << result.message;
}

INSTANTIATE_TEST_SUITE_P(Goldens, LanguagesGoldenTest, golden::every_screen_case(),
                         golden::case_name);

}  // namespace
}  // namespace ih::kiosk
