#include "hub/db.h"

namespace ih::hub {

Statement& Statement::bind(int index, int64_t value) {
  if (impl_) impl_->bind_int64(index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  if (impl_) impl_->bind_text(index, text);
  return *this;
}

Statement& Statement::bind(int index, const std::vector<unsigned char>& blob) {
  if (impl_) impl_->bind_blob(index, blob);
  return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
  if (impl_) impl_->bind_null(index);
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
  return text ? bind(index, std::string_view(*text)) : bind(index, std::nullopt);
}

Statement::Step Statement::step() {
  return impl_ ? impl_->step() : Step::Error;
}

bool Statement::run() {
  return step() == Step::Done;
}

std::optional<int64_t> Statement::run_returning_id() {
  if (step() != Step::Row) return std::nullopt;
  const int64_t id = int64(0);
  // To its end, so SQLite counts the statement as finished before COMMIT.
  if (step() != Step::Done) return std::nullopt;
  return id;
}

std::optional<std::string> Statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

}  // namespace ih::hub
