// The hub's state is its user's alone: the state folder is 0700 and every
// file in it 0600, whatever the umask, also when an earlier version left them
// readable. Functions here are thread-safe (they touch only the file system).
#pragma once

#include <string>

namespace ih::hub {

// Creates `path` and its parents if missing, and makes `path` 0700. False
// and *error if it cannot.
bool make_private_folder(const std::string& path, std::string* error);

// Creates `path` empty if missing, and makes it 0600. False and *error if it
// cannot. SQLite gives a database's WAL and shared-memory files the mode of
// the database, so a database file made private first stays so.
bool make_private_file(const std::string& path, std::string* error);

// Makes `path` 0600 if it exists; true if it does not.
bool make_private_if_present(const std::string& path, std::string* error);

}  // namespace ih::hub
