// The accessibility audit: every page of the shell, staff mode, the request
// pages and the message pages, in every language and both pseudo-locales, at
// 1920×1080, 1080×1920 and 1280×800, with normal and large text, and once
// more on the portrait screen with the reach band on. It fails on what
// ../PRODUCT.md's "Standards it must meet" rule out:
//   - a touch target smaller than 64 px either way, or two closer than 8 px;
//   - text under 4.5:1 against what is drawn under it, or under 3:1 for large
//     text (24 px and more); a control whose edge is under 3:1 against what
//     surrounds it (its border, or its fill where it has none);
//   - a label broken inside a word ("Personalm|odus"), text outside its
//     control, or cut off by a clip or the screen's edge;
//   - with the reach band on, a control above the band on a portrait screen
//     (staff mode excepted: staff stand at the terminal);
//   - a page a person cannot leave: no way back (or on), and, during a
//     session, no way to end it;
//   - a control that moves between the steps of one flow (Back and Next stay
//     where the finger learnt them).
// And, apart from the pages: state (on, an error, online) is never shown by
// colour alone.
// What was drawn comes from render::TextProbe and render::TargetProbe; the
// colours from ImGui's draw data (drawn_colours.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <span>
#include <sstream>
#include <string_view>

#include "i18n/language_registry.h"
#include "kiosk/screen_messages.h"
#include "kiosk/screen_requests.h"
#include "kiosk/screens/page.h"
#include "kiosk/screens/picture_tile.h"
#include "kiosk/services.h"
#include "kiosk/shell.h"
#include "kiosk/ui.h"
#include "render/text_probe.h"
#include "render/touch.h"
#include "tests/kiosk/drawn_colours.h"

