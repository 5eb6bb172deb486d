// The hub's PostgreSQL connection (db.h), through libpq, for a deployment in
// which several hub processes share one database.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "hub/db.h"

namespace ih::hub {

// Connects with a libpq connection string ("postgresql://user@host/db" or
// "host=/run/postgresql dbname=ichhelfe"). nullptr and *error on failure.
std::unique_ptr<Db> open_postgres_db(const std::string& conninfo, std::string* error);

// For tests and set-up: `conninfo` (either form) as a "key=value" string
// that names the database `dbname` instead of its own.
std::string postgres_with_database(const std::string& conninfo, const std::string& dbname);

// For tests and set-up: runs one statement that cannot run in a transaction
// (CREATE DATABASE, DROP DATABASE) on the server `conninfo` names. False and
// *error on failure.
bool postgres_admin(const std::string& conninfo, const std::string& statement, std::string* error);

// SQL in the hub's portable subset (db.h) as PostgreSQL takes it: ?1 → $1.
// Text in single quotes is left as it is.
std::string postgres_placeholders(std::string_view sql);

// A migration written with SQLite's column types in PostgreSQL's: INTEGER
// PRIMARY KEY (SQLite's rowid, numbered by the database) becomes a BIGINT
// identity, INTEGER BIGINT, BLOB BYTEA.
std::string postgres_schema(std::string_view ddl);

}  // namespace ih::hub
