// "My messages": the person's conversations with helpers, unread ones first
// (InboxView's order, sort_inbox()). Each row shows the request's picture,
// the helper's first name, the beginning of the last message and, when there
// are unread messages, how many in a badge; the whole row is one touch target
// that opens the thread (Action::OpenConversation). The list scrolls
// by dragging when it holds more than the screen.
//
// Controls: "back", "conversation-<id>".
//
// Not thread-safe: the UI thread owns the ConversationList (the shell does).
#pragma once

#include <optional>

#include "kiosk/action.h"
#include "kiosk/conversations.h"
#include "kiosk/screens/page.h"

namespace ih::kiosk {

// The list page's own state.
struct ConversationList {
  float offset = 0;  // pixels scrolled
};

std::optional<Action> draw_conversations(PageContext& c, const InboxView& inbox,
                                         ConversationList& list);

}  // namespace ih::kiosk
