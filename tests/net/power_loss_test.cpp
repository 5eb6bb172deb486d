// Power loss: a child process queues requests and syncs them to the hub while
// the test kills it with SIGKILL at a random moment, over and over. The child
// reports each request whose enqueue returned (an acknowledgement to the
// person). Afterwards every acknowledged request has arrived exactly once,
// and none arrived twice.
//
// The child is this test program itself, started with a filter that runs only
// PowerLossChild.Run and told what to do through the environment.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <random>
#include <set>

#include "net/sync_engine.h"
#include "tests/hub/hub_fixture.h"
#include "tests/net/sync_fixture.h"

extern char** environ;

namespace ih::test {
namespace {

constexpr int kKills = 200;
constexpr int kItemsPerLife = 40;

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

net::HttpConfig child_config(int port, const std::string& ca_file) {
  net::HttpConfig config;
  config.base_url = "https://127.0.0.1:" + std::to_string(port);
  config.ca_file = ca_file;
  config.connect_timeout_ms = 2000;
  config.total_timeout_ms = 5000;
  return config;
}

// The child: opens the outbox, syncs, and queues numbered requests, writing
// each number to fd 3 once its enqueue returned.
TEST(PowerLossChild, Run) {
  if (env("IH_POWER_LOSS_DIR").empty()) GTEST_SKIP() << "runs only as the power-loss child";
  auto opened = net::Outbox::open(env("IH_POWER_LOSS_DIR") + "/outbox.db");
  if (!opened.outbox || !opened.moved_aside.empty()) std::_Exit(3);
  const auto identity = net::load_identity(*opened.outbox);
  if (!identity) std::_Exit(4);
  const net::PersonSession session{
      env("IH_POWER_LOSS_CODE"), env("IH_POWER_LOSS_TOKEN"), env("IH_POWER_LOSS_LANE"), {}};
  net::SyncEngine engine(
      *opened.outbox,
      net::pinned_config(
          child_config(std::stoi(env("IH_POWER_LOSS_PORT")), env("IH_POWER_LOSS_CA")), *identity),
      *identity, fast_sync());
  engine.start();
  const std::string life = env("IH_POWER_LOSS_LIFE");
  const int64_t now = std::stoll(env("IH_POWER_LOSS_NOW"));
  for (int i = 0; i < kItemsPerLife; ++i) {
    const std::string text = "life " + life + " item " + std::to_string(i);
    const nlohmann::json body = {{"category", "other"},
                                 {"when", {{"part_of_day", "any"}}},
                                 {"town", "Dresden"},
                                 {"helper_language", "de"},
                                 {"text", text}};
    if (!net::queue_request(*opened.outbox, *identity, session, body, now)) std::_Exit(5);
    engine.wake();
    const std::string ack = text + "\n";
    if (write(3, ack.data(), ack.size()) != static_cast<ssize_t>(ack.size())) std::_Exit(6);
  }
  eventually([&] { return opened.outbox->depth() == 0; }, 10);
  engine.stop();
  std::_Exit(0);
}

struct Child {
  pid_t pid = -1;
  int acks = -1;  // read end of the child's fd 3
};

Child spawn_child(const std::vector<std::string>& extra_env) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return {};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 3);
  // Keep the child's test output out of ours.
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  std::vector<std::string> environment = extra_env;
  for (char** e = environ; *e; ++e) environment.emplace_back(*e);
  std::vector<char*> envp;
  for (auto& e : environment) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::string self = "/proc/self/exe";
  std::string filter = "--gtest_filter=PowerLossChild.Run";
  char* argv[] = {self.data(), filter.data(), nullptr};
  Child child;
  if (posix_spawn(&child.pid, self.c_str(), &actions, nullptr, argv, envp.data()) != 0)
    child.pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  child.acks = fds[0];
  return child;
}

