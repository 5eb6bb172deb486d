// The thread page under a finger as SDL delivers it: finger and mouse events
// pushed into the real event loop and ImGui's real SDL backend
// (SDL_VIDEODRIVER=dummy). A drag scrolls the messages and sends nothing; a
// tap on a quick reply sends its text.
#include <SDL.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <thread>

#include "kiosk/app.h"
#include "settle.h"
#include "tests/kiosk/messages_fixture.h"

namespace ih::kiosk {
namespace {

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

// A finger dragged from `from` by `dy` pixels, in ten moves.
void finger_drag(ImVec2 from, float dy) {
  push_finger(SDL_FINGERDOWN, from);
  for (int i = 1; i <= 10; ++i)
    push_finger(SDL_FINGERMOTION, ImVec2(from.x, from.y + dy * static_cast<float>(i) / 10));
  push_finger(SDL_FINGERUP, ImVec2(from.x, from.y + dy));
}

class MessagesTouchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("TZ", "Europe/Berlin", 1);
    InboxView inbox = testing::sample_inbox();
    inbox.messages["c1"] = testing::mixed_thread(200);
    auto screen = std::make_unique<testing::MessagesScreen>(std::move(inbox));
    open_thread(screen->thread, "c1");
    screen_ = screen.get();
    AppConfig config;
    config.fullscreen = false;
    config.width = kWidth;
    config.height = kHeight;
    config.ui = {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "de"};
    App::Result made = App::create(config, std::move(screen));
    ASSERT_TRUE(made.app) << made.error;
    app_ = std::move(made.app);
    step([] {});
  }

  template <typename Input>
  void step(Input input) {
    std::thread watcher([&] {
      settle(*app_);
      input();
      settle(*app_);
      app_->quit();
    });
    app_->run();
    watcher.join();
  }

  Rect control(const std::string& id) const {
    const auto it = screen_->controls.find(id);
    EXPECT_NE(it, screen_->controls.end()) << id;
    return it == screen_->controls.end() ? Rect{} : it->second;
  }

  testing::MessagesScreen* screen_ = nullptr;
  std::unique_ptr<App> app_;
};

TEST_F(MessagesTouchTest, AFingerDraggedDownScrollsBackThroughTheThreadAndSendsNothing) {
  const ThreadView& view = screen_->thread;
  ASSERT_TRUE(view.at_end);
  const float end = view.offset;
  ASSERT_GT(end, 1000) << "200 messages do not fit";
  screen_->actions.clear();
  // From the middle of the messages, 300 px down: older messages come into view.
  const float middle = (control("back").max.y + control("write").min.y) / 2;
  step([&] { finger_drag(ImVec2(kWidth / 2.0f, middle - 150), 300); });
  EXPECT_FALSE(view.at_end);
  EXPECT_NEAR(view.offset, end - 300, 30);
  EXPECT_TRUE(screen_->actions.empty());

  // And back up past the end: it stops at the newest message.
  step([&] { finger_drag(ImVec2(kWidth / 2.0f, middle + 150), -600); });
  EXPECT_FLOAT_EQ(view.offset, end);
  EXPECT_TRUE(view.at_end);
}

TEST_F(MessagesTouchTest, AMessagesSpeechButtonReadsTheWholeMessageAndSendsNothing) {
  const ChatMessage& last = screen_->inbox.messages["c1"].back();
  const Rect r = control("speak " + last.id);
  step([&] {
    push_finger(SDL_FINGERDOWN, r.centre());
    push_finger(SDL_FINGERUP, r.centre());
  });
  ASSERT_TRUE(screen_->speech.asked.has_value());
  EXPECT_EQ(*screen_->speech.asked, last.text);
  EXPECT_TRUE(screen_->actions.empty());
}

TEST_F(MessagesTouchTest, ATapOnAQuickReplySendsItsText) {
  screen_->actions.clear();
  const ImVec2 thanks = control("quick-thanks").centre();
  step([&] {
    push_finger(SDL_FINGERDOWN, thanks);
    push_finger(SDL_FINGERUP, thanks);
  });
  ASSERT_EQ(screen_->actions.size(), 1u);
  EXPECT_EQ(screen_->actions[0].kind, Action::SendMessage);
  EXPECT_EQ(screen_->actions[0].get<OutgoingMessage>().conversation_id, "c1");
  EXPECT_EQ(screen_->actions[0].get<OutgoingMessage>().text, "Danke");
}

TEST_F(MessagesTouchTest, ADragThatStartsOnAQuickReplySendsNothing) {
  screen_->actions.clear();
  const ImVec2 yes = control("quick-yes").centre();
  step([&] { finger_drag(yes, -120); });
  EXPECT_TRUE(screen_->actions.empty());
}

}  // namespace
}  // namespace ih::kiosk
