// The hub's schema as a list of migrations. A database remembers how many it
// has applied (SQLite: PRAGMA user_version; PostgreSQL: a table); new versions
// only ever append here. They are written in SQLite's types (db.h).
#include <iterator>
#include <string>

#include "hub/store.h"

namespace ih::hub {
namespace {

constexpr const char* kMigrations[] = {
    // 1: everything the first version of the API needs.
    R"sql(
CREATE TABLE hub_keys (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  box_public BLOB NOT NULL,
  box_secret BLOB NOT NULL,
  fingerprint_key BLOB NOT NULL);
CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE enrolment_codes (
  code_hash BLOB PRIMARY KEY,
  expires_at INTEGER NOT NULL,
  terminal_id TEXT);
CREATE TABLE terminals (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  code_prefix TEXT NOT NULL UNIQUE,
  secret_hash BLOB NOT NULL,
  enrolled_at INTEGER NOT NULL,
  last_seen_at INTEGER,
  version TEXT,
  outbox_depth INTEGER,
  last_error TEXT);
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('person', 'helper', 'staff')),
  display_name TEXT NOT NULL,
  languages TEXT NOT NULL,
  town TEXT NOT NULL,
  phone TEXT,
  pin_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  terminal_id TEXT REFERENCES terminals(id));
CREATE TABLE helper_profiles (
  account_id INTEGER PRIMARY KEY REFERENCES accounts(id),
  categories TEXT NOT NULL,
  radius_km INTEGER NOT NULL);
CREATE TABLE sessions (
  token_hash BLOB PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  terminal_id TEXT REFERENCES terminals(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  ended_at INTEGER);
CREATE INDEX sessions_by_account ON sessions(account_id);
CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  account_code TEXT NOT NULL,
  terminal_id TEXT,
  at INTEGER NOT NULL);
CREATE INDEX login_failures_by_account ON login_failures(account_code, at);
CREATE INDEX login_failures_by_terminal ON login_failures(terminal_id, at);
CREATE TABLE requests (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  category TEXT NOT NULL,
  when_date TEXT,
  part_of_day TEXT NOT NULL,
  town TEXT NOT NULL,
  place TEXT,
  helper_language TEXT NOT NULL,
  text TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'answered', 'withdrawn')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL);
CREATE INDEX requests_by_account ON requests(account_id, seq);
CREATE INDEX requests_open ON requests(status, category, helper_language);
CREATE TABLE conversations (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  request_seq INTEGER NOT NULL REFERENCES requests(seq),
  person_id INTEGER NOT NULL REFERENCES accounts(id),
  helper_id INTEGER NOT NULL REFERENCES accounts(id),
  updated_at INTEGER NOT NULL,
  activity INTEGER NOT NULL,
  UNIQUE (request_seq, helper_id));
CREATE INDEX conversations_by_person ON conversations(person_id, activity);
CREATE INDEX conversations_by_helper ON conversations(helper_id, activity);
CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  conversation_seq INTEGER NOT NULL REFERENCES conversations(seq),
  sender_id INTEGER NOT NULL REFERENCES accounts(id),
  text TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  read_at INTEGER);
CREATE INDEX messages_by_conversation ON messages(conversation_seq, id);
CREATE TABLE idempotency (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint BLOB NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (scope, key));
CREATE INDEX idempotency_by_age ON idempotency(created_at);
)sql",
    // 2: login failures are pruned by age.
    R"sql(
CREATE INDEX login_failures_by_age ON login_failures(at);
)sql",
    // 3: when a terminal that was online after a session expired must have
    // delivered the session's envelopes (hub time); NULL until then.
    R"sql(
ALTER TABLE sessions ADD COLUMN drain_by INTEGER;
CREATE INDEX sessions_to_drain ON sessions(terminal_id, expires_at) WHERE drain_by IS NULL;
)sql",
    // 4: the hub's secret keys sealed with the key file (hub_keys.h), and
    // replies kept for idempotency sealed to the call that made them
    // (call_context.cpp). Rows from before keep their clear columns until
    // they are rewritten or pruned.
    R"sql(
ALTER TABLE hub_keys ADD COLUMN sealed BLOB;
ALTER TABLE idempotency ADD COLUMN sealed_body BLOB;
)sql",
};

}  // namespace

bool migrate(Db& db, std::string* error) {
  const int newest = static_cast<int>(std::size(kMigrations));
  for (;;) {
    WriteTransaction tx(db);
    const int have = tx.began() ? db.schema_version() : -1;
    if (have < 0) {
      *error = "cannot read the schema version: " + db.error();
      return false;
    }
    if (have > newest) {
      *error = "the database is newer (schema " + std::to_string(have) + ") than this hub (" +
               std::to_string(newest) + ")";
      return false;
    }
    if (have == newest) return true;
    if (!db.exec_schema(kMigrations[have]) || !db.set_schema_version(have + 1) || !tx.commit()) {
      *error = "migration to schema " + std::to_string(have + 1) + " failed: " + db.error();
      return false;
    }
  }
}

}  // namespace ih::hub
