// The hub's SQLite connection (db.h): one WAL database file, embedded.
#pragma once

#include <memory>
#include <string>

#include "hub/db.h"

namespace ih::hub {

// Opens `path` (creating it) in WAL mode with foreign keys on. nullptr and
// *error on failure.
std::unique_ptr<Db> open_sqlite_db(const std::string& path, std::string* error);

}  // namespace ih::hub
