// The shell's state for a person's requests for help, apart from the session's
// record of them (requests.h): the wizard, the list page's widget state, the
// request the page after Send shows, and the answers still awaited from the
// platform. The shell (shell.h) owns one and makes it anew at the end of every
// session; shell_requests.cpp applies the request pages' actions and polls.
//
// Not thread-safe: the UI thread owns it.
#pragma once

#include <future>
#include <string>

#include "kiosk/screens/request_pages.h"
#include "kiosk/screens/request_wizard.h"
#include "kiosk/services.h"

namespace ih::kiosk {

struct RequestDesk {
  explicit RequestDesk(FieldRules rules = {}) : form(std::move(rules)) {}
  RequestForm form;
  RequestListPage list;
  std::string sent_id;               // the request the page after Send shows
  std::future<RequestList> listing;  // the platform's list, while asked
  bool list_again = false;           // something changed while the list was asked
  size_t listed_delivered = 0;       // of the session's requests, how many had left when listed
  std::future<MatchAnswer> matching;
  MatchAnswer fitting;
};

}  // namespace ih::kiosk
