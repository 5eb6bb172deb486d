// The configuration file: defaults when it is missing, every documented
// setting read, and a clear one-line message plus the default for each thing
// that is wrong; what staff change is written back into it without touching
// the rest.
#include "kiosk/config.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

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
  EXPECT_EQ(r.settings.languages_shown, defaults.languages_shown);
  EXPECT_EQ(r.settings.orientation, defaults.orientation);
  EXPECT_EQ(r.settings.large_text, defaults.large_text);
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

TEST(ConfigTest, TheReachBandIsRead) {
  EXPECT_FALSE(parse_config("", "kiosk.toml").settings.reach_band);
  const ConfigResult r = parse_config("[display]\nreach_band = true\n", "kiosk.toml");
  EXPECT_TRUE(r.problems.empty()) << r.problems.front();
  EXPECT_TRUE(r.settings.reach_band);
  const ConfigResult bad = parse_config("[display]\nreach_band = 1\n", "kiosk.toml");
  EXPECT_FALSE(bad.settings.reach_band);
  EXPECT_TRUE(mentions(bad, "kiosk.toml:2: display.reach_band must be true or false"));
}

TEST(ConfigTest, TheRendererChoiceIsRead) {
  EXPECT_EQ(parse_config("", "kiosk.toml").settings.renderer, RendererChoice::Auto);
  const ConfigResult r = parse_config("[display]\nrenderer = \"software\"\n", "kiosk.toml");
  EXPECT_TRUE(r.problems.empty()) << r.problems.front();
  EXPECT_EQ(r.settings.renderer, RendererChoice::Software);
  const ConfigResult bad = parse_config("[display]\nrenderer = \"vulkan\"\n", "kiosk.toml");
  EXPECT_EQ(bad.settings.renderer, RendererChoice::Auto);
  EXPECT_TRUE(mentions(bad, "kiosk.toml:2: display.renderer must be \"auto\", \"gpu\" or"));
}

TEST(ConfigTest, DarkHoursAreReadAsBothTimesOrNeither) {
  EXPECT_FALSE(parse_config("", "kiosk.toml").dark_hours);
  EXPECT_FALSE(
      parse_config("[display]\ndark_from = \"\"\ndark_until = \"\"\n", "kiosk.toml").dark_hours);
  const ConfigResult r =
      parse_config("[display]\ndark_from = \"22:30\"\ndark_until = \"06:00\"\n", "kiosk.toml");
  EXPECT_TRUE(r.problems.empty()) << r.problems.front();
  ASSERT_TRUE(r.dark_hours);
  EXPECT_EQ(r.dark_hours->from, std::chrono::minutes(22 * 60 + 30));
  EXPECT_EQ(r.dark_hours->until, std::chrono::minutes(6 * 60));
  const ConfigResult half = parse_config("[display]\ndark_from = \"22:30\"\n", "kiosk.toml");
  EXPECT_FALSE(half.dark_hours);
  EXPECT_TRUE(mentions(half, "display.dark_from and display.dark_until must both be times"));
  const ConfigResult wrong =
      parse_config("[display]\ndark_from = \"22:30\"\ndark_until = \"25:00\"\n", "kiosk.toml");
  EXPECT_FALSE(wrong.dark_hours);
  EXPECT_TRUE(mentions(wrong, "kiosk.toml:3: display.dark_from and display.dark_until"));
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

TEST(ConfigTest, ShownLanguagesAndTheDisplayAreRead) {
  const ConfigResult r = parse_config(R"(
[language]
shown = ["uk", "AR", "de"]
[display]
orientation = "portrait"
large_text = true
)",
                                      "kiosk.toml");
  EXPECT_TRUE(r.problems.empty()) << r.problems.front();
  EXPECT_EQ(r.settings.languages_shown, (std::vector<std::string>{"uk", "ar", "de"}))
      << "as the registry spells them";
  EXPECT_EQ(r.settings.orientation, Orientation::Portrait);
  EXPECT_TRUE(r.settings.large_text);
}

TEST(ConfigTest, BadShownLanguagesOrDisplaySettingsKeepTheirDefaults) {
  const ConfigResult r = parse_config(R"(
[language]
shown = ["de", "xx"]
[display]
orientation = "sideways"
large_text = "yes"
size = 3
)",
                                      "kiosk.toml");
  EXPECT_TRUE(r.settings.languages_shown.empty());
  EXPECT_EQ(r.settings.orientation, Orientation::Auto);
  EXPECT_FALSE(r.settings.large_text);
  EXPECT_TRUE(mentions(r,
                       "kiosk.toml:3: language.shown must be a list of the tags of languages "
                       "the kiosk speaks, each once"));
  EXPECT_TRUE(mentions(r,
                       "kiosk.toml:5: display.orientation must be \"auto\", \"landscape\" "
                       "or \"portrait\"; using the default, \"auto\""));
  EXPECT_TRUE(mentions(r, "kiosk.toml:6: display.large_text must be true or false"));
  EXPECT_TRUE(mentions(r, "kiosk.toml:7: unknown setting display.size"));
  EXPECT_EQ(r.problems.size(), 4u);
  EXPECT_TRUE(mentions(parse_config("[language]\nshown = [\"de\", \"de\"]\n", "k.toml"),
                       "k.toml:2: language.shown"))
      << "each language once";
  EXPECT_TRUE(mentions(parse_config("[language]\nshown = [\"en-XA\"]\n", "k.toml"),
                       "k.toml:2: language.shown"))
      << "pseudo-locales are for tests, not for people";
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

// [SECTION] Saving what staff changed

