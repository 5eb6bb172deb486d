// The session: everything about the person using the terminal now, held in
// memory only and owned by the shell (shell.h). When the session ends, wipe()
// (wipe.h) overwrites every buffer that held it before freeing it.
//
// Not thread-safe: the UI thread owns it.
#pragma once

#include <string>
#include <vector>

#include "kiosk/requests.h"
#include "kiosk/services.h"

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
  // What the platform refused of theirs, told on the home page (services.h).
  std::vector<NotArrived> not_arrived;
  // Their requests for help as the kiosk knows them (requests.h).
  MyRequests requests;
};

}  // namespace ih::kiosk
