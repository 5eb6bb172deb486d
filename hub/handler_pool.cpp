#include "hub/handler_pool.h"

#include <algorithm>

namespace ih::hub {

HandlerPool::HandlerPool(size_t threads) {
  threads = std::max<size_t>(threads, 1);
  threads_.reserve(threads);
  for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

HandlerPool::~HandlerPool() {
  stop();
}

void HandlerPool::submit(Job job) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      jobs_.push_back(std::move(job));
      queued_.notify_one();
      return;
    }
  }
  job(false);
}

void HandlerPool::stop() {
  std::deque<Job> unrun;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    unrun.swap(jobs_);
  }
  queued_.notify_all();
  for (Job& job : unrun) job(false);
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

void HandlerPool::work() {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      queued_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job(true);
  }
}

}  // namespace ih::hub
