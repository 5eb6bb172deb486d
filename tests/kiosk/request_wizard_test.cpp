// "I need help" as a person goes through it: touches on the places where the
// wizard's tiles and buttons were drawn, with the network replaced by a fake
// that records what was queued. Then the page after Send, and My requests
// with a withdrawal that needs no reading.
#include <gtest/gtest.h>

#include <chrono>
#include <random>

#include "api/field_rules.h"
#include "kiosk/categories.h"
#include "kiosk/link.h"
#include "kiosk/wipe.h"
#include "tests/kiosk/memory_scan.h"
#include "tests/kiosk/shell_harness.h"

namespace ih::kiosk {
namespace {

using namespace std::chrono;
using testing::Harness;

// Noon on Sunday, 6 December 2026, UTC.
system_clock::time_point sunday() {
  return sys_days{year{2026} / 12 / 6} + hours(12);
}

// The outbox and the platform, as the request pages see them.
struct FakeRequests {
  std::vector<NewRequest> queued;
  std::vector<std::string> withdrawn;
  bool can_queue = true;
  int64_t waiting = 0;
  int match_asks = 0;

  RequestServices services() {
    RequestServices s;
    s.queue = [this](const PersonSession& p, const NewRequest& r) -> std::optional<std::string> {
      EXPECT_EQ(p.lane, "lane-1");
      if (!can_queue) return std::nullopt;
      queued.push_back(r);
      ++waiting;
      return "r_test" + std::to_string(queued.size()) + "xxxxxxxxxxxxxxx";
    };
    s.withdraw = [this](const PersonSession&, const std::string& id) {
      withdrawn.push_back(id);
      return true;
    };
    s.waiting = [this](const PersonSession&) { return waiting; };
    s.matches = [this](const PersonSession&, const std::string&) {
      ++match_asks;
      std::promise<MatchAnswer> answer;
      answer.set_value(4);
      return answer.get_future();
    };
    s.wall_clock = [] { return sunday(); };
    return s;
  }
};

class RequestWizardTest : public ::testing::Test {
 protected:
  // A person at home in `language`, who said in their profile that they speak
  // Tigrinya and live in the terminal's second place.
  void open(const std::string& language = "de", ImVec2 size = ImVec2(1920, 1080),
            bool large_text = false) {
    Settings settings;
    settings.default_language = language;
    settings.large_text = large_text;
    AccountServices accounts;
    accounts.rules = field_rules();
    accounts.requests = fake.services();
    accounts.sync_status = [this]() -> std::optional<SyncStatus> {
      return SyncStatus{online ? SyncState::Online : SyncState::Offline, fake.waiting, 0};
    };
    h = std::make_unique<Harness>(settings, size, accounts);
    Session& s = h->shell.session();
    h->shell.show(Page::Home);
    s.large_text = large_text;
    s.token = "token-1";
    s.lane = "lane-1";
    s.languages = {"ti", "de"};
    s.town = settings.places[1];
    h->frame();
    h->touch("new-request");
    ASSERT_EQ(h->shell.page(), Page::Request);
  }
  RequestForm& form() { return h->shell.requests().form; }

