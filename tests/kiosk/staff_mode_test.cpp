// Staff mode driven as staff would drive it, by touches on the places its
// controls were drawn and by a physical keyboard, with fake services and a
// clock the test moves: the PIN and its lockout, the menu's ways on, the
// settings, enrolment and a PIN reset with their progress and outcomes, and
// the wipe.
#include <SDL_keycode.h>
#include <gtest/gtest.h>
#include <sodium.h>

#include <cstring>

#include "kiosk/screens/staff.h"
#include "kiosk/shell_staff.h"
#include "kiosk/ui.h"
#include "render/text_field.h"
#include "tests/kiosk/quick_pin_hash.h"

namespace ih::kiosk {
namespace {

using namespace std::chrono_literals;

constexpr const char* kStaffPin = "482913";

// What the fake services were asked, and what they answer.
struct Fakes {
  std::optional<SyncStatus> status = SyncStatus{SyncState::Online, 2, 0};
  int saves = 0;
  Settings saved;
  std::string save_answer;
  std::vector<std::pair<std::string, std::string>> enrolments;
  std::promise<std::string> enrolment;
  std::vector<PinReset> resets;
  std::promise<PinResetResult> reset;

  StaffServices services() {
    StaffServices s;
    s.status = [this] { return status; };
    s.enrolled = [] { return true; };
    s.version = [] { return std::string("1.0.0-test"); };
    s.enrol = [this](const std::string& code, const std::string& name) {
      enrolments.emplace_back(code, name);
      enrolment = {};
      return enrolment.get_future();
    };
    s.reset_pin = [this](const PinReset& r) {
      resets.push_back(r);
      reset = {};
      return reset.get_future();
    };
    s.save_settings = [this](const Settings& settings) {
      ++saves;
      saved = settings;
      return save_answer;
    };
    return s;
  }
};

// The area under a status bar as tall as the shell's, as the shell gives it,
// with staff mode's actions applied and its services polled as the shell
// does (shell_staff.h). Leaving staff mode or registering someone closes it.
class StaffScreen : public Screen {
 public:
  StaffScreen(StaffState& state, StaffForms& forms, Settings& settings, StaffGate& gate,
              const StaffServices& services, const Clock::time_point& now)
      : state_(state),
        forms_(forms),
        settings_(settings),
        gate_(gate),
        services_(services),
        now_(now) {}
  void draw(ScreenFrame& frame) override {
    controls.clear();
    const float bar = std::max(88.0f, std::round(std::min(frame.size.x, frame.size.y) * 0.09f));
    PageContext c{frame,
                  {ImVec2(0, bar), frame.size},
                  metrics(frame.size, settings_.large_text),
                  now_,
                  controls};
    if (poll_staff(state_, forms_, now_)) frame.ui.needs_frame = true;
    if (auto a = draw_staff(c, state_, forms_, settings_, services_)) {
      if (a->kind == Action::RegisterPerson || a->kind == Action::LeaveStaff) {
        exit = a->kind;
        state_ = open_staff(gate_, now_);
        forms_.wipe();
      } else {
        apply_staff(*a, state_, forms_, settings_, gate_, services_, now_);
      }
      frame.ui.needs_frame = true;
    }
    redraw_at = frame.redraw_at;
  }
  std::map<std::string, Rect, std::less<>> controls;
  std::optional<ActionKind> exit;
  std::optional<Clock::time_point> redraw_at;

