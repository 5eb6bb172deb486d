#include "kiosk/screen.h"

#include "api/personal_code.h"
#include "kiosk/link.h"
#include "kiosk/screen_messages.h"
#include "kiosk/screen_requests.h"
#include "kiosk/screens/keyboard.h"
#include "kiosk/screens/languages.h"
#include "kiosk/screens/specimen.h"
#include "kiosk/shell.h"
#include "kiosk/wipe.h"

namespace ih::kiosk {

namespace {

// A sample name and code for pictures of the home and code screens; no one's.
constexpr const char* kSampleName = "Amal";
constexpr const char* kSamplePrefix = "K7Q";
constexpr uint32_t kSampleBody = 1234;

// A clock that stands still where the screen was made, for pictures that do
// not depend on when they were taken.
std::function<Clock::time_point()> still_clock(std::shared_ptr<Clock::time_point> at) {
  return [at] { return *at; };
}

// A kiosk without a network still checks the codes and fields people type.
AccountServices offline() {
  AccountServices s;
  s.normalize_code = personal_code_rule();
  s.rules = field_rules();
  return s;
}

// A terminal as staff mode shows it: online, three entries waiting, two the
// platform refused (one not yet told to its person), at a fixed time.
StaffServices sample_staff_services() {
  static constexpr int64_t kNoon = 1'790'000'000;
  SyncStatus status;
  status.state = SyncState::Online;
  status.waiting = 3;
  status.last_contact = kNoon - 300;
  status.dead_letters = {2,
                         1,
                         kNoon - 600,
                         {{EntryKind::Request, 422, "validation-failed", 1},
                          {EntryKind::Profile, 422, "validation-failed", 1}}};
  StaffServices s;
  s.status = [status] { return std::optional(status); };
  s.enrolled = [] { return true; };
  s.version = [] { return std::string("1.0.0"); };
  s.wall_clock = [] { return std::chrono::system_clock::time_point(std::chrono::seconds(kNoon)); };
  return s;
}

// Staff mode at one of its pages, as after the staff PIN; the PIN page as
// staff mode opens.
std::unique_ptr<Screen> make_staff_screen(std::string_view name, const Settings& settings) {
  static constexpr std::pair<std::string_view, StaffPage> kPages[] = {
      {"staff-pin", StaffPage::Pin},
      {"staff-menu", StaffPage::Menu},
      {"staff-enrol", StaffPage::Enrol},
      {"staff-settings", StaffPage::Settings},
      {"staff-reset", StaffPage::ResetPin}};
  for (const auto& [page_name, page] : kPages) {
    if (name != page_name) continue;
    auto at = std::make_shared<Clock::time_point>(Clock::now());
    auto shell = std::make_unique<Shell>(ShellOptions{settings, still_clock(at), offline(),
                                                      sample_staff_services(), silent_speech()});
    shell->apply(Action::OpenStaff);
    if (page != StaffPage::Pin) shell->apply(Action{Action::ShowStaffPage, page});
    return shell;
  }
  return nullptr;
}

}  // namespace

std::unique_ptr<Screen> make_screen(std::string_view name, const Settings& settings) {
  if (name == "specimen") return std::make_unique<SpecimenScreen>();
  if (name == "languages") return std::make_unique<LanguagesScreen>();
  if (name == "keyboard") return std::make_unique<KeyboardScreen>();
  if (name == "keyboard-pin") return std::make_unique<KeyboardScreen>(KeyboardScreen::Focus::Pin);
  if (name == "shell")
    return std::make_unique<Shell>(ShellOptions{settings, [] { return Clock::now(); }, offline()});
  if (auto requests = make_request_screen(name, settings)) return requests;
  if (auto messages = make_message_screen(name, settings)) return messages;
  if (auto staff = make_staff_screen(name, settings)) return staff;
  auto at = std::make_shared<Clock::time_point>(Clock::now());
  if (name == "idle-warning") {
    auto shell = std::make_unique<Shell>(
        ShellOptions{settings, still_clock(at), offline(), {}, silent_speech()});
    shell->show(Page::Home);
    // One second into the countdown.
    *at += settings.idle_after + std::chrono::seconds(1);
    return shell;
  }
  if (name.starts_with("profile-") || name == "login-pin" || name == "login-locked") {
    auto shell = std::make_unique<Shell>(
        ShellOptions{settings, still_clock(at), offline(), {}, silent_speech()});
    shell->show(Page::Start);
    shell->apply(name.starts_with("profile") ? Action::NewProfile : Action::HaveCode);
    using Step = ProfileForm::Step;
    if (name == "profile-languages")
      shell->profile_form().show_sample(Step::Languages, {"ar", "de"}, 0);
    else if (name == "profile-place")
      shell->profile_form().show_sample(Step::Place, {}, 1);
    else if (name == "profile-phone")
      shell->profile_form().show_sample(Step::Phone, {}, 0);
    else if (name == "profile-pin")
      shell->profile_form().show_sample(Step::Pin, {}, 0);
    else if (name == "profile-pin-again")
      shell->profile_form().show_sample(Step::PinAgain, {}, 0);
    else if (name == "login-pin")
      shell->login_form().show_pin_step();
    else if (name == "login-locked")
      shell->login_form().answer({LoginOutcome::Result::Locked, {}, 15 * 60});
    else
      return nullptr;
    return shell;
  }
  const std::optional<Page> page = page_named(name);
  if (!page) return nullptr;
  auto shell = std::make_unique<Shell>(
      ShellOptions{settings, still_clock(at), offline(), {}, silent_speech()});
  if (*page == Page::Home) shell->session().display_name = kSampleName;
  if (*page == Page::Code)
    shell->session().personal_code = api::make_personal_code(kSamplePrefix, kSampleBody).value();
  shell->show(*page);
  return shell;
}

std::unique_ptr<Screen> make_shell(const Settings& settings, AccountServices accounts,
                                   StaffServices staff, SpeechServices speech) {
  if (!accounts.normalize_code) accounts.normalize_code = personal_code_rule();
  if (!accounts.rules.name.check) accounts.rules = field_rules();
  return std::make_unique<Shell>(ShellOptions{settings, [] { return Clock::now(); },
                                              std::move(accounts), std::move(staff),
                                              std::move(speech)});
}

SpeechServices silent_speech() {
  return {.say = [](std::string text, const std::string&) { wipe(text); },
          .stop = [] {},
          .speaking = [] { return false; },
          .set_volume = [](float) {}};
}

std::unique_ptr<Screen> make_screen(std::string_view name) {
  return make_screen(name, Settings{});
}

std::vector<std::string_view> screen_names() {
  std::vector<std::string_view> names = {"specimen",
                                         "languages",
                                         "keyboard",
                                         "keyboard-pin",
                                         "shell",
                                         "attract",
                                         "picker",
                                         "privacy",
                                         "start",
                                         "profile",
                                         "profile-languages",
                                         "profile-place",
                                         "profile-pin",
                                         "profile-phone",
                                         "profile-pin-again",
                                         "login",
                                         "login-pin",
                                         "login-locked",
                                         "code",
                                         "home",
                                         "idle-warning",
                                         "staff-pin",
                                         "staff-menu",
                                         "staff-enrol",
                                         "staff-settings",
                                         "staff-reset"};
  for (std::string_view n : request_screen_names()) names.push_back(n);
  for (std::string_view n : message_screen_names()) names.push_back(n);
  return names;
}

}  // namespace ih::kiosk
