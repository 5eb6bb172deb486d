// The matcher in its simplest honest form: a helper fits a request when they
// offer its category, speak the language asked for, and the request's town is
// within the distance they travel. Nothing is learned or weighted.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "api/sqlite.h"

namespace ih::hub {

struct HelperFacts {
  int64_t account_id = 0;
  std::vector<std::string> languages;
  std::vector<std::string> categories;
  std::string town;
  int radius_km = 0;
};

struct RequestFacts {
  std::string category;
  std::string helper_language;
  std::string town;
};

// Kilometres from the helper to the request if the helper fits, else nullopt.
std::optional<int> fit(const HelperFacts& helper, const RequestFacts& request);

// Every helper, or only the one with `account_id` if it is not 0.
std::vector<HelperFacts> load_helpers(sql::Database& db, int64_t account_id = 0);

}  // namespace ih::hub
