// What arrives in the background reaches the screen in the next frame, with no
// touch: a login's answer, and the sync status turning online. The real event
// loop runs on the test's thread (SDL's dummy video driver); a watcher thread
// drives it, the code and PIN typed as SDL keyboard events, and
// the fakes of the network answer from threads of their own and then wake the
// loop, as the Link does (link.h: on_change, bound to App::wake in main.cpp).
#include <SDL.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/app.h"
#include "kiosk/link.h"
#include "kiosk/shell.h"
#include "settle.h"

namespace ih::kiosk {
namespace {

using namespace std::chrono_literals;
using testing::settle;

// The shell as the App draws it, and what a watcher on another thread may read
// of it: copied after each frame. Moves through the pages by the shell's own
// API, on the UI thread: ImGui's SDL backend takes the pointer's position only
// from a window that has the mouse or keyboard focus, which SDL's dummy driver
// never gives, so taps cannot come through SDL here. Typing does (below).
class WatchedShell : public Screen {
 public:
  explicit WatchedShell(ShellOptions options) : shell_(std::move(options)) {}

  void draw(ScreenFrame& frame) override {
    std::vector<Action> actions;
    {
      std::lock_guard lock(mutex_);
      actions.swap(actions_);
    }
    for (const Action& a : actions) shell_.apply(a);
    shell_.draw(frame);
    page = shell_.page();
    checking =
        shell_.page() == Page::Login && shell_.login_form().step() == LoginForm::Step::Checking;
    online = shell_.shown_online();
  }

  // Has the shell apply `action` before the next frame. Any thread.
  void apply(Action action) {
    std::lock_guard lock(mutex_);
    actions_.push_back(action);
  }

  std::atomic<Page> page{Page::Attract};
  std::atomic<bool> checking{false};
  std::atomic<bool> online{false};

 private:
  Shell shell_;
  std::mutex mutex_;
  std::vector<Action> actions_;
};

// The network, answering from a thread of its own as the Link's worker and
// sync engine do, and then waking the loop.
struct SlowNetwork {
  std::function<void()> wake;  // bound to App::wake, as main.cpp binds the Link's on_change
  std::atomic<bool> online{false};
  std::atomic<int> logins{0};
  std::vector<std::thread> threads;  // joined before the test ends

  AccountServices services() {
    AccountServices s;
    s.login = [this](const std::string&, const std::string&) {
      ++logins;
      auto answer = std::make_shared<std::promise<LoginOutcome>>();
      threads.emplace_back([this, answer] {
        std::this_thread::sleep_for(300ms);
        answer->set_value({LoginOutcome::Result::LoggedIn,
                           PersonSession{"K7Q0-18SM", "token-1", "lane-1", "Amal"}, 0});
        wake();
      });
      return answer->get_future();
    };
    s.logout = [](const PersonSession&) {};
    s.sync_status = [this]() -> std::optional<SyncStatus> {
      return SyncStatus{online ? SyncState::Online : SyncState::Offline, 0, 0};
    };
    s.normalize_code = personal_code_rule();
    return s;
  }
  void join() {
    for (std::thread& t : threads) t.join();
  }
};

class ShellWakeTest : public ::testing::Test {
 protected:
  void SetUp() override { setenv("SDL_VIDEODRIVER", "dummy", 1); }

  // The kiosk in a 1280×800 window, its network `net`, which wakes it.
  void make(SlowNetwork& net) {
    Settings settings;
    settings.default_language = "de";
    auto screen = std::make_unique<WatchedShell>(
        ShellOptions{settings, [] { return Clock::now(); }, net.services()});
    watched = screen.get();
    AppConfig config;
    config.fullscreen = false;
    config.width = 1280;
    config.height = 800;
    config.ui = {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "de"};
    App::Result made = App::create(config, std::move(screen));
    ASSERT_TRUE(made.app) << made.error;
    app = std::move(made.app);
    net.wake = [a = app.get()] { a->wake(); };
  }

  // Runs the loop here while `watch` runs on another thread; then quits.
  template <typename Watch>
  void run(Watch watch) {
    std::thread watcher([&] {
      settle(*app);
      watch();
      app->quit();
    });
    app->run();
    watcher.join();
  }

  // The shell applies `action`, and draws what follows.
  void apply(Action action) {
    watched->apply(action);
    app->wake();
    settle(*app);
  }
  // What a keyboard plugged into the kiosk sends: `text`, then Return, as
  // SDL events into the App's loop.
  void type_and_return(const std::string& text) {
    SDL_Event typed{};
    typed.type = SDL_TEXTINPUT;
    std::strncpy(typed.text.text, text.c_str(), sizeof typed.text.text - 1);
    SDL_PushEvent(&typed);
    SDL_Event key{};
    key.type = SDL_KEYDOWN;
    key.key.state = SDL_PRESSED;
    key.key.keysym.scancode = SDL_SCANCODE_RETURN;
    key.key.keysym.sym = SDLK_RETURN;
    SDL_PushEvent(&key);
    key.type = SDL_KEYUP;
    key.key.state = SDL_RELEASED;
    SDL_PushEvent(&key);
  }
  // Waits up to `limit` for `done`, drawing nothing itself and sending no input.
  template <typename Done>
  static bool within(std::chrono::milliseconds limit, Done done) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (!done() && std::chrono::steady_clock::now() < end) std::this_thread::sleep_for(10ms);
    return done();
  }

  std::unique_ptr<App> app;
  WatchedShell* watched = nullptr;
};

TEST_F(ShellWakeTest, ALoginAnsweredInTheBackgroundShowsHomeWithoutAnotherTouch) {
  SlowNetwork net;
  make(net);
  ASSERT_TRUE(app);
  bool was_checking = false, home = false;
  run([&] {
    apply(Action::Begin);
    apply(Action{Action::ChoseLanguage, std::string("de")});
    apply(Action::AcceptNotice);
    apply(Action::HaveCode);
    if (watched->page != Page::Login) return;
    type_and_return("K7Q018SM");
    settle(*app);
    // The last input: the PIN and Return. Nothing touches the kiosk after it.
    type_and_return("2468");
    was_checking = within(5s, [&] { return watched->checking || watched->page == Page::Home; }) &&
                   watched->checking;
    // Far less than the idle time (90 s), after which a frame would come anyway.
    home = within(5s, [&] { return watched->page == Page::Home; });
  });
  net.join();
  EXPECT_EQ(net.logins, 1);
  EXPECT_TRUE(was_checking) << "the login should wait for its answer";
  EXPECT_TRUE(home) << "the answer came, but the page still says \"Checking…\"";
}

TEST_F(ShellWakeTest, TheStatusBarSaysOnlineWhenTheConnectionComesWithoutATouch) {
  SlowNetwork net;
  make(net);
  ASSERT_TRUE(app);
  bool offline_first = false, online_drawn = false;
  uint64_t before = 0, after = 0;
  run([&] {
    apply(Action::Begin);  // the picker, with the status bar
    offline_first = !watched->online && watched->page == Page::Languages;
    before = settle(*app);
    std::thread connection([&] {
      net.online = true;
      net.wake();
    });
    connection.join();
    online_drawn = within(5s, [&] { return watched->online.load(); });
    after = settle(*app);
  });
  EXPECT_TRUE(offline_first);
  EXPECT_TRUE(online_drawn) << "the status bar still says Offline";
  EXPECT_GT(after, before);
}

}  // namespace
}  // namespace ih::kiosk
