// A logged-in person's conversations and messages, fetched on a thread of its
// own for as long as their session lasts, and kept in memory only: nothing of
// it touches the disk. Destroying the Inbox (when the session ends) wipes
// the texts it held. snapshot() and version() may be called from any thread,
// e.g. the UI's once per frame: version() is cheap, so a caller copies the
// snapshot only when it changed.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "net/api_client.h"
#include "net/http_client.h"

namespace ih::net {

struct InboxSnapshot {
  // Conversations with unread messages first, then the most recently active.
  std::vector<ConversationInfo> conversations;
  // Each conversation's messages, oldest first, by conversation id.
  std::map<std::string, std::vector<MessageInfo>> messages;
  bool loaded = false;     // one full fetch has completed
  std::string last_error;  // a category; empty after a successful fetch
};

class Inbox {
 public:
  // `on_change` is called on the Inbox's thread after a fetch changed what
  // snapshot() returns (new messages, counts, a fetch failing or working
  // again); it must be quick and thread-safe.
  Inbox(HttpConfig config, Caller caller, std::chrono::milliseconds interval,
        std::function<void()> on_change = {});
  ~Inbox();
  Inbox(const Inbox&) = delete;
  Inbox& operator=(const Inbox&) = delete;

  InboxSnapshot snapshot() const;
  // Counts the changes of snapshot(): 0 before the first fetch ends.
  uint64_t version() const;
  // Fetch now rather than at the next interval (after sending a message).
  void refresh();

 private:
  void run();
  // True when what snapshot() returns changed.
  bool fetch(HttpClient& client);
  // Keeps why a fetch failed; true when that is news.
  bool failed(std::string error);

  HttpConfig config_;
  // Set when the Inbox is destroyed: a fetch in progress ends at once
  // rather than at its timeout, so a session's end never waits for it.
  std::atomic<bool> cancel_{false};
  Caller caller_;
  std::chrono::milliseconds interval_;
  std::function<void()> on_change_;
  mutable std::mutex mutex_;
  std::condition_variable wakeup_;
  bool stopping_ = false;
  bool refresh_ = false;
  InboxSnapshot state_;
  uint64_t version_ = 0;
  // Per conversation, where new messages start; the fetching thread's alone.
  std::map<std::string, std::string> cursors_;
  std::thread thread_;
};

}  // namespace ih::net
