// A TCP proxy on loopback that stands between the kiosk and the hub and
// misbehaves on purpose, one choice per connection: passes bytes through,
// drops the connection at once, delays it, cuts the reply short after some
// bytes, or resets it. It sees only TLS records; what it breaks, it breaks
// the way a dying network does.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ih::test {

enum class Fault { Pass, Drop, Delay, Truncate, Reset };

class FaultProxy {
 public:
  using Chooser = std::function<Fault()>;
  FaultProxy(int upstream_port, Chooser choose);
  ~FaultProxy();
  int port() const { return port_; }
  void set_chooser(Chooser choose);
  int connections() const { return connections_.load(); }

 private:
  void accept_loop();
  void serve(int client, Fault fault);
  int upstream_port_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  std::mutex mutex_;
  Chooser choose_;
  std::vector<std::thread> threads_;
  std::thread acceptor_;
};

}  // namespace ih::test
