// A check over every page of the shell, staff mode, the request pages and
// the message pages, in every language and both pseudo-locales, at 1920×1080, 1080×1920
// and 1280×800, with normal and large text. It fails on what a person would
// see as broken:
//   - a touch target smaller than 64 px either way;
//   - a label broken inside a word ("Personalm|odus");
//   - text outside its control, or cut off by a clip or the screen's edge;
//   - a control that moves between the steps of one flow (Back and Next stay
//     where the finger learnt them).
// What was drawn comes from render::TextProbe; where the controls are, from
// the shell's map of them.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "i18n/language_registry.h"
#include "kiosk/screen_messages.h"
#include "kiosk/screen_requests.h"
#include "kiosk/shell.h"
#include "kiosk/ui.h"
#include "render/text_probe.h"

namespace ih::kiosk {
namespace {

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

// The least size of a touch target each way, in pixels.
constexpr float kSmallestTarget = 64;

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

struct Size {
  int width;
  int height;
};
constexpr Size kSizes[] = {{1920, 1080}, {1080, 1920}, {1280, 800}};

using Controls = std::map<std::string, Rect, std::less<>>;

struct DrawnPage {
  std::vector<render::DrawnText> texts;
  Controls controls;
  std::vector<render::TextProbe::Region> scroll_views;
};

std::string where(const std::string& page, Size size, bool large) {
  std::ostringstream out;
  out << page << " " << size.width << "x" << size.height << (large ? " large text" : "");
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

ImVec2 centre(const render::DrawnText& t) {
  return ImVec2((t.ink_min.x + t.ink_max.x) / 2, (t.ink_min.y + t.ink_max.y) / 2);
}

// A tile of a list that scrolls, partly or wholly out of the list's view:
// its clip hides part of the tile itself, as it should; so does a list's
// view (a thread's) for text that has scrolled past its edge.
bool scrolled_out(const render::DrawnText& t, const DrawnPage& page) {
  const auto near = [](ImVec2 a, ImVec2 b) {
    return std::abs(a.x - b.x) <= 1 && std::abs(a.y - b.y) <= 1;
  };
  for (const render::TextProbe::Region& view : page.scroll_views)
    if (t.clipped() && near(view.min, t.clip_min) && near(view.max, t.clip_max)) return true;
  for (const auto& [id, r] : page.controls)
    if (contains(r, centre(t)) && (r.min.y < t.clip_min.y - 0.5f || r.max.y > t.clip_max.y + 0.5f))
      return true;
  return false;
}

// A target partly scrolled out of its list's view: its visible part is what
// takes a touch, and scrolling shows the rest.
bool cut_by_a_scroll_view(const Rect& r, const DrawnPage& page) {
  for (const render::TextProbe::Region& view : page.scroll_views)
    if (r.min.x >= view.min.x - 1 && r.max.x <= view.max.x + 1 &&
        (std::abs(r.min.y - view.min.y) <= 1 || std::abs(r.max.y - view.max.y) <= 1))
      return true;
  return false;
}

class LayoutCheckTest : public ::testing::TestWithParam<std::string> {
 protected:
  // Draws `page` as the kiosk would, twice (ImGui settles a window in its
  // second frame), and keeps what the second frame drew.
  DrawnPage draw(Ui& ui, const std::string& page, Size size, bool large) {
    Settings settings;
    settings.large_text = large;
    settings.staff_pin_hash = "set";  // so that the attract page shows the Staff button
    std::unique_ptr<Screen> screen = make_screen(page, settings);
    EXPECT_TRUE(screen) << page;
    if (!screen) return {};
    ui.io().DisplaySize = ImVec2(float(size.width), float(size.height));
    ui.build_frame(*screen);
    render::TextProbe probe;
    ui.build_frame(*screen);
    DrawnPage drawn{std::move(probe.drawn), {}, std::move(probe.scroll_views)};
    if (const auto* shell = dynamic_cast<const Shell*>(screen.get()))
      drawn.controls = shell->controls();
    return drawn;
  }
};

TEST_P(LayoutCheckTest, EveryPageKeepsItsTextWholeInsideItsControlsAndTargetsLarge) {
  const std::string language = GetParam();
  Ui ui({std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", language}, nullptr);
  for (const Size size : kSizes) {
    for (const bool large : {false, true}) {
      std::map<std::string, Controls> seen;
      for (const std::string& page : every_page()) {
        const DrawnPage drawn = draw(ui, page, size, large);
        const std::string at = where(page, size, large);
        for (const auto& [id, r] : drawn.controls)
          EXPECT_TRUE((r.width() >= kSmallestTarget && r.height() >= kSmallestTarget) ||
                      cut_by_a_scroll_view(r, drawn))
              << at << ": " << id << " " << box(r.min, r.max) << " is smaller than "
              << kSmallestTarget << " px";
        for (const render::DrawnText& t : drawn.texts) {
          EXPECT_FALSE(t.cut_a_word) << at << ": \"" << t.text << "\" is broken inside a word";
          if (scrolled_out(t, drawn)) continue;
          EXPECT_FALSE(t.clipped()) << at << ": \"" << t.text << "\" " << box(t.ink_min, t.ink_max)
                                    << " is cut off by " << box(t.clip_min, t.clip_max);
          EXPECT_TRUE(t.ink_inside(ImVec2(0, 0), ui.io().DisplaySize))
              << at << ": \"" << t.text << "\" " << box(t.ink_min, t.ink_max)
              << " runs off the screen";
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
                << where(step, size, large) << ": " << id << " stands at " << box(s.min, s.max)
                << ", on " << flow.pages.front() << " at " << box(r.min, r.max);
          }
        }
      }
    }
  }
}

std::vector<std::string> every_language() {
  std::vector<std::string> tags;
  const i18n::RegistryResult loaded = i18n::load_registry(i18n::default_registry_file());
  for (const i18n::Language& l : loaded.registry.languages) tags.push_back(l.tag);
  return tags;
}

INSTANTIATE_TEST_SUITE_P(Languages, LayoutCheckTest, ::testing::ValuesIn(every_language()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& ch : name)
                             if (ch == '-') ch = '_';
                           return name;
                         });

}  // namespace
}  // namespace ih::kiosk
