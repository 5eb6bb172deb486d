// The outbox's dead letters (outbox.h): entries the server refused for good,
// kept sealed with why, until the person has been told and their time is up.
#include <nlohmann/json.hpp>

#include "net/log.h"
#include "net/outbox.h"

namespace ih::net {
namespace {

constexpr const char* kColumns =
    "id, lane, kind, refused_at, status, problem_type, problem_title, fields, told";

DeadLetter dead_letter_from(const sql::Statement& st) {
  DeadLetter d;
  d.id = st.int64(0);
  d.lane = st.text(1);
  d.kind = kind_from_name(st.text(2));
  d.refused_at = st.int64(3);
  d.refusal.status = static_cast<int>(st.int64(4));
  d.refusal.problem_type = st.text(5);
  d.refusal.problem_title = st.text(6);
  const auto fields = nlohmann::json::parse(st.text(7), nullptr, false);
  if (fields.is_array()) {
    for (const auto& f : fields) {
      if (f.is_string()) d.refusal.fields.push_back(f.get<std::string>());
    }
  }
  d.told = st.int64(8) != 0;
  return d;
}

}  // namespace

bool Outbox::move_to_dead_letters(int64_t seq, const Refusal& refusal, int64_t now) {
  std::lock_guard lock(mutex_);
  sql::Transaction tx(db_);
  if (!tx.began()) return false;
  auto copy = db_.prepare(
      "INSERT INTO dead_letters (key, lane, kind, sealed, status, problem_type, problem_title, "
      "fields, refused_at) SELECT key, lane, kind, sealed, ?2, ?3, ?4, ?5, ?6 FROM entries "
      "WHERE seq = ?1");
  copy.bind_all(seq, int64_t{refusal.status}, refusal.problem_type, refusal.problem_title,
                nlohmann::json(refusal.fields).dump(), now);
  if (!copy.run() || db_.changes() != 1) return false;
  auto remove = db_.prepare("DELETE FROM entries WHERE seq = ?1");
  remove.bind_all(seq);
  if (!remove.run()) return false;
  prune_locked(now);
  return tx.commit();
}

int64_t Outbox::prune_locked(int64_t now) {
  auto old = db_.prepare("DELETE FROM dead_letters WHERE refused_at < ?1");
  old.bind_all(now - kDeadLetterDays * 86400);
  old.run();
  int64_t dropped = db_.changes();
  auto many = db_.prepare(
      "DELETE FROM dead_letters WHERE id <= (SELECT id FROM dead_letters ORDER BY id DESC "
      "LIMIT 1 OFFSET ?1)");
  many.bind_all(kMaxDeadLetters);
  many.run();
  dropped += db_.changes();
  if (dropped > 0) {
    log(LogLevel::Warning, "dropped " + std::to_string(dropped) + " dead letters past their time");
  }
  return dropped;
}

int64_t Outbox::prune_dead_letters(int64_t now) {
  std::lock_guard lock(mutex_);
  return prune_locked(now);
}

DeadLetterSummary Outbox::dead_letter_summary() {
  std::lock_guard lock(mutex_);
  DeadLetterSummary s;
  auto totals = db_.prepare(
      "SELECT count(*), coalesce(sum(told = 0), 0), coalesce(max(refused_at), 0) "
      "FROM dead_letters");
  if (totals.step() == sql::Statement::Step::Row) {
    s.total = totals.int64(0);
    s.untold = totals.int64(1);
    s.last_refused_at = totals.int64(2);
  }
  auto groups = db_.prepare(
      "SELECT kind, status, problem_type, count(*) AS n FROM dead_letters "
      "GROUP BY kind, status, problem_type ORDER BY n DESC, kind, status, problem_type");
  while (groups.step() == sql::Statement::Step::Row) {
    s.counts.push_back({kind_from_name(groups.text(0)), static_cast<int>(groups.int64(1)),
                        groups.text(2), groups.int64(3)});
  }
  return s;
}

std::vector<DeadLetter> Outbox::untold_dead_letters(std::string_view lane) {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare(std::string("SELECT ") + kColumns +
                        " FROM dead_letters WHERE lane = ?1 AND told = 0 ORDER BY id");
  st.bind_all(lane);
  std::vector<DeadLetter> out;
  while (st.step() == sql::Statement::Step::Row) out.push_back(dead_letter_from(st));
  return out;
}

bool Outbox::mark_dead_letters_told(std::string_view lane, int64_t up_to) {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare("UPDATE dead_letters SET told = 1 WHERE lane = ?1 AND id <= ?2");
  st.bind_all(lane, up_to);
  return st.run();
}

std::vector<DeadLetter> Outbox::dead_letters(size_t max) {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare(std::string("SELECT ") + kColumns +
                        " FROM dead_letters ORDER BY id DESC LIMIT ?1");
  st.bind_all(static_cast<int64_t>(max));
  std::vector<DeadLetter> out;
  while (st.step() == sql::Statement::Step::Row) out.push_back(dead_letter_from(st));
  return out;
}

}  // namespace ih::net