 private:
  StaffState& state_;
  StaffForms& forms_;
  Settings& settings_;
  StaffGate& gate_;
  const StaffServices& services_;
  const Clock::time_point& now_;
};

struct Harness {
  explicit Harness(std::string language = "en", ImVec2 size = ImVec2(1920, 1080),
                   bool large_text = false)
      : ui({std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", std::move(language)},
           nullptr),
        gate(testing::quick_pin_hash(kStaffPin), 3, 300s),
        state(open_staff(gate, now)),
        services(fakes.services()),
        screen(state, forms, settings, gate, services, now) {
    settings.staff_attempts = 3;
    settings.large_text = large_text;
    ImGuiIO& io = ui.io();
    io.DisplaySize = size;
    io.DeltaTime = 1.0f / 60.0f;
    frame();
    frame();
  }
  void frame() { ui.build_frame(screen); }
  // A finger pressed and lifted on the control `id` of the last frame, and a
  // frame for what it changed; the pause after it is longer than the
  // keyboard's bounce window.
  void touch(const std::string& id) {
    const auto it = screen.controls.find(id);
    ASSERT_NE(it, screen.controls.end()) << "no control " << id;
    ImGuiIO& io = ui.io();
    io.MousePos = it->second.centre();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    io.MousePos = ImVec2(-1, -1);
    io.DeltaTime = 0.3f;
    frame();
    io.DeltaTime = 1.0f / 60.0f;
  }
  // Typed on a physical keyboard, then Return.
  void type(const std::string& text) {
    if (!text.empty()) {
      ui.add_input({text, 0});
      frame();
    }
    ui.add_input({"", SDLK_RETURN});
    frame();
    frame();
  }
  // Touches the field `id` and types `text` into it.
  void fill(const std::string& id, const std::string& text) {
    touch(id);
    ASSERT_EQ(forms.focus, id);
    type(text);
  }
  void open_menu() {
    type(kStaffPin);
    ASSERT_EQ(state.page, StaffPage::Menu);
    frame();
  }
  std::string text_of(std::string_view id) { return forms.field(id)->text(); }

  Clock::time_point now = Clock::now();
  Ui ui;
  Settings settings;
  StaffGate gate;
  StaffState state;
  StaffForms forms;
  Fakes fakes;
  StaffServices services;
  StaffScreen screen;
};

// [SECTION] The PIN

TEST(StaffModeTest, TheRightPinOpensTheMenu) {
  Harness h;
  EXPECT_EQ(h.state.page, StaffPage::Pin);
  EXPECT_EQ(h.forms.focus, "staff-pin") << "the number pad is open from the start";
  h.type(kStaffPin);
  EXPECT_EQ(h.state.page, StaffPage::Menu);
  EXPECT_TRUE(h.forms.field("staff-pin")->empty()) << "the PIN is not kept";
}

TEST(StaffModeTest, WrongPinsSayHowManyTriesAreLeftThenLock) {
  Harness h;
  h.type("111111");
  EXPECT_EQ(h.state.page, StaffPage::Pin);
  EXPECT_EQ(h.forms.message, "Wrong PIN. 2 more tries before staff mode locks.");
  EXPECT_TRUE(h.forms.field("staff-pin")->empty());
  // Too soon after a wrong PIN: not even checked.
  h.type(kStaffPin);
  EXPECT_EQ(h.state.page, StaffPage::Pin);
  EXPECT_EQ(h.forms.message, "Wait \u20680:01\u2069, then try again.");
  h.now += 2s;
  h.ui.add_input({"", SDLK_BACKSPACE});
  for (int i = 0; i < 6; ++i) h.ui.add_input({"", SDLK_BACKSPACE});
  h.frame();
  h.type("222222");
  EXPECT_EQ(h.forms.message, "Wrong PIN. 1 more try before staff mode locks.");
  h.now += 3s;
  h.type("333333");
  EXPECT_EQ(h.forms.message,
            "Too many wrong PINs. Staff mode is locked; try again in \u20685:00\u2069.");
  ASSERT_TRUE(h.screen.redraw_at);
  EXPECT_LE(*h.screen.redraw_at, h.now + 1s) << "the countdown is drawn every second";
  // Locked: even the right PIN does not open.
  h.now += 60s;
  h.type(kStaffPin);
  EXPECT_EQ(h.state.page, StaffPage::Pin);
  EXPECT_EQ(h.forms.message,
            "Too many wrong PINs. Staff mode is locked; try again in \u20684:00\u2069.");
  // Closing and opening staff mode again does not lift the lock: the gate
  // outlives it.
  {
    StaffState again = open_staff(h.gate, h.now);
    StaffForms forms;
    StaffScreen screen(again, forms, h.settings, h.gate, h.services, h.now);
    h.ui.build_frame(screen);
    EXPECT_NE(forms.message.find("locked"), std::string::npos) << forms.message;
  }
  h.now += 240s;
  h.type(kStaffPin);
  EXPECT_EQ(h.state.page, StaffPage::Menu);
}

TEST(StaffModeTest, WithoutAStaffPinStaffModeSaysItIsNotSetUp) {
  Harness h;
  StaffGate off("", 3, 300s);
  StaffState state = open_staff(off, h.now);
  StaffForms forms;
  StaffScreen screen(state, forms, h.settings, off, h.services, h.now);
  h.ui.build_frame(screen);
  h.ui.add_input({"1234", 0});
  h.ui.build_frame(screen);
  h.ui.add_input({"", SDLK_RETURN});
  h.ui.build_frame(screen);
  h.ui.build_frame(screen);
  EXPECT_EQ(state.page, StaffPage::Pin);
  EXPECT_NE(forms.message.find("not set up"), std::string::npos) << forms.message;
}

TEST(StaffModeTest, CancelLeaves) {
  Harness h;
  h.touch("staff-cancel");
  EXPECT_EQ(h.screen.exit, Action::LeaveStaff);
}

// [SECTION] The menu

TEST(StaffModeTest, RegisterSomeoneAndLeaveAreHandedToTheShell) {
  Harness h;
  h.open_menu();
  h.touch("menu-register");
  EXPECT_EQ(h.screen.exit, Action::RegisterPerson);
  EXPECT_EQ(h.state.page, StaffPage::Pin) << "closed: the PIN is asked again next time";
  h.screen.exit.reset();
  h.open_menu();
  h.touch("menu-leave");
  EXPECT_EQ(h.screen.exit, Action::LeaveStaff);
}

TEST(StaffModeTest, TheMenuAsksForFramesToShowTheTerminalsState) {
  Harness h;
  h.open_menu();
  ASSERT_TRUE(h.screen.redraw_at);
  EXPECT_LE(*h.screen.redraw_at, h.now + 2s);
}

// [SECTION] Settings

TEST(StaffModeTest, SettingsChangeAtOnceAndSaveWritesThem) {
  Harness h;
  h.open_menu();
  h.touch("menu-settings");
  ASSERT_EQ(h.state.page, StaffPage::Settings);
  h.touch("idle-plus");
  EXPECT_EQ(h.settings.idle_after, 120s);
  h.touch("idle-minus");
  h.touch("idle-minus");
  EXPECT_EQ(h.settings.idle_after, 60s);
  h.touch("warning-minus");
  h.touch("warning-minus");
  h.touch("warning-minus");
  EXPECT_EQ(h.settings.warning_for, 20s) << "never below 20 seconds (WCAG 2.2.1)";
  h.touch("orientation-portrait");
  EXPECT_EQ(h.settings.orientation, Orientation::Portrait);
  h.touch("large-text");
  EXPECT_TRUE(h.settings.large_text);
  // Hiding one language lists all the others; showing it again means all.
  h.touch("lang-ar");
  EXPECT_EQ(h.settings.languages_shown.size(), 17u);
  EXPECT_EQ(std::count(h.settings.languages_shown.begin(), h.settings.languages_shown.end(), "ar"),
            0);
  h.touch("lang-ar");
  EXPECT_TRUE(h.settings.languages_shown.empty());
  h.touch("lang-de");
  EXPECT_EQ(h.forms.message, "Changes apply now. Save keeps them after a restart.");
  EXPECT_EQ(h.fakes.saves, 0);
  h.touch("save");
  EXPECT_EQ(h.fakes.saves, 1);
  EXPECT_EQ(h.fakes.saved.idle_after, 60s);
  EXPECT_EQ(h.fakes.saved.warning_for, 20s);
  EXPECT_EQ(h.fakes.saved.orientation, Orientation::Portrait);
  EXPECT_TRUE(h.fakes.saved.large_text);
  EXPECT_EQ(h.fakes.saved.languages_shown.front(), "ar") << "German hidden";
  EXPECT_EQ(h.forms.message, "Saved.");
  h.fakes.save_answer = "/etc/ichhelfe/kiosk.toml: cannot be written (Permission denied)";
  h.touch("large-text");
  h.touch("save");
  EXPECT_EQ(h.forms.message,
            "Not saved: \u2068/etc/ichhelfe/kiosk.toml: cannot be written (Permission "
            "denied)\u2069");
  EXPECT_FALSE(h.settings.large_text) << "applied even so, until the kiosk restarts";
}

TEST(StaffModeTest, TheLastLanguageShownStays) {
  Harness h;
  h.settings.languages_shown = {"uk"};
  h.open_menu();
  h.touch("menu-settings");
  h.touch("lang-uk");
  EXPECT_EQ(h.settings.languages_shown, std::vector<std::string>{"uk"});
  EXPECT_EQ(h.forms.message, "At least one language stays on offer.");
}

TEST(StaffModeTest, StepsStayWithinTheAllowedRanges) {
  Harness h;
  h.settings.idle_after = std::chrono::seconds(kIdleRange.high);
  h.settings.warning_for = std::chrono::seconds(kWarningRange.low);
  h.open_menu();
  h.touch("menu-settings");
  h.touch("idle-plus");
  h.touch("warning-minus");
  EXPECT_EQ(h.settings.idle_after.count(), kIdleRange.high);
  EXPECT_EQ(h.settings.warning_for.count(), kWarningRange.low);
  h.settings.idle_after = 100s;  // from the file, between two steps
  h.touch("idle-plus");
  EXPECT_EQ(h.settings.idle_after, 120s);
}

// [SECTION] Enrolment

TEST(StaffModeTest, EnrolmentShowsProgressAndItsOutcome) {
  Harness h;
  h.open_menu();
  h.touch("menu-enrol");
  ASSERT_EQ(h.state.page, StaffPage::Enrol);
  h.touch("enrol-start");
  EXPECT_TRUE(h.fakes.enrolments.empty());
  EXPECT_EQ(h.forms.message, "Type the code and a name first.");
  h.fill("enrol-code", "K7QA-2B3C-XY");
  EXPECT_EQ(h.forms.focus, "enrol-name") << "Return goes on to the next field";
  h.type("Halle 2");
  EXPECT_EQ(h.forms.focus, "") << "and closes the keyboard after the last";
  h.touch("enrol-start");
  ASSERT_EQ(h.fakes.enrolments.size(), 1u);
  EXPECT_EQ(h.fakes.enrolments[0],
            std::make_pair(std::string("K7QA-2B3C-XY"), std::string("Halle 2")));
  h.frame();
  EXPECT_EQ(h.forms.message, "Enrolling…");
  ASSERT_TRUE(h.screen.redraw_at);
  EXPECT_LE(*h.screen.redraw_at, h.now + 100ms) << "frames while it waits";
  h.fakes.enrolment.set_value("code refused");
  h.frame();
  EXPECT_NE(h.forms.message.find("Enrolment failed (\u2068code refused\u2069)"), std::string::npos)
      << h.forms.message;
  h.touch("enrol-start");
  h.fakes.enrolment.set_value("");
  h.frame();
  EXPECT_EQ(h.forms.message, "Done: this terminal is enrolled and sends what people enter.");
  EXPECT_TRUE(h.forms.field("enrol-code")->empty());
  h.touch("back");
  EXPECT_EQ(h.state.page, StaffPage::Menu);
}

// [SECTION] Resetting a PIN

void fill_reset(Harness& h, const std::string& new_pin, const std::string& repeat) {
  h.fill("reset-staff-code", "0001-0002");
  h.type("55667788");
  h.type("K7Q0-18SM");
  h.type(new_pin);
  h.type(repeat);
  EXPECT_EQ(h.forms.focus, "");
}

TEST(StaffModeTest, ResettingAPinWithTwoDifferentNewPinsIsRefusedHere) {
  Harness h;
  h.open_menu();
  h.touch("menu-reset");
  ASSERT_EQ(h.state.page, StaffPage::ResetPin);
  fill_reset(h, "8642", "8624");
  h.touch("reset-start");
  EXPECT_TRUE(h.fakes.resets.empty()) << "the service is not asked";
  EXPECT_EQ(h.forms.message,
            "The two new PINs are not the same. Please type the new PIN in both fields again.");
  EXPECT_TRUE(h.forms.field("reset-new-pin")->empty());
  EXPECT_TRUE(h.forms.field("reset-repeat")->empty());
  EXPECT_EQ(h.text_of("reset-person"), "K7Q0-18SM") << "the rest stays for a correction";
  h.fill("reset-new-pin", "12");
  h.type("12");
  h.touch("reset-start");
  EXPECT_TRUE(h.fakes.resets.empty());
  EXPECT_EQ(h.forms.message, "A PIN has 4 to 8 digits.");
}

TEST(StaffModeTest, ResettingAPinShowsProgressAndItsOutcome) {
  Harness h;
  h.open_menu();
  h.touch("menu-reset");
  fill_reset(h, "8642", "8642");
  h.touch("reset-start");
  ASSERT_EQ(h.fakes.resets.size(), 1u);
  const PinReset& r = h.fakes.resets[0];
  EXPECT_EQ(r.staff_code, "0001-0002");
  EXPECT_EQ(r.staff_pin, "55667788");
  EXPECT_EQ(r.personal_code, "K7Q0-18SM");
  EXPECT_EQ(r.new_pin, "8642");
  EXPECT_EQ(h.forms.message, "Setting the new PIN…");
  h.fakes.reset.set_value({PinResetError::Locked, 125, 0, ""});
  h.frame();
  EXPECT_EQ(h.forms.message, "Too many wrong tries. Try again in \u20682:05\u2069.");
  EXPECT_TRUE(h.forms.field("reset-staff-pin")->empty()) << "PINs are not kept after an answer";
  EXPECT_TRUE(h.forms.field("reset-new-pin")->empty());
  EXPECT_EQ(h.text_of("reset-staff-code"), "0001-0002");

  h.fill("reset-staff-pin", "55667788");
  h.type("");  // the person's code is still there: Return goes on
  h.type("8642");
  h.type("8642");
  h.touch("reset-start");
  ASSERT_EQ(h.fakes.resets.size(), 2u);
  h.fakes.reset.set_value({PinResetError::None, 0, 1, ""});
  h.frame();
  EXPECT_EQ(h.forms.message, "Done: the person logs in with the new PIN from now on.");
  EXPECT_TRUE(h.forms.field("reset-person")->empty());
}

// [SECTION] Layout and the wipe

TEST(StaffModeTest, TheKeyboardNeverCoversTheFieldItTypesInto) {
  for (const ImVec2 size : {ImVec2(1920, 1080), ImVec2(1080, 1920), ImVec2(1280, 800)}) {
    Harness h("ti", size);
    EXPECT_LE(h.screen.controls.at("staff-pin").max.y, size.y * 0.6f);
    h.open_menu();
    h.touch("menu-enrol");
    for (const char* id : {"enrol-code", "enrol-name"}) {
      h.touch(id);
      ASSERT_EQ(h.forms.focus, id);
      h.frame();
      const Rect field = h.screen.controls.at(id);
      // The Ethiopic syllable picker makes Tigrinya's keyboard the tallest.
      EXPECT_LT(field.max.y, size.y * 0.6f) << id << " at " << size.x << "x" << size.y;
      h.type("");
    }
  }
}

TEST(StaffModeTest, EveryControlIsAtLeast64PixelsOnScreenAndApart) {
  struct Case {
    const char* language;
    bool large_text;
  };
  for (const ImVec2 size : {ImVec2(1920, 1080), ImVec2(1080, 1920), ImVec2(1280, 800)}) {
    // Large text is for the people in a session: staff pages keep their sizes.
    for (const Case& k :
         {Case{"en", false}, Case{"en-XA", false}, Case{"ar", false}, Case{"en-XA", true}}) {
      const char* language = k.language;
      Harness h(language, size, k.large_text);
      const auto check = [&](const char* page) {
        for (const auto& [id, r] : h.screen.controls) {
          const std::string where = std::string(page) + " " + id + " " + language +
                                    (k.large_text ? " large " : " ") + std::to_string(int(size.x)) +
                                    "x" + std::to_string(int(size.y));
          EXPECT_GE(r.width(), 64) << where;
          EXPECT_GE(r.height(), 64) << where;
          EXPECT_GE(r.min.x, 0) << where;
          EXPECT_GE(r.min.y, 88) << where << ": under the status bar";
          EXPECT_LE(r.max.x, size.x) << where;
          EXPECT_LE(r.max.y, size.y) << where;
          for (const auto& [other, o] : h.screen.controls) {
            if (other == id) continue;
            EXPECT_FALSE(r.min.x < o.max.x && o.min.x < r.max.x && r.min.y < o.max.y &&
                         o.min.y < r.max.y)
                << where << " overlaps " << other;
          }
        }
      };
      check("pin");
      h.open_menu();
      check("menu");
      for (const char* way : {"menu-enrol", "menu-settings", "menu-reset"}) {
        h.touch(way);
        check(way);
        h.touch("back");
      }
    }
  }
}

TEST(StaffModeTest, RightToLeftMirrors) {
  Harness h("ar");
  EXPECT_GT(h.screen.controls.at("staff-pin").min.x, h.screen.controls.at("staff-cancel").min.x)
      << "the field at the start: the right";
  h.open_menu();
  h.touch("menu-settings");
  EXPECT_GT(h.screen.controls.at("back").min.x, h.screen.controls.at("save").min.x);
  EXPECT_GT(h.screen.controls.at("idle-minus").min.x, h.screen.controls.at("idle-plus").min.x);
  EXPECT_GT(h.screen.controls.at("lang-de").min.x, h.screen.controls.at("lang-ar").min.x)
      << "the first language at the start";
}

TEST(StaffModeTest, WipeEmptiesEveryFieldAndGoesBackToThePin) {
  Harness h;
  h.ui.add_input({"4829", 0});
  h.frame();
  EXPECT_FALSE(h.forms.field("staff-pin")->empty());
  h.type("13");
  h.touch("menu-reset");
  fill_reset(h, "8642", "8642");
  // What the shell does when staff mode closes.
  h.state = open_staff(h.gate, h.now);
  h.forms.wipe();
  for (const char* id : {"staff-pin", "enrol-code", "enrol-name", "reset-staff-code",
                         "reset-staff-pin", "reset-person", "reset-new-pin", "reset-repeat"})
    EXPECT_TRUE(h.forms.field(id)->empty()) << id;
  EXPECT_EQ(h.state.page, StaffPage::Pin);
  EXPECT_EQ(h.forms.focus, "");
}

}  // namespace
}  // namespace ih::kiosk
