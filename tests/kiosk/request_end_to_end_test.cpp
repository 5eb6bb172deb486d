// Requests for help from the kiosk's real event loop to the reference hub over
// HTTPS: every touch is an SDL finger event pushed into the App (SDL's dummy
// video driver), text comes as SDL text input (as from a physical keyboard),
// and what arrives in the background (delivery, the matching count) reaches
// the screen through the Link's on_change, bound to App::wake as main.cpp
// binds it. Between steps the loop stops, and the test reads the shell.
//
//   Tigrinya: a request made with pictures only, no text, reaches the hub.
//   Persian:  a day on the Solar Hijri calendar and a short text.
//   Leaving:  a request sent offline just before the person leaves arrives
//             when the hub is back, and the session ends after it.
//   Offline:  the hub stopped, two requests wait, one is withdrawn while
//             waiting; when the hub is back both arrive exactly once.
//   Killed:   a kiosk (a child process) makes a profile and a request while
//             the hub is stopped and is killed with SIGKILL on the page that
//             shows the request waiting; the next kiosk on the same state
//             folder sends both, once, when the hub is back.
//   Messages: a person logs in, makes a request, a helper answers it on the
//             hub, and the answer shows without a touch; a quick reply (in
//             Tigrinya) and a typed one (in Persian) reach the helper; after
//             the session nothing of the conversation is in the kiosk's files
//             or logs.
#include <SDL.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <thread>

#include "api/secret.h"
#include "hub/state.h"
#include "hub/store.h"
#include "i18n/calendar_month.h"
#include "kiosk/app.h"
#include "kiosk/link.h"
#include "kiosk/shell.h"
#include "net/replies.h"
#include "settle.h"
#include "tests/hub/hub_fixture.h"
#include "tests/kiosk/logs_and_files.h"

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

