// Where a program finds its data: beside itself when installed, in the source
// checkout when run from its build tree.
#include "i18n/data_dir.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace ih::i18n {
namespace {

namespace fs = std::filesystem;

// A fresh folder standing for an installation prefix such as /usr.
class Prefix : public ::testing::Test {
 protected:
  void SetUp() override {
    prefix_ = fs::temp_directory_path() /
              ("data_dir_test_" + std::to_string(getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(prefix_);
    fs::create_directories(prefix_ / "bin");
  }
  void TearDown() override { fs::remove_all(prefix_); }
  fs::path prefix_;
};

TEST_F(Prefix, AnInstalledProgramFindsShareIchhelfeBesideItsBinFolder) {
  fs::create_directories(prefix_ / "share" / "ichhelfe");
  EXPECT_EQ(installed_data_dir(prefix_ / "bin" / "ichhelfe-kiosk"),
            (prefix_ / "share" / "ichhelfe").string());
}

TEST_F(Prefix, AProgramWithoutShareIchhelfeIsNotInstalled) {
  fs::create_directories(prefix_ / "share" / "other");
  EXPECT_EQ(installed_data_dir(prefix_ / "bin" / "ichhelfe-kiosk"), "");
}

TEST_F(Prefix, AFileNamedLikeTheFolderDoesNotCount) {
  fs::create_directories(prefix_ / "share");
  std::FILE* f = std::fopen((prefix_ / "share" / "ichhelfe").c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fclose(f);
  EXPECT_EQ(installed_data_dir(prefix_ / "bin" / "ichhelfe-kiosk"), "");
}

TEST(DataDir, ABareProgramNameHasNoInstallation) {
  EXPECT_EQ(installed_data_dir(fs::path("ichhelfe-kiosk")), "");
}

TEST(DataDir, InstalledDataIsNamedInsideTheDataFolder) {
  EXPECT_EQ(data_path("/usr/share/ichhelfe", "fonts/fonts.conf", "/src/assets/fonts/fonts.conf"),
            "/usr/share/ichhelfe/fonts/fonts.conf");
}

TEST(DataDir, WithoutAnInstallationTheBuildTreePathIsUsed) {
  EXPECT_EQ(data_path("", "po", "/src/i18n/po"), "/src/i18n/po");
}

TEST(DataDir, ATestProgramRunsFromItsBuildTree) {
  // The test programs are not installed: they read the source checkout.
  EXPECT_EQ(installed_data_dir(), "");
  EXPECT_EQ(data_path("keyboards", "/src/assets/keyboards"), "/src/assets/keyboards");
}

}  // namespace
}  // namespace ih::i18n
