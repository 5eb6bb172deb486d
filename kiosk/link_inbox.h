// The inbox's replies (net/inbox.h) in the kiosk's types (conversations.h),
// made safe on the way (message_text.h) with the platform's own lengths
// (api/field_rules.h): a message is cut at kMessageText's graphemes, a
// helper's name at kDisplayName's. Part of the link layer: the one place
// that sees both net/ and the kiosk's types.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "kiosk/conversations.h"
#include "kiosk/services.h"
#include "net/inbox.h"

namespace ih::kiosk {

// The picture of a request's category (categories.h), ❓ for one the kiosk
// does not know.
std::string picture_of(std::string_view category);

ChatMessage to_kiosk(const net::MessageInfo& message);
Conversation to_kiosk(const net::ConversationInfo& conversation);

// The whole snapshot, conversations sorted unread first (sort_inbox()).
// `failed` is set when the snapshot's last fetch did not work. The newest
// `unread` of the helper's messages in each conversation are unread, the
// others read: the platform's count is the one truth (the Inbox fetches a
// message once, so its own flag is as old as that fetch).
InboxView to_kiosk(const net::InboxSnapshot& snapshot);

}  // namespace ih::kiosk
