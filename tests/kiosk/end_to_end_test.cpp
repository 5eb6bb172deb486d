// The kiosk against a real hub over HTTPS, driven by touches on the places
// where its controls and keys were drawn: pick Arabic, accept the notice,
// create a profile on the on-screen keyboard, see the code, leave and let the
// session time out, log in again with the code and PIN, and find the profile
// on the hub. Along the way, nothing the person typed may reach the kiosk's
// files or logs.
#include <SDL.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "hub/state.h"
#include "hub/store.h"
#include "kiosk/link.h"
#include "net/log.h"
#include "tests/hub/hub_fixture.h"
#include "tests/kiosk/shell_harness.h"

namespace ih::kiosk {
namespace {

using namespace std::chrono_literals;
using testing::Harness;

// Every line the network layer and SDL log while it lives.
class LogCapture {
 public:
  LogCapture() {
    previous_ = net::set_log_sink([this](net::LogLevel, std::string_view line) { add(line); });
    SDL_LogGetOutputFunction(&sdl_previous_, &sdl_previous_data_);
    SDL_LogSetOutputFunction([](void* self, int, SDL_LogPriority,
                                const char* line) { static_cast<LogCapture*>(self)->add(line); },
                             this);
  }
  ~LogCapture() {
    net::set_log_sink(previous_);
    SDL_LogSetOutputFunction(sdl_previous_, sdl_previous_data_);
  }
  std::string text() {
    std::lock_guard lock(mutex_);
    return text_;
  }

