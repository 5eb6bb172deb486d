// The "My messages" pages (kiosk/screens/conversations.h, thread.h) drawn by a
// Ui without a renderer and touched through ImGui's input: what stands where,
// what a touch asks for, what fits, and that a frame which only scrolls lays
// out nothing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "kiosk/ui.h"
#include "tests/kiosk/messages_fixture.h"

namespace ih::kiosk {
namespace {

using testing::MessagesScreen;
using testing::sample_inbox;

class MessagesPagesTest : public ::testing::Test {
 protected:
  void SetUp() override { setenv("TZ", "Europe/Berlin", 1); }

  void make(const char* language, ImVec2 size, bool large_text = false,
            InboxView inbox = sample_inbox()) {
    ui = std::make_unique<Ui>(
        UiConfig{std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", language}, nullptr);
    screen = std::make_unique<MessagesScreen>(std::move(inbox), large_text);
    ImGuiIO& io = ui->io();
    io.DisplaySize = size;
    io.DeltaTime = 0.1f;
    frames(2);
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) ui->build_frame(*screen);
  }
  void open(const std::string& conversation) {
    open_thread(screen->thread, conversation);
    frames(2);
  }
  Rect control(const std::string& id) const {
    const auto it = screen->controls.find(id);
    EXPECT_NE(it, screen->controls.end()) << id;
    return it == screen->controls.end() ? Rect{} : it->second;
  }
  void touch(const std::string& id) {
    ImGuiIO& io = ui->io();
    io.MousePos = control(id).centre();
    io.MouseDown[0] = true;
    frames(1);
    io.MouseDown[0] = false;
    frames(2);
  }
  const Bubble& bubble(const std::string& id) const {
    for (const Bubble& b : screen->thread.layout.bubbles())
      if (b.id == id) return b;
    ADD_FAILURE() << "no bubble " << id;
    static const Bubble none;
    return none;
  }

  std::unique_ptr<Ui> ui;
  std::unique_ptr<MessagesScreen> screen;
};

TEST_F(MessagesPagesTest, UnreadConversationsComeFirstThenTheMostRecent) {
  InboxView inbox = sample_inbox();
  std::swap(inbox.conversations[0], inbox.conversations[2]);
  sort_inbox(inbox);
  make("de", ImVec2(1920, 1080), false, std::move(inbox));
  const float c1 = control("conversation-c1").min.y;
  const float c2 = control("conversation-c2").min.y;
  const float c3 = control("conversation-c3").min.y;
  EXPECT_LT(c1, c2) << "the unread one first";
  EXPECT_LT(c2, c3) << "then an hour ago before two days ago";
}

TEST_F(MessagesPagesTest, AListLongerThanTheScreenScrollsToItsLastConversation) {
  InboxView inbox = sample_inbox();
  for (int i = 0; i < 30; ++i)
    inbox.conversations.push_back({"x" + std::to_string(i), "r", "other", "❓", "Helper", 0, i});
  sort_inbox(inbox);  // the oldest, x0, last
  make("de", ImVec2(1280, 800), true, std::move(inbox));
  EXPECT_EQ(screen->controls.count("conversation-x0"), 0u) << "the last is below the edge";
  screen->list.offset = 1e9f;
  frames(1);
  const Rect last = control("conversation-x0");
  EXPECT_LE(last.max.y, 800);
  EXPECT_GT(screen->list.offset, 0);
  EXPECT_LT(screen->list.offset, 1e9f) << "kept within the list";
  EXPECT_EQ(screen->controls.count("conversation-c1"), 0u) << "the first is scrolled away";
}

TEST_F(MessagesPagesTest, TouchingAConversationOpensIt) {
  make("ar", ImVec2(1080, 1920));
  touch("conversation-c2");
  ASSERT_EQ(screen->actions.size(), 1u);
  EXPECT_EQ(screen->actions[0].kind, Action::OpenConversation);
  EXPECT_EQ(screen->actions[0].get<std::string>(), "c2");
}

TEST_F(MessagesPagesTest, ABubbleStandsOnTheSideOfItsOwnTextsDirection) {
  for (const char* language : {"de", "ar"}) {
    make(language, ImVec2(1920, 1080));
    open("c1");
    EXPECT_FALSE(bubble("1").rtl) << "German in " << language;
    EXPECT_TRUE(bubble("2").rtl) << "Arabic in " << language;
    EXPECT_FALSE(bubble("4").rtl) << "Tigrinya in " << language;
    EXPECT_EQ(bubble("5").rtl, std::string(language) == "ar")
        << "emoji only: the UI's start, in " << language;
  }
}

TEST_F(MessagesPagesTest, AFrameThatOnlyScrollsLaysOutNothingANewMessageOnlyItself) {
  InboxView inbox = sample_inbox();
  inbox.messages["c1"] = testing::mixed_thread(200);
  make("de", ImVec2(1920, 1080), false, std::move(inbox));
  open("c1");
  const int64_t opened = screen->thread.layout.laid_out();
  EXPECT_EQ(opened, 200);
  screen->thread.at_end = false;
  for (int i = 0; i < 10; ++i) {
    screen->thread.offset = static_cast<float>(i) * 300;
    frames(1);
  }
  EXPECT_EQ(screen->thread.layout.laid_out(), opened);
  screen->inbox.messages["c1"].push_back(testing::message("201", false, "Neu!", 0));
  frames(1);
  EXPECT_EQ(screen->thread.layout.laid_out(), opened + 1);
}

TEST_F(MessagesPagesTest, TheNewestMessageIsInViewAndANewOneFollowsIt) {
  InboxView inbox = sample_inbox();
  inbox.messages["c1"] = testing::mixed_thread(200);
  make("fa", ImVec2(1080, 1920), false, std::move(inbox));
  open("c1");
  const ThreadView& view = screen->thread;
  EXPECT_TRUE(view.at_end);
  const float before = view.offset;
  EXPECT_GT(before, 0);
  screen->inbox.messages["c1"].push_back(testing::message("201", false, "سلام", 0));
  frames(1);
  EXPECT_GT(view.offset, before) << "scrolled on to the new message";
}

TEST_F(MessagesPagesTest, ShowMoreOpensTheWholeLongMessage) {
  make("de", ImVec2(1920, 1080));
  open("c1");
  ASSERT_TRUE(bubble("6").cut);
  screen->thread.at_end = false;
  screen->thread.offset = bubble("6").top;
  frames(2);
  const float cut_height = bubble("6").box_height;
  touch("more-6");
  EXPECT_TRUE(screen->thread.expanded.contains("6"));
  EXPECT_TRUE(bubble("6").expanded);
  EXPECT_GT(bubble("6").box_height, cut_height);
  EXPECT_EQ(screen->controls.count("more-6"), 0u) << "no Show more once open";
}

TEST_F(MessagesPagesTest, UnreadMessagesAreMarkedReadOnceUpToTheNewest) {
  make("de", ImVec2(1920, 1080));
  open("c1");
  frames(3);
  ASSERT_EQ(screen->actions.size(), 1u);
  EXPECT_EQ(screen->actions[0].kind, Action::MarkRead);
  EXPECT_EQ(screen->actions[0].get<ReadMark>().conversation_id, "c1");
  EXPECT_EQ(screen->actions[0].get<ReadMark>().up_to, "7");
  open("c3");  // all read
  frames(2);
  EXPECT_EQ(screen->actions.size(), 1u);
}

TEST_F(MessagesPagesTest, AQuickReplySendsItsTextInThePersonsLanguage) {
  const std::pair<const char*, const char*> cases[] = {
      {"de", "Ja"}, {"ar", "نعم"}, {"ti", "እወ"}, {"en", "Yes"}};
  for (const auto& [language, yes] : cases) {
    make(language, ImVec2(1280, 800));
    open("c3");
    touch("quick-yes");
    ASSERT_EQ(screen->actions.size(), 1u) << language;
    EXPECT_EQ(screen->actions[0].kind, Action::SendMessage);
    EXPECT_EQ(screen->actions[0].get<OutgoingMessage>().conversation_id, "c3");
    EXPECT_EQ(screen->actions[0].get<OutgoingMessage>().text, yes) << language;
  }
}

TEST_F(MessagesPagesTest, WriteOpensTheKeyboardAndSendTakesWhatWasTyped) {
  make("de", ImVec2(1920, 1080));
  open("c3");
  touch("write");
  ASSERT_TRUE(screen->thread.composing);
  ASSERT_TRUE(screen->thread.reply);
  keyboard::Keyboard& keys = screen->keys.keys(KeysKind::Letters, ui->strings());
  for (const char* letter : {"j", "a"}) {
    const keyboard::Target* key = keys.find(letter);
    ASSERT_NE(key, nullptr) << letter;
    ImGuiIO& io = ui->io();
    io.MousePos = key->rect.centre();
    io.MouseDown[0] = true;
    frames(1);
    io.MouseDown[0] = false;
    frames(2);
  }
  touch("next");
  ASSERT_EQ(screen->actions.size(), 1u);
  EXPECT_EQ(screen->actions[0].kind, Action::SendMessage);
  EXPECT_EQ(screen->actions[0].get<OutgoingMessage>().text, "ja");
  EXPECT_FALSE(screen->thread.composing);
  EXPECT_TRUE(screen->thread.reply->empty());
}

TEST_F(MessagesPagesTest, BackWhileTypingKeepsTheTextAndClosesTheKeyboard) {
  make("de", ImVec2(1920, 1080));
  open("c3");
  touch("write");
  screen->thread.reply->insert("Hallo");
  touch("back");
  EXPECT_FALSE(screen->thread.composing);
  EXPECT_TRUE(screen->actions.empty()) << "Back while typing does not leave the thread";
  EXPECT_EQ(screen->thread.reply->text(), "Hallo");
}

// Every control of every state of both pages: on the screen, at least 64 px
// each way, and apart from the others (a "Show more" inside the scrolled
// messages may be partly hidden and is checked for its size only).
TEST_F(MessagesPagesTest, EveryPageFitsEveryScreenWithTargetsOfAtLeast64Pixels) {
  for (const ImVec2 size : {ImVec2(1920, 1080), ImVec2(1080, 1920), ImVec2(1280, 800)}) {
    for (const bool large : {false, true}) {
      for (const char* language : {"de", "en-XA"}) {
        make(language, size, large);
        for (int state = 0; state < 3; ++state) {
          if (state == 1) open("c1");
          if (state == 2) touch("write");
          const std::string where = std::string(language) + " " + std::to_string(int(size.x)) +
                                    "x" + std::to_string(int(size.y)) + (large ? " large" : "") +
                                    " state " + std::to_string(state);
          ASSERT_FALSE(screen->controls.empty()) << where;
          for (const auto& [id, r] : screen->controls) {
            EXPECT_GE(r.width(), 64) << id << " " << where;
            EXPECT_GE(r.height(), 64) << id << " " << where;
            if (id.starts_with("more-")) continue;
            EXPECT_GE(r.min.x, 0) << id << " " << where;
            EXPECT_GE(r.min.y, 0) << id << " " << where;
            EXPECT_LE(r.max.x, size.x) << id << " " << where;
            EXPECT_LE(r.max.y, size.y) << id << " " << where;
            for (const auto& [other, o] : screen->controls) {
              if (other == id || other.starts_with("more-")) continue;
              EXPECT_FALSE(r.overlaps(o)) << id << " and " << other << " " << where;
            }
          }
        }
      }
    }
  }
}

TEST_F(MessagesPagesTest, AThreadOfThousandsOfHostileMessagesOpensAndScrolls) {
  InboxView inbox = sample_inbox();
  std::vector<ChatMessage>& c1 = inbox.messages["c1"];
  c1.clear();
  std::string huge;
  while (huge.size() < 100 * 1024) huge += "\u202Eابجد efg ሰላም 👨‍👩‍👧 \x01\n";
  for (int i = 0; i < 3000; ++i) {
    std::string text = "\xFF\u2067x";
    text += '\0';
    text += "y" + std::to_string(i);
    if (i % 1000 == 0) text = huge;
    c1.push_back(testing::message(std::to_string(i), i % 3 == 0, text, 1'796'000'000 + i));
  }
  make("ar", ImVec2(1080, 1920), false, std::move(inbox));
  open("c1");
  EXPECT_EQ(screen->thread.layout.laid_out(), 3000);
  screen->thread.at_end = false;
  for (float offset : {0.0f, 5000.0f, 1e9f}) {
    screen->thread.offset = offset;
    frames(1);
  }
  EXPECT_LE(screen->thread.offset, screen->thread.layout.content_height())
      << "kept within the content";
}

}  // namespace
}  // namespace ih::kiosk
