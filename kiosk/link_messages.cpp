// The Link's part in a person's conversations: an Inbox that fetches them
// while the person is logged in, replies queued into the outbox (works
// offline), and read marks told to the platform.
#include <algorithm>
#include <chrono>

#include "kiosk/link.h"
#include "kiosk/link_inbox.h"
#include "kiosk/link_support.h"
#include "kiosk/wipe.h"
#include "net/api_client.h"
#include "net/log.h"

namespace ih::kiosk {

namespace {

// The snapshot's copy of the person's messages, overwritten once converted.
void wipe_snapshot(net::InboxSnapshot& snapshot) {
  for (net::ConversationInfo& c : snapshot.conversations) wipe(c.counterpart);
  for (auto& [id, messages] : snapshot.messages)
    for (net::MessageInfo& m : messages) wipe(m.text);
}

}  // namespace

void Link::open_inbox(const PersonSession& session) {
  poll_enrolment();
  close_inbox();
  if (!identity_ || session.token.empty()) return;
  inbox_ = std::make_shared<net::Inbox>(net::pinned_config(http(), *identity_),
                                        net::Caller{identity_->credential(), session.token},
                                        config_.inbox_every, [this] { changed(); });
}

std::optional<InboxView> Link::inbox(uint64_t& seen) {
  if (!inbox_) return std::nullopt;
  const uint64_t now = inbox_->version();
  if (now == seen) return std::nullopt;
  net::InboxSnapshot snapshot = inbox_->snapshot();
  seen = now;
  InboxView view = to_kiosk(snapshot);
  wipe_snapshot(snapshot);
  return view;
}

bool Link::send_message(const PersonSession& session, const OutgoingMessage& m) {
  poll_enrolment();
  if (!identity_) return false;
  net::PersonSession person = to_net(session);
  const bool queued =
      net::queue_message(*outbox_, *identity_, person, m.conversation_id, m.text, Link::unix_now());
  wipe_net(person);
  if (queued) engine_->wake();
  return queued;
}

int64_t Link::messages_waiting(const PersonSession& session) {
  const std::vector<net::EntryKind> kinds = outbox_->waiting_in_lane(session.lane);
  return std::count(kinds.begin(), kinds.end(), net::EntryKind::Message);
}

void Link::mark_read(const PersonSession& session, const ReadMark& mark) {
  if (!identity_ || session.token.empty()) return;
  // Once the platform has it, the inbox fetches the new counts at once.
  (void)worker_->post([caller = net::Caller{identity_->credential(), session.token}, mark,
                       inbox = std::weak_ptr<net::Inbox>(inbox_)](net::HttpClient& client) mutable {
    const auto result = net::mark_read(client, caller, mark.conversation_id, mark.up_to);
    wipe(caller.session_token);
    if (!result.ok()) {
      // Not kept: the thread marks it again when it is next opened.
      net::log(net::LogLevel::Info, "mark read: no answer");
      return;
    }
    if (const auto open = inbox.lock()) open->refresh();
  });
}

void Link::refresh_inbox() {
  if (inbox_) inbox_->refresh();
}

void Link::close_inbox() {
  // Destroying the Inbox stops its thread and overwrites what it held. A
  // read mark in flight may hold it a moment longer; it wipes it the same.
  inbox_.reset();
}

MessageServices Link::message_services() {
  MessageServices s;
  s.open = [this](const PersonSession& p) { open_inbox(p); };
  s.inbox = [this](uint64_t& seen) { return inbox(seen); };
  s.send = [this](const PersonSession& p, const OutgoingMessage& m) { return send_message(p, m); };
  s.waiting = [this](const PersonSession& p) { return messages_waiting(p); };
  s.mark_read = [this](const PersonSession& p, const ReadMark& m) { mark_read(p, m); };
  s.refresh = [this] { refresh_inbox(); };
  s.close = [this] { close_inbox(); };
  return s;
}

}  // namespace ih::kiosk
