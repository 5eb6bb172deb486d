// The pages around a request for help after the wizard (request_wizard.h):
//
//   sent         what became of the request just sent: "saved" (it is in the
//                outbox; this page is shown only then), "sent" once the
//                platform has it and how many helpers nearby fit, or, offline,
//                that it will be sent when the terminal is online
//   my requests  each request with its picture, when it is wanted and its
//                state (waiting to be sent, open, a helper answered,
//                withdrawn); one not withdrawn or answered can be withdrawn,
//                after a question that needs no reading: the request's
//                picture, and yes and no as icons
//
// Both update without a touch: the shell polls the outbox and the platform and
// the Link wakes the loop when something changed (services.h).
#pragma once

#include <optional>
#include <span>
#include <string>

#include "kiosk/screens/page.h"
#include "kiosk/services.h"

namespace ih::kiosk {

// What the page after Send shows.
struct SentStatus {
  RequestInfo request;     // as it was queued
  bool delivered = false;  // it left the outbox: the platform has it
  bool online = false;     // the terminal reaches the platform now
  MatchAnswer fitting;     // helpers who fit, once the platform said
};
// "My requests" (Action::OpenRequests) or home (Action::Back).
std::optional<Action> draw_request_sent(PageContext& c, const SentStatus& status);

// My requests' widget state: the list's scrolling, and the request whose
// withdrawal is being asked about. The shell owns one per session.
struct RequestListPage {
  float scroll = 0;
  std::optional<std::string> confirm;  // a request's id
};

// `items`: newest first (requests.h's shown()); `waiting_before`: the
// person's requests from earlier sessions still in the outbox (the outbox is
// sealed: only their number is known); `loading`: the platform's list is
// being fetched. Returns WithdrawRequest with the id once confirmed.
std::optional<Action> draw_my_requests(PageContext& c, RequestListPage& page,
                                       std::span<const RequestInfo> items, int64_t waiting_before,
                                       bool loading);

}  // namespace ih::kiosk
