// The inbox's replies as the server sends them, through net/'s parsers, into
// the kiosk's types (kiosk/link_inbox.h): made safe, cut to the platform's
// limits, sorted unread first, each with its category's picture.
#include "kiosk/link_inbox.h"

#include <gtest/gtest.h>

#include "api/field_rules.h"
#include "kiosk/categories.h"
#include "net/replies.h"

namespace ih::kiosk {
namespace {

TEST(LinkInbox, ARepliedConversationComesOutSafeSortedAndWithItsPicture) {
  const auto conversations = net::parse_conversation_page(
      R"({"items":[{"id":"a","request_id":"r1","category":"housing","counterpart":"Olena",)"
      R"("unread":0,"updated_at":"2026-11-28T12:00:00Z"},)"
      R"({"id":"b","request_id":"r2","category":"doctor","counterpart":"\u202eAnna\u202c\u0000",)"
      R"("unread":3,"updated_at":"2026-11-28T10:00:00Z"},)"
      R"({"id":"c","request_id":"r3","category":"no_such_thing","counterpart":"X",)"
      R"("unread":0,"updated_at":"2026-11-28T11:00:00Z"}]})");
  ASSERT_TRUE(conversations);
  const auto messages = net::parse_message_page(
      R"({"items":[{"id":"7","mine":false,"text":"\u2067\u0627\u0644\u0633\u0644\u0627\u0645\u2069\u0001",)"
      R"("sent_at":"2026-01-02T03:04:05Z","read":false},)"
      R"({"id":"8","mine":true,"text":"ok","sent_at":"2026-01-02T03:05:05Z","read":false}],)"
      R"("next_cursor":"x"})");
  ASSERT_TRUE(messages);
  net::InboxSnapshot snapshot;
  snapshot.conversations = conversations->items;
  snapshot.messages["b"] = messages->items;
  snapshot.loaded = true;

  const InboxView view = to_kiosk(snapshot);
  ASSERT_EQ(view.conversations.size(), 3u);
  EXPECT_EQ(view.conversations[0].id, "b") << "unread first";
  EXPECT_EQ(view.conversations[1].id, "a") << "then the newest";
  EXPECT_EQ(view.conversations[2].id, "c");
  EXPECT_EQ(view.conversations[0].helper_name, "Anna");
  EXPECT_EQ(view.conversations[0].picture, "🩺");
  EXPECT_EQ(view.conversations[1].picture, "🏠");
  EXPECT_EQ(view.conversations[2].picture, "❓");
  const std::vector<ChatMessage>& b = view.messages.at("b");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].text, "السلام");
  EXPECT_FALSE(b[0].read);
  EXPECT_TRUE(b[1].read) << "the person's own messages are read";
  EXPECT_TRUE(view.loaded);
  EXPECT_FALSE(view.failed);
  EXPECT_EQ(unread_total(view), 3);
}

TEST(LinkInbox, AMessageLongerThanThePlatformTakesIsCutAndSaysSo) {
  net::MessageInfo huge{"1", false, std::string(100 * 1024, 'x'), 0, false};
  const ChatMessage m = to_kiosk(huge);
  EXPECT_TRUE(m.cut);
  EXPECT_EQ(m.text.size(), static_cast<size_t>(api::kMessageText.max_graphemes));
}

TEST(LinkInbox, EachCategorysPictureComesFromTheCategoryTable) {
  for (const Category& category : categories().items) {
    const net::ConversationInfo info{"c", "r", category.id, "N", 0, 0};
    EXPECT_EQ(to_kiosk(info).picture, category.picture) << category.id;
  }
  EXPECT_EQ(picture_of("\u202e"), "❓");
}

TEST(LinkInbox, ThePlatformsUnreadCountSaysWhichOfTheHelpersMessagesAreUnread) {
  // The Inbox fetched all four while none was read; since then the person
  // read up to the second, and the platform counts one unread.
  net::InboxSnapshot snapshot;
  snapshot.conversations = {{"a", "r", "doctor", "Yonas", 1, 0}};
  snapshot.messages["a"] = {{"1", false, "one", 1, false},
                            {"2", false, "two", 2, false},
                            {"3", true, "mine", 3, false},
                            {"4", false, "four", 4, false}};
  // Messages of a conversation the platform no longer lists are not shown.
  snapshot.messages["gone"] = {{"9", false, "old", 1, false}};
  const InboxView view = to_kiosk(snapshot);
  const std::vector<ChatMessage>& a = view.messages.at("a");
  EXPECT_TRUE(a[0].read);
  EXPECT_TRUE(a[1].read);
  EXPECT_TRUE(a[2].read);
  EXPECT_FALSE(a[3].read);
  EXPECT_FALSE(view.messages.contains("gone"));
}

TEST(LinkInbox, AFailedFetchIsShownAsFailed) {
  net::InboxSnapshot snapshot;
  snapshot.last_error = "offline";
  EXPECT_TRUE(to_kiosk(snapshot).failed);
}

}  // namespace
}  // namespace ih::kiosk
