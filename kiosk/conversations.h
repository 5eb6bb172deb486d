// A person's conversations with helpers, as the "My messages" pages show
// them: the kiosk's own plain types, filled by the link from net/'s inbox
// (link_inbox.h) and read by screens/conversations.h and screens/thread.h.
//
// Every text here came from the server and has been made safe on the way in
// (message_text.h): a page may lay it out and draw it as it is. It is
// personal: held in memory only while the person is logged in, overwritten by
// wipe() when the session ends, never logged.
//
// Plain data; not shared between threads (the link hands over a copy).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ih::kiosk {

// One message of a conversation.
struct ChatMessage {
  std::string id;
  bool mine = false;     // the person wrote it (on this or another terminal)
  std::string text;      // safe_message(): well-formed, no bidi controls, cut to the limit
  bool cut = false;      // the server sent more than the platform's limit
  int64_t sent_at = 0;   // Unix seconds
  bool read = false;     // the person has seen it (their own count as seen)
  bool waiting = false;  // their own, queued on this terminal, not on the platform yet
};

// A conversation with one helper about one request.
struct Conversation {
  std::string id;
  std::string request_id;
  std::string category;     // the API's category id ("doctor", "housing", …)
  std::string picture;      // the category's picture, an emoji sequence
  std::string helper_name;  // safe_name(): one line, at most the platform's name length
  int64_t unread = 0;       // messages the person has not read
  int64_t updated_at = 0;   // Unix seconds of the last message
};

// Everything "My messages" shows, as one snapshot.
struct InboxView {
  // Unread conversations first, then the most recently active (sort_inbox()).
  std::vector<Conversation> conversations;
  // Each conversation's messages, oldest first, by conversation id.
  std::map<std::string, std::vector<ChatMessage>> messages;
  bool loaded = false;  // one full fetch has completed
  bool failed = false;  // the last fetch did not work (offline, refused)
};

// Puts unread conversations first, then the most recently active, keeping
// the order of equals.
void sort_inbox(InboxView& inbox);

// The conversation's newest message, or null.
const ChatMessage* last_message(const InboxView& inbox, const std::string& conversation_id);

// Unread messages in all conversations: for the home page's "My messages" tile.
int64_t unread_total(const InboxView& inbox);

// Overwrites every text of `inbox` before freeing it: the end of a session.
void wipe(InboxView& inbox);

// A reply the person sent: typed, or a quick reply's text. Personal: the
// shell overwrites it once it is queued.
struct OutgoingMessage {
  std::string conversation_id;
  std::string text;
};

// The person has seen a conversation up to and including message `up_to`.
struct ReadMark {
  std::string conversation_id;
  std::string up_to;
};

}  // namespace ih::kiosk
