// Requests for help from the kiosk's real event loop to the reference hub over
// HTTPS: every touch is an SDL finger event pushed into the App (SDL's dummy
// video driver), text comes as SDL text input (as from a physical keyboard),
// and what arrives in the background (delivery, the matching count) reaches
// the screen through the Link's on_change, bound to App::wake as main.cpp
// binds it. Between steps the loop stops, and the test reads the shell.
//
//   Tigrinya: a request made with pictures only, no text, reaches the hub.
//   Persian:  a day on the Solar Hijri calendar and a short text.
//   Offline:  the hub stopped, two requests wait, one is withdrawn while
//             waiting; when the hub is back both arrive exactly once.
#include <SDL.h>
#include <gtest/gtest.h>

#include <cstring>
#include <thread>

#include "hub/state.h"
#include "hub/store.h"
#include "i18n/calendar_month.h"
#include "kiosk/app.h"
#include "kiosk/link.h"
#include "kiosk/shell.h"
#include "settle.h"
#include "tests/hub/hub_fixture.h"

namespace ih::kiosk {
namespace {

using namespace std::chrono_literals;
using testing::settle;

constexpr int kWidth = 1280;
constexpr int kHeight = 800;

void push_finger(uint32_t type, ImVec2 at) {
  SDL_Event e{};
  e.type = type;
  e.tfinger.touchId = 1;
  e.tfinger.fingerId = 3;
  e.tfinger.x = at.x / kWidth;
  e.tfinger.y = at.y / kHeight;
  e.tfinger.pressure = 1;
  SDL_PushEvent(&e);
}

void push_text(const std::string& text) {
  SDL_Event e{};
  e.type = SDL_TEXTINPUT;
  std::strncpy(e.text.text, text.c_str(), sizeof e.text.text - 1);
  SDL_PushEvent(&e);
}

// A request's row on the hub.
struct OnHub {
  std::string category, date, part, town, language, text, status;
};

class RequestEndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (hub.remote()) GTEST_SKIP() << "reads the reference hub's database";
    Link::Opened opened =
        Link::open({"https://127.0.0.1:" + std::to_string(hub.port()), test::test_ca_file(),
                    (state.path / "kiosk").string(), "test"});
    ASSERT_TRUE(opened.link) << opened.error;
    link = std::move(opened.link);
    ASSERT_EQ(link->enrol(hub.enrolment_code(), "requests").get(), "");
    link->status();
    ASSERT_TRUE(link->enrolled());
  }
  void TearDown() override {
    if (link) link->on_change({});
    app.reset();
    link.reset();
  }

  // The kiosk in `language`, with a person at home whose profile (speaking
  // `spoken`, living in the first place) has reached the hub.
  void open(const std::string& language, const std::string& spoken) {
    Settings settings;
    settings.default_language = language;
    places = settings.places;
    std::unique_ptr<Screen> screen = make_shell(settings, link->services(), {});
    shell = dynamic_cast<Shell*>(screen.get());
    ASSERT_NE(shell, nullptr);
    AppConfig config;
    config.fullscreen = false;
    config.width = kWidth;
    config.height = kHeight;
    config.ui = {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", language};
    App::Result made = App::create(config, std::move(screen));
    ASSERT_TRUE(made.app) << made.error;
    app = std::move(made.app);
    link->on_change([a = app.get()] { a->wake(); });

    std::optional<PersonSession> person =
        link->create_account({"Selam", {spoken}, places[0], {}, "1357"});
    ASSERT_TRUE(person);
    ASSERT_TRUE(within(20s, [&] { return link->status().waiting == 0; }))
        << "the profile did not reach the hub: " << link->status().last_error;
    Session& s = shell->session();
    s.personal_code = person->personal_code;
    s.token = person->token;
    s.lane = person->lane;
    s.display_name = "Selam";
    s.languages = {spoken};
    s.town = places[0];
    shell->show(Page::Home);
    step([] {});
  }

  // Runs the loop while `input` pushes events from another thread, until
  // everything they caused has been drawn.
  template <typename Input>
  void step(Input input) {
    std::thread watcher([&] {
      settle(*app);
      input();
      settle(*app);
      app->quit();
    });
    app->run();
    watcher.join();
  }
  // A finger's tap on the control `id` of the last frame.
  void tap(const std::string& id) {
    const auto it = shell->controls().find(id);
    ASSERT_NE(it, shell->controls().end()) << "no control " << id;
    const ImVec2 at = it->second.centre();
    step([at] {
      push_finger(SDL_FINGERDOWN, at);
      push_finger(SDL_FINGERUP, at);
    });
  }
  // Runs the loop, touching nothing, until `done` (read on the watcher's
  // thread: only thread-safe things) or `limit`.
  template <typename Done>
  bool wait_untouched(std::chrono::milliseconds limit, Done done) {
    bool ok = false;
    step([&] { ok = within(limit, done); });
    return ok;
  }
  // Runs the loop for `d`, touching nothing, drawing what arrives.
  void run_for(std::chrono::milliseconds d) {
    step([d] { std::this_thread::sleep_for(d); });
  }
  template <typename Done>
  static bool within(std::chrono::milliseconds limit, Done done) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (!done() && std::chrono::steady_clock::now() < end) std::this_thread::sleep_for(20ms);
    return done();
  }

