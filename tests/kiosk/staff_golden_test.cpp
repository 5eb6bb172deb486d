// Golden images of every staff page in German, Arabic and Tigrinya and in the
// two pseudo-locales (en-XA: longer accented text; ar-XB: right to left), in
// landscape and portrait, each with something to say: the PIN page after a
// wrong PIN, the menu of an online terminal with items waiting, enrolment in
// progress, settings just changed, a PIN reset with two different new PINs.
// Staff mode is driven there by touches and a physical keyboard, as in
// staff_mode_test.cpp, on SDL's software renderer. Every page must also draw
// the same on any processor (processor_noise.h).
#include <SDL.h>
#include <SDL_keycode.h>
#include <gtest/gtest.h>
#include <sodium.h>

#include <cstring>

#include "kiosk/screens/staff.h"
#include "kiosk/shell_staff.h"
#include "kiosk/ui.h"
#include "tests/kiosk/golden_image.h"
#include "tests/kiosk/processor_noise.h"
#include "tests/kiosk/quick_pin_hash.h"

namespace ih::kiosk {
namespace {

using golden::GoldenOutcome;
using namespace std::chrono_literals;

constexpr const char* kStaffPin = "482913";

// Staff mode under a plain band as tall as the shell's status bar, its
// actions applied as the shell applies them (shell_staff.h).
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
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(frame.size.x, bar),
                                              IM_COL32(0xE9, 0xEC, 0xEF, 0xFF));
    PageContext c{frame, {ImVec2(0, bar), frame.size}, metrics(frame.size), now_, controls};
    if (poll_staff(state_, forms_, now_)) frame.ui.needs_frame = true;
    if (auto a = draw_staff(c, state_, forms_, settings_, services_)) {
      apply_staff(*a, state_, forms_, settings_, gate_, services_, now_);
      frame.ui.needs_frame = true;
    }
  }
  std::map<std::string, Rect, std::less<>> controls;

 private:
  StaffState& state_;
  StaffForms& forms_;
  Settings& settings_;
  StaffGate& gate_;
  const StaffServices& services_;
  const Clock::time_point& now_;
};

using Case = golden::ScreenCase;

// SDL's software renderer drawing into memory; outlives everything drawn with it.
struct Target {
  Target(int width, int height)
      : surface(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32)),
        renderer(SDL_CreateSoftwareRenderer(surface)) {}
  ~Target() {
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
  }
  SDL_Surface* surface;
  SDL_Renderer* renderer;
};

