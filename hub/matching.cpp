#include "hub/matching.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "hub/towns.h"

namespace ih::hub {
namespace {

std::vector<std::string> string_list(const std::string& json_text) {
  std::vector<std::string> out;
  const auto value = nlohmann::json::parse(json_text, nullptr, false);
  if (!value.is_array()) return out;
  for (const auto& item : value) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

Fit judge_fit(const HelperFacts& helper, const RequestFacts& request) {
  Fit out;
  out.category = contains(helper.categories, request.category);
  out.language = contains(helper.languages, request.helper_language);
  out.km = distance_km(helper.town, request.town);
  out.town = out.km && *out.km <= helper.radius_km;
  return out;
}

std::optional<int> fit(const HelperFacts& helper, const RequestFacts& request) {
  const Fit judged = judge_fit(helper, request);
  if (!judged.fits()) return std::nullopt;
  return judged.km;
}

std::vector<HelperFacts> load_helpers(Db& db, int64_t account_id) {
  auto st = db.prepare(
      "SELECT a.id, a.languages, a.town, h.categories, h.radius_km FROM helper_profiles h "
      "JOIN accounts a ON a.id = h.account_id WHERE ?1 = 0 OR a.id = ?1");
  st.bind_all(account_id);
  std::vector<HelperFacts> out;
  while (st.step() == Statement::Step::Row) {
    out.push_back({st.int64(0), string_list(st.text(1)), string_list(st.text(3)), st.text(2),
                   static_cast<int>(st.int64(4))});
  }
  return out;
}

}  // namespace ih::hub