 private:
  void add(std::string_view line) {
    std::lock_guard lock(mutex_);
    text_.append(line).push_back('\n');
  }
  std::mutex mutex_;
  std::string text_;
  net::LogSink previous_;
  SDL_LogOutputFunction sdl_previous_ = nullptr;
  void* sdl_previous_data_ = nullptr;
};

// Draws frames until `done` or 20 s pass, as the event loop would while it waits.
template <typename Done>
bool frames_until(Harness& h, Done done) {
  for (int i = 0; i < 1000; ++i) {
    if (done()) return true;
    h.frame();
    std::this_thread::sleep_for(20ms);
  }
  return done();
}

// Every byte of every file under `dir`.
std::string all_files(const std::filesystem::path& dir) {
  std::string bytes;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    bytes += content.str();
  }
  return bytes;
}

TEST(EndToEndTest, AnArabicProfileMadeAtTheKioskLogsInAgainAndIsOnTheHub) {
  test::TestHub hub;
  if (hub.remote()) GTEST_SKIP() << "reads the reference hub's database";
  LogCapture logs;
  test::TempDir state;
  Link::Opened opened = Link::open({"https://127.0.0.1:" + std::to_string(hub.port()),
                                    test::test_ca_file(), (state.path / "kiosk").string(), "test"});
  ASSERT_TRUE(opened.link) << opened.error;
  Link& link = *opened.link;
  ASSERT_EQ(link.enrol(hub.enrolment_code(), "end-to-end").get(), "");
  link.status();
  ASSERT_TRUE(link.enrolled());

  Settings settings;
  settings.idle_after = 60s;
  settings.warning_for = 20s;
  Harness h(settings, ImVec2(1920, 1080), link.services());
  // A name and PIN no file or log line could hold by chance.
  const std::string name = "سلمى زينب";
  const std::string pin = "731952";

  // [SECTION] A new profile, in Arabic
  h.touch("attract");
  h.touch("tile-ar");
  ASSERT_EQ(h.ui.strings().language(), "ar");
  h.touch("accept");
  h.touch("new");
  ASSERT_EQ(h.shell.page(), Page::Profile);
  h.type(KeysKind::Letters, "سلمى");
  const keyboard::Target* space =
      h.shell.keys().keys(KeysKind::Letters, h.ui.strings()).find(keyboard::KeyAction::Space);
  ASSERT_NE(space, nullptr);
  h.touch_at(space->rect.centre());
  h.type(KeysKind::Letters, "زينب");
  h.touch("next");
  h.touch("language-ar");
  h.touch("language-de");
  h.touch("next");
  h.touch("place-2");
  h.touch("next");
  h.touch("next");  // no phone
  h.type(KeysKind::Digits, pin);
  h.touch("next");
  h.type(KeysKind::Digits, pin);
  h.touch("next");
  ASSERT_EQ(h.shell.page(), Page::Code);
  const std::string code = h.shell.session().personal_code;
  ASSERT_EQ(code.size(), 9u) << "a code as the platform writes it, XXXX-XXXX";
  h.touch("continue");
  ASSERT_EQ(h.shell.page(), Page::Home);

  // The profile waits in the outbox, sealed, until the sync engine delivers it.
  ASSERT_TRUE(frames_until(h,
                           [&] {
                             const net::SyncStatus s = link.status();
                             return s.waiting == 0 && s.delivered >= 1;
                           }))
      << "the profile did not reach the hub: " << link.status().last_error;

  // [SECTION] The person walks away: the warning, then the end of the session
  h.now += settings.idle_after;
  h.frame();
  ASSERT_TRUE(h.shell.warning_shown());
  h.now += settings.warning_for;
  h.frame();
  h.frame();
  ASSERT_EQ(h.shell.page(), Page::Attract);
  EXPECT_EQ(h.ui.strings().language(), "de");
  EXPECT_TRUE(h.shell.session().personal_code.empty());

  // [SECTION] The profile on the hub
  {
    auto db = hub.hub().store->lease();
    auto st =
        db->prepare("SELECT display_name, town, languages, role FROM accounts WHERE code = ?1");
    st.bind_all(code);
    ASSERT_EQ(st.step(), sql::Statement::Step::Row) << "no account " << code << " on the hub";
    EXPECT_EQ(st.text(0), name);
    EXPECT_EQ(st.text(1), settings.places[2]);
    EXPECT_EQ(nlohmann::json::parse(st.text(2)), nlohmann::json({"ar", "de"}));
    EXPECT_EQ(st.text(3), "person");
  }

  // [SECTION] Logging in again: a wrong PIN first, then the right one
  h.touch("attract");
  h.touch("tile-ar");
  h.touch("accept");
  h.touch("have-code");
  ASSERT_EQ(h.shell.page(), Page::Login);
  h.type(KeysKind::Code, code);
  h.touch("next");
  ASSERT_EQ(h.shell.login_form().step(), LoginForm::Step::Pin);
  h.type(KeysKind::Digits, "0000");
  h.touch("next");
  ASSERT_TRUE(
      frames_until(h, [&] { return h.shell.login_form().step() != LoginForm::Step::Checking; }));
  EXPECT_EQ(h.shell.login_form().problem(), LoginForm::Problem::Refused);
  h.touch("next");  // the code is still there
  h.type(KeysKind::Digits, pin);
  h.touch("next");
  ASSERT_TRUE(frames_until(h, [&] { return h.shell.page() == Page::Home; }))
      << "no login; the form says " << static_cast<int>(h.shell.login_form().problem());
  EXPECT_EQ(h.shell.session().display_name, name);
  EXPECT_EQ(h.shell.session().personal_code, code);
  h.touch("end-session");
  EXPECT_EQ(h.shell.page(), Page::Attract);

  // [SECTION] Nothing the person typed in the kiosk's files or logs
  const std::string files = all_files(state.path);
  const std::string logged = logs.text();
  for (const std::string& secret : {std::string("سلمى"), std::string("زينب"), code, pin}) {
    EXPECT_EQ(files.find(secret), std::string::npos) << "in the state folder: " << secret;
    EXPECT_EQ(logged.find(secret), std::string::npos) << "in the log: " << secret;
  }
}

}  // namespace
}  // namespace ih::kiosk