// A software renderer with a Ui and staff mode on it, and a finger. Members
// go in the order they are made and undone: staff mode's fields borrow the
// Ui's text engine, the Ui's textures belong to the renderer.
class Harness {
 public:
  explicit Harness(const Case& c)
      : target_(c.width, c.height),
        ui_(std::make_unique<Ui>(
            UiConfig{std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", c.language},
            target_.renderer)),
        gate_(testing::quick_pin_hash(kStaffPin), 5, 300s),
        state_(open_staff(gate_, now_)),
        screen_(state_, forms_, settings_, gate_, services_, now_) {
    // 12:00 on a fixed day: "last contact" reads the same in every run.
    wall_ = std::chrono::system_clock::time_point(std::chrono::seconds(1'790'000'000));
    SyncStatus status;
    status.state = SyncState::Online;
    status.waiting = 3;
    status.last_contact = 1'790'000'000 - 300;
    // Two entries the platform refused, one not yet told to its person.
    status.dead_letters = {2, 1, 1'790'000'000 - 600,
                           {{EntryKind::Request, 422, "validation-failed", 1},
                            {EntryKind::Profile, 422, "validation-failed", 1}}};
    services_.status = [status] { return std::optional(status); };
    services_.enrolled = [] { return true; };
    services_.version = [] { return std::string("1.0.0"); };
    services_.enrol = [this](const std::string&, const std::string&) {
      return enrolment_.get_future();
    };
    services_.reset_pin = [](const PinReset&) {
      return std::promise<PinResetResult>().get_future();
    };
    services_.save_settings = [](const Settings&) { return std::string(); };
    services_.wall_clock = [this] { return wall_; };
    ImGuiIO& io = ui_->io();
    io.DisplaySize = ImVec2(static_cast<float>(c.width), static_cast<float>(c.height));
    io.DeltaTime = 1.0f / 60.0f;
    frame();
    frame();
  }
  void frame() { ui_->build_frame(screen_); }
  void touch(const std::string& id) {
    const auto it = screen_.controls.find(id);
    ASSERT_NE(it, screen_.controls.end()) << "no control " << id;
    ImGuiIO& io = ui_->io();
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
  void type(const std::string& text) {
    if (!text.empty()) {
      ui_->add_input({text, 0});
      frame();
    }
    ui_->add_input({"", SDLK_RETURN});
    frame();
    frame();
  }
  void fill(const std::string& id, const std::string& text) {
    touch(id);
    type(text);
  }
  void later(Clock::duration d) { now_ += d; }
  // What the renderer drew last.
  Image read_pixels() {
    SDL_RenderFlush(target_.renderer);
    Image image;
    image.width = target_.surface->w;
    image.height = target_.surface->h;
    image.rgba.resize(static_cast<size_t>(image.width) * static_cast<size_t>(image.height) * 4);
    EXPECT_EQ(SDL_RenderReadPixels(target_.renderer, nullptr, SDL_PIXELFORMAT_RGBA32,
                                   image.rgba.data(), image.width * 4),
              0);
    return image;
  }
  const StaffState& state() const { return state_; }
  Ui& ui() { return *ui_; }

 private:
  Target target_;
  std::unique_ptr<Ui> ui_;
  Clock::time_point now_ = Clock::now();
  std::chrono::system_clock::time_point wall_;
  Settings settings_;
  StaffGate gate_;
  StaffState state_;
  StaffForms forms_;
  StaffServices services_;
  std::promise<std::string> enrolment_;
  StaffScreen screen_;
};

class StaffGoldenTest : public ::testing::TestWithParam<Case> {
 protected:
  void compare(Harness& h, const std::string& page) {
    const Case c = GetParam();
    const std::string file = "staff-" + page + "-" + c.language + "-" + std::to_string(c.width) +
                             "x" + std::to_string(c.height) + ".png";
    // The last frame once more, so that every glyph is in the atlas.
    h.frame();
    const golden::NoiseCheck drawn =
        golden::render_checking_processor_noise(h.ui(), [&] { return h.read_pixels(); });
    EXPECT_LT(drawn.moved, golden::kNoticeablyMoved) << file << " depends on the processor";
    const golden::GoldenResult r = golden::compare_with_golden(drawn.image, file);
    if (r.outcome == GoldenOutcome::Rewritten) return;
    EXPECT_EQ(r.outcome, GoldenOutcome::Matches) << file << ": " << r.message;
  }
};

TEST_P(StaffGoldenTest, EveryPageMatchesItsGolden) {
  Harness h(GetParam());
  h.type("111111");
  ASSERT_EQ(h.state().page, StaffPage::Pin);
  compare(h, "pin");
  h.later(2s);
  h.type(kStaffPin);
  ASSERT_EQ(h.state().page, StaffPage::Menu);
  compare(h, "menu");

  h.touch("menu-enrol");
  h.fill("enrol-code", "K7QA-2B3C-XY");
  h.type("Halle 2");
  h.touch("enrol-start");
  compare(h, "enrol");
  h.touch("back");

  h.touch("menu-settings");
  h.touch("lang-ar");
  h.touch("idle-plus");
  h.touch("orientation-portrait");
  h.touch("large-text");
  compare(h, "settings");
  h.touch("back");

  h.touch("menu-reset");
  h.fill("reset-staff-code", "0001-0002");
  h.type("55667788");
  h.type("K7Q0-18SM");
  h.type("8642");
  h.type("8624");
  h.touch("reset-start");
  ASSERT_EQ(h.state().page, StaffPage::ResetPin);
  compare(h, "reset");
}

INSTANTIATE_TEST_SUITE_P(Languages, StaffGoldenTest, golden::every_screen_case(),
                         golden::case_name);

}  // namespace
}  // namespace ih::kiosk
