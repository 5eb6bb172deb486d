#include "tests/net/fault_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <random>

namespace ih::test {
namespace {

void reset_and_close(int fd) {
  const linger hard{1, 0};  // close() then sends RST instead of FIN
  setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
  close(fd);
}

int connect_loopback(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

bool write_all(int fd, const char* data, ssize_t size) {
  while (size > 0) {
    const ssize_t n = send(fd, data, static_cast<size_t>(size), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data += n;
    size -= n;
  }
  return true;
}

}  // namespace

FaultProxy::FaultProxy(int upstream_port, Chooser choose)
    : upstream_port_(upstream_port), choose_(std::move(choose)) {
  listener_ = socket(AF_INET, SOCK_STREAM, 0);
  const int yes = 1;
  setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  listen(listener_, 64);
  socklen_t size = sizeof addr;
  getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &size);
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

FaultProxy::~FaultProxy() {
  stopping_ = true;
  acceptor_.join();
  for (auto& t : threads_) t.join();
  close(listener_);
}

void FaultProxy::set_chooser(Chooser choose) {
  std::lock_guard lock(mutex_);
  choose_ = std::move(choose);
}

void FaultProxy::accept_loop() {
  while (!stopping_) {
    pollfd p{listener_, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    const int client = accept(listener_, nullptr, nullptr);
    if (client < 0) continue;
    ++connections_;
    Fault fault;
    {
      std::lock_guard lock(mutex_);
      fault = choose_();
    }
    threads_.emplace_back([this, client, fault] { serve(client, fault); });
  }
}

void FaultProxy::serve(int client, Fault fault) {
  thread_local std::mt19937 random(std::random_device{}());
  if (fault == Fault::Drop) {
    close(client);
    return;
  }
  if (fault == Fault::Reset) {
    // Let the client start its handshake, then tear the connection down.
    pollfd p{client, POLLIN, 0};
    poll(&p, 1, 100);
    reset_and_close(client);
    return;
  }
  if (fault == Fault::Delay) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100 + random() % 300));
  }
  const int upstream = connect_loopback(upstream_port_);
  if (upstream < 0) {
    close(client);
    return;
  }
  // Cut somewhere in the handshake or in the reply.
  long budget = fault == Fault::Truncate ? 50 + static_cast<long>(random() % 3000) : -1;
  char buffer[16384];
  bool open = true;
  while (open && !stopping_) {
    pollfd p[2] = {{client, POLLIN, 0}, {upstream, POLLIN, 0}};
    if (poll(p, 2, 50) <= 0) continue;
    for (int side = 0; side < 2 && open; ++side) {
      if (!(p[side].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const int from = side == 0 ? client : upstream;
      const int to = side == 0 ? upstream : client;
      ssize_t n = recv(from, buffer, sizeof buffer, 0);
      if (n <= 0) {
        open = false;
        break;
      }
      if (side == 1 && budget >= 0) {
        n = std::min<ssize_t>(n, budget);
        budget -= n;
      }
      if (!write_all(to, buffer, n) || budget == 0) open = false;
    }
  }
  if (budget == 0) {
    reset_and_close(client);
  } else {
    close(client);
  }
  close(upstream);
}

}  // namespace ih::test
