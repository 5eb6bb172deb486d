// Making a profile and logging in, through the shell, with the network
// replaced by callbacks that record what they were given: every step of the
// profile and what it refuses, the PIN asked twice, and each answer a login
// can get (wrong, locked, offline, logged in), typed on the on-screen keys.
#include <gtest/gtest.h>

#include <future>

#include "kiosk/link.h"
#include "tests/kiosk/shell_harness.h"

namespace ih::kiosk {
namespace {

using testing::Harness;
using Step = ProfileForm::Step;
using Problem = ProfileForm::Problem;

// Fakes of the network that remember what the shell asked of them.
struct FakeNetwork {
  std::vector<NewProfile> created;
  bool can_create = true;
  std::vector<std::pair<std::string, std::string>> logins;  // code, PIN
  LoginOutcome answer;
  std::vector<std::string> logged_out;  // tokens

  AccountServices services() {
    AccountServices s;
    s.create_account = [this](const NewProfile& p) -> std::optional<PersonSession> {
      created.push_back(p);
      if (!can_create) return std::nullopt;
      return PersonSession{"K7Q0-18SM", "token-1", "lane-1", {}};
    };
    s.login = [this](const std::string& code, const std::string& pin) {
      logins.emplace_back(code, pin);
      std::promise<LoginOutcome> p;
      p.set_value(answer);
      return p.get_future();
    };
    s.logout = [this](const PersonSession& p) { logged_out.push_back(p.token); };
    s.normalize_code = personal_code_rule();
    s.rules = field_rules();
    return s;
  }
};

// From the attract screen to the start page, in `language`.
void to_start(Harness& h, const std::string& language) {
  h.touch("attract");
  h.touch("tile-" + language);
  h.touch("accept");
  ASSERT_EQ(h.shell.page(), Page::Start);
}

TEST(ProfileTest, EveryStepInGermanThenTheCode) {
  FakeNetwork net;
  Harness h({}, ImVec2(1920, 1080), net.services());
  to_start(h, "de");
  h.touch("new");
  ASSERT_EQ(h.shell.page(), Page::Profile);
  ProfileForm& form = h.shell.profile_form();
  EXPECT_EQ(form.step(), Step::Name);

  h.touch("next");
  EXPECT_EQ(form.step(), Step::Name) << "no name, no next step";
  EXPECT_EQ(form.problem(), Problem::NoName);
  h.type(KeysKind::Letters, "amal");
  EXPECT_EQ(form.problem(), Problem::None) << "typing clears the complaint";
  h.touch("next");
  ASSERT_EQ(form.step(), Step::Languages);

  h.touch("next");
  EXPECT_EQ(form.problem(), Problem::NoLanguage);
  h.touch("language-ar");
  h.touch("language-ti");
  h.touch("language-de");
  h.touch("language-ti");  // and off again
  EXPECT_EQ(form.languages(), (std::vector<std::string>{"ar", "de"}));
  h.touch("next");
  ASSERT_EQ(form.step(), Step::Place);

  h.touch("next");
  EXPECT_EQ(form.problem(), Problem::NoPlace);
  h.touch("place-1");
  h.touch("next");
  ASSERT_EQ(form.step(), Step::Phone);

  h.type(KeysKind::Phone, "12");
  h.touch("next");
  EXPECT_EQ(form.problem(), Problem::ShortPhone);
  h.type(KeysKind::Phone, "3456");
  h.touch("next");
  ASSERT_EQ(form.step(), Step::Pin);

  h.type(KeysKind::Digits, "135");
  h.touch("next");
  EXPECT_EQ(form.problem(), Problem::ShortPin);
  h.type(KeysKind::Digits, "7");
  h.touch("next");
  ASSERT_EQ(form.step(), Step::PinAgain);
  h.type(KeysKind::Digits, "1358");
  h.touch("next");
  EXPECT_EQ(form.step(), Step::Pin) << "two different PINs: choose again";
  EXPECT_EQ(form.problem(), Problem::PinsDiffer);
  EXPECT_TRUE(net.created.empty());

  h.type(KeysKind::Digits, "2468");
  h.touch("next");
  h.type(KeysKind::Digits, "2468");
  h.touch("next");
  ASSERT_EQ(net.created.size(), 1u);
  const NewProfile& p = net.created[0];
  EXPECT_EQ(p.display_name, "amal");
  EXPECT_EQ(p.languages, (std::vector<std::string>{"ar", "de"}));
  EXPECT_EQ(p.town, Settings{}.places[1]);
  EXPECT_EQ(p.phone, "123456");
  EXPECT_EQ(p.pin, "2468");
  EXPECT_EQ(h.shell.page(), Page::Code);
  EXPECT_EQ(h.shell.session().personal_code, "K7Q0-18SM");
  EXPECT_EQ(h.shell.session().display_name, "amal");
  EXPECT_EQ(form.step(), Step::Name) << "the form forgets what it took";
  EXPECT_TRUE(form.languages().empty());

  h.touch("continue");
  EXPECT_EQ(h.shell.page(), Page::Home);
  h.touch("end-session");
  EXPECT_EQ(net.logged_out, (std::vector<std::string>{"token-1"}));
  EXPECT_TRUE(h.shell.session().token.empty());
}

TEST(ProfileTest, BackGoesOneStepBackAndFromTheFirstOffTheForm) {
  FakeNetwork net;
  Harness h({}, ImVec2(1920, 1080), net.services());
  to_start(h, "de");
  h.touch("new");
  h.type(KeysKind::Letters, "bo");
  h.touch("next");
  ASSERT_EQ(h.shell.profile_form().step(), Step::Languages);
  h.touch("back");
  EXPECT_EQ(h.shell.profile_form().step(), Step::Name);
  EXPECT_EQ(h.shell.page(), Page::Profile);
  h.touch("back");
  EXPECT_EQ(h.shell.page(), Page::Start);
  h.touch("new");
  EXPECT_EQ(h.shell.profile_form().profile({}).display_name, "") << "a new form is empty";
}

TEST(ProfileTest, ATerminalThatCannotSaveSaysSoAndKeepsTheAnswers) {
  FakeNetwork net;
  net.can_create = false;
  Harness h({}, ImVec2(1080, 1920), net.services());
  to_start(h, "ar");
  h.touch("new");
  h.type(KeysKind::Letters, "سلمى");
  h.touch("next");
  h.touch("language-ar");
  h.touch("next");
  h.touch("place-0");
  h.touch("next");
  h.touch("next");  // "Skip": no phone
  h.type(KeysKind::Digits, "1111");
  h.touch("next");
  h.type(KeysKind::Digits, "1111");
  h.touch("next");
  ASSERT_EQ(net.created.size(), 1u);
  EXPECT_EQ(net.created[0].display_name, "سلمى");
  EXPECT_EQ(net.created[0].phone, "");
  EXPECT_EQ(h.shell.page(), Page::Profile);
  EXPECT_EQ(h.shell.profile_form().problem(), Problem::CannotSave);
  EXPECT_EQ(h.shell.profile_form().profile({}).display_name, "سلمى");
}

TEST(ProfileTest, ADragScrollsTheLanguagesAndTouchesNone) {
  FakeNetwork net;
  Harness h({}, ImVec2(1280, 800), net.services());
  to_start(h, "de");
  h.touch("new");
  h.type(KeysKind::Letters, "bo");
  h.touch("next");
  ASSERT_EQ(h.shell.profile_form().step(), Step::Languages);
  const Rect last = h.shell.controls().at("language-ur");
  ASSERT_GT(last.max.y, h.shell.controls().at("next").min.y) << "the list must overflow";

  // A finger put down on a tile and drawn upwards.
  ImGuiIO& io = h.ui.io();
  io.MousePos = h.shell.controls().at("language-tr").centre();
  io.MouseDown[0] = true;
  h.frame();
  for (int i = 0; i < 10; ++i) {
    io.MousePos.y -= 30;
    h.frame();
  }
  io.MouseDown[0] = false;
  h.frame();
  h.frame();
  EXPECT_LT(h.shell.controls().at("language-ur").min.y, last.min.y - 50) << "the list moved up";
  EXPECT_TRUE(h.shell.profile_form().languages().empty()) << "a drag is not a touch";

  h.touch("language-ur");
  EXPECT_EQ(h.shell.profile_form().languages(), (std::vector<std::string>{"ur"}))
      << "the scrolled-in tile takes a touch";
}

TEST(ProfileTest, InArabicTheFormMirrors) {
  FakeNetwork net;
  Harness h({}, ImVec2(1920, 1080), net.services());
  to_start(h, "ar");
  h.touch("new");
  const auto& c = h.shell.controls();
  EXPECT_GT(c.at("back").min.x, c.at("field").max.x) << "Back at the start: the right";
  EXPECT_LT(c.at("next").max.x, c.at("field").min.x);
  const float keyboard_top = h.shell.keys().top(KeysKind::Letters, h.ui.strings(), {1920, 1080});
  EXPECT_LE(c.at("field").max.y, keyboard_top) << "the field stays above the keyboard";
}

// From the start page to the PIN step of the login with `code` typed.
void to_pin(Harness& h, const std::string& code) {
  h.touch("have-code");
  ASSERT_EQ(h.shell.page(), Page::Login);
  h.type(KeysKind::Code, code);
  h.touch("next");
}

TEST(LoginTest, ACodeWithATypoIsCaughtBeforeThePin) {
  FakeNetwork net;
  Harness h({}, ImVec2(1920, 1080), net.services());
  to_start(h, "de");
  to_pin(h, "K7Q018SN");  // the check character is wrong
  EXPECT_EQ(h.shell.login_form().step(), LoginForm::Step::Code);
  EXPECT_EQ(h.shell.login_form().problem(), LoginForm::Problem::BadCode);
  EXPECT_TRUE(net.logins.empty());
}

TEST(LoginTest, WrongThenLockedThenLoggedIn) {
  FakeNetwork net;
  Harness h({}, ImVec2(1920, 1080), net.services());
  to_start(h, "de");
  // Lower case and without the dash, as people type it.
  to_pin(h, "k7q018sm");
  ASSERT_EQ(h.shell.login_form().step(), LoginForm::Step::Pin);

  net.answer = {LoginOutcome::Result::Refused, {}, 0};
  h.type(KeysKind::Digits, "1234");
  h.touch("next");
  ASSERT_EQ(net.logins.size(), 1u);
  EXPECT_EQ(net.logins[0], (std::pair<std::string, std::string>{"K7Q0-18SM", "1234"}));
  EXPECT_EQ(h.shell.login_form().problem(), LoginForm::Problem::Refused);
  EXPECT_EQ(h.shell.page(), Page::Login);
  EXPECT_EQ(h.shell.login_form().pin(), "") << "the PIN is asked again";
  EXPECT_EQ(h.shell.login_form().code(), "K7Q0-18SM") << "the code stays to be checked";

  net.answer = {LoginOutcome::Result::Locked, {}, 600};
  h.touch("next");
  h.type(KeysKind::Digits, "4321");
  h.touch("next");
  EXPECT_EQ(h.shell.login_form().problem(), LoginForm::Problem::Locked);

  net.answer = {LoginOutcome::Result::LoggedIn,
                PersonSession{"K7Q0-18SM", "token-2", "lane-2", "Amal"}, 0};
  h.touch("next");
  h.type(KeysKind::Digits, "2468");
  h.touch("next");
  EXPECT_EQ(h.shell.page(), Page::Home);
  EXPECT_EQ(h.shell.session().display_name, "Amal");
  EXPECT_EQ(h.shell.session().token, "token-2");
  EXPECT_EQ(h.shell.login_form().code(), "") << "the form forgets the code";
}

TEST(LoginTest, OfflineKeepsTheCodeAndAsksForThePinAgain) {
  FakeNetwork net;
  net.answer = {LoginOutcome::Result::Offline, {}, 0};
  Harness h({}, ImVec2(1280, 800), net.services());
  to_start(h, "ti");
  to_pin(h, "K7Q0-18SM");
  h.type(KeysKind::Digits, "2468");
  h.touch("next");
  EXPECT_EQ(h.shell.login_form().problem(), LoginForm::Problem::Offline);
  EXPECT_EQ(h.shell.login_form().step(), LoginForm::Step::Pin);
}

TEST(LoginTest, WithoutANetworkTheLoginSaysItCannotWork) {
  Harness h;
  to_start(h, "de");
  to_pin(h, "K7Q0-18SM");
  h.type(KeysKind::Digits, "2468");
  h.touch("next");
  EXPECT_EQ(h.shell.login_form().problem(), LoginForm::Problem::Unavailable);
}

TEST(LoginTest, AnAnswerThatComesAfterTheSessionEndedIsLoggedOutNotShown) {
  FakeNetwork net;
  std::promise<LoginOutcome> late;
  AccountServices s = net.services();
  s.login = [&](const std::string&, const std::string&) { return late.get_future(); };
  Harness h({}, ImVec2(1920, 1080), s);
  to_start(h, "de");
  to_pin(h, "K7Q0-18SM");
  h.type(KeysKind::Digits, "2468");
  h.touch("next");
  EXPECT_EQ(h.shell.login_form().step(), LoginForm::Step::Checking);
  h.touch("end-session");
  late.set_value({LoginOutcome::Result::LoggedIn,
                  PersonSession{"K7Q0-18SM", "token-late", "lane", "Amal"}, 0});
  h.touch("attract");
  EXPECT_EQ(h.shell.page(), Page::Languages);
  EXPECT_TRUE(h.shell.session().token.empty()) << "the next person is not logged in";
  EXPECT_EQ(net.logged_out, (std::vector<std::string>{"token-late"}));
}

TEST(LoginTest, ALoginWhoseWorkerWentAwaySaysItCannotWork) {
  FakeNetwork net;
  AccountServices s = net.services();
  s.login = [](const std::string&, const std::string&) {
    std::promise<LoginOutcome> dropped;  // destroyed unanswered: a broken promise
    return dropped.get_future();
  };
  Harness h({}, ImVec2(1920, 1080), s);
  to_start(h, "de");
  to_pin(h, "K7Q0-18SM");
  h.type(KeysKind::Digits, "2468");
  h.touch("next");
  EXPECT_EQ(h.shell.login_form().problem(), LoginForm::Problem::Unavailable);
  EXPECT_EQ(h.shell.page(), Page::Login);
}

TEST(FormControlsTest, EveryControlIsAtLeast64PixelsAndOnScreen) {
  for (const ImVec2 size : {ImVec2(1920, 1080), ImVec2(1080, 1920), ImVec2(1280, 800)}) {
    FakeNetwork net;
    Harness h({}, size, net.services());
    to_start(h, "de");
    h.touch("new");
    for (int step = 0; step < 3; ++step) {
      for (const auto& [id, r] : h.shell.controls()) {
        EXPECT_GE(r.height(), 64) << id << " at " << size.x << "x" << size.y;
        EXPECT_GE(r.width(), 64) << id;
        EXPECT_GE(r.min.y, 0) << id;
        EXPECT_LE(r.max.x, size.x) << id;
      }
      if (step == 0) h.type(KeysKind::Letters, "bo");
      if (step == 1) h.touch("language-de");
      h.touch("next");
    }
  }
}

}  // namespace
}  // namespace ih::kiosk
