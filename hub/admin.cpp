// Admin commands: enrolment codes, staff, helpers and the demo seed.
#include <sodium.h>

#include <nlohmann/json.hpp>

#include "api/personal_code.h"
#include "hub/crypto.h"
#include "hub/routes.h"
#include "hub/state.h"

namespace ih::hub {
namespace {

// A code under the platform's prefix "000" that no account has. Random, not
// counted: a code that follows the last one would tell the next.
std::optional<std::string> free_platform_code(Db& db) {
  for (int attempt = 0; attempt < 32; ++attempt) {
    const auto code =
        api::make_personal_code(api::code_prefix(0), randombytes_uniform(api::kBodyCount));
    auto taken = db.prepare("SELECT 1 FROM accounts WHERE code = ?1");
    taken.bind_all(*code);
    const auto step = taken.step();
    if (step == Statement::Step::Done) return code;
    if (step == Statement::Step::Error) return std::nullopt;
  }
  return std::nullopt;  // the prefix is full, in practice
}

// A platform account (helper or staff) with a code under prefix "000".
std::optional<Credentials> add_platform_account(Hub& hub, std::string_view role,
                                                std::string_view display_name,
                                                const std::vector<std::string>& languages,
                                                std::string_view town, std::string secret,
                                                const HelperProfile* helper) {
  const auto pin_hash = hub.pins->hash(secret, hub.config.pin_cost);
  if (!pin_hash) return std::nullopt;
  auto db = hub.store->lease();
  WriteTransaction tx(*db);
  if (!tx.began()) return std::nullopt;
  const auto code = free_platform_code(*db);
  if (!code) return std::nullopt;
  auto insert = db->prepare(
      "INSERT INTO accounts (code, role, display_name, languages, town, pin_hash, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id");
  insert.bind_all(*code, role, display_name, nlohmann::json(languages).dump(), town, *pin_hash,
                  hub.now());
  const auto account_id = insert.run_returning_id();
  if (!account_id) return std::nullopt;
  if (helper) {
    auto profile = db->prepare(
        "INSERT INTO helper_profiles (account_id, categories, radius_km) VALUES (?1, ?2, ?3)");
    profile.bind_all(*account_id, nlohmann::json(helper->categories).dump(),
                     int64_t{helper->radius_km});
    if (!profile.run()) return std::nullopt;
  }
  if (!tx.commit()) return std::nullopt;
  return Credentials{*code, std::move(secret)};
}

}  // namespace

std::string issue_enrolment_code(Hub& hub, int64_t valid_s) {
  // 10 Crockford digits: 50 bits, for a code that lives a day and is tried once.
  const std::string code = random_crockford(10);
  auto db = hub.store->lease();
  auto st = db->prepare("INSERT INTO enrolment_codes (code_hash, expires_at) VALUES (?1, ?2)");
  st.bind_all(hash_secret(code), hub.now() + valid_s);
  if (!st.run()) return {};
  return code.substr(0, 4) + '-' + code.substr(4, 4) + '-' + code.substr(8);
}

std::optional<Credentials> add_staff(Hub& hub, std::string_view display_name) {
  std::string pin;
  for (int i = 0; i < 8; ++i) pin += static_cast<char>('0' + randombytes_uniform(10));
  return add_platform_account(hub, "staff", display_name, {"de"}, "", std::move(pin), nullptr);
}

std::optional<Credentials> add_helper(Hub& hub, const HelperProfile& profile) {
  return add_platform_account(hub, "helper", profile.display_name, profile.languages, profile.town,
                              random_crockford(12), &profile);
}

std::vector<std::pair<HelperProfile, Credentials>> seed_demo_helpers(Hub& hub) {
  std::vector<std::pair<HelperProfile, Credentials>> out;
  if (query_int(hub, "SELECT count(*) FROM helper_profiles") != 0) return out;
  const HelperProfile helpers[] = {
      {"Anke", {"de", "en"}, {"authority", "housing", "work_applications"}, "Dresden", 15},
      {"Jonas", {"de", "ar"}, {"interpreting", "authority", "doctor"}, "Dresden", 25},
      {"Olena", {"uk", "ru", "de"}, {"interpreting", "school_childcare", "doctor"}, "Dresden", 30},
      {"Karim",
       {"ar", "de", "fr"},
       {"language_tandem", "leisure_sport", "mobility"},
       "Leipzig",
       20},
      {"Sabine", {"de"}, {"clothes", "furniture_household", "mobility"}, "Leipzig", 35},
      {"Mehmet", {"tr", "kmr", "de"}, {"interpreting", "legal_advice"}, "Leipzig", 40},
      {"Farida",
       {"prs", "fa", "de"},
       {"interpreting", "doctor", "school_childcare"},
       "Chemnitz",
       40},
      {"Thomas", {"de", "en"}, {"legal_advice", "authority"}, "Chemnitz", 50},
      {"Natalia", {"ru", "uk", "de"}, {"language_tandem", "work_applications"}, "Zwickau", 30},
      {"Peter", {"de"}, {"furniture_household", "mobility", "other"}, "Plauen", 25},
      {"Agnieszka", {"de", "en", "es"}, {"school_childcare", "leisure_sport"}, "Görlitz", 30},
      {"Wahid", {"ps", "prs", "de"}, {"interpreting", "authority"}, "Freiberg", 45},
      {"Lena", {"de", "en"}, {"language_tandem", "other"}, "Bautzen", 20},
      {"Yonas", {"ti", "am", "de"}, {"interpreting", "doctor", "authority"}, "Pirna", 40},
      {"Carmen", {"es", "de"}, {"interpreting", "work_applications"}, "Meißen", 35},
      {"Hawre", {"ckb", "ar", "de"}, {"interpreting", "housing"}, "Riesa", 40},
      {"Ute", {"de"}, {"clothes", "furniture_household"}, "Hoyerswerda", 20},
      {"Abdi", {"so", "en", "de"}, {"interpreting", "leisure_sport"}, "Radebeul", 30},
      {"Nino", {"ka", "ru", "de"}, {"interpreting", "doctor"}, "Freital", 30},
      {"Imran", {"ur", "en", "de"}, {"interpreting", "work_applications"}, "Döbeln", 40},
      {"Marie", {"de", "fr"}, {"legal_advice", "housing"}, "Torgau", 30},
      {"Stefan", {"de", "en"}, {"mobility", "authority"}, "Grimma", 25},
  };
  for (const HelperProfile& profile : helpers) {
    if (auto credentials = add_helper(hub, profile)) out.emplace_back(profile, *credentials);
  }
  return out;
}

}  // namespace ih::hub
