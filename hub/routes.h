// Route handlers, one file per part of the API (routes_<part>.cpp). Each takes
// the call's context and answers it; hub.cpp maps methods and paths to them.
#pragma once

#include <string>
#include <string_view>

#include "hub/call_context.h"

namespace ih::hub {

Reply health(CallContext& ctx);

// routes_terminals.cpp
Reply enrol_terminal(CallContext& ctx);
Reply heartbeat(CallContext& ctx);

// routes_accounts.cpp
Reply create_account(CallContext& ctx);
Reply me(CallContext& ctx);
Reply reset_pin(CallContext& ctx);

// routes_sessions.cpp
Reply login(CallContext& ctx);
Reply logout(CallContext& ctx);

// routes_requests.cpp
Reply create_request(CallContext& ctx);
Reply list_requests(CallContext& ctx);
Reply withdraw_request(CallContext& ctx);

// routes_matching.cpp
Reply count_matches(CallContext& ctx);
Reply feed(CallContext& ctx);
Reply offer_help(CallContext& ctx);

// routes_conversations.cpp
Reply list_conversations(CallContext& ctx);
Reply list_messages(CallContext& ctx);
Reply send_message(CallContext& ctx);
Reply mark_read(CallContext& ctx);

// routes_envelopes.cpp
Reply deliver_envelope(CallContext& ctx);

}  // namespace ih::hub
