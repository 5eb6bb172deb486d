// `ichhelfe-hub helper …`: a helper's side of the API on the command line, for
// the demo and the tests. It talks to a running hub over HTTPS, as a helper's
// app would (api/openapi.yaml), never to the database, so what it shows is
// what the contract gives:
//
//   helper login --code CODE --password PASSWORD --session FILE
//                [--server URL] [--ca FILE]
//   helper requests                       open requests that fit, best first
//   helper offer REQUEST_ID MESSAGE       answer one; prints the conversation
//   helper conversations                  mine, with unread counts
//   helper say CONVERSATION_ID MESSAGE    send a message
//   helper replies CONVERSATION_ID        the whole thread; marks it read
//
// Every command but login takes --session FILE, else the file named by
// $ICHHELFE_HELPER_SESSION. The session file (JSON, mode 0600) holds the
// server's address, the CA file to trust and the session token; helper
// sessions last 30 days.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace ih::hub {

// Runs one command; `args` are the words after "helper". `default_session`
// is used when no --session is given (main passes $ICHHELFE_HELPER_SESSION).
// What a person reads goes to `out`, failures to `err`. Returns the exit
// status: 0 done, 1 refused or unreachable, 2 a usage error.
// Text from the server is shown with control characters replaced, so a
// message cannot drive the terminal it is printed on.
int run_helper_command(const std::vector<std::string>& args, const std::string& default_session,
                       std::ostream& out, std::ostream& err);

// The usage of the helper commands, "usage: SELF helper …" and one line per
// command, each ending in a line feed.
std::string helper_usage(std::string_view self);

}  // namespace ih::hub
