// ichhelfe-text as people run it: arguments and standard input in, JSON Lines out.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct ToolRun {
  int status = -1;
  std::vector<nlohmann::json> paragraphs;
  std::string output;
};

// Runs the tool through the shell with `arguments`, and `input` (a printf format:
// a backslash-n is a newline) on its standard input.
ToolRun run_tool(const std::string& arguments, const std::string& input = "") {
  const std::string command = "printf '" + input + "' | " ICHHELFE_TEXT_TOOL " " + arguments +
                              " 2>&1";
  ToolRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) run.output.append(buffer, n);
  const int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::istringstream lines(run.output);
  for (std::string line; std::getline(lines, line);) {
    auto paragraph = nlohmann::json::parse(line, nullptr, false);
    if (!paragraph.is_discarded()) run.paragraphs.push_back(std::move(paragraph));
  }
  return run;
}

TEST(TextTool, DumpsRunsInVisualOrderWithByteRanges) {
  // "اسمي Anna": 9 bytes of Arabic and a space, then 4 of Latin.
  const ToolRun run = run_tool("--lang ar --width 400 'اسمي Anna'");
  ASSERT_EQ(run.status, 0) << run.output;
  ASSERT_EQ(run.paragraphs.size(), 1u);
  const auto& p = run.paragraphs[0];
  EXPECT_EQ(p["base_level"], 1);
  EXPECT_EQ(p["missing_glyphs"], 0);
  const auto& runs = p["lines"][0]["runs"];
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0]["script"], "Latn");
  EXPECT_EQ(runs[0]["direction"], "ltr");
  EXPECT_EQ(runs[0]["range"], nlohmann::json::array({9, 13}));
  EXPECT_EQ(runs[1]["script"], "Arab");
  EXPECT_EQ(runs[1]["direction"], "rtl");
  EXPECT_EQ(runs[1]["font"], "NotoNaskhArabic-Regular.ttf");
  // Right-to-left glyphs come in visual order: clusters fall from left to right.
  const auto& glyphs = runs[1]["glyphs"];
  EXPECT_GT(glyphs.front()["cluster"].get<int>(), glyphs.back()["cluster"].get<int>());
}

TEST(TextTool, EachLineOfStandardInputIsAParagraph) {
  const ToolRun run = run_tool("--lang de --width 200", "Hallo\\nሰላም\\nკეთილი\\n");
  ASSERT_EQ(run.status, 0) << run.output;
  ASSERT_EQ(run.paragraphs.size(), 3u);
  EXPECT_EQ(run.paragraphs[1]["lines"][0]["runs"][0]["script"], "Ethi");
  EXPECT_EQ(run.paragraphs[2]["lines"][0]["runs"][0]["font"], "NotoSansGeorgian-Regular.ttf");
}

TEST(TextTool, BadArgumentsExitWithTwo) {
  for (const char* arguments : {"--bogus", "--width", "--width -3 x", "--dir sideways x"}) {
    const ToolRun run = run_tool(arguments);
    EXPECT_EQ(run.status, 2) << arguments << ": " << run.output;
    EXPECT_NE(run.output.find("usage"), std::string::npos) << arguments;
  }
}

}  // namespace
