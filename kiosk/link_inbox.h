// The inbox's replies (net/inbox.h) in the kiosk's types (conversations.h),
// made safe on the way (message_text.h) with the platform's own lengths
// (api/field_rules.h): a message is cut at kMessageText's graphemes, a
// helper's name at kDisplayName's. Part of the link layer: the one place
// that sees both net/ and the kiosk's types.
//
// Pure functions; thread-safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "kiosk/conversations.h"
#include "kiosk/services.h"
#include "net/inbox.h"

namespace ih::kiosk {

// The picture of a request's category (an emoji sequence) by the API's
// category id; empty for one it does not know. (The category table of the
// request wizard binds this; default_picture() until it does.)
using PictureOf = std::function<std::string(std::string_view category)>;

// The picture of each of the API's categories, and ❓ for any other.
std::string default_picture(std::string_view category);

ChatMessage to_kiosk(const net::MessageInfo& message);
Conversation to_kiosk(const net::ConversationInfo& conversation, const PictureOf& picture);

// The whole snapshot, conversations sorted unread first (sort_inbox()).
// `failed` is set when the snapshot's last fetch did not work.
InboxView to_kiosk(const net::InboxSnapshot& snapshot, const PictureOf& picture = default_picture);

// The platform's lengths of a message, for the reply field (ThreadView).
FieldLimits message_limits();

}  // namespace ih::kiosk
