#include "net/background.h"

namespace ih::net {

Background::Background(HttpConfig config, std::function<void()> on_done)
    : config_(std::move(config)), on_done_(std::move(on_done)) {
  thread_ = std::thread([this] { run(); });
}

Background::~Background() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    jobs_.clear();
  }
  ready_.notify_one();
  thread_.join();
}

void Background::run() {
  HttpClient client(config_);
  while (true) {
    std::function<void(HttpClient&)> job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job(client);
    // The job's packaged task has made its future ready.
    if (on_done_) on_done_();
  }
}

}  // namespace ih::net
