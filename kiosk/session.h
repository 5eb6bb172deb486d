// The session: everything about the person using the terminal now, held in
// memory only and owned by the shell (shell.h). When the session ends, wipe()
// overwrites every buffer that held it before freeing it.
//
// A freed block that once held personal text is only as safe as the
// allocator's handling of it; harden_heap() makes glibc overwrite every block
// it frees, so copies made along the way (formatting, shaping) do not survive
// in freed memory either.
//
// Not thread-safe: the UI thread owns it.
#pragma once

#include <string>
#include <vector>

namespace ih::kiosk {

struct Session {
  bool active = false;  // a person has started using the terminal
  bool accepted_notice = false;
  bool large_text = false;  // the person asked for larger text (from the settings' default)
  std::string display_name;
  std::string personal_code;
  std::string token;  // the session token the server knows the person by
  std::string lane;   // of their entries in the outbox (net/terminal.h)
  std::vector<std::string> languages;
  std::string town;
};

// Overwrites the whole buffer of `s` (its capacity, not only its size), then
// empties it and gives the buffer back.
void wipe(std::string& s);

// Overwrites and empties every field of `session`.
void wipe(Session& session);

// Makes glibc's allocator overwrite every block when it is freed
// (mallopt(M_PERTURB)). Call once at start, before anything personal exists.
void harden_heap();

}  // namespace ih::kiosk
