#include "kiosk/link_inbox.h"

#include "api/field_rules.h"
#include "kiosk/message_text.h"

namespace ih::kiosk {

std::string default_picture(std::string_view category) {
  struct Entry {
    std::string_view category;
    std::string_view picture;
  };
  // The API's categories (api/openapi.yaml), each a picture people know from
  // their phones.
  static constexpr Entry kPictures[] = {
      {"authority", "🏛️"},
      {"language_tandem", "🗣️"},
      {"doctor", "🩺"},
      {"interpreting", "💬"},
      {"housing", "🏠"},
      {"legal_advice", "⚖️"},
      {"school_childcare", "🎒"},
      {"work_applications", "💼"},
      {"clothes", "👕"},
      {"furniture_household", "🛋️"},
      {"mobility", "🚲"},
      {"leisure_sport", "⚽"},
      {"other", "❓"},
  };
  for (const Entry& e : kPictures)
    if (e.category == category) return std::string(e.picture);
  return "❓";
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

Conversation to_kiosk(const net::ConversationInfo& conversation, const PictureOf& picture) {
  std::string shown = picture ? picture(conversation.category) : std::string();
  // A picture is one short emoji sequence from our own table; anything else
  // is not shown as one.
  if (shown.empty() || shown.size() > 32) shown = default_picture(conversation.category);
  return {
      .id = conversation.id,
      .request_id = conversation.request_id,
      .category = conversation.category,
      .picture = std::move(shown),
      .helper_name = safe_name(conversation.counterpart, api::kDisplayName.max_graphemes).text,
      .unread = std::max<int64_t>(0, conversation.unread),
      .updated_at = conversation.updated_at,
  };
}

InboxView to_kiosk(const net::InboxSnapshot& snapshot, const PictureOf& picture) {
  InboxView view;
  view.conversations.reserve(snapshot.conversations.size());
  for (const net::ConversationInfo& c : snapshot.conversations)
    view.conversations.push_back(to_kiosk(c, picture));
  for (const auto& [id, messages] : snapshot.messages) {
    std::vector<ChatMessage>& out = view.messages[id];
    out.reserve(messages.size());
    for (const net::MessageInfo& m : messages) out.push_back(to_kiosk(m));
  }
  sort_inbox(view);
  view.loaded = snapshot.loaded;
  view.failed = !snapshot.last_error.empty();
  return view;
}

FieldLimits message_limits() {
  return {api::kMessageText.min_graphemes, api::kMessageText.max_graphemes,
          api::kMessageText.max_bytes};
}

}  // namespace ih::kiosk
