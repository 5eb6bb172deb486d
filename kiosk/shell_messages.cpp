// The shell's part in conversations with helpers: starting and ending the
// inbox with the session, queueing replies, telling what was read, and
// composing what the pages show from what was fetched and what the session
// knows.
#include "kiosk/shell_messages.h"

#include <algorithm>
#include <chrono>

#include "kiosk/shell.h"
#include "kiosk/wipe.h"

namespace ih::kiosk {

namespace {

int64_t unix_seconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

// Applies the session's read mark to one conversation: the helper's messages
// up to `up_to` are read, and the unread count is at most those after it.
void apply_read(Conversation& c, std::vector<ChatMessage>& messages, const std::string& up_to) {
  const auto mark = std::find_if(messages.begin(), messages.end(),
                                 [&](const ChatMessage& m) { return m.id == up_to; });
  if (mark == messages.end()) return;
  for (auto m = messages.begin(); m != mark + 1; ++m) m->read = true;
  const int64_t after =
      std::count_if(mark + 1, messages.end(), [](const ChatMessage& m) { return !m.mine; });
  c.unread = std::min(c.unread, after);
}

}  // namespace

bool note_waiting(MessageDesk& desk, int64_t waiting) {
  // Oldest first: the outbox delivers a lane in order, and what waits of
  // earlier sessions is older still.
  int64_t still = std::max<int64_t>(0, waiting);
  bool changed = false;
  for (auto r = desk.sent.rbegin(); r != desk.sent.rend(); ++r) {
    if (r->delivered) continue;
    if (still > 0) {
      --still;
      continue;
    }
    r->delivered = true;
    changed = true;
  }
  return changed;
}

void compose(MessageDesk& desk) {
  // A delivered reply that the platform lists is shown as the platform's:
  // the first of the person's messages with its text that the inbox fetched
  // after it was sent and that no earlier reply stands for. (The inbox only
  // adds messages at the end, in the platform's order, which is the order
  // the outbox delivered them in.)
  for (auto r = desk.sent.begin(); r != desk.sent.end();) {
    std::optional<size_t> listed;
    const auto found = desk.fetched.messages.find(r->conversation_id);
    if (r->delivered && found != desk.fetched.messages.end()) {
      const std::vector<ChatMessage>& messages = found->second;
      size_t& claimed = desk.claimed[r->conversation_id];
      for (size_t i = std::max(r->fetched_before, claimed); i < messages.size() && !listed; ++i)
        if (messages[i].mine && messages[i].text == r->text) listed = i;
      if (listed) claimed = *listed + 1;
    }
    if (listed) {
      wipe(r->conversation_id);
      wipe(r->text);
      r = desk.sent.erase(r);
    } else {
      ++r;
    }
  }

  wipe(desk.shown);
  desk.shown = desk.fetched;
  for (Conversation& c : desk.shown.conversations) {
    std::vector<ChatMessage>& messages = desk.shown.messages[c.id];
    if (const auto read = desk.read_up_to.find(c.id); read != desk.read_up_to.end())
      apply_read(c, messages, read->second);
    for (const SentReply& r : desk.sent) {
      if (r.conversation_id != c.id) continue;
      messages.push_back({.id = "sent-" + std::to_string(r.number),
                          .mine = true,
                          .text = r.text,
                          .sent_at = r.sent_at,
                          .read = true,
                          .waiting = !r.delivered});
      c.updated_at = std::max(c.updated_at, r.sent_at);
    }
  }
  sort_inbox(desk.shown);
}

void wipe(MessageDesk& desk) {
  wipe(desk.fetched);
  wipe(desk.shown);
  for (SentReply& r : desk.sent) {
    wipe(r.conversation_id);
    wipe(r.text);
  }
  desk.sent.clear();
  desk.sent.shrink_to_fit();
  for (auto& [id, up_to] : desk.read_up_to) wipe(up_to);
  desk.read_up_to.clear();
  desk.claimed.clear();
  desk.seen = 0;
  desk.sent_count = 0;
  desk.list = {};
  wipe(desk.thread);
  desk.proposal.wipe();
}

void Shell::start_inbox() {
  const MessageServices& services = options_.accounts.messages;
  if (!services.open || session_.token.empty()) return;
  services.open({session_.personal_code, session_.token, session_.lane, {}});
}

void Shell::open_messages() {
  messages_.list = {};
  stack_.push_back(Page::Messages);
}

void Shell::open_conversation(const std::string& id) {
  open_thread(messages_.thread, id);
  messages_.thread.reply_limits = options_.accounts.rules.message_text.limits;
  stack_.push_back(Page::Thread);
}

void Shell::propose_day() {
  messages_.proposal.start_proposal();
  stack_.push_back(Page::Propose);
}

void Shell::send_message(Action& action) {
  OutgoingMessage& m = action.get<OutgoingMessage>();
  if (page() == Page::Propose) {
    // The proposal goes to the thread it was made in, which shows again.
    m.conversation_id = messages_.thread.conversation_id;
    messages_.proposal.wipe();
    stack_.pop_back();
  }
  const MessageServices& services = options_.accounts.messages;
  bool queued = false;
  if (services.send) {
    PersonSession person{session_.personal_code, session_.token, session_.lane, {}};
    queued = services.send(person, m);
    wipe(person);
  }
  if (!queued) {
    // Nothing typed is lost: the reply goes back into its field.
    cannot_send(messages_.thread, m.text);
    return;
  }
  // In the outbox: only now is it shown, waiting until the platform has it.
  const auto fetched = messages_.fetched.messages.find(m.conversation_id);
  messages_.sent.push_back({
      .number = ++messages_.sent_count,
      .conversation_id = m.conversation_id,
      .text = m.text,
      .sent_at = unix_seconds(options_.accounts.requests.wall_clock()),
      .fetched_before = fetched == messages_.fetched.messages.end() ? 0 : fetched->second.size(),
  });
  compose(messages_);
}

void Shell::mark_read(const ReadMark& mark) {
  messages_.read_up_to[mark.conversation_id] = mark.up_to;
  compose(messages_);
  const MessageServices& services = options_.accounts.messages;
  if (!services.mark_read || session_.token.empty()) return;
  PersonSession person{session_.personal_code, session_.token, session_.lane, {}};
  services.mark_read(person, mark);
  wipe(person);
}

void Shell::poll_messages(ScreenFrame& frame) {
  const MessageServices& services = options_.accounts.messages;
  if (session_.token.empty()) return;
  bool changed = false;
  if (services.inbox) {
    if (std::optional<InboxView> fresh = services.inbox(messages_.seen)) {
      wipe(messages_.fetched);
      messages_.fetched = std::move(*fresh);
      changed = true;
    }
  }
  // Replies wait in the outbox only while there are some: the outbox is
  // asked then, and a reply that left it makes the inbox fetch at once.
  const bool waiting = std::any_of(messages_.sent.begin(), messages_.sent.end(),
                                   [](const SentReply& r) { return !r.delivered; });
  if (waiting && services.waiting) {
    PersonSession person{session_.personal_code, session_.token, session_.lane, {}};
    if (note_waiting(messages_, services.waiting(person))) {
      changed = true;
      if (services.refresh) services.refresh();
    }
    wipe(person);
  }
  if (changed) {
    compose(messages_);
    frame.ui.needs_frame = true;
  }
}

std::optional<Action> Shell::draw_message_page(PageContext& c) {
  const auto now = options_.accounts.requests.wall_clock();
  switch (page()) {
    case Page::Messages:
      return draw_conversations(c, messages_.shown, messages_.list);
    case Page::Propose:
      return messages_.proposal.draw(c, keys_, options_.settings, i18n::local_date(now));
    default:
      return draw_thread(c, messages_.shown, messages_.thread, keys_, now);
  }
}

}  // namespace ih::kiosk
