// The shell driven as a person would, with touches on the places where its
// controls were drawn: the way from the attract screen to the start page in
// Arabic and back, the status bar, the idle warning and its countdown, and the
// end of a session, after which a unique name and code put into it are found
// nowhere in the process's memory.
#include "kiosk/shell.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

#include "kiosk/screens/attract.h"
#include "kiosk/ui.h"
#include "kiosk/wipe.h"
#include "tests/kiosk/memory_scan.h"
#include "tests/kiosk/shell_harness.h"

// Under AddressSanitizer freed blocks wait in its quarantine instead of going
// back to glibc, which harden_heap() configures; have it overwrite them.
#if defined(__SANITIZE_ADDRESS__)
extern "C" const char* __asan_default_options() {
  return "max_free_fill_size=16777216:free_fill_byte=165";
}
#endif

namespace ih::kiosk {
namespace {

using namespace std::chrono_literals;

using testing::find_in_memory;
using testing::Harness;
using testing::kMask;
using testing::masked16;

// A status source that always says `status`.
AccountServices reporting(std::optional<SyncStatus> status) {
  return {.sync_status = [status] { return status; }};
}

TEST(ShellTest, FromTheAttractScreenToTheStartInArabicAndBack) {
  Harness h;
  EXPECT_EQ(h.shell.page(), Page::Attract);
  EXPECT_EQ(h.shell.controls().count("end-session"), 0u) << "no session, nothing to end";
  h.touch("attract");
  EXPECT_EQ(h.shell.page(), Page::Languages);
  EXPECT_TRUE(h.shell.session().active);
  EXPECT_EQ(h.shell.controls().count("end-session"), 1u);
  h.touch("tile-ar");
  EXPECT_EQ(h.ui.strings().language(), "ar");
  EXPECT_EQ(h.shell.page(), Page::Privacy);
  // Mirrored: "Back" at the start edge, which in Arabic is the right one.
  EXPECT_GT(h.shell.controls().at("back").min.x, h.shell.controls().at("accept").min.x);
  EXPECT_LT(h.shell.controls().at("end-session").min.x, 960) << "at the end edge: the left";
  h.touch("accept");
  EXPECT_EQ(h.shell.page(), Page::Start);
  EXPECT_TRUE(h.shell.session().accepted_notice);
  EXPECT_EQ(h.shell.controls().count("new"), 1u);
  EXPECT_EQ(h.shell.controls().count("have-code"), 1u);
  h.touch("back");
  EXPECT_EQ(h.shell.page(), Page::Privacy);
  h.touch("end-session");
  EXPECT_EQ(h.shell.page(), Page::Attract);
  EXPECT_EQ(h.ui.strings().language(), "de") << "back in the default language";
  EXPECT_FALSE(h.shell.session().active);
}

TEST(ShellTest, TheChosenLanguageTileGoesOnToo) {
  Harness h;
  h.touch("attract");
  h.touch("tile-de");
  EXPECT_EQ(h.shell.page(), Page::Privacy);
  EXPECT_EQ(h.ui.strings().language(), "de");
}

TEST(ShellTest, EveryControlIsAtLeast64PixelsAndOnScreen) {
  for (const ImVec2 size : {ImVec2(1920, 1080), ImVec2(1080, 1920), ImVec2(1280, 800)}) {
    Harness h({}, size);
    for (const Page page : {Page::Privacy, Page::Start, Page::Home}) {
      h.shell.show(page);
      h.frame();
      for (const auto& [id, r] : h.shell.controls()) {
        EXPECT_GE(r.width(), 64) << id;
        EXPECT_GE(r.height(), 64) << id;
        EXPECT_GE(r.min.x, 0) << id;
        EXPECT_GE(r.min.y, 0) << id;
        EXPECT_LE(r.max.x, size.x) << id;
        EXPECT_LE(r.max.y, size.y) << id;
      }
    }
  }
}

TEST(ShellTest, TheCodeIsShownOnceThenHome) {
  Harness h;
  h.shell.session().personal_code = "K7Q0-18SM";
  h.shell.show(Page::Start);
  h.shell.show(Page::Code);
  h.frame();
  h.touch("continue");
  EXPECT_EQ(h.shell.page(), Page::Home);
  h.shell.apply(Action::Back);
  EXPECT_EQ(h.shell.page(), Page::Start) << "back from home skips the code";
}

TEST(ShellTest, LargeTextIsOneTouchAwayAndEndsWithTheSession) {
  Harness h;
  h.touch("attract");
  h.touch("tile-de");
  h.touch("accept");
  const float normal = h.shell.controls().at("back").height();
  EXPECT_FALSE(h.shell.session().large_text);
  h.touch("large-text");
  EXPECT_TRUE(h.shell.session().large_text);
  EXPECT_GT(h.shell.controls().at("back").height(), normal * 1.15f);
  h.touch("end-session");
  h.touch("attract");
  EXPECT_FALSE(h.shell.session().large_text) << "the next person starts at the default size";
}

TEST(ShellTest, TheSettingsCanStartEverySessionInLargeTextAndLimitThePicker) {
  Settings s;
  s.large_text = true;
  s.languages_shown = {"ar", "uk", "de"};
  Harness h(s);
  h.touch("attract");
  EXPECT_TRUE(h.shell.session().large_text);
  size_t tiles = 0;
  for (const auto& [id, r] : h.shell.controls()) tiles += id.starts_with("tile-");
  EXPECT_EQ(tiles, 3u);
  EXPECT_EQ(h.shell.controls().count("tile-ar"), 1u);
  EXPECT_EQ(h.shell.controls().count("tile-fa"), 0u);
}

TEST(ShellTest, TheReachBandKeepsEveryControlInTheLowerPartOfAPortraitScreen) {
  Settings s;
  s.reach_band = true;
  Harness h(s, ImVec2(1080, 1920));
  h.touch("attract");
  h.touch("tile-ar");
  for (const Page page : {Page::Privacy, Page::Start, Page::Home}) {
    h.shell.show(page);
    h.frame();
    for (const auto& [id, r] : h.shell.controls()) {
      EXPECT_GE(r.min.y, 1920 * 0.4f - 1) << id << " above the reach band";
      EXPECT_LE(r.max.y, 1920) << id;
    }
  }
  // A landscape screen is low enough already: the band leaves it alone.
  Harness wide(s, ImVec2(1920, 1080));
  wide.touch("attract");
  wide.touch("tile-de");
  EXPECT_LT(wide.shell.controls().at("end-session").min.y, 100);
}

TEST(ShellTest, TheAttractScreenAsksForAFrameOnlyWhenTheGreetingChanges) {
  Harness h;
  const FrameOutcome first = h.frame();
  ASSERT_TRUE(first.redraw_at);
  EXPECT_GT(*first.redraw_at, h.now);
  EXPECT_LE(*first.redraw_at, h.now + kGreetingPeriod);
  EXPECT_FALSE(first.again);
}

TEST(ShellTest, TheStatusBarSaysWhetherTheTerminalIsOnline) {
  SyncStatus offline;
  offline.state = SyncState::Offline;
  offline.waiting = 3;
  Harness h({}, ImVec2(1920, 1080), reporting(offline));
  h.shell.show(Page::Home);
  h.frame();
  // The text is checked through the catalog; the layout is the golden's job.
  EXPECT_EQ(h.ui.strings().format(i18n::msg("Waiting to be sent: {count}"), {{"count", 3}}),
            "Wartet auf Versand: 3");
}

TEST(ShellTest, TheStatusBarKeepsALongStatusInsideTheBar) {
  // The longest case: the pseudo-locale 40% longer than English, large text,
  // a narrow screen, no internet and a queue to report.
  SyncStatus offline;
  offline.state = SyncState::Offline;
  offline.waiting = 12345;
  Settings s;
  s.large_text = true;
  s.default_language = "en-XA";
  Harness h(s, ImVec2(1080, 1920), reporting(offline));
  h.touch("attract");
  h.shell.show(Page::Home);
  h.frame();
  const ImDrawData* drawn = ImGui::GetDrawData();
  ASSERT_NE(drawn, nullptr);
  // Glyphs wholly off the screen are not drawn; one cut by its edge is, and
  // its quad reaches above 0. The status is at the start (left) of the bar.
  float highest = 0;
  for (int i = 0; i < drawn->CmdListsCount; ++i)
    for (const ImDrawVert& v : drawn->CmdLists[i]->VtxBuffer)
      if (v.pos.x < 540) highest = std::min(highest, v.pos.y);
  EXPECT_GE(highest, 0.0f) << "the status, centred in the bar, is cut by the top of the screen";
}

TEST(ShellTest, TheIdleWarningCountsDownAndOneTouchContinues) {
  Settings s;
  s.idle_after = 60s;
  s.warning_for = 20s;
  Harness h(s);
  h.touch("attract");
  h.touch("tile-de");
  FrameOutcome out = h.frame();
  ASSERT_TRUE(out.redraw_at);
  EXPECT_EQ(*out.redraw_at, h.now + 60s) << "the next frame is when the warning is due";
  h.now += 60s;
  out = h.frame();
  EXPECT_TRUE(h.shell.warning_shown());
  EXPECT_EQ(h.shell.controls().count("end-session"), 0u) << "the warning fills the screen";
  ASSERT_TRUE(out.redraw_at);
  EXPECT_EQ(*out.redraw_at, h.now + 1s) << "a frame per second of the countdown, no more";
  h.now += 19s;
  h.frame();
  EXPECT_TRUE(h.shell.warning_shown());
  EXPECT_EQ(h.shell.page(), Page::Privacy);
  h.touch("idle-warning");
  EXPECT_FALSE(h.shell.warning_shown());
  EXPECT_EQ(h.shell.page(), Page::Privacy) << "the touch continues, and presses nothing else";
  EXPECT_FALSE(h.shell.session().accepted_notice);
}

// [SECTION] The wipe

TEST(ShellTest, AfterAnIdleTimeoutTheNameIsNowhereInMemory) {
  harden_heap();
  // A name no one has, made here at random: 20 letters, long enough that no
  // string keeps it inline, different in every run.
  std::random_device random;
  std::vector<uint8_t> name_masked;
  name_masked.push_back(static_cast<uint8_t>('Z') ^ kMask);
  for (int i = 0; i < 19; ++i)
    name_masked.push_back(static_cast<uint8_t>('a' + random() % 26) ^ kMask);
  std::vector<uint8_t> code_masked;
  for (int i = 0; i < 9; ++i)
    code_masked.push_back(static_cast<uint8_t>(i == 4 ? '-' : 'A' + random() % 26) ^ kMask);
  const std::vector<std::vector<uint8_t>> needles = {name_masked, masked16(name_masked),
                                                     code_masked, masked16(code_masked)};

  Settings s;
  s.idle_after = 30s;
  s.warning_for = 20s;
  Harness h(s);
  h.touch("attract");
  h.touch("tile-ar");
  for (uint8_t b : name_masked)
    h.shell.session().display_name.push_back(static_cast<char>(b ^ kMask));
  h.shell.show(Page::Home);
  for (int i = 0; i < 3; ++i) h.frame();
  ASSERT_FALSE(find_in_memory(needles).empty())
      << "the scan must find the name while the home screen shows it";

  h.now += 30s;
  h.frame();
  ASSERT_TRUE(h.shell.warning_shown());
  h.now += 20s;
  h.frame();
  h.frame();
  EXPECT_EQ(h.shell.page(), Page::Attract);
  EXPECT_EQ(h.ui.strings().language(), "de");
  EXPECT_TRUE(h.shell.session().display_name.empty());
  EXPECT_TRUE(h.shell.session().personal_code.empty());
  EXPECT_FALSE(h.shell.session().active);

  const std::vector<std::string> found = find_in_memory(needles);
  for (const std::string& where : found)
    ADD_FAILURE() << "the name or the code is still in " << where;
}

}  // namespace
}  // namespace ih::kiosk
