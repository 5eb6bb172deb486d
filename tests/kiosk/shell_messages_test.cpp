// "My messages" in the shell: the inbox opens when a person logs in and
// closes with their session; home shows how many messages are unread; a
// thread marks what was seen read; a reply shows at once, waiting while the
// outbox holds it, and once only when the platform lists it; a reply that
// cannot be queued goes back into its field. The network is a fake that
// answers as the link would (the real one: request_end_to_end_test.cpp).
#include <gtest/gtest.h>

#include <future>

#include "kiosk/link.h"
#include "kiosk/wipe.h"
#include "tests/kiosk/messages_fixture.h"
#include "tests/kiosk/shell_harness.h"

namespace ih::kiosk {
namespace {

using testing::Harness;

struct FakeMessages {
  // What the platform lists, and its count of changes.
  InboxView platform;
  uint64_t version = 0;
  std::string opened_token;
  bool closed = false;
  bool can_queue = true;
  std::vector<OutgoingMessage> queued;
  int64_t waiting = 0;
  std::vector<ReadMark> marks;
  int refreshes = 0;

  void change(InboxView view) {
    platform = std::move(view);
    ++version;
  }

  AccountServices services() {
    AccountServices s;
    s.login = [](const std::string&, const std::string&) {
      std::promise<LoginOutcome> p;
      p.set_value(
          {LoginOutcome::Result::LoggedIn, PersonSession{"K7Q0-18SM", "tok", "lane", "Amal"}, 0});
      return p.get_future();
    };
    s.logout = [](const PersonSession&) {};
    s.normalize_code = personal_code_rule();
    s.rules = field_rules();
    MessageServices& m = s.messages;
    m.open = [this](const PersonSession& p) {
      opened_token = p.token;
      closed = false;
    };
    m.inbox = [this](uint64_t& seen) -> std::optional<InboxView> {
      if (opened_token.empty() || closed || seen == version) return std::nullopt;
      seen = version;
      return platform;
    };
    m.send = [this](const PersonSession&, const OutgoingMessage& message) {
      if (!can_queue) return false;
      queued.push_back(message);
      ++waiting;
      return true;
    };
    m.waiting = [this](const PersonSession&) { return waiting; };
    m.mark_read = [this](const PersonSession&, const ReadMark& mark) { marks.push_back(mark); };
    m.refresh = [this] { ++refreshes; };
    m.close = [this] { closed = true; };
    return s;
  }
};

void log_in_home(Harness& h) {
  testing::log_in(h);
  ASSERT_EQ(h.shell.page(), Page::Home);
}

const std::vector<ChatMessage>& shown(Harness& h, const std::string& conversation) {
  return h.shell.messages().shown.messages.at(conversation);
}

class ShellMessagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    net.change(testing::sample_inbox());
    log_in_home(h);
  }
  FakeMessages net;
  Harness h{{}, ImVec2(1920, 1080), net.services()};
};

TEST_F(ShellMessagesTest, TheInboxOpensAtLoginAndHomeCountsWhatIsUnread) {
  EXPECT_EQ(net.opened_token, "tok");
  const int64_t unread = unread_total(net.platform);
  ASSERT_GT(unread, 0);
  EXPECT_EQ(unread_total(h.shell.messages().shown), unread);
  // A new message arrives with no touch: the next frame counts it.
  InboxView more = net.platform;
  more.conversations[0].unread += 1;
  more.messages[more.conversations[0].id].push_back(
      testing::message("100", false, "Noch eine Frage", 0));
  net.change(more);
  h.frame();
  EXPECT_EQ(unread_total(h.shell.messages().shown), unread + 1);
}

TEST_F(ShellMessagesTest, OpeningAThreadMarksItReadHereAndAtThePlatform) {
  h.touch("messages");
  ASSERT_EQ(h.shell.page(), Page::Messages);
  const Conversation first = h.shell.messages().shown.conversations[0];
  ASSERT_GT(first.unread, 0);
  h.touch("conversation-" + first.id);
  ASSERT_EQ(h.shell.page(), Page::Thread);
  ASSERT_EQ(net.marks.size(), 1u);
  EXPECT_EQ(net.marks[0].conversation_id, first.id);
  EXPECT_EQ(net.marks[0].up_to, shown(h, first.id).back().id);
  // Read at once, before the platform's count comes back.
  EXPECT_EQ(unread_total(h.shell.messages().shown), unread_total(net.platform) - first.unread);
  for (const Conversation& c : h.shell.messages().shown.conversations) {
    if (c.id == first.id) {
      EXPECT_EQ(c.unread, 0);
    }
  }
  h.touch("back");
  EXPECT_EQ(h.shell.page(), Page::Messages);
  h.touch("back");
  EXPECT_EQ(h.shell.page(), Page::Home);
}

TEST_F(ShellMessagesTest, AReplyShowsWaitingThenOnceWhenThePlatformListsIt) {
  h.touch("messages");
  const std::string id = h.shell.messages().shown.conversations[0].id;
  h.touch("conversation-" + id);
  const size_t before = shown(h, id).size();
  h.touch("quick-thanks");
  ASSERT_EQ(net.queued.size(), 1u);
  EXPECT_EQ(net.queued[0].conversation_id, id);
  EXPECT_EQ(net.queued[0].text, "Danke");
  ASSERT_EQ(shown(h, id).size(), before + 1);
  EXPECT_TRUE(shown(h, id).back().waiting);
  EXPECT_EQ(shown(h, id).back().text, "Danke");

  // The outbox delivered it: no longer waiting, and the inbox is asked again.
  net.waiting = 0;
  h.frame();
  EXPECT_EQ(net.refreshes, 1);
  ASSERT_EQ(shown(h, id).size(), before + 1);
  EXPECT_FALSE(shown(h, id).back().waiting);

  // The platform lists it: shown once, as the platform's.
  InboxView listed = net.platform;
  listed.messages[id].push_back(testing::message("m-new", true, "Danke", 0));
  net.change(listed);
  h.frame();
  ASSERT_EQ(shown(h, id).size(), before + 1);
  EXPECT_EQ(shown(h, id).back().id, "m-new");
  EXPECT_TRUE(h.shell.messages().sent.empty());
}