// Reads every complete line the child wrote, waiting at most `ms` for more.
void read_acks(int fd, int ms, std::string* buffer, std::set<std::string>* acked) {
  pollfd p{fd, POLLIN, 0};
  char chunk[4096];
  while (poll(&p, 1, ms) > 0) {
    const ssize_t n = read(fd, chunk, sizeof chunk);
    if (n <= 0) break;
    buffer->append(chunk, static_cast<size_t>(n));
    ms = 0;
  }
  size_t end;
  while ((end = buffer->find('\n')) != std::string::npos) {
    acked->insert(buffer->substr(0, end));
    buffer->erase(0, end + 1);
  }
}

TEST(PowerLoss, SigkillAtRandomPointsLosesNothingAcknowledgedAndDuplicatesNothing) {
  TestHub hub;
  TempDir state;
  auto terminal = hub.enrol(state.path);
  // The person registered online before, so their token lives past this test.
  const auto session =
      net::create_account(*terminal.outbox, terminal.identity,
                          {"Power Loss", {"de"}, "Dresden", "", "9999"}, hub.now());
  ASSERT_TRUE(session);
  terminal.outbox.reset();

  const std::vector<std::string> base_env = {
      "IH_POWER_LOSS_DIR=" + state.path.string(),
      "IH_POWER_LOSS_PORT=" + std::to_string(hub.port()),
      "IH_POWER_LOSS_CA=" + test_ca_file(),
      "IH_POWER_LOSS_CODE=" + session->personal_code,
      "IH_POWER_LOSS_TOKEN=" + session->token,
      "IH_POWER_LOSS_LANE=" + session->lane,
      "IH_POWER_LOSS_NOW=" + std::to_string(hub.now()),
  };
  std::mt19937 random(std::random_device{}());
  std::set<std::string> acked;
  int finished_on_their_own = 0;
  for (int life = 0; life < kKills; ++life) {
    auto env_for_life = base_env;
    env_for_life.push_back("IH_POWER_LOSS_LIFE=" + std::to_string(life));
    Child child = spawn_child(env_for_life);
    ASSERT_GT(child.pid, 0);
    std::string buffer;
    // Half the kills come early (while opening, enrolling the engine, the
    // first enqueue), half after the child has been acknowledging for a while.
    if (random() % 2) read_acks(child.acks, 2000, &buffer, &acked);
    std::this_thread::sleep_for(std::chrono::microseconds(random() % 30000));
    kill(child.pid, SIGKILL);
    int status = 0;
    waitpid(child.pid, &status, 0);
    read_acks(child.acks, 0, &buffer, &acked);
    close(child.acks);
    if (WIFEXITED(status)) {
      ASSERT_EQ(WEXITSTATUS(status), 0) << "the child failed on its own in life " << life;
      ++finished_on_their_own;
    }
  }
  EXPECT_GT(acked.size(), 0u);

  // Power back for good: drain what is left.
  auto opened = net::Outbox::open((state.path / "outbox.db").string());
  ASSERT_TRUE(opened.outbox);
  EXPECT_EQ(opened.moved_aside, "") << "a kill corrupted the outbox";
  const auto identity = net::load_identity(*opened.outbox);
  ASSERT_TRUE(identity);
  net::SyncEngine engine(*opened.outbox, net::pinned_config(hub.client_config(), *identity),
                         *identity, fast_sync());
  engine.start();
  ASSERT_TRUE(eventually([&] { return opened.outbox->depth() == 0; }, 60));
  engine.stop();

  for (const std::string& text : acked) {
    ASSERT_EQ(hub::query_int(hub.hub(), "SELECT count(*) FROM requests WHERE text = ?1", text), 1)
        << "acknowledged \"" << text << "\" was lost or duplicated";
  }
  EXPECT_EQ(hub::query_int(hub.hub(), "SELECT count(*) - count(DISTINCT text) FROM requests"), 0);
  EXPECT_LT(finished_on_their_own, kKills / 2) << "too few kills landed mid-work";
  RecordProperty("acknowledged", static_cast<int>(acked.size()));
  RecordProperty("delivered",
                 static_cast<int>(hub::query_int(hub.hub(), "SELECT count(*) FROM requests")));
}

}  // namespace
}  // namespace ih::test
