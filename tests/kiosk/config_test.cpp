// The configuration file: defaults when it is missing, every documented
// setting read, and a clear one-line message plus the default for each thing
// that is wrong.
#include "kiosk/config.h"

#include <gtest/gtest.h>

#include <fstream>

namespace ih::kiosk {
namespace {

using namespace std::chrono_literals;

bool mentions(const ConfigResult& r, const std::string& text) {
  for (const std::string& p : r.problems)
    if (p.find(text) != std::string::npos) return true;
  return false;
}

TEST(ConfigTest, AnEmptyFileGivesTheDefaults) {
  const ConfigResult r = parse_config("", "kiosk.toml");
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.settings.default_language, "de");
  EXPECT_EQ(r.settings.idle_after, 90s);
  EXPECT_EQ(r.settings.warning_for, 30s);
  EXPECT_TRUE(r.settings.staff_pin_hash.empty());
}

TEST(ConfigTest, TheSampleFileParsesWithoutProblemsAndStatesTheDefaults) {
  const ConfigResult r =
      load_config(std::string(ICHHELFE_SOURCE_DIR) + "/assets/config/kiosk.toml");
  EXPECT_TRUE(r.problems.empty()) << r.problems.front();
  const Settings defaults;
  EXPECT_EQ(r.settings.default_language, defaults.default_language);
  EXPECT_EQ(r.settings.idle_after, defaults.idle_after);
  EXPECT_EQ(r.settings.warning_for, defaults.warning_for);
  EXPECT_EQ(r.settings.staff_attempts, defaults.staff_attempts);
  EXPECT_EQ(r.settings.staff_lockout, defaults.staff_lockout);
}

TEST(ConfigTest, EverySettingIsRead) {
  const ConfigResult r = parse_config(R"(
[session]
idle_seconds = 120
warning_seconds = 45
[language]
default = "ar"
[staff]
pin_hash = "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"
attempts = 3
lockout_seconds = 600
)",
                                      "kiosk.toml");
  EXPECT_TRUE(r.problems.empty()) << r.problems.front();
  EXPECT_EQ(r.settings.idle_after, 120s);
  EXPECT_EQ(r.settings.warning_for, 45s);
  EXPECT_EQ(r.settings.default_language, "ar");
  EXPECT_TRUE(r.settings.staff_pin_hash.starts_with("$argon2id$"));
  EXPECT_EQ(r.settings.staff_attempts, 3);
  EXPECT_EQ(r.settings.staff_lockout, 600s);
}

TEST(ConfigTest, AWarningShorterThanTwentySecondsIsRefused) {
  const ConfigResult r = parse_config("[session]\nwarning_seconds = 5\n", "kiosk.toml");
  EXPECT_EQ(r.settings.warning_for, 30s);
  EXPECT_TRUE(mentions(r,
                       "kiosk.toml:2: session.warning_seconds must be a whole number of "
                       "seconds from 20 to 600; using the default, 30"));
}

TEST(ConfigTest, WrongTypesUnknownNamesAndLanguagesKeepTheirDefaults) {
  const ConfigResult r = parse_config(R"(
[session]
idle_seconds = "ninety"
idle_secs = 60
[language]
default = "xx"
[staff]
pin_hash = "1234"
attempts = 0
)",
                                      "kiosk.toml");
  EXPECT_EQ(r.settings.idle_after, 90s);
  EXPECT_EQ(r.settings.default_language, "de");
  EXPECT_TRUE(r.settings.staff_pin_hash.empty()) << "a PIN in clear is never accepted";
  EXPECT_EQ(r.settings.staff_attempts, 5);
  EXPECT_TRUE(mentions(r, "kiosk.toml:3: session.idle_seconds"));
  EXPECT_TRUE(mentions(r, "kiosk.toml:4: unknown setting session.idle_secs"));
  EXPECT_TRUE(mentions(r, "kiosk.toml:6: language.default"));
  EXPECT_TRUE(mentions(r, "kiosk.toml:8: staff.pin_hash must be an Argon2id hash"));
  EXPECT_TRUE(mentions(r, "kiosk.toml:9: staff.attempts"));
  EXPECT_EQ(r.problems.size(), 5u);
}

TEST(ConfigTest, PlacesAndTheNetworkAreRead) {
  const ConfigResult r = parse_config(R"(
[profile]
places = ["Erstaufnahme Dresden", "Leipzig"]
[network]
server = "https://hub.example:8443"
ca_file = "/etc/ichhelfe/hub.pem"
state_dir = "/srv/kiosk"
)",
                                      "kiosk.toml");
  EXPECT_TRUE(r.problems.empty()) << r.problems.front();
  EXPECT_EQ(r.settings.places, (std::vector<std::string>{"Erstaufnahme Dresden", "Leipzig"}));
  EXPECT_EQ(r.settings.server_url, "https://hub.example:8443");
  EXPECT_EQ(r.settings.ca_file, "/etc/ichhelfe/hub.pem");
  EXPECT_EQ(r.settings.state_dir, "/srv/kiosk");
}

TEST(ConfigTest, BadPlacesOrAnInsecureServerKeepTheDefaults) {
  const ConfigResult r = parse_config(R"(
[profile]
places = ["Dresden", ""]
[network]
server = "http://hub.example"
)",
                                      "kiosk.toml");
  const Settings defaults;
  EXPECT_EQ(r.settings.places, defaults.places);
  EXPECT_EQ(r.settings.server_url, "");
  EXPECT_TRUE(mentions(r, "kiosk.toml:3: profile.places must be"));
  EXPECT_TRUE(mentions(r, "kiosk.toml:5: network.server must be an https:// address"));
  EXPECT_EQ(r.problems.size(), 2u);
}

TEST(ConfigTest, AFileThatIsNotTomlGivesTheDefaultsAndSaysWhere) {
  const ConfigResult r = parse_config("[session\nidle_seconds = 30\n", "kiosk.toml");
  EXPECT_EQ(r.settings.idle_after, 90s);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_TRUE(r.problems[0].starts_with("kiosk.toml:1: ")) << r.problems[0];
  EXPECT_NE(r.problems[0].find("the defaults are used"), std::string::npos);
}

TEST(ConfigTest, AnUnreadableFileGivesTheDefaults) {
  const ConfigResult r = load_config("/nonexistent/kiosk.toml");
  EXPECT_EQ(r.settings.idle_after, 90s);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].find("cannot be read"), std::string::npos);
}

TEST(ConfigTest, AGivenFileWinsOverTheUsualPlaces) {
  EXPECT_EQ(find_config("/tmp/mine.toml"), "/tmp/mine.toml");
}

}  // namespace
}  // namespace ih::kiosk