TEST_F(ShellMessagesTest, TwoEqualRepliesStayTwoUntilThePlatformListsBoth) {
  h.touch("messages");
  const std::string id = h.shell.messages().shown.conversations[0].id;
  h.touch("conversation-" + id);
  const size_t before = shown(h, id).size();
  h.touch("quick-yes");
  h.touch("quick-yes");
  ASSERT_EQ(net.queued.size(), 2u);
  net.waiting = 0;
  InboxView listed = net.platform;
  listed.messages[id].push_back(testing::message("y1", true, "Ja", 0));
  net.change(listed);
  h.frame();
  ASSERT_EQ(shown(h, id).size(), before + 2) << "one listed, one still to come";
  listed.messages[id].push_back(testing::message("y2", true, "Ja", 0));
  net.change(listed);
  h.frame();
  ASSERT_EQ(shown(h, id).size(), before + 2);
  EXPECT_EQ(shown(h, id)[before].id, "y1");
  EXPECT_EQ(shown(h, id)[before + 1].id, "y2");
}

TEST_F(ShellMessagesTest, AReplyThatCannotBeQueuedGoesBackIntoItsField) {
  net.can_queue = false;
  h.touch("messages");
  const std::string id = h.shell.messages().shown.conversations[0].id;
  h.touch("conversation-" + id);
  h.touch("write");
  h.type(KeysKind::Letters, "morgen");
  h.touch("next");
  EXPECT_TRUE(net.queued.empty());
  const ThreadView& thread = h.shell.messages().thread;
  EXPECT_TRUE(thread.cannot_send);
  EXPECT_TRUE(thread.composing);
  ASSERT_TRUE(thread.reply);
  EXPECT_EQ(thread.reply->text(), "morgen") << "nothing typed is lost";
  // Once it can be queued, the same text goes.
  net.can_queue = true;
  h.touch("next");
  ASSERT_EQ(net.queued.size(), 1u);
  EXPECT_EQ(net.queued[0].text, "morgen");
  EXPECT_FALSE(h.shell.messages().thread.cannot_send);
}

TEST_F(ShellMessagesTest, ADayAndTimeProposedWithPicturesIsSentAsText) {
  h.touch("messages");
  const std::string id = h.shell.messages().shown.conversations[0].id;
  h.touch("conversation-" + id);
  h.touch("quick-day");
  ASSERT_EQ(h.shell.page(), Page::Propose);
  EXPECT_EQ(h.shell.controls().count("when-week"), 0u) << "a proposal names a day";
  h.touch("when-tomorrow");
  h.touch("part-evening");
  ASSERT_EQ(h.shell.messages().proposal.step(), RequestForm::Step::Review);
  h.touch("next");  // Send
  EXPECT_EQ(h.shell.page(), Page::Thread);
  ASSERT_EQ(net.queued.size(), 1u);
  EXPECT_EQ(net.queued[0].conversation_id, id);
  const i18n::CivilDate tomorrow =
      i18n::add_days(i18n::local_date(std::chrono::system_clock::now()), 1);
  const i18n::Localizer& s = h.ui.strings();
  const std::string& text = net.queued[0].text;
  EXPECT_TRUE(text.starts_with("📅 ")) << text;
  EXPECT_NE(text.find(s.formats().date(i18n::noon_of(tomorrow), i18n::DateStyle::Full)),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(part_label(s, "evening")), std::string::npos) << text;
  EXPECT_EQ(shown(h, id).back().text, text);
}

TEST_F(ShellMessagesTest, BackFromAProposalReturnsToTheThreadAndSendsNothing) {
  h.touch("messages");
  const std::string id = h.shell.messages().shown.conversations[0].id;
  h.touch("conversation-" + id);
  h.touch("quick-day");
  h.touch("when-today");
  h.touch("back");
  h.touch("back");
  EXPECT_EQ(h.shell.page(), Page::Thread);
  EXPECT_TRUE(net.queued.empty());
}

TEST_F(ShellMessagesTest, TheSessionsEndClosesTheInboxAndForgetsEverything) {
  h.touch("messages");
  const std::string id = h.shell.messages().shown.conversations[0].id;
  h.touch("conversation-" + id);
  h.touch("quick-yes");
  h.touch("end-session");
  EXPECT_EQ(h.shell.page(), Page::Attract);
  EXPECT_TRUE(net.closed);
  const MessageDesk& desk = h.shell.messages();
  EXPECT_TRUE(desk.shown.conversations.empty());
  EXPECT_TRUE(desk.fetched.messages.empty());
  EXPECT_TRUE(desk.sent.empty());
  EXPECT_TRUE(desk.read_up_to.empty());
  EXPECT_TRUE(desk.thread.conversation_id.empty());
  EXPECT_EQ(desk.seen, 0u);
  // The next person's inbox starts from nothing: the old one is not shown.
  net.opened_token.clear();
  log_in_home(h);
  EXPECT_EQ(net.opened_token, "tok");
}

}  // namespace
}  // namespace ih::kiosk
