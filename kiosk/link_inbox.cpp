#include "kiosk/link_inbox.h"

#include "api/field_rules.h"
#include "kiosk/categories.h"
#include "kiosk/message_text.h"

namespace ih::kiosk {

std::string picture_of(std::string_view category) {
  const Category* known = find_category(category);
  return known ? known->picture : "❓";
}

ChatMessage to_kiosk(const net::MessageInfo& message) {
  SafeText text = safe_message(message.text, api::kMessageText.max_graphemes);
  return {
      .id = message.id,
      .mine = message.mine,
      .text = std::move(text.text),
      .cut = text.cut,
      .sent_at = message.sent_at,
      .read = message.read || message.mine,
  };
}

Conversation to_kiosk(const net::ConversationInfo& conversation) {
  return {
      .id = conversation.id,
      .request_id = conversation.request_id,
      .category = conversation.category,
      .picture = picture_of(conversation.category),
      .helper_name = safe_name(conversation.counterpart, api::kDisplayName.max_graphemes).text,
      .unread = std::max<int64_t>(0, conversation.unread),
      .updated_at = conversation.updated_at,
  };
}

InboxView to_kiosk(const net::InboxSnapshot& snapshot) {
  InboxView view;
  view.conversations.reserve(snapshot.conversations.size());
  for (const net::ConversationInfo& c : snapshot.conversations) {
    view.conversations.push_back(to_kiosk(c));
    const auto found = snapshot.messages.find(c.id);
    if (found == snapshot.messages.end()) continue;
    std::vector<ChatMessage>& out = view.messages[c.id];
    out.reserve(found->second.size());
    for (const net::MessageInfo& m : found->second) out.push_back(to_kiosk(m));
    int64_t unread = view.conversations.back().unread;
    for (auto m = out.rbegin(); m != out.rend(); ++m) {
      if (m->mine) continue;
      m->read = unread <= 0;
      --unread;
    }
  }
  sort_inbox(view);
  view.loaded = snapshot.loaded;
  view.failed = !snapshot.last_error.empty();
  return view;
}

}  // namespace ih::kiosk
