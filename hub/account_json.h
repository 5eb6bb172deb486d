// JSON shapes of rows that several route files answer with.
#pragma once

#include <nlohmann/json.hpp>

#include "hub/db.h"

namespace ih::hub {

// Columns, in this order, that account_json() reads from `st` at `first`.
inline constexpr const char* kAccountColumns =
    "a.code, a.role, a.display_name, a.languages, a.town, a.phone, a.created_at";
nlohmann::json account_json(const Statement& st, int first = 0);

// Columns, in this order, that request_json() reads.
inline constexpr const char* kRequestColumns =
    "r.id, r.category, r.when_date, r.part_of_day, r.town, r.place, r.helper_language, r.text, "
    "r.status, r.created_at, r.updated_at";
nlohmann::json request_json(const Statement& st, int first = 0);

}  // namespace ih::hub