  FakeRequests fake;
  bool online = false;
  std::unique_ptr<Harness> h;
};

TEST_F(RequestWizardTest, ARequestMadeWithPicturesOnlyIsQueuedWithEveryChoice) {
  open();
  h->touch("category-doctor");
  EXPECT_EQ(form().step(), RequestForm::Step::When);
  h->touch("when-tomorrow");
  h->touch("part-evening");
  ASSERT_EQ(form().step(), RequestForm::Step::Language);
  EXPECT_EQ(form().helper_language(), "ti") << "preset from the profile";
  h->touch("next");
  h->touch("next");  // the town, preset from the profile
  ASSERT_EQ(form().step(), RequestForm::Step::Text);
  h->touch("next");  // no text
  ASSERT_EQ(form().step(), RequestForm::Step::Review);
  EXPECT_TRUE(fake.queued.empty()) << "nothing is sent before Send";
  h->touch("next");
  ASSERT_EQ(fake.queued.size(), 1u);
  const NewRequest& r = fake.queued[0];
  EXPECT_EQ(r.category, "doctor");
  EXPECT_EQ(r.date, "2026-12-07");
  EXPECT_EQ(r.part_of_day, "evening");
  EXPECT_EQ(r.helper_language, "ti");
  EXPECT_EQ(r.town, h->shell.settings().places[1]);
  EXPECT_EQ(r.text, "");
  EXPECT_EQ(h->shell.page(), Page::RequestSent);
  ASSERT_EQ(h->shell.session().requests.queued.size(), 1u);
  EXPECT_EQ(h->shell.session().requests.queued[0].state, RequestState::Waiting);
}

TEST_F(RequestWizardTest, BackOnEveryStepKeepsWhatWasChosen) {
  open();
  h->touch("category-housing");
  h->touch("when-week");
  h->touch("part-morning");
  h->touch("language-ar");
  h->touch("back");
  EXPECT_EQ(form().step(), RequestForm::Step::Part);
  h->touch("back");
  EXPECT_EQ(form().step(), RequestForm::Step::When);
  EXPECT_EQ(form().when(), RequestForm::When::ThisWeek);
  h->touch("back");
  EXPECT_EQ(form().step(), RequestForm::Step::Category);
  EXPECT_EQ(form().category(), "housing");
  // Forward again: the language chosen before is still chosen.
  h->touch("category-housing");
  h->touch("when-week");
  h->touch("part-morning");
  EXPECT_EQ(form().helper_language(), "ar");
  // Back from the first step leaves the wizard and forgets it.
  for (int i = 0; i < 4; ++i) h->touch("back");
  EXPECT_EQ(h->shell.page(), Page::Home);
  EXPECT_TRUE(form().category().empty());
}

TEST_F(RequestWizardTest, APersianCalendarDayIsSentAsItsGregorianDate) {
  open("fa");
  h->touch("category-legal_advice");
  h->touch("when-day");
  ASSERT_EQ(form().step(), RequestForm::Step::Day);
  // Past days are no targets; today and later are.
  EXPECT_EQ(h->shell.controls().count("day-2026-12-05"), 0u);
  ASSERT_EQ(h->shell.controls().count("day-2026-12-06"), 1u);
  // 19 Azar 1405.
  h->touch("day-2026-12-10");
  EXPECT_EQ(form().step(), RequestForm::Step::Part);
  h->touch("part-morning");
  h->touch("next");
  h->touch("next");
  h->touch("next");
  h->touch("next");
  ASSERT_EQ(fake.queued.size(), 1u);
  EXPECT_EQ(fake.queued[0].date, "2026-12-10");
}

TEST_F(RequestWizardTest, TheTextTakesNoMoreThanThePlatformsRule) {
  open();
  h->touch("category-other");
  h->touch("when-today");
  h->touch("part-afternoon");
  h->touch("next");
  h->touch("next");
  ASSERT_EQ(form().step(), RequestForm::Step::Text);
  for (int i = 0; i < api::kRequestText.max_graphemes + 5; ++i) h->ui.add_input({"ሰ", 0});
  h->frame();
  h->touch("next");
  h->touch("next");
  ASSERT_EQ(fake.queued.size(), 1u);
  EXPECT_EQ(api::count_graphemes(fake.queued[0].text), api::kRequestText.max_graphemes);
  EXPECT_EQ(fake.queued[0].date, "2026-12-06") << "today";
}

TEST_F(RequestWizardTest, ARequestThatCannotBeQueuedIsNeverCalledSaved) {
  fake.can_queue = false;
  open();
  h->touch("category-clothes");
  h->touch("when-today");
  h->touch("part-morning");
  for (int i = 0; i < 4; ++i) h->touch("next");
  EXPECT_EQ(h->shell.page(), Page::Request);
  EXPECT_EQ(form().problem(), RequestForm::Problem::CannotSave);
  EXPECT_EQ(form().category(), "clothes") << "what was chosen stays";
}

TEST_F(RequestWizardTest, OnceTheRequestLeftTheOutboxTheMatchingCountIsAskedAndShown) {
  open();
  h->touch("category-doctor");
  h->touch("when-today");
  h->touch("part-morning");
  for (int i = 0; i < 4; ++i) h->touch("next");
  ASSERT_EQ(h->shell.page(), Page::RequestSent);
  h->frame();
  EXPECT_EQ(fake.match_asks, 0) << "not on the platform yet";
  // Delivered while online: the next frame (the Link wakes the loop) sees it.
  online = true;
  fake.waiting = 0;
  h->frame();
  h->frame();
  EXPECT_EQ(fake.match_asks, 1);
  EXPECT_EQ(h->shell.requests().fitting, MatchAnswer(4));
}

TEST_F(RequestWizardTest, AWaitingRequestIsWithdrawnAfterAYesThatNeedsNoReading) {
  open();
  h->touch("category-doctor");
  h->touch("when-today");
  h->touch("part-morning");
  for (int i = 0; i < 4; ++i) h->touch("next");
  h->touch("my-requests");
  ASSERT_EQ(h->shell.page(), Page::Requests);
  const std::string id = h->shell.session().requests.queued[0].id;
  h->touch("withdraw-" + id);
  ASSERT_EQ(h->shell.requests().list.confirm, id);
  // No first: nothing happens.
  h->touch("no");
  EXPECT_TRUE(fake.withdrawn.empty());
  h->touch("withdraw-" + id);
  h->touch("yes");
  EXPECT_EQ(fake.withdrawn, std::vector<std::string>{id});
  EXPECT_EQ(shown(h->shell.session().requests)[0].state, RequestState::Withdrawn);
  EXPECT_EQ(h->shell.controls().count("withdraw-" + id), 0u) << "withdrawn once";
}

TEST_F(RequestWizardTest, TheEndOfTheSessionForgetsTheRequestsAndTheWizard) {
  open();
  h->touch("category-doctor");
  h->touch("when-today");
  h->touch("part-morning");
  for (int i = 0; i < 4; ++i) h->touch("next");
  h->touch("home");
  h->touch("new-request");
  h->touch("category-housing");
  h->touch("end-session");
  EXPECT_EQ(h->shell.page(), Page::Attract);
  EXPECT_TRUE(h->shell.session().requests.queued.empty());
  EXPECT_TRUE(form().category().empty());
  EXPECT_EQ(form().step(), RequestForm::Step::Category);
  EXPECT_TRUE(h->shell.requests().sent_id.empty());
}

TEST_F(RequestWizardTest, EveryCategoryTileFitsAndIsATouchTargetAtEverySize) {
  for (const ImVec2 size : {ImVec2(1920, 1080), ImVec2(1080, 1920), ImVec2(1280, 800)})
    for (const bool large : {false, true}) {
      open("ar", size, large);
      const Rect back = h->shell.controls().at("back");
      for (const Category& c : categories().items) {
        const auto it = h->shell.controls().find("category-" + c.id);
        ASSERT_NE(it, h->shell.controls().end()) << c.id;
        const Rect& r = it->second;
        const std::string where = c.id + " at " + std::to_string(int(size.x)) + "x" +
                                  std::to_string(int(size.y)) + (large ? " large" : "");
        EXPECT_GE(r.width(), 64) << where;
        EXPECT_GE(r.height(), 64) << where;
        EXPECT_LE(r.max.y, back.min.y) << where << ": below the edge of the grid";
        EXPECT_GE(r.min.x, 0) << where;
        EXPECT_LE(r.max.x, size.x) << where;
      }
    }
}

}  // namespace
}  // namespace ih::kiosk