namespace ih::kiosk {
namespace {

using testing::Colour;
using testing::DrawnFills;

constexpr const char* kShellPages[] = {"attract",       "picker",
                                       "privacy",       "start",
                                       "profile",       "profile-languages",
                                       "profile-place", "profile-phone",
                                       "profile-pin",   "profile-pin-again",
                                       "login",         "login-pin",
                                       "login-locked",  "code",
                                       "home",          "idle-warning",
                                       "staff-pin",     "staff-menu",
                                       "staff-enrol",   "staff-settings",
                                       "staff-reset"};

// The shell's pages (staff mode's among them), the request pages and the
// message pages.
std::vector<std::string> every_page() {
  std::vector<std::string> pages(std::begin(kShellPages), std::end(kShellPages));
  for (const std::string_view p : request_screen_names()) pages.emplace_back(p);
  for (const std::string_view p : message_screen_names()) pages.emplace_back(p);
  return pages;
}

bool staff_page(const std::string& page) {
  return page.rfind("staff-", 0) == 0;
}

// The least size of a touch target each way, and the least gap between two.
constexpr float kSmallestTarget = render::kMinTouchTarget;
constexpr float kLeastGap = kTargetGap;
// WCAG 2.x: text, large text (18 pt, 24 px), and the edges of controls.
constexpr float kTextContrast = 4.5f;
constexpr float kLargeTextContrast = 3.0f;
constexpr float kLargeText = 24.0f;
constexpr float kEdgeContrast = 3.0f;

// Steps that a person goes through in turn with the same kind of page, and
// the controls they share. Typing steps keep Back and Next just above their
// keyboard; choosing steps (lists of tiles, notices) keep them in the bottom
// row. Where the keyboard changes, comes or goes, the whole page changes
// shape, and Back and Next move with it.
struct Flow {
  std::vector<const char*> pages;
  std::vector<const char*> controls;
};
const Flow kFlows[] = {
    {{"privacy", "start"}, {"back"}},
    {{"profile-pin", "profile-pin-again"}, {"back", "next"}},
    {{"profile-languages", "profile-place"}, {"back", "next"}},
    {{"login", "login-pin"}, {"back", "next"}},
};

struct Display {
  int width;
  int height;
  bool reach_band = false;
};
constexpr Display kDisplays[] = {{1920, 1080}, {1080, 1920}, {1280, 800}, {1080, 1920, true}};

using Controls = std::map<std::string, Rect, std::less<>>;

struct DrawnPage {
  std::vector<render::DrawnText> texts;
  std::vector<render::PlacedTarget> targets;
  Controls controls;
  std::vector<render::TextProbe::Region> scroll_views;
  bool in_session = false;
  std::optional<DrawnFills> fills;
};

std::string where(const std::string& page, Display setup, bool large) {
  std::ostringstream out;
  out << page << " " << setup.width << "x" << setup.height << (large ? " large text" : "")
      << (setup.reach_band ? " reach band" : "");
  return out.str();
}

std::string box(ImVec2 min, ImVec2 max) {
  std::ostringstream out;
  out << "(" << min.x << "," << min.y << ")–(" << max.x << "," << max.y << ")";
  return out.str();
}

bool contains(const Rect& r, ImVec2 p) {
  return p.x >= r.min.x && p.x < r.max.x && p.y >= r.min.y && p.y < r.max.y;
}

bool contains(const Rect& outer, const Rect& inner) {
  return inner.min.x >= outer.min.x && inner.min.y >= outer.min.y && inner.max.x <= outer.max.x &&
         inner.max.y <= outer.max.y;
}

ImVec2 centre(const render::DrawnText& t) {
  return ImVec2((t.ink_min.x + t.ink_max.x) / 2, (t.ink_min.y + t.ink_max.y) / 2);
}

Rect rect_of(const render::PlacedTarget& t) {
  return {t.min, t.max};
}

// The part of a target that takes a touch: inside the clip it was placed
// under (a tile scrolled partly out of its list); empty when none is.
Rect visible_part(const render::PlacedTarget& t) {
  return {ImVec2(std::max(t.min.x, t.clip_min.x), std::max(t.min.y, t.clip_min.y)),
          ImVec2(std::min(t.max.x, t.clip_max.x), std::min(t.max.y, t.clip_max.y))};
}
bool empty(const Rect& r) {
  return r.max.x <= r.min.x || r.max.y <= r.min.y;
}
bool same(const Rect& a, const Rect& b) {
  return a.min.x == b.min.x && a.min.y == b.min.y && a.max.x == b.max.x && a.max.y == b.max.y;
}

// Text that a view scrolls out of sight is not cut off: a list's view (or a
// tile's own clip within it) cuts it above or below only, a text field's
// line at its start or end only.
bool scrolled_out(const render::DrawnText& t, const DrawnPage& page) {
  if (!t.clipped()) return false;
  const bool cut_sideways = t.ink_min.x < t.clip_min.x - 0.5f || t.ink_max.x > t.clip_max.x + 0.5f;
  const bool cut_above_or_below =
      t.ink_min.y < t.clip_min.y - 0.5f || t.ink_max.y > t.clip_max.y + 0.5f;
  const bool nothing_shows = t.clip_max.y <= t.clip_min.y || t.clip_max.x <= t.clip_min.x;
  for (const render::TextProbe::Region& view : page.scroll_views) {
    // A tile wholly out of a list's view: its own clip is empty, and lies
    // past the view's top or bottom edge.
    if (nothing_shows && !view.sideways && t.clip_min.x >= view.min.x - 1 &&
        t.clip_max.x <= view.max.x + 1 &&
        (t.clip_max.y <= view.min.y + 1 || t.clip_min.y >= view.max.y - 1))
      return true;
    const bool within = t.clip_min.x >= view.min.x - 1 && t.clip_max.x <= view.max.x + 1 &&
                        t.clip_min.y >= view.min.y - 1 && t.clip_max.y <= view.max.y + 1;
    if (!within) continue;
    if (view.sideways ? !cut_above_or_below : !cut_sideways) {
      const bool at_edge = view.sideways ? std::abs(t.clip_min.x - view.min.x) <= 1 ||
                                               std::abs(t.clip_max.x - view.max.x) <= 1
                                         : std::abs(t.clip_min.y - view.min.y) <= 1 ||
                                               std::abs(t.clip_max.y - view.max.y) <= 1;
      if (at_edge) return true;
    }
  }
  return false;
}

// The pages' touch-anywhere areas (the attract page, the idle warning): they
// have no edge to find, and hold the page's other controls.
bool touch_anywhere(const render::PlacedTarget& t) {
  return t.id == "attract" || t.id == "idle-warning";
}

// A picture tile's speech button lies on the tile ("speak <id>" on <id>):
// touched, it reads the tile; anywhere else on the tile chooses it.
bool speaks_for(const render::PlacedTarget& button, const render::PlacedTarget& control) {
  return button.id == "speak " + control.id;
}

// The gap between two rectangles; negative when they overlap.
float gap_between(const Rect& a, const Rect& b) {
  const float dx = std::max(a.min.x - b.max.x, b.min.x - a.max.x);
  const float dy = std::max(a.min.y - b.max.y, b.min.y - a.max.y);
  return std::max(dx, dy);
}

// How well a control's edge stands out: for each side it does not share
// with the screen's edge, the best contrast between what lies just outside
// and a point in the band just inside (its border, or its fill); the worst
// side's, with the colours that made it.
struct Edge {
  float contrast = 21;
  Colour outside, inside;
};
Edge edge_contrast(const Rect& r, const DrawnFills& fills, ImVec2 screen) {
  struct Side {
    ImVec2 outside, inward;
  };
  const ImVec2 mid((r.min.x + r.max.x) / 2, (r.min.y + r.max.y) / 2);
  const Side sides[] = {{ImVec2(r.min.x - 3, mid.y), ImVec2(1, 0)},
                        {ImVec2(r.max.x + 3, mid.y), ImVec2(-1, 0)},
                        {ImVec2(mid.x, r.min.y - 3), ImVec2(0, 1)},
                        {ImVec2(mid.x, r.max.y + 3), ImVec2(0, -1)}};
  Edge worst;
  for (const Side& s : sides) {
    if (s.outside.x < 0 || s.outside.y < 0 || s.outside.x >= screen.x || s.outside.y >= screen.y)
      continue;
    Edge best{1, fills.at(s.outside), {}};
    const ImVec2 edge(s.outside.x + s.inward.x * 3, s.outside.y + s.inward.y * 3);
    for (float in = 0; in <= 8; in += 0.5f) {
      const Colour inside = fills.at(ImVec2(edge.x + s.inward.x * in, edge.y + s.inward.y * in));
      const float ratio = testing::contrast(best.outside, inside);
      if (ratio > best.contrast) {
        best.contrast = ratio;
        best.inside = inside;
      }
    }
    if (best.contrast < worst.contrast) worst = best;
  }
  return worst;
}

// The worst contrast of a text (`inside`) against what was drawn under it
// (`outside`), at three points along its middle.
Edge text_contrast(const render::DrawnText& t, const DrawnFills& fills) {
  Edge worst;
  const float y = (t.ink_min.y + t.ink_max.y) / 2;
  for (const float share : {0.25f, 0.5f, 0.75f}) {
    const ImVec2 p(t.ink_min.x + (t.ink_max.x - t.ink_min.x) * share, y);
    const Colour under = fills.at(p, t.list, t.vertices_before);
    const float ratio = testing::contrast(testing::blend(under, t.colour), under);
    if (ratio < worst.contrast) worst = {ratio, under, testing::blend(under, t.colour)};
  }
  return worst;
}

// What leads back from a page (or on, where going on is how a step ends: the
// code page's Continue), and what ends a session.
constexpr std::string_view kWaysBack[] = {"back",     "home",         "cancel",    "no",
                                          "continue", "staff-cancel", "menu-leave"};
constexpr std::string_view kWaysOut[] = {"end-session", "idle-warning"};
// The tops of the flows, where leaving is ending the session (or touching
// the screen): the attract page, the language picker, home, the idle warning.
bool top_of_a_flow(const std::string& page) {
  return page == "attract" || page == "picker" || page == "home" || page == "messages-home" ||
         page == "idle-warning";
}
std::string ids_of(const DrawnPage& page) {
  std::string out;
  for (const render::PlacedTarget& t : page.targets)
    if (t.id.rfind("key ", 0) != 0) out += " " + t.id;
  return out;
}
bool has_any(const DrawnPage& page, std::span<const std::string_view> ids) {
  for (const render::PlacedTarget& t : page.targets)
    for (const std::string_view id : ids)
      if (t.id == id) return true;
  return false;
}

class AuditTest : public ::testing::TestWithParam<std::string> {
 protected:
  // Draws `page` as the kiosk would, twice (ImGui settles a window in its
  // second frame), and keeps what the second frame drew.
  DrawnPage draw(Ui& ui, const std::string& page, Display setup, bool large) {
    Settings settings;
    settings.large_text = large;
    settings.reach_band = setup.reach_band;
    settings.staff_pin_hash = "set";  // so that the attract page shows the Staff button
    std::unique_ptr<Screen> screen = make_screen(page, settings);
    EXPECT_TRUE(screen) << page;
    if (!screen) return {};
    ui.io().DisplaySize = ImVec2(float(setup.width), float(setup.height));
    ui.build_frame(*screen);
    render::TextProbe probe;
    render::TargetProbe targets;
    ui.build_frame(*screen);
    DrawnPage drawn;
    drawn.texts = std::move(probe.drawn);
    drawn.targets = std::move(targets.placed);
    drawn.scroll_views = std::move(probe.scroll_views);
    if (auto* shell = dynamic_cast<Shell*>(screen.get())) {
      drawn.controls = shell->controls();
      drawn.in_session = shell->session().active;
    }
    drawn.fills.emplace(*ImGui::GetDrawData(), render::Theme{}.background);
    return drawn;
  }
};

TEST_P(AuditTest, EveryPageMeetsTheStandards) {
  const std::string language = GetParam();
  Ui ui({std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", language}, nullptr);
  for (const Display setup : kDisplays) {
    const ImVec2 screen(float(setup.width), float(setup.height));
    for (const bool large : {false, true}) {
      std::map<std::string, Controls> seen;
      for (const std::string& page : every_page()) {
        const DrawnPage drawn = draw(ui, page, setup, large);
        const std::string at = where(page, setup, large);
        for (size_t i = 0; i < drawn.targets.size(); ++i) {
          const render::PlacedTarget& t = drawn.targets[i];
          const Rect r = visible_part(t);
          if (empty(r)) continue;  // scrolled out of sight: nothing takes a touch
          // Cut by its list's view, its visible part is what takes a touch,
          // and scrolling shows the rest.
          const bool whole = same(r, rect_of(t));
          EXPECT_TRUE(!whole || (r.width() >= kSmallestTarget && r.height() >= kSmallestTarget))
              << at << ": " << t.id << " " << box(r.min, r.max) << " is smaller than "
              << kSmallestTarget << " px";
          for (size_t j = i + 1; j < drawn.targets.size(); ++j) {
            const Rect s = visible_part(drawn.targets[j]);
            if (empty(s) || touch_anywhere(t) || touch_anywhere(drawn.targets[j])) continue;
            if (speaks_for(t, drawn.targets[j]) || speaks_for(drawn.targets[j], t)) {
              EXPECT_TRUE(contains(rect_of(drawn.targets[j]), rect_of(t)) ||
                          contains(rect_of(t), rect_of(drawn.targets[j])))
                  << at << ": " << t.id << " and " << drawn.targets[j].id
                  << ": a speech button on a control must lie inside it";
              continue;
            }
            EXPECT_GE(gap_between(r, s), kLeastGap)
                << at << ": " << t.id << " " << box(r.min, r.max) << " and " << drawn.targets[j].id
                << " " << box(s.min, s.max) << " are closer than " << kLeastGap << " px";
          }
          if (whole && !touch_anywhere(t)) {
            const Edge edge = edge_contrast(r, *drawn.fills, screen);
            EXPECT_GE(edge.contrast, kEdgeContrast)
                << at << ": the edge of " << t.id << " " << box(r.min, r.max) << " stands out "
                << edge.contrast << ":1 (" << testing::hex(edge.inside) << " against "
                << testing::hex(edge.outside) << ")";
          }
          if (setup.reach_band && !staff_page(page) && !touch_anywhere(t)) {
            EXPECT_GE(r.min.y, screen.y * (1 - kReachBand) - 0.5f)
                << at << ": " << t.id << " " << box(r.min, r.max) << " is above the reach band";
          }
        }
        for (const render::DrawnText& t : drawn.texts) {
          EXPECT_FALSE(t.cut_a_word) << at << ": \"" << t.text << "\" is broken inside a word";
          if (scrolled_out(t, drawn)) continue;
          EXPECT_FALSE(t.clipped()) << at << ": \"" << t.text << "\" " << box(t.ink_min, t.ink_max)
                                    << " is cut off by " << box(t.clip_min, t.clip_max);
          EXPECT_TRUE(t.ink_inside(ImVec2(0, 0), ui.io().DisplaySize))
              << at << ": \"" << t.text << "\" " << box(t.ink_min, t.ink_max)
              << " runs off the screen";
          if (!t.picture && t.ink_min.x < t.ink_max.x) {
            const float least = t.size >= kLargeText ? kLargeTextContrast : kTextContrast;
            const Edge ratio = text_contrast(t, *drawn.fills);
            EXPECT_GE(ratio.contrast, least)
                << at << ": \"" << t.text << "\" (" << t.size << " px) stands out "
                << ratio.contrast << ":1 (" << testing::hex(ratio.inside) << " on "
                << testing::hex(ratio.outside) << ")";
          }
          // Its control is the one it lies in; where controls overlap (a
          // tile scrolled under the bottom row), one of them.
          std::string owners;
          bool inside_one = false;
          for (const auto& [id, r] : drawn.controls) {
            if (!contains(r, centre(t))) continue;
            owners += " " + id + " " + box(r.min, r.max);
            inside_one |= t.ink_inside(r.min, r.max, 1.0f);
          }
          EXPECT_TRUE(owners.empty() || inside_one)
              << at << ": \"" << t.text << "\" " << box(t.ink_min, t.ink_max)
              << " reaches outside its control:" << owners;
        }
        if (!top_of_a_flow(page)) {
          EXPECT_TRUE(has_any(drawn, kWaysBack)) << at << ": no way back among" << ids_of(drawn);
        }
        if (drawn.in_session) {
          EXPECT_TRUE(has_any(drawn, kWaysOut))
              << at << ": no way to end the session among" << ids_of(drawn);
        }
        seen[page] = drawn.controls;
      }
      for (const Flow& flow : kFlows) {
        for (const char* id : flow.controls) {
          const Controls& first = seen[flow.pages.front()];
          ASSERT_TRUE(first.contains(id)) << flow.pages.front() << " has no " << id;
          const Rect r = first.find(id)->second;
          for (const char* step : flow.pages) {
            const Controls& here = seen[step];
            ASSERT_TRUE(here.contains(id)) << step << " has no " << id;
            const Rect s = here.find(id)->second;
            EXPECT_TRUE(s.min.x == r.min.x && s.min.y == r.min.y && s.max.x == r.max.x &&
                        s.max.y == r.max.y)
                << where(step, setup, large) << ": " << id << " stands at " << box(s.min, s.max)
                << ", on " << flow.pages.front() << " at " << box(r.min, r.max);
          }
        }
      }
    }
  }
}

// [State, not by colour alone] Two states of one control drawn alike but for
// their colours would tell nothing to a person who cannot tell those colours
// apart: the shapes drawn (every corner and texture coordinate, colours left
// out) must differ.
std::vector<std::array<float, 4>> shapes_of(const ImDrawData& data) {
  std::vector<std::array<float, 4>> out;
  for (int l = 0; l < data.CmdListsCount; ++l)
    for (const ImDrawVert& v : data.CmdLists[l]->VtxBuffer)
      out.push_back({v.pos.x, v.pos.y, v.uv.x, v.uv.y});
  std::sort(out.begin(), out.end());
  return out;
}

// A screen that draws one page of `draw` into the whole window.
class OnePage : public Screen {
 public:
  explicit OnePage(std::function<void(PageContext&)> draw) : draw_(std::move(draw)) {}
  void draw(ScreenFrame& frame) override {
    std::map<std::string, Rect, std::less<>> controls;
    PageContext c{frame, {ImVec2(0, 0), frame.size}, metrics(frame.size), Clock::now(), controls};
    draw_(c);
  }

 private:
  std::function<void(PageContext&)> draw_;
};

class StateTest : public ::testing::Test {
 protected:
  std::vector<std::array<float, 4>> drawn(Screen& screen) {
    ui.io().DisplaySize = ImVec2(1280, 800);
    ui.build_frame(screen);
    ui.build_frame(screen);
    return shapes_of(*ImGui::GetDrawData());
  }
  std::vector<std::array<float, 4>> drawn(std::function<void(PageContext&)> draw) {
    OnePage page(std::move(draw));
    return drawn(page);
  }
  Ui ui{{std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "de"}, nullptr};
};

TEST_F(StateTest, AChosenTileDiffersInShapeNotOnlyInColour) {
  const Rect r{ImVec2(100, 100), ImVec2(500, 200)};
  const auto toggle = [&](bool on) {
    return drawn([&](PageContext& c) { page_toggle(c, "t", "Deutsch", "de", on, r); });
  };
  EXPECT_NE(toggle(true), toggle(false));
  const auto small = [&](bool on) {
    return drawn([&](PageContext& c) { page_toggle(c, "t", "Deutsch", "de", on, r, false); });
  };
  EXPECT_NE(small(true), small(false)) << "a tile too small for the mark";
  const auto tile = [&](bool on) {
    return drawn([&](PageContext& c) {
      picture_tile(c, "p", "🩺", "Arzt", on, {ImVec2(100, 100), ImVec2(400, 400)});
    });
  };
  EXPECT_NE(tile(true), tile(false));
}

TEST_F(StateTest, AnErrorDiffersInShapeNotOnlyInColour) {
  const auto note = [&](bool error) {
    return drawn([&](PageContext& c) { page_note(c, "Die PIN ist zu kurz.", 100, error); });
  };
  EXPECT_NE(note(true), note(false));
}

TEST_F(StateTest, OnlineDiffersInShapeNotOnlyInColour) {
  const auto bar = [&](SyncState state) {
    AccountServices accounts;
    accounts.sync_status = [state] { return SyncStatus{state}; };
    Settings settings;
    std::unique_ptr<Screen> shell = make_shell(settings, std::move(accounts), {}, {});
    dynamic_cast<Shell&>(*shell).show(Page::Languages);
    return drawn(*shell);
  };
  EXPECT_NE(bar(SyncState::Online), bar(SyncState::Offline));
}

std::vector<std::string> every_language() {
  std::vector<std::string> tags;
  const i18n::RegistryResult loaded = i18n::load_registry(i18n::default_registry_file());
  for (const i18n::Language& l : loaded.registry.languages) tags.push_back(l.tag);
  return tags;
}

INSTANTIATE_TEST_SUITE_P(Languages, AuditTest, ::testing::ValuesIn(every_language()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& ch : name)
                             if (ch == '-') ch = '_';
                           return name;
                         });

}  // namespace
}  // namespace ih::kiosk
