#include "hub/account_json.h"

#include "api/time_text.h"

namespace ih::hub {

nlohmann::json account_json(const Statement& st, int first) {
  nlohmann::json out = {
      {"personal_code", st.text(first)},
      {"role", st.text(first + 1)},
      {"display_name", st.text(first + 2)},
      {"languages", nlohmann::json::parse(st.text(first + 3), nullptr, false)},
      {"town", st.text(first + 4)},
      {"created_at", api::format_time(st.int64(first + 6))},
  };
  if (!st.is_null(first + 5)) out["phone"] = st.text(first + 5);
  return out;
}

nlohmann::json request_json(const Statement& st, int first) {
  nlohmann::json when = {{"part_of_day", st.text(first + 3)}};
  if (!st.is_null(first + 2)) when["date"] = st.text(first + 2);
  nlohmann::json out = {
      {"id", st.text(first)},
      {"category", st.text(first + 1)},
      {"when", when},
      {"town", st.text(first + 4)},
      {"helper_language", st.text(first + 6)},
      {"status", st.text(first + 8)},
      {"created_at", api::format_time(st.int64(first + 9))},
      {"updated_at", api::format_time(st.int64(first + 10))},
  };
  if (!st.is_null(first + 5)) out["place"] = st.text(first + 5);
  if (!st.is_null(first + 7)) out["text"] = st.text(first + 7);
  return out;
}

}  // namespace ih::hub
