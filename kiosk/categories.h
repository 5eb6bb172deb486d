// The categories of a request for help as the kiosk shows them: the API's id,
// a picture a person who cannot read recognises, and a label. They are data
// (assets/categories.json), read once, not code: a new category is a line
// there and its translations in i18n/po.
//
// Thread-safe: the list is read on first use (a function-local static) and
// never changed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "i18n/localizer.h"

namespace ih::kiosk {

struct Category {
  std::string id;       // the API's value: "doctor"
  std::string picture;  // an emoji sequence: "🩺"
  std::string label;    // English; the message id, context "category"
};

struct CategoryList {
  std::vector<Category> items;  // in the tiles' order
  std::string error;            // why the file could not be read; items are empty then
};

// Reads the categories from `path` (JSON with comments, as above).
CategoryList load_categories(const std::string& path);

// The kiosk's categories, from assets/categories.json (or the installed copy,
// i18n/data_dir.h), read on first use.
const CategoryList& categories();

// The category `id`, or null.
const Category* find_category(std::string_view id);

// The category's label in the UI language (context "category").
std::string_view category_label(const i18n::Localizer& strings, const Category& category);

}  // namespace ih::kiosk