namespace ih::kiosk {
namespace {

// Every control drawn in the last frame is a touch target of at least 64 px
// each way and lies on the screen.
void expect_targets_fit(const Harness& h, ImVec2 size, const std::string& where) {
  for (const auto& [id, r] : h.shell.controls()) {
    EXPECT_GE(r.width(), 64) << id << " " << where;
    EXPECT_GE(r.height(), 64) << id << " " << where;
    EXPECT_GE(r.min.x, 0) << id << " " << where;
    EXPECT_GE(r.min.y, 0) << id << " " << where;
    EXPECT_LE(r.max.x, size.x) << id << " " << where;
    EXPECT_LE(r.max.y, size.y) << id << " " << where;
  }
}

TEST_F(RequestWizardTest, EveryTargetOfEveryStepFitsAtEverySizeWithLargeTextToo) {
  for (const ImVec2 size : {ImVec2(1920, 1080), ImVec2(1080, 1920), ImVec2(1280, 800)})
    for (const bool large : {false, true}) {
      const std::string at =
          std::to_string(int(size.x)) + "x" + std::to_string(int(size.y)) + (large ? " large" : "");
      open("fa", size, large);
      expect_targets_fit(*h, size, "categories " + at);
      h->touch("category-doctor");
      expect_targets_fit(*h, size, "when " + at);
      h->touch("when-day");
      expect_targets_fit(*h, size, "calendar " + at);
      h->touch("day-2026-12-20");
      expect_targets_fit(*h, size, "part of day " + at);
      h->touch("part-evening");
      h->touch("next");
      expect_targets_fit(*h, size, "town " + at);
      h->touch("next");
      h->touch("next");
      expect_targets_fit(*h, size, "review " + at);
      h->touch("next");
      ASSERT_EQ(h->shell.page(), Page::RequestSent) << at;
      expect_targets_fit(*h, size, "sent " + at);
      h->touch("my-requests");
      expect_targets_fit(*h, size, "my requests " + at);
      h->touch("withdraw-" + h->shell.session().requests.queued.back().id);
      expect_targets_fit(*h, size, "withdrawal " + at);
      fake.queued.clear();
    }
}

}  // namespace
}  // namespace ih::kiosk

