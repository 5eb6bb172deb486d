// The UI's way to the network: jobs run on the worker's thread, in order, and
// the UI polls their futures without ever blocking on the network.
#include "net/background.h"

#include <gtest/gtest.h>

#include <mutex>
#include <thread>
#include <vector>

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

TEST(Background, TellsAfterEachJobWhenItsAnswerIsReady) {
  test::TestHub hub;
  std::mutex mutex;
  std::future<int> answer;
  std::vector<bool> ready_when_told;
  std::promise<void> go;
  std::promise<void> told;
  Background worker(hub.client_config(), [&] {
    std::lock_guard lock(mutex);
    ready_when_told.push_back(answer.wait_for(std::chrono::seconds(0)) ==
                              std::future_status::ready);
    told.set_value();
  });
  {
    std::lock_guard lock(mutex);
    answer = worker.post([started = go.get_future().share()](HttpClient&) {
      started.wait();
      return 7;
    });
  }
  go.set_value();
  ASSERT_EQ(told.get_future().wait_for(std::chrono::seconds(10)), std::future_status::ready);
  std::lock_guard lock(mutex);
  EXPECT_EQ(ready_when_told, std::vector<bool>{true});
  EXPECT_EQ(answer.get(), 7);
}

}  // namespace
}  // namespace ih::net
