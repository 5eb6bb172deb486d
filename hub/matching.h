// The matcher in its simplest honest form: a helper fits a request when they
// offer its category, speak the language asked for, and the request's town is
// within the distance they travel. Nothing is learned or weighted. This is
// the one place that rule is written: the match count, the feed and offers
// all judge with it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hub/db.h"

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

// How a request fits a helper, each part of the rule on its own, so that a
// refusal can say which part failed.
struct Fit {
  bool category = false;  // the helper offers the request's category
  bool language = false;  // the helper speaks the language asked for
  bool town = false;      // the request's town lies within the helper's radius
  std::optional<int> km;  // from the helper's town to the request's, if both are known
  bool fits() const { return category && language && town; }
};

Fit judge_fit(const HelperFacts& helper, const RequestFacts& request);

// Kilometres from the helper to the request if the helper fits, else nullopt.
std::optional<int> fit(const HelperFacts& helper, const RequestFacts& request);

// Every helper, or only the one with `account_id` if it is not 0.
std::vector<HelperFacts> load_helpers(Db& db, int64_t account_id = 0);

}  // namespace ih::hub
