// A logged-in person's conversations and messages, fetched on a thread of its
// own for as long as their session lasts, and kept in memory only: nothing of
// it touches the disk. Destroying the Inbox (when the session ends) wipes
// the texts it held. snapshot() may be called from any thread, e.g. the UI's
// once per frame.
#pragma once

#include <chrono>
#include <condition_variable>
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
  Inbox(HttpConfig config, Caller caller, std::chrono::milliseconds interval);
  ~Inbox();
  Inbox(const Inbox&) = delete;
  Inbox& operator=(const Inbox&) = delete;

  InboxSnapshot snapshot() const;
  // Fetch now rather than at the next interval (after sending a message).
  void refresh();

 private:
  void run();
  void fetch(HttpClient& client);

  HttpConfig config_;
  Caller caller_;
  std::chrono::milliseconds interval_;
  mutable std::mutex mutex_;
  std::condition_variable wakeup_;
  bool stopping_ = false;
  bool refresh_ = false;
  InboxSnapshot state_;
  std::map<std::string, std::string> cursors_;  // per conversation: where new messages start
  std::thread thread_;
};

}  // namespace ih::net
