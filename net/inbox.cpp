#include "net/inbox.h"

#include <sodium.h>

#include <algorithm>

namespace ih::net {
namespace {

// Pages followed per fetch: enough for any one person, and a bound on what a
// misbehaving server can make the terminal hold.
constexpr int kMaxPages = 20;

void wipe(std::string& text) {
  if (!text.empty()) sodium_memzero(text.data(), text.size());
  text.clear();
}

std::string error_of(Transport transport, long status) {
  return transport != Transport::Ok ? transport_name(transport)
                                    : "server answered " + std::to_string(status);
}

}  // namespace

Inbox::Inbox(HttpConfig config, Caller caller, std::chrono::milliseconds interval)
    : config_(std::move(config)), caller_(std::move(caller)), interval_(interval) {
  thread_ = std::thread([this] { run(); });
}

Inbox::~Inbox() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wakeup_.notify_all();
  thread_.join();
  for (auto& [id, list] : state_.messages) {
    for (MessageInfo& m : list) wipe(m.text);
  }
  for (ConversationInfo& c : state_.conversations) wipe(c.counterpart);
  wipe(caller_.session_token);
}

InboxSnapshot Inbox::snapshot() const {
  std::lock_guard lock(mutex_);
  return state_;
}

void Inbox::refresh() {
  {
    std::lock_guard lock(mutex_);
    refresh_ = true;
  }
  wakeup_.notify_all();
}

void Inbox::run() {
  HttpClient client(config_);
  while (true) {
    fetch(client);
    std::unique_lock lock(mutex_);
    wakeup_.wait_for(lock, interval_, [&] { return stopping_ || refresh_; });
    if (stopping_) return;
    refresh_ = false;
  }
}

void Inbox::fetch(HttpClient& client) {
  std::vector<ConversationInfo> conversations;
  std::string cursor;
  for (int page = 0; page < kMaxPages; ++page) {
    auto result = list_conversations(client, caller_, cursor);
    if (!result.ok()) {
      std::lock_guard lock(mutex_);
      state_.last_error = error_of(result.transport, result.status);
      return;
    }
    for (auto& c : result.value->items) conversations.push_back(std::move(c));
    cursor = result.value->next_cursor;
    if (cursor.empty()) break;
  }
  std::stable_sort(conversations.begin(), conversations.end(),
                   [](const ConversationInfo& a, const ConversationInfo& b) {
                     return (a.unread > 0) > (b.unread > 0);
                   });
  std::map<std::string, std::vector<MessageInfo>> fresh;
  for (const ConversationInfo& c : conversations) {
    std::string after;
    {
      std::lock_guard lock(mutex_);
      after = cursors_[c.id];
    }
    for (int page = 0; page < kMaxPages; ++page) {
      auto result = list_messages(client, caller_, c.id, after);
      if (!result.ok()) {
        std::lock_guard lock(mutex_);
        state_.last_error = error_of(result.transport, result.status);
        return;
      }
      const bool more = !result.value->items.empty();
      for (auto& m : result.value->items) fresh[c.id].push_back(std::move(m));
      after = result.value->next_cursor;
      if (!more) break;
    }
    std::lock_guard lock(mutex_);
    cursors_[c.id] = after;
  }
  std::lock_guard lock(mutex_);
  for (ConversationInfo& old : state_.conversations) wipe(old.counterpart);
  state_.conversations = std::move(conversations);
  for (auto& [id, list] : fresh) {
    auto& mine = state_.messages[id];
    for (auto& m : list) mine.push_back(std::move(m));
  }
  state_.loaded = true;
  state_.last_error.clear();
}

}  // namespace ih::net
