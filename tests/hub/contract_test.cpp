// api/openapi.yaml and the hub describe the same API: every operation the
// specification lists is served, and the hub serves nothing it does not list.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>

#include "tests/hub/hub_fixture.h"

namespace ih::test {
namespace {

// (METHOD, path with ':' for parameters) of every operation in the file.
std::set<std::pair<std::string, std::string>> specified_operations() {
  std::ifstream in(ICHHELFE_SOURCE_DIR "/api/openapi.yaml");
  const std::regex path_line(R"(^  (/v1/\S*):\s*$)");
  const std::regex method_line(R"(^    (get|post|delete|put|patch):\s*$)");
  const std::regex parameter(R"(\{[^}]+\})");
  std::set<std::pair<std::string, std::string>> out;
  std::string line, path;
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_match(line, m, path_line)) {
      path = std::regex_replace(m[1].str(), parameter, ":");
    } else if (!path.empty() && std::regex_match(line, m, method_line)) {
      std::string method = m[1].str();
      for (char& c : method) c = static_cast<char>(std::toupper(c));
      out.emplace(method, path);
    } else if (!line.empty() && line[0] != ' ') {
      path.clear();  // left the paths section
    }
  }
  return out;
}

TEST(Contract, TheHubServesExactlyTheSpecifiedOperations) {
  const auto specified = specified_operations();
  ASSERT_GE(specified.size(), 19u);
  const auto list = hub::routes();
  const std::set<std::pair<std::string, std::string>> served(list.begin(), list.end());
  EXPECT_EQ(specified, served);
}

TEST(Contract, EverySpecifiedOperationAnswersOverHttps) {
  TestHub hub;
  for (const auto& [method, pattern] : specified_operations()) {
    const std::string path = std::regex_replace(pattern, std::regex(":"), "x");
    const auto r = hub.send(method, path, {}, "{}", method == "GET" ? "" : key());
    ASSERT_EQ(r.transport, net::Transport::Ok) << method << ' ' << path;
    const auto problem = net::parse_problem(r.body);
    EXPECT_NE(r.status, 405) << method << ' ' << path;
    if (r.status == 404 && problem) {
      EXPECT_NE(problem->title, "No such resource") << method << ' ' << path << " is not routed";
    }
    if (r.status >= 400) {
      EXPECT_TRUE(problem) << method << ' ' << path << " answered without a problem body";
    }
  }
}

}  // namespace
}  // namespace ih::test
