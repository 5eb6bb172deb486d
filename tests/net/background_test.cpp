// The UI's way to the network: jobs run on the worker's thread, in order, and
// the UI polls their futures without ever blocking on the network.
#include "net/background.h"

#include <gtest/gtest.h>

#include <thread>

#include "tests/hub/hub_fixture.h"

namespace ih::net {
namespace {

TEST(Background, RunsJobsInOrderOffTheCallingThread) {
  test::TestHub hub;
  Background worker(hub.client_config());
  const auto caller = std::this_thread::get_id();
  auto first = worker.post([&](HttpClient& client) {
    EXPECT_NE(std::this_thread::get_id(), caller);
    return client.send({"GET", "/v1/health", {}, {}}).status;
  });
  auto second = worker.post([](HttpClient&) { return std::string("second"); });
  // What a frame loop does: look, and move on if there is no answer yet.
  while (first.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  EXPECT_EQ(first.get(), 200);
  EXPECT_EQ(second.get(), "second");
}

TEST(Background, DroppedJobsReportABrokenPromise) {
  test::TestHub hub;
  std::future<int> pending;
  {
    Background worker(hub.client_config());
    worker.post([](HttpClient&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      return 0;
    });
    pending = worker.post([](HttpClient&) { return 1; });
  }
  EXPECT_THROW(pending.get(), std::future_error);
}

}  // namespace
}  // namespace ih::net
