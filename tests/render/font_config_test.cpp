// The font configuration file: its format, its errors, and the lists it yields.
#include "render/font_config.h"

#include <gtest/gtest.h>

namespace ih::render {
namespace {

TEST(FontConfig, ParsesDirectivesInOrder) {
  const auto result = parse_font_config(R"(# fonts
dir /fonts
script Arab Naskh.ttf SansArabic.ttf
lang ur Arab Nastaliq.ttf Naskh.ttf   # Urdu first
fallback Symbols.ttf Emoji.ttf
)",
                                        "test.conf");
  ASSERT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(result.config.dirs, std::vector<std::string>{"/fonts"});
  EXPECT_EQ(font_files_for(result.config, "Arab", "ur"),
            (std::vector<std::string>{"Nastaliq.ttf", "Naskh.ttf", "SansArabic.ttf", "Symbols.ttf",
                                      "Emoji.ttf"}));
  EXPECT_EQ(font_files_for(result.config, "Arab", "fa"),
            (std::vector<std::string>{"Naskh.ttf", "SansArabic.ttf", "Symbols.ttf", "Emoji.ttf"}));
  EXPECT_EQ(font_files_for(result.config, "Ethi", "ti"),
            (std::vector<std::string>{"Symbols.ttf", "Emoji.ttf"}));
}

TEST(FontConfig, ErrorsNameTheFileAndLine) {
  struct Case {
    const char* text;
    const char* error;
  };
  const Case cases[] = {
      {"dir /f\nscript arab x.ttf\n", "x.conf:2: 'arab' is not an ISO 15924 code"},
      {"dir /f\n\nbogus x\n", "x.conf:3: unknown directive 'bogus'"},
      {"dir /f\nscript Latn\n", "x.conf:2: 'script' takes a script code and at least one file"},
      {"dir /f\nfallback ../etc/passwd\n", "x.conf:2: '../etc/passwd' must be a file name without folders"},
      {"script Latn a.ttf\n", "x.conf: no 'dir' directive"},
      {"dir /f\nlang u\xC3r Arab a.ttf\n", "x.conf:2: 'u\xC3r' is not a language tag"},
  };
  for (const Case& c : cases) {
    const auto result = parse_font_config(c.text, "x.conf");
    EXPECT_EQ(result.error, c.error);
    EXPECT_TRUE(result.config.scripts.empty());
  }
}

TEST(FontConfig, AMissingFileIsAnError) {
  const auto result = load_font_config("/nonexistent/fonts.conf");
  EXPECT_EQ(result.error, "/nonexistent/fonts.conf: cannot be read");
}

TEST(FontConfig, TheProjectConfigurationParses) {
  const auto result = load_font_config(std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf");
  ASSERT_TRUE(result.ok()) << result.error;
  EXPECT_FALSE(font_files_for(result.config, "Ethi", "ti").empty());
}

}  // namespace
}  // namespace ih::render
