// The command line: what it accepts, and the message for what it does not.
#include "kiosk/options.h"

#include <gtest/gtest.h>

namespace ih::kiosk {
namespace {

OptionsResult parse(std::vector<std::string_view> args) {
  return parse_options(args);
}

TEST(Options, FullScreenSpecimenInGermanByDefault) {
  const OptionsResult r = parse({});
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_TRUE(r.options.fullscreen);
  EXPECT_EQ(r.options.screen, "shell");
  EXPECT_EQ(r.options.language, "") << "the configuration's default language";
  EXPECT_EQ(r.options.fonts, ICHHELFE_ASSETS_DIR "/fonts/fonts.conf");
  EXPECT_TRUE(r.options.screenshot.empty());
}

TEST(Options, Windowed) {
  const OptionsResult r =
      parse({"--windowed", "1080x1920", "--lang", "fa-AF", "--fonts", "my.conf"});
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_FALSE(r.options.fullscreen);
  EXPECT_EQ(r.options.width, 1080);
  EXPECT_EQ(r.options.height, 1920);
  EXPECT_EQ(r.options.language, "fa-AF");
  EXPECT_EQ(r.options.fonts, "my.conf");
}

TEST(Options, Screenshot) {
  const OptionsResult r =
      parse({"--screenshot", "out.png", "--screen", "specimen", "--size", "1280x800"});
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.options.screenshot, "out.png");
  EXPECT_EQ(r.options.width, 1280);
  EXPECT_EQ(r.options.height, 800);
  EXPECT_FALSE(r.options.fullscreen);
}

TEST(Options, Help) {
  EXPECT_TRUE(parse({"--help"}).options.help);
  EXPECT_NE(usage().find("--screenshot"), std::string::npos);
}

TEST(Options, BadArgumentsSayWhatIsWrong) {
  struct Case {
    std::vector<std::string_view> args;
    const char* message;
  };
  const Case cases[] = {
      {{"--fullscreen"}, "unknown argument '--fullscreen'"},
      {{"--windowed"}, "--windowed needs a value"},
      {{"--windowed", "1920"}, "expected WIDTHxHEIGHT"},
      {{"--windowed", "0x1080"}, "expected WIDTHxHEIGHT"},
      {{"--windowed", "1920x1080px"}, "expected WIDTHxHEIGHT"},
      {{"--screen", "nope"}, "no such screen; known: specimen"},
      {{"--lang", "deutsch"}, "expected a BCP 47 tag"},
      {{"--lang", "de_DE"}, "expected a BCP 47 tag"},
      {{"--screenshot", "out.jpg", "--screen", "specimen"}, "must end in .png"},
      {{"--screenshot", "out.png"}, "--screenshot needs --screen"},
      {{"--size", "800x600"}, "--size is for --screenshot"},
      {{"--screenshot", "out.png", "--screen", "specimen", "--windowed", "800x600"}, "use --size"},
  };
  for (const Case& c : cases) {
    const OptionsResult r = parse(c.args);
    EXPECT_FALSE(r.ok()) << c.message;
    EXPECT_NE(r.error.find(c.message), std::string::npos) << "got: " << r.error;
  }
}

}  // namespace
}  // namespace ih::kiosk