namespace ih::kiosk {
namespace {

TEST_F(RequestWizardTest, AfterTheSessionTheRequestsTextIsNowhereInMemory) {
  harden_heap();
  // A text no one wrote, made here at random, kept masked by the test.
  std::random_device random;
  std::vector<uint8_t> text_masked;
  text_masked.push_back(static_cast<uint8_t>('Q') ^ testing::kMask);
  for (int i = 0; i < 23; ++i)
    text_masked.push_back(static_cast<uint8_t>('a' + random() % 26) ^ testing::kMask);
  const std::vector<std::vector<uint8_t>> needles = {text_masked, testing::masked16(text_masked)};
  open();
  h->touch("category-doctor");
  h->touch("when-today");
  h->touch("part-morning");
  h->touch("next");
  h->touch("next");
  for (uint8_t b : text_masked)
    h->ui.add_input({std::string(1, static_cast<char>(b ^ testing::kMask)), 0});
  h->frame();
  h->touch("next");
  h->touch("next");  // Send
  ASSERT_EQ(h->shell.page(), Page::RequestSent);
  ASSERT_EQ(fake.queued.size(), 1u);
  // The fake outbox keeps no copy (the real one holds it sealed).
  for (NewRequest& r : fake.queued) wipe(r);
  fake.queued.clear();
  fake.queued.shrink_to_fit();
  h->touch("my-requests");
  for (int i = 0; i < 3; ++i) h->frame();
  ASSERT_FALSE(testing::find_in_memory(needles).empty())
      << "the scan must find the text while the session holds it";

  h->touch("end-session");
  for (int i = 0; i < 3; ++i) h->frame();
  ASSERT_EQ(h->shell.page(), Page::Attract);
  for (const std::string& where : testing::find_in_memory(needles))
    ADD_FAILURE() << "the request's text is still in " << where;
}

}  // namespace
}  // namespace ih::kiosk
