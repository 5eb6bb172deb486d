// A worker thread with its own HttpClient, for the calls the UI needs answered
// (login, lists, messages) without blocking the frame loop: post() a job and
// poll the returned future with wait_for(0). Jobs run one at a time in order.
// Destroying the worker drops jobs that have not started and waits for the
// one running (bounded by the HTTP timeouts); their futures then report
// std::future_errc::broken_promise.
//
// `on_done`, when given, is called on the worker's thread after each job, once
// its future is ready, so that whoever waits for the answer can be told
// instead of polling (the kiosk wakes its frame loop). It must be quick and
// thread-safe.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>

#include "net/http_client.h"

namespace ih::net {

class Background {
 public:
  explicit Background(HttpConfig config, std::function<void()> on_done = {});
  ~Background();
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;

  template <typename Job>
  auto post(Job job) -> std::future<std::invoke_result_t<Job, HttpClient&>> {
    using Result = std::invoke_result_t<Job, HttpClient&>;
    auto task = std::make_shared<std::packaged_task<Result(HttpClient&)>>(std::move(job));
    auto future = task->get_future();
    {
      std::lock_guard lock(mutex_);
      jobs_.emplace_back([task](HttpClient& client) { (*task)(client); });
    }
    ready_.notify_one();
    return future;
  }

 private:
  void run();
  HttpConfig config_;
  std::function<void()> on_done_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void(HttpClient&)>> jobs_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace ih::net
