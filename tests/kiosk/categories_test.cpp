// The request categories are data: the API's categories, in its order, each
// with a picture and a label that the catalogs' template holds.
#include "kiosk/categories.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "api/field_rules.h"

namespace ih::kiosk {
namespace {

TEST(CategoriesTest, TheTilesAreTheApisCategoriesInItsOrder) {
  const CategoryList& list = categories();
  ASSERT_TRUE(list.error.empty()) << list.error;
  const auto api = api::categories();
  ASSERT_EQ(list.items.size(), api.size());
  for (size_t i = 0; i < api.size(); ++i) EXPECT_EQ(list.items[i].id, api[i]);
}

TEST(CategoriesTest, EveryCategoryHasAPictureAndALabelInTheCatalogsTemplate) {
  std::ifstream in(std::string(ICHHELFE_SOURCE_DIR) + "/i18n/po/kiosk.pot");
  std::stringstream pot;
  pot << in.rdbuf();
  for (const Category& c : categories().items) {
    EXPECT_FALSE(c.picture.empty()) << c.id;
    // An emoji: no letter a person would have to read.
    EXPECT_GE(static_cast<unsigned char>(c.picture[0]), 0xE2) << c.id;
    EXPECT_NE(pot.str().find("msgctxt \"category\"\nmsgid \"" + c.label + "\""), std::string::npos)
        << c.label << ": run scripts/update-po";
  }
}

TEST(CategoriesTest, AFileThatIsNotAListOfCategoriesIsAnErrorNotAnEmptyGrid) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "categories-bad.json";
  std::ofstream(path) << R"({"categories": [{"id": "doctor"}]})";
  const CategoryList list = load_categories(path.string());
  EXPECT_TRUE(list.items.empty());
  EXPECT_FALSE(list.error.empty());
  EXPECT_FALSE(load_categories("/no/such/file.json").error.empty());
  std::filesystem::remove(path);
}

TEST(CategoriesTest, FindsACategoryByItsApiId) {
  ASSERT_NE(find_category("doctor"), nullptr);
  EXPECT_EQ(find_category("doctor")->picture, "🩺");
  EXPECT_EQ(find_category("no-such"), nullptr);
}

}  // namespace
}  // namespace ih::kiosk
