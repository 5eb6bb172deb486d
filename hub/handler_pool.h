// Threads that run the hub's handlers for the HTTP server's event loop
// (server.h). A handler may wait — for a PIN-hash slot (pin_gate.h), for
// SQLite's write lock — and while it does it holds one of these threads, never
// the loop that reads and writes every other connection. Thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ih::hub {

class HandlerPool {
 public:
  // Called with true on a pool thread; or with false, on the caller of stop()
  // or submit(), when the pool stopped before its turn, so that it can still
  // release what it holds (the server resumes its connection).
  using Job = std::function<void(bool run)>;

  explicit HandlerPool(size_t threads);
  ~HandlerPool();
  HandlerPool(const HandlerPool&) = delete;
  HandlerPool& operator=(const HandlerPool&) = delete;

  void submit(Job job);
  // Lets running jobs end, calls the queued ones with false, and joins the
  // threads. Idempotent.
  void stop();

 private:
  void work();
  std::mutex mutex_;
  std::condition_variable queued_;
  std::deque<Job> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace ih::hub