  std::vector<OnHub> on_hub(const std::string& id) {
    auto db = hub.hub().store->lease();
    auto st = db->prepare(
        "SELECT category, coalesce(when_date, ''), part_of_day, town, helper_language, "
        "coalesce(text, ''), status FROM requests WHERE id = ?1");
    st.bind_all(id);
    std::vector<OnHub> rows;
    while (st.step() == sql::Statement::Step::Row)
      rows.push_back(
          {st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6)});
    return rows;
  }
  // The id of the request the person queued `n`-th (from 0) in this session.
  std::string queued(size_t n) {
    const auto& q = shell->session().requests.queued;
    return n < q.size() ? q[n].id : std::string();
  }

  test::TestHub hub;
  test::TempDir state;
  std::unique_ptr<Link> link;
  std::unique_ptr<App> app;
  Shell* shell = nullptr;
  std::vector<std::string> places;
};

TEST_F(RequestEndToEndTest, ATigrinyaRequestMadeWithPicturesOnlyReachesTheHub) {
  open("ti", "ti");
  tap("new-request");
  ASSERT_EQ(shell->page(), Page::Request);
  tap("category-doctor");
  tap("when-week");
  tap("part-morning");
  tap("next");  // the helper's language: Tigrinya, from the profile
  tap("next");  // the town, from the profile
  tap("next");  // no text
  ASSERT_EQ(shell->requests().form.step(), RequestForm::Step::Review);
  tap("next");  // Send
  ASSERT_EQ(shell->page(), Page::RequestSent);
  const std::string id = queued(0);
  ASSERT_FALSE(id.empty());

  // Nothing is touched from here: delivery and the matching count come in
  // the background and wake the loop.
  ASSERT_TRUE(wait_untouched(20s, [&] { return link->status().waiting == 0; }))
      << link->status().last_error;
  EXPECT_TRUE(delivered(shell->session().requests, id)) << "the page does not say \"sent\"";
  EXPECT_TRUE(shell->requests().fitting.has_value()) << "no matching count shown";

  const std::vector<OnHub> rows = on_hub(id);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].category, "doctor");
  EXPECT_EQ(rows[0].date, "") << "this week: as soon as possible";
  EXPECT_EQ(rows[0].part, "morning");
  EXPECT_EQ(rows[0].town, places[0]);
  EXPECT_EQ(rows[0].language, "ti");
  EXPECT_EQ(rows[0].text, "");
  EXPECT_EQ(rows[0].status, "open");
}

