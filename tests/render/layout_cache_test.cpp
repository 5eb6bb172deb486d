// The layout cache: a screen laid out twice shapes nothing the second time.
#include "render/layout_cache.h"

#include "engine_fixture.h"

namespace ih::render {
namespace {

using testing::EngineTest;

const char* const kScreen[] = {"Willkommen", "مرحبا بكم", "ሰላም", "Добро пожаловать",
                               "خوش آمدید"};

TEST_F(EngineTest, LayingOutTheSameScreenTwiceShapesNothingNew) {
  for (const char* text : kScreen) lay(text, "de", {.max_width = 500});
  const LayoutCache::Stats first = engine.cache_stats();
  EXPECT_EQ(first.shape_misses, std::size(kScreen));
  for (const char* text : kScreen) lay(text, "de", {.max_width = 500});
  const LayoutCache::Stats second = engine.cache_stats();
  EXPECT_EQ(second.shape_misses, first.shape_misses);
  EXPECT_EQ(second.layout_hits, first.layout_hits + std::size(kScreen));
}

TEST_F(EngineTest, ANewWidthReusesTheShapedParagraph) {
  auto narrow = lay("Ich brauche Hilfe bei einem Arztbesuch", "de", {.max_width = 200});
  auto wide = lay("Ich brauche Hilfe bei einem Arztbesuch", "de", {.max_width = 900});
  EXPECT_EQ(narrow->shaped, wide->shaped);
  EXPECT_GT(narrow->lines.size(), wide->lines.size());
  EXPECT_EQ(engine.cache_stats().shape_misses, 1u);
  EXPECT_EQ(engine.cache_stats().shape_hits, 1u);
}

TEST_F(EngineTest, StyleAndLanguageAreDifferentKeys) {
  auto ar = lay("خوش آمدید", "fa");
  auto ur = lay("خوش آمدید", "ur");
  EXPECT_NE(ar->shaped, ur->shaped);
  auto big = lay("خوش آمدید", "fa", {}, 48);
  EXPECT_NE(ar->shaped, big->shaped);
  EXPECT_EQ(engine.cache_stats().shape_misses, 3u);
}

TEST_F(EngineTest, ClearingTheCacheForgetsEveryText) {
  lay("Anna Müller", "de");
  engine.clear_caches();
  lay("Anna Müller", "de");
  EXPECT_EQ(engine.cache_stats().shape_misses, 2u);
}

TEST(LayoutCache, EvictsTheLeastRecentlyUsed) {
  TextEngine engine(testing::project_fonts(), 2);
  const TextStyle style{.size = 20, .language = "de"};
  engine.layout("eins", style);
  engine.layout("zwei", style);
  engine.layout("eins", style);  // now "zwei" is the oldest
  engine.layout("drei", style);
  EXPECT_EQ(engine.cache_stats().evictions, 1u);
  const auto misses = engine.cache_stats().shape_misses;
  engine.layout("eins", style);
  EXPECT_EQ(engine.cache_stats().shape_misses, misses);
  engine.layout("zwei", style);
  EXPECT_EQ(engine.cache_stats().shape_misses, misses + 1);
}

}  // namespace
}  // namespace ih::render