// A folder of its own for each test, removed afterwards.
struct Folder {
  Folder() {
    std::random_device random;
    path = std::filesystem::temp_directory_path() /
           ("ichhelfe-config-test-" + std::to_string(random()) + std::to_string(::getpid()));
    std::filesystem::create_directories(path);
  }
  ~Folder() { std::filesystem::remove_all(path); }
  std::string file(const std::string& name) const { return (path / name).string(); }
  std::filesystem::path path;
};

std::string read(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write(const std::string& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

Settings changed() {
  Settings s;
  s.idle_after = 120s;
  s.warning_for = 40s;
  s.languages_shown = {"de", "ar", "ti"};
  s.orientation = Orientation::Portrait;
  s.large_text = true;
  s.reach_band = true;
  return s;
}

size_t lines(const std::string& text) {
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST(ConfigSaveTest, TheSampleFileKeepsItsCommentsAndOtherSettings) {
  Folder folder;
  const std::string file = folder.file("kiosk.toml");
  const std::string before = read(std::string(ICHHELFE_SOURCE_DIR) + "/assets/config/kiosk.toml");
  write(file, before);
  ASSERT_EQ(save_staff_settings(file, changed()), "");
  const std::string after = read(file);
  const ConfigResult r = load_config(file);
  EXPECT_TRUE(r.problems.empty()) << r.problems.front();
  EXPECT_EQ(r.settings.idle_after, 120s);
  EXPECT_EQ(r.settings.warning_for, 40s);
  EXPECT_EQ(r.settings.languages_shown, (std::vector<std::string>{"de", "ar", "ti"}));
  EXPECT_EQ(r.settings.orientation, Orientation::Portrait);
  EXPECT_TRUE(r.settings.large_text);
  EXPECT_TRUE(r.settings.reach_band);
  EXPECT_EQ(r.settings.places, Settings{}.places);
  // Each value replaced where it stood: the same lines, the same comments.
  EXPECT_EQ(lines(after), lines(before));
  EXPECT_NE(after.find("# The staff PIN as an Argon2id string, never the PIN itself."),
            std::string::npos);
  EXPECT_NE(after.find("idle_seconds = 120\n"), std::string::npos);
  EXPECT_NE(after.find("shown = [\"de\", \"ar\", \"ti\"]\n"), std::string::npos);
  EXPECT_NE(after.find("orientation = \"portrait\"\n"), std::string::npos);
  // Saving the defaults again gives back the sample, byte for byte.
  ASSERT_EQ(save_staff_settings(file, Settings{}), "");
  EXPECT_EQ(read(file), before);
}

TEST(ConfigSaveTest, MissingSettingsAreAddedUnderTheirSectionsOrInNewOnes) {
  Folder folder;
  const std::string file = folder.file("kiosk.toml");
  write(file, R"(# A terminal in the hall.
[session]
# a comment that stays
warning_seconds = 25 # and one after a value

[staff]
attempts = 3
[language]
shown = [
  "de", # German first
  "uk",
] # the end
)");
  ASSERT_EQ(save_staff_settings(file, changed()), "");
  const std::string after = read(file);
  const ConfigResult r = load_config(file);
  EXPECT_TRUE(r.problems.empty()) << r.problems.front();
  EXPECT_EQ(r.settings.staff_attempts, 3);
  EXPECT_EQ(r.settings.idle_after, 120s);
  EXPECT_EQ(r.settings.warning_for, 40s);
  EXPECT_EQ(r.settings.languages_shown, (std::vector<std::string>{"de", "ar", "ti"}));
  EXPECT_EQ(r.settings.orientation, Orientation::Portrait);
  EXPECT_TRUE(r.settings.large_text);
  EXPECT_NE(after.find("[session]\nidle_seconds = 120\n# a comment that stays\n"
                       "warning_seconds = 40 # and one after a value\n"),
            std::string::npos)
      << after;
  EXPECT_NE(after.find("shown = [\"de\", \"ar\", \"ti\"] # the end\n"), std::string::npos) << after;
  EXPECT_TRUE(r.settings.reach_band);
  EXPECT_NE(after.find("\n[display]\norientation = \"portrait\"\nlarge_text = true\n"
                       "reach_band = true\n"),
            std::string::npos)
      << after;
}

TEST(ConfigSaveTest, AMissingFileIsCreated) {
  Folder folder;
  const std::string file = folder.file("kiosk.toml");
  ASSERT_EQ(save_staff_settings(file, changed()), "");
  const ConfigResult r = load_config(file);
  EXPECT_TRUE(r.problems.empty()) << r.problems.front();
  EXPECT_EQ(r.settings.idle_after, 120s);
  EXPECT_TRUE(r.settings.large_text);
}

TEST(ConfigSaveTest, AFileThatCannotBeWrittenOrIsNotTomlIsLeftAsItIs) {
  const std::string nowhere = "/nonexistent/ichhelfe/kiosk.toml";
  const std::string error = save_staff_settings(nowhere, changed());
  EXPECT_TRUE(error.starts_with(nowhere + ": cannot be written")) << error;
  EXPECT_NE(error.find("the settings apply until the kiosk restarts"), std::string::npos);

  Folder folder;
  const std::string file = folder.file("kiosk.toml");
  write(file, "[session\nidle_seconds = 30\n");
  EXPECT_TRUE(save_staff_settings(file, changed()).starts_with(file + ":1: ")) << "says where";
  EXPECT_EQ(read(file), "[session\nidle_seconds = 30\n") << "unchanged";

  write(file, "session = { idle_seconds = 30 }\n");
  EXPECT_NE(save_staff_settings(file, changed()).find("is not written as a section"),
            std::string::npos);
  EXPECT_EQ(read(file), "session = { idle_seconds = 30 }\n");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(folder.path),
                          std::filesystem::directory_iterator()),
            1)
      << "no temporary file left behind";
}

}  // namespace
}  // namespace ih::kiosk
