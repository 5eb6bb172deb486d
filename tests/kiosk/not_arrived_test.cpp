// What the login page and home say about entries the platform did not take:
// a login refused while the person's profile is still on its way says to try
// again in a moment; one whose profile was refused for good says to ask staff;
// a login that worked carries what did not arrive to the home page. The
// network is a fake that answers as the link would (the real link is in
// end_to_end_test.cpp).
#include <gtest/gtest.h>

#include <future>

#include "kiosk/link.h"
#include "tests/kiosk/shell_harness.h"

namespace ih::kiosk {
namespace {

using testing::Harness;
using testing::log_in;

struct AnsweringNetwork {
  LoginOutcome answer;
  AccountServices services() {
    AccountServices s;
    s.login = [this](const std::string&, const std::string&) {
      std::promise<LoginOutcome> p;
      p.set_value(answer);
      return p.get_future();
    };
    s.logout = [](const PersonSession&) {};
    s.normalize_code = personal_code_rule();
    s.rules = field_rules();
    return s;
  }
};

TEST(NotArrivedTest, ALoginBeforeTheProfileArrivedSaysItIsStillBeingSent) {
  AnsweringNetwork net;
  net.answer.result = LoginOutcome::Result::StillSending;
  Harness h({}, ImVec2(1920, 1080), net.services());
  log_in(h);
  EXPECT_EQ(h.shell.page(), Page::Login);
  EXPECT_EQ(h.shell.login_form().problem(), LoginForm::Problem::StillSending);
  EXPECT_EQ(h.shell.login_form().step(), LoginForm::Step::Pin) << "the code was right";
  EXPECT_EQ(h.shell.login_form().pin(), "") << "the PIN is typed again";
}

TEST(NotArrivedTest, ALoginWithARefusedProfileSaysToAskStaff) {
  AnsweringNetwork net;
  net.answer.result = LoginOutcome::Result::ProfileRefused;
  Harness h({}, ImVec2(1920, 1080), net.services());
  log_in(h);
  EXPECT_EQ(h.shell.page(), Page::Login);
  EXPECT_EQ(h.shell.login_form().problem(), LoginForm::Problem::ProfileRefused);
}

TEST(NotArrivedTest, WhatDidNotArriveGoesHomeWithTheLoginAndLeavesWithTheSession) {
  AnsweringNetwork net;
  net.answer = {LoginOutcome::Result::LoggedIn,
                PersonSession{"K7Q0-18SM", "token-2", "lane-2", "Amal"},
                0,
                {{EntryKind::Request, 2}, {EntryKind::Message, 1}}};
  Harness h({}, ImVec2(1920, 1080), net.services());
  log_in(h);
  ASSERT_EQ(h.shell.page(), Page::Home);
  EXPECT_EQ(h.shell.session().not_arrived,
            (std::vector<NotArrived>{{EntryKind::Request, 2}, {EntryKind::Message, 1}}));
  h.frame();  // home draws the notes
  h.touch("end-session");
  EXPECT_TRUE(h.shell.session().not_arrived.empty()) << "the next person is not told";
}

}  // namespace
}  // namespace ih::kiosk