TEST_F(RequestEndToEndTest, APersianRequestWithADayOfTheSolarHijriCalendarAndAShortText) {
  open("fa", "fa");
  tap("new-request");
  tap("category-legal_advice");
  tap("when-day");
  ASSERT_EQ(shell->requests().form.step(), RequestForm::Step::Day);
  // The days shown are days of this month of the Persian calendar, from
  // today on (past weeks are left out; on a small screen later weeks scroll).
  const i18n::CivilDate today = i18n::local_date(std::chrono::system_clock::now());
  const i18n::CalendarMonth month = i18n::calendar_month("fa", today, 0);
  ASSERT_EQ(month.days.front().label, "۱");
  std::optional<i18n::CivilDate> last_shown;
  for (const i18n::CalendarDay& d : month.days)
    if (shell->controls().count("day-" + i18n::iso_date(d.date))) {
      EXPECT_GE(d.date, today) << i18n::iso_date(d.date) << " is past";
      last_shown = d.date;
    }
  ASSERT_TRUE(last_shown) << "no day of the Persian month shown";
  EXPECT_EQ(shell->controls().count("day-" + i18n::iso_date(today)), 1u) << "today";
  for (const i18n::CivilDate outside :
       {i18n::add_days(month.days.front().date, -1), i18n::add_days(month.days.back().date, 1)})
    EXPECT_EQ(shell->controls().count("day-" + i18n::iso_date(outside)), 0u)
        << i18n::iso_date(outside) << " is not in this Persian month";
  const i18n::CivilDate last = *last_shown;
  tap("day-" + i18n::iso_date(last));
  tap("part-afternoon");
  tap("next");
  tap("next");
  ASSERT_EQ(shell->requests().form.step(), RequestForm::Step::Text);
  const std::string text = "کمک با نامه اداره";
  step([&] { push_text(text); });
  tap("next");
  tap("next");  // Send
  ASSERT_EQ(shell->page(), Page::RequestSent);
  const std::string id = queued(0);
  ASSERT_TRUE(wait_untouched(20s, [&] { return link->status().waiting == 0; }))
      << link->status().last_error;
  const std::vector<OnHub> rows = on_hub(id);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].category, "legal_advice");
  EXPECT_EQ(rows[0].date, i18n::iso_date(last));
  EXPECT_EQ(rows[0].part, "afternoon");
  EXPECT_EQ(rows[0].language, "fa");
  EXPECT_EQ(rows[0].text, text);
}

TEST_F(RequestEndToEndTest, OfflineRequestsWaitCanBeWithdrawnAndArriveExactlyOnce) {
  open("ar", "ar");
  hub.stop_server();
  const auto make = [&](const std::string& category) {
    tap("new-request");
    tap("category-" + category);
    tap("when-today");
    tap("part-evening");
    tap("next");
    tap("next");
    tap("next");
    tap("next");
  };
  make("housing");
  ASSERT_EQ(shell->page(), Page::RequestSent);
  EXPECT_FALSE(delivered(shell->session().requests, queued(0)));
  EXPECT_FALSE(shell->shown_online());
  tap("home");
  make("clothes");
  tap("my-requests");
  ASSERT_EQ(shell->page(), Page::Requests);
  const std::string housing = queued(0), clothes = queued(1);
  std::vector<RequestInfo> items = shown(shell->session().requests);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].state, RequestState::Waiting);
  EXPECT_EQ(items[1].state, RequestState::Waiting);
  // Withdrawn while it waits: a yes, after the picture.
  tap("withdraw-" + housing);
  tap("yes");
  EXPECT_EQ(shown(shell->session().requests)[1].state, RequestState::Withdrawn);
  EXPECT_TRUE(on_hub(housing).empty()) << "the hub is stopped";

  // The hub comes back: both requests and the withdrawal arrive, in order, once.
  hub.start_server();
  ASSERT_TRUE(wait_untouched(40s, [&] { return link->status().waiting == 0; }))
      << link->status().last_error;
  const std::vector<OnHub> h = on_hub(housing), c = on_hub(clothes);
  ASSERT_EQ(h.size(), 1u);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(h[0].status, "withdrawn");
  EXPECT_EQ(c[0].status, "open");
  {
    auto db = hub.hub().store->lease();
    auto st = db->prepare("SELECT count(*) FROM requests");
    ASSERT_EQ(st.step(), sql::Statement::Step::Row);
    EXPECT_EQ(st.int64(0), 2) << "each arrived exactly once";
  }
  // And My requests, still open, asks the hub again now that they arrived
  // and shows its states, without a touch.
  run_for(5s);
  EXPECT_TRUE(delivered(shell->session().requests, clothes));
  const std::vector<RequestInfo>& listed = shell->session().requests.listed;
  ASSERT_EQ(listed.size(), 2u) << "the hub's list was not asked again";
  items = shown(shell->session().requests);
  ASSERT_EQ(items.size(), 2u);
  for (const RequestInfo& r : items)
    EXPECT_EQ(r.state, r.id == housing ? RequestState::Withdrawn : RequestState::Open) << r.id;
}

}  // namespace
}  // namespace ih::kiosk
