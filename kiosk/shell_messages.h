// The shell's state for a person's conversations with helpers: the inbox as
// the link last fetched it, what this session knows that the platform may not
// show yet (replies still in the outbox, messages the person has seen), and
// the "My messages" pages' own state. The shell (shell.h) owns one and wipes
// it at the end of every session; shell_messages.cpp applies the message
// pages' actions and polls.
//
// The pages draw `shown`: the fetched inbox with the session's replies added
// at the end of their conversation (ChatMessage::waiting while the outbox
// holds them) and the session's read marks applied. A reply leaves `sent`
// once the platform lists it, so it is never shown twice nor missing.
//
// Not thread-safe: the UI thread owns it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/conversations.h"
#include "kiosk/screens/conversations.h"
#include "kiosk/screens/request_wizard.h"
#include "kiosk/screens/thread.h"

namespace ih::kiosk {

// A reply of this session, from the moment it is in the outbox.
struct SentReply {
  uint64_t number = 0;  // in the order sent; makes its id in `shown` ("sent-3")
  std::string conversation_id;
  std::string text;        // personal
  int64_t sent_at = 0;     // Unix seconds, the terminal's clock
  bool delivered = false;  // left the outbox (the platform has it, or refused it)
  // How many of its conversation's messages had been fetched when it was
  // sent: the platform's copy of it can only come after those.
  size_t fetched_before = 0;
};

struct MessageDesk {
  InboxView fetched;  // as the link gave it last
  uint64_t seen = 0;  // the link's count of changes when it did
  std::vector<SentReply> sent;
  uint64_t sent_count = 0;
  // Per conversation, the newest message the person has seen here.
  std::map<std::string, std::string> read_up_to;
  // Per conversation, how many fetched messages stand for replies already
  // matched (compose()).
  std::map<std::string, size_t> claimed;
  InboxView shown;  // what the pages draw (compose())
  ConversationList list;
  ThreadView thread;
  RequestForm proposal;  // a day and time proposed in the thread
};

// Marks the session's replies delivered that the outbox no longer holds:
// `waiting` of the person's messages wait there now, and an outbox lane
// delivers in order, so every reply but the newest `waiting` has left it.
// True if one changed.
bool note_waiting(MessageDesk& desk, int64_t waiting);

// Makes desk.shown from desk.fetched and what the session knows; drops the
// delivered replies that the fetched inbox lists.
void compose(MessageDesk& desk);

// Overwrites everything personal the desk holds; it is as new after.
void wipe(MessageDesk& desk);

}  // namespace ih::kiosk