// As SDL text input events, each at most 31 bytes of whole characters (SDL's
// limit), as a physical keyboard's input method sends longer text.
void push_text(const std::string& text) {
  size_t at = 0;
  while (at < text.size()) {
    size_t n = std::min<size_t>(text.size() - at, 31);
    while (at + n < text.size() && (static_cast<unsigned char>(text[at + n]) & 0xC0) == 0x80) --n;
    SDL_Event e{};
    e.type = SDL_TEXTINPUT;
    std::memcpy(e.text.text, text.data() + at, n);
    SDL_PushEvent(&e);
    at += n;
  }
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
    // The inbox fetches often, so an answer shows soon after it was sent.
    Link::Opened opened =
        Link::open({"https://127.0.0.1:" + std::to_string(hub.port()), test::test_ca_file(),
                    (state.path / "kiosk").string(), "test", 300ms});
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
  // `spoken`, living in the first place) has reached the hub. With
  // `log_in`, they log in on the login page, as after an earlier visit;
  // otherwise the session is the one the new profile made.
  void open(const std::string& language, const std::string& spoken, bool log_in = false) {
    Settings settings;
    settings.default_language = language;
    places = settings.places;
    std::unique_ptr<Screen> screen = make_shell(settings, link->services(), {}, {});
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
    if (log_in) {
      shell->show(Page::Login);
      step([] {});
      step([&] { push_text(person->personal_code); });
      tap("next");
      step([] { push_text("1357"); });
      tap("next");
      for (int i = 0; i < 100 && shell->page() != Page::Home; ++i) run_for(100ms);
      ASSERT_EQ(shell->page(), Page::Home) << "no login";
      return;
    }
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
  // Runs the loop, touching nothing, until `done` holds (read between runs,
  // while the loop stands still) or `limit` passes.
  template <typename Done>
  bool shown_untouched(std::chrono::milliseconds limit, Done done) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (!done() && std::chrono::steady_clock::now() < end) run_for(200ms);
    return done();
  }

  // A helper on the hub who fits the person's requests, logged in as their
  // app would be: the caller for their calls.
  net::Caller helper(const std::string& name, const std::string& language,
                     const std::string& category) {
    const auto credentials =
        hub::add_helper(hub.hub(), {name, {language, "de"}, {category}, places[0], 30});
    EXPECT_TRUE(credentials);
    const std::string token = api::mint_secret();
    const nlohmann::json login = {{"personal_code", credentials->personal_code},
                                  {"pin", credentials->secret},
                                  {"session_token", token}};
    EXPECT_EQ(hub.send("POST", "/v1/sessions", {}, login.dump(), test::key()).status, 201);
    return {{}, token};
  }
  // The helper answers request `id`; the new conversation's id.
  std::string offer(const net::Caller& helper, const std::string& id, const std::string& text) {
    const net::HttpResponse r = hub.send("POST", "/v1/requests/" + id + "/offers", helper,
                                         nlohmann::json{{"message", text}}.dump(), test::key());
    EXPECT_EQ(r.status, 201) << r.body;
    return hub.json(r).value("id", "");
  }
  // The conversation as the helper's app reads it.
  std::vector<net::MessageInfo> helper_reads(const net::Caller& helper,
                                             const std::string& conversation) {
    const auto page = net::parse_message_page(
        hub.send("GET", "/v1/conversations/" + conversation + "/messages", helper).body);
    return page ? page->items : std::vector<net::MessageInfo>{};
  }
  // Waits, touching nothing, until the helper reads `text` from the person.
  bool helper_receives(const net::Caller& helper, const std::string& conversation,
                       const std::string& text) {
    return wait_untouched(20s, [&] {
      for (const net::MessageInfo& m : helper_reads(helper, conversation))
        if (!m.mine && m.text == text) return true;
      return false;
    });
  }
  // The helper answers the request the person queued first, and the kiosk
  // shows it on its own; then the person opens the conversation from home.
  void answered_then_opened(const net::Caller& helper, const std::string& conversation,
                            const std::string& text) {
    // Nothing is touched: the inbox fetches it, the Link wakes the loop.
    ASSERT_TRUE(shown_untouched(15s, [&] {
      const InboxView& shown = shell->messages().shown;
      const auto found = shown.messages.find(conversation);
      return found != shown.messages.end() && !found->second.empty() &&
             found->second.back().text == text;
    })) << "the helper's answer was not shown";
    EXPECT_EQ(unread_total(shell->messages().shown), 1) << "home counts it unread";
    tap("home");
    ASSERT_EQ(shell->page(), Page::Home);
    tap("messages");
    ASSERT_EQ(shell->page(), Page::Messages);
    tap("conversation-" + conversation);
    ASSERT_EQ(shell->page(), Page::Thread);
    // Seen: the hub has it read, and the helper's app says so.
    ASSERT_TRUE(wait_untouched(15s, [&] {
      const auto messages = helper_reads(helper, conversation);
      return !messages.empty() && messages.back().read;
    })) << "the read mark did not reach the hub";
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

// A person who sends a request and leaves at once, while the hub cannot be
// reached: the logout waits behind the request in their lane, so when the hub
// is back the request arrives, and then the session ends there.
TEST_F(RequestEndToEndTest, ARequestSentJustBeforeLeavingArrivesAndThenTheSessionEnds) {
  open("de", "de", true);
  hub.stop_server();
  tap("new-request");
  tap("category-clothes");
  tap("when-week");
  tap("part-morning");
  tap("next");
  tap("next");
  tap("next");
  tap("next");  // Send
  ASSERT_EQ(shell->page(), Page::RequestSent);
  const std::string id = queued(0);
  tap("end-session");
  EXPECT_TRUE(shell->session().token.empty());
  hub.start_server();
  ASSERT_TRUE(wait_untouched(20s, [&] { return link->status().waiting == 0; }))
      << link->status().last_error;
  EXPECT_EQ(link->status().rejected, 0u);
  const std::vector<OnHub> rows = on_hub(id);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].status, "open");
  auto db = hub.hub().store->lease();
  auto st = db->prepare("SELECT count(*) FROM sessions WHERE ended_at IS NOT NULL");
  ASSERT_EQ(st.step(), sql::Statement::Step::Row);
  EXPECT_EQ(st.int64(0), 1) << "the login's session was not ended";
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

TEST_F(RequestEndToEndTest, AHelpersAnswerShowsWithoutATouchAndAQuickReplyReachesThem) {
  testing::LogCapture logs;
  open("ti", "ti", true);
  tap("new-request");
  tap("category-doctor");
  tap("when-week");
  tap("part-morning");
  tap("next");
  tap("next");
  tap("next");
  tap("next");  // Send: pictures only
  ASSERT_EQ(shell->page(), Page::RequestSent);
  const std::string id = queued(0);
  ASSERT_TRUE(wait_untouched(20s, [&] { return link->status().waiting == 0; }));

  const net::Caller yonas = helper("Yonas", "ti", "doctor");
  const std::string hello = "ሰላም! ናብ ሓኪም ክሰደኪ እኽእል እየ።";
  const std::string conversation = offer(yonas, id, hello);
  ASSERT_FALSE(conversation.empty());
  answered_then_opened(yonas, conversation, hello);

  // A quick reply: its text in Tigrinya, shown at once, then on the hub.
  tap("quick-yes");
  ASSERT_EQ(shell->messages().shown.messages.at(conversation).back().text, "እወ");
  ASSERT_TRUE(helper_receives(yonas, conversation, "እወ"));
  // Listed by the hub, it is shown once.
  ASSERT_TRUE(shown_untouched(10s, [&] { return shell->messages().sent.empty(); }));
  const auto& after = shell->messages().shown.messages.at(conversation);
  EXPECT_EQ(std::count_if(after.begin(), after.end(),
                          [](const ChatMessage& m) { return m.mine && m.text == "እወ"; }),
            1);

  tap("end-session");
  ASSERT_EQ(shell->page(), Page::Attract);
  EXPECT_TRUE(shell->messages().shown.conversations.empty());
  const std::string files = testing::all_files(state.path / "kiosk");
  const std::string logged = logs.text();
  for (const std::string& text : {hello, std::string("እወ"), std::string("Yonas")}) {
    EXPECT_EQ(files.find(text), std::string::npos) << "in the kiosk's files: " << text;
    EXPECT_EQ(logged.find(text), std::string::npos) << "in the logs: " << text;
  }
}

TEST_F(RequestEndToEndTest, APersianReplyTypedOnTheKeyboardReachesTheHelper) {
  testing::LogCapture logs;
  open("fa", "fa", true);
  tap("new-request");
  tap("category-legal_advice");
  tap("when-today");
  tap("part-afternoon");
  tap("next");
  tap("next");
  step([&] { push_text("نامه اداره"); });
  tap("next");
  tap("next");  // Send
  const std::string id = queued(0);
  ASSERT_TRUE(wait_untouched(20s, [&] { return link->status().waiting == 0; }));

  const net::Caller mina = helper("Mina", "fa", "legal_advice");
  const std::string hello = "سلام! فردا ساعت ۱۰ وقت دارم.";
  const std::string conversation = offer(mina, id, hello);
  ASSERT_FALSE(conversation.empty());
  answered_then_opened(mina, conversation, hello);

  tap("write");
  ASSERT_TRUE(shell->messages().thread.composing);
  const std::string reply = "ممنون، فردا می‌آیم";
  step([&] { push_text(reply); });
  tap("next");  // Send
  EXPECT_FALSE(shell->messages().thread.composing);
  ASSERT_TRUE(helper_receives(mina, conversation, reply)) << [&] {
    std::string seen;
    for (const net::MessageInfo& m : helper_reads(mina, conversation)) seen += m.text + " | ";
    return seen;
  }();

  tap("end-session");
  const std::string files = testing::all_files(state.path / "kiosk");
  const std::string logged = logs.text();
  for (const std::string& text : {hello, reply, std::string("نامه اداره")}) {
    EXPECT_EQ(files.find(text), std::string::npos) << "in the kiosk's files: " << text;
    EXPECT_EQ(logged.find(text), std::string::npos) << "in the logs: " << text;
  }
}

TEST_F(RequestEndToEndTest, AWaitingRequestSurvivesAKillOfTheKioskAndArrivesOnce) {
  const std::string url = "https://127.0.0.1:" + std::to_string(hub.port());
  hub.stop_server();  // it comes back on the same port
  // The child is the kiosk, with the state folder to itself.
  link->on_change({});
  link.reset();
  const auto kiosk_until_killed = [&] {
    Link::Opened opened =
        Link::open({url, test::test_ca_file(), (state.path / "kiosk").string(), "test", 300ms});
    if (!opened.link) _exit(2);
    link = std::move(opened.link);
    Settings settings;
    settings.default_language = "ar";
    std::unique_ptr<Screen> screen = make_shell(settings, link->services(), {}, {});
    shell = dynamic_cast<Shell*>(screen.get());
    AppConfig config;
    config.fullscreen = false;
    config.width = kWidth;
    config.height = kHeight;
    config.ui = {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "ar"};
    App::Result made = App::create(config, std::move(screen));
    if (!made.app) _exit(3);
    app = std::move(made.app);
    link->on_change([a = app.get()] { a->wake(); });
    std::optional<PersonSession> person =
        link->create_account({"Nour", {"ar"}, settings.places[0], {}, "2468"});
    if (!person) _exit(4);
    Session& s = shell->session();
    s.personal_code = person->personal_code;
    s.token = person->token;
    s.lane = person->lane;
    s.languages = {"ar"};
    s.town = settings.places[0];
    shell->show(Page::Home);
    step([] {});
    for (const char* id : {"new-request", "category-furniture_household", "when-today",
                           "part-morning", "next", "next", "next", "next"}) {
      if (!shell->controls().contains(id)) _exit(5);
      tap(id);
    }
    if (shell->page() != Page::RequestSent) _exit(6);
    if (delivered(shell->session().requests, queued(0))) _exit(7);
    raise(SIGKILL);
  };
  EXPECT_EXIT(kiosk_until_killed(), ::testing::KilledBySignal(SIGKILL), "");

  // The next kiosk on the same folder: both entries wait, and arrive once.
  Link::Opened opened =
      Link::open({url, test::test_ca_file(), (state.path / "kiosk").string(), "test", 300ms});
  ASSERT_TRUE(opened.link) << opened.error;
  link = std::move(opened.link);
  EXPECT_EQ(link->status().waiting, 2) << "the profile and the request";
  hub.start_server();
  ASSERT_TRUE(within(40s, [&] { return link->status().waiting == 0; }))
      << link->status().last_error;
  auto db = hub.hub().store->lease();
  auto st = db->prepare(
      "SELECT count(*) FROM requests WHERE category = 'furniture_household' AND status = 'open'");
  ASSERT_EQ(st.step(), sql::Statement::Step::Row);
  EXPECT_EQ(st.int64(0), 1) << "the request arrived exactly once";
}

}  // namespace
}  // namespace ih::kiosk
