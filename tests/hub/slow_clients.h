// Connections that hold a server's attention without ever finishing a
// request, as a slowloris attack does, for tests and benchmarks of the hub on
// the wire. Of `count` connections to 127.0.0.1:`port`, a third complete the
// TLS handshake and then send a request head one byte per second (it never
// ends), a third send the first half of a TLS ClientHello and stop, and the
// rest connect and send nothing. A thread of its own does the dribbling; all
// connections close when the object goes.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <thread>
#include <vector>

namespace ih::test {

class SlowClients {
 public:
  // Returns once every connection is open and the dribblers' handshakes are
  // done, or after `setup_ms` (a server that serves one connection per
  // thread may never get to some of them).
  SlowClients(int port, int count, int setup_ms = 5000);
  ~SlowClients();
  SlowClients(const SlowClients&) = delete;
  SlowClients& operator=(const SlowClients&) = delete;

  // Dribblers whose handshake completed.
  int handshaken() const { return handshaken_; }

 private:
  struct Connection;
  void dribble();
  std::vector<std::unique_ptr<Connection>> connections_;
  int handshaken_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// Raises the soft limit of open files to at least `needed` (up to the hard
// limit). Whether the limit is now at least `needed`.
bool ensure_open_file_limit(size_t needed);

}  // namespace ih::test
