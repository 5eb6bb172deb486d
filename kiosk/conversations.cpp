#include "kiosk/conversations.h"

#include <algorithm>

#include "kiosk/wipe.h"

namespace ih::kiosk {

void sort_inbox(InboxView& inbox) {
  std::stable_sort(inbox.conversations.begin(), inbox.conversations.end(),
                   [](const Conversation& a, const Conversation& b) {
                     if ((a.unread > 0) != (b.unread > 0)) return a.unread > 0;
                     return a.updated_at > b.updated_at;
                   });
}

const ChatMessage* last_message(const InboxView& inbox, const std::string& conversation_id) {
  const auto it = inbox.messages.find(conversation_id);
  if (it == inbox.messages.end() || it->second.empty()) return nullptr;
  return &it->second.back();
}

int64_t unread_total(const InboxView& inbox) {
  int64_t total = 0;
  for (const Conversation& c : inbox.conversations) total += c.unread;
  return total;
}

void wipe(InboxView& inbox) {
  for (Conversation& c : inbox.conversations) {
    wipe(c.id);
    wipe(c.request_id);
    wipe(c.helper_name);
  }
  inbox.conversations.clear();
  inbox.conversations.shrink_to_fit();
  for (auto& [id, messages] : inbox.messages) {
    for (ChatMessage& m : messages) {
      wipe(m.id);
      wipe(m.text);
    }
  }
  inbox.messages.clear();
  inbox.loaded = false;
  inbox.failed = false;
}

}  // namespace ih::kiosk
