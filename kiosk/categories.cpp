#include "kiosk/categories.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "i18n/data_dir.h"

namespace ih::kiosk {

CategoryList load_categories(const std::string& path) {
  CategoryList list;
  std::ifstream in(path);
  if (!in) {
    list.error = "cannot read " + path;
    return list;
  }
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json doc = nlohmann::json::parse(text.str(), nullptr, false, true);
  if (doc.is_discarded() || !doc.contains("categories") || !doc["categories"].is_array()) {
    list.error = path + " is not a list of categories";
    return list;
  }
  for (const nlohmann::json& c : doc["categories"]) {
    if (!c.is_object() || !c.value("id", nlohmann::json()).is_string() ||
        !c.value("picture", nlohmann::json()).is_string() ||
        !c.value("label", nlohmann::json()).is_string()) {
      list.items.clear();
      list.error = path + ": a category needs an id, a picture and a label";
      return list;
    }
    list.items.push_back({c["id"], c["picture"], c["label"]});
  }
  return list;
}

const CategoryList& categories() {
  static const CategoryList list =
      load_categories(i18n::data_path("categories.json", ICHHELFE_CATEGORIES_FILE));
  return list;
}

const Category* find_category(std::string_view id) {
  for (const Category& c : categories().items)
    if (c.id == id) return &c;
  return nullptr;
}

std::string_view category_label(const i18n::Localizer& strings, const Category& category) {
  // A message id made at run time from the data; scripts/update-po puts
  // every label into the catalogs' template with this context.
  return strings.text(i18n::MessageId{"category", category.label.c_str()});
}

}  // namespace ih::kiosk
