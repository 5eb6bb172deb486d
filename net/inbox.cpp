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

bool same(const std::vector<ConversationInfo>& a, const std::vector<ConversationInfo>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const ConversationInfo& x, const ConversationInfo& y) {
                      return x.id == y.id && x.request_id == y.request_id &&
                             x.category == y.category && x.counterpart == y.counterpart &&
                             x.unread == y.unread && x.updated_at == y.updated_at;
                    });
}

}  // namespace

Inbox::Inbox(HttpConfig config, Caller caller, std::chrono::milliseconds interval,
             std::function<void()> on_change)
    : config_(std::move(config)),
      caller_(std::move(caller)),
      interval_(interval),
      on_change_(std::move(on_change)) {
  config_.cancel = &cancel_;
  thread_ = std::thread([this] { run(); });
}

Inbox::~Inbox() {
  cancel_ = true;
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

uint64_t Inbox::version() const {
  std::lock_guard lock(mutex_);
  return version_;
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
    if (fetch(client) && on_change_) on_change_();
    std::unique_lock lock(mutex_);
    wakeup_.wait_for(lock, interval_, [&] { return stopping_ || refresh_; });
    if (stopping_) return;
    refresh_ = false;
  }
}

bool Inbox::fetch(HttpClient& client) {
  std::vector<ConversationInfo> conversations;
  std::string cursor;
  for (int page = 0; page < kMaxPages; ++page) {
    auto result = list_conversations(client, caller_, cursor);
    if (!result.ok()) return failed(error_of(result.transport, result.status));
    for (auto& c : result.value->items) conversations.push_back(std::move(c));
    cursor = result.value->next_cursor;
    if (cursor.empty()) break;
  }
  std::stable_sort(conversations.begin(), conversations.end(),
                   [](const ConversationInfo& a, const ConversationInfo& b) {
                     return (a.unread > 0) > (b.unread > 0);
                   });
  // New messages and where each conversation's next fetch starts, taken
  // together only when every call worked: a cursor never moves past
  // messages that were not kept.
  std::map<std::string, std::vector<MessageInfo>> fresh;
  std::map<std::string, std::string> cursors;
  for (const ConversationInfo& c : conversations) {
    std::string after = cursors_[c.id];  // the fetching thread's own
    for (int page = 0; page < kMaxPages; ++page) {
      auto result = list_messages(client, caller_, c.id, after);
      if (!result.ok()) {
        for (auto& [id, list] : fresh)
          for (MessageInfo& m : list) wipe(m.text);
        for (ConversationInfo& other : conversations) wipe(other.counterpart);
        return failed(error_of(result.transport, result.status));
      }
      const bool more = !result.value->items.empty();
      for (auto& m : result.value->items) fresh[c.id].push_back(std::move(m));
      after = result.value->next_cursor;
      if (!more) break;
    }
    cursors[c.id] = std::move(after);
  }
  for (auto& [id, after] : cursors) cursors_[id] = std::move(after);
  std::lock_guard lock(mutex_);
  const bool changed = !fresh.empty() || !state_.loaded || !state_.last_error.empty() ||
                       !same(state_.conversations, conversations);
  for (ConversationInfo& old : state_.conversations) wipe(old.counterpart);
  state_.conversations = std::move(conversations);
  for (auto& [id, list] : fresh) {
    auto& mine = state_.messages[id];
    for (auto& m : list) mine.push_back(std::move(m));
  }
  state_.loaded = true;
  state_.last_error.clear();
  if (changed) ++version_;
  return changed;
}

bool Inbox::failed(std::string error) {
  std::lock_guard lock(mutex_);
  if (state_.last_error == error) return false;
  state_.last_error = std::move(error);
  ++version_;
  return true;
}

}  // namespace ih::net
