// The way the configuration file documents to make a staff PIN hash works as
// written: the command it gives, run with this build's kiosk, prints a hash that
// the configuration accepts and that matches the PIN in the command.
#include <gtest/gtest.h>
#include <sodium.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "kiosk/config.h"

namespace ih::kiosk {
namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The kiosk program of this build, beside the tests' folder.
std::filesystem::path kiosk_program() {
  return std::filesystem::read_symlink("/proc/self/exe").parent_path().parent_path() / "kiosk" /
         "ichhelfe-kiosk";
}

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[256];
  while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  pclose(pipe);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

TEST(StaffPinHashDoc, TheCommandTheConfigurationGivesMakesAHashItAccepts) {
  const std::string sample = read(std::string(ICHHELFE_SOURCE_DIR) + "/assets/config/kiosk.toml");
  // The one documented way: a comment line "#   echo PIN | ichhelfe-kiosk --hash-staff-pin".
  const std::regex documented(R"(#\s+echo (\d+) \| ichhelfe-kiosk --hash-staff-pin\s*\n)");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(sample, m, documented))
      << "assets/config/kiosk.toml does not document `echo PIN | ichhelfe-kiosk --hash-staff-pin`";
  const std::string pin = m[1].str();
  ASSERT_TRUE(std::filesystem::exists(kiosk_program())) << kiosk_program();

  const std::string hash =
      run("echo " + pin + " | '" + kiosk_program().string() + "' --hash-staff-pin");
  ASSERT_EQ(sodium_init() >= 0, true);
  EXPECT_EQ(crypto_pwhash_str_verify(hash.c_str(), pin.c_str(), pin.size()), 0) << hash;
  EXPECT_NE(crypto_pwhash_str_verify(hash.c_str(), "999999", 6), 0);

  const ConfigResult r = parse_config("[staff]\npin_hash = \"" + hash + "\"\n", "kiosk.toml");
  EXPECT_TRUE(r.problems.empty()) << r.problems.front();
  EXPECT_EQ(r.settings.staff_pin_hash, hash);
}

TEST(StaffPinHashDoc, NoOtherToolIsNamedForIt) {
  const std::string sample = read(std::string(ICHHELFE_SOURCE_DIR) + "/assets/config/kiosk.toml");
  const std::string readme = read(std::string(ICHHELFE_SOURCE_DIR) + "/README.md");
  for (const std::string* text : {&sample, &readme}) {
    EXPECT_EQ(text->find("python3"), std::string::npos);
    EXPECT_EQ(text->find("nacl"), std::string::npos);
  }
  // Documented once: the README points to the configuration file instead.
  EXPECT_EQ(readme.find("--hash-staff-pin"), std::string::npos);
}

}  // namespace
}  // namespace ih::kiosk
