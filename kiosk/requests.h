// What the kiosk knows of a person's requests for help while they use it: the
// ones this terminal queued in their session (the outbox is sealed, so the
// kiosk remembers them itself), how many of those left the outbox, and the
// platform's last list. "My requests" shows them merged: a request still in
// the outbox as waiting, one withdrawn here as withdrawn at once.
//
// Owned by the session (session.h) and wiped with it (wipe.h): a request's
// text is personal. Plain data and pure functions; UI thread only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/services.h"

namespace ih::kiosk {

struct MyRequests {
  std::vector<RequestInfo> queued;     // made on this terminal in this session, oldest first
  size_t delivered = 0;                // how many of `queued`, the oldest, left the outbox
  int64_t waiting_before = 0;          // the person's requests waiting from earlier sessions
  std::vector<RequestInfo> listed;     // the platform's last list
  std::vector<std::string> withdrawn;  // ids whose withdrawal was queued in this session
};

// Takes the outbox's count of the person's requests still waiting. The lane
// delivers in order, so those waiting are the newest: of `queued`, all but
// the last `waiting` have left; more waiting than queued here are earlier
// sessions'.
void note_waiting(MyRequests& mine, int64_t waiting);

// Whether request `id` of `queued` has left the outbox.
bool delivered(const MyRequests& mine, const std::string& id);

// Every request to show, newest first: the platform's, and those queued here
// that it does not list yet, each in the state to show.
std::vector<RequestInfo> shown(const MyRequests& mine);

}  // namespace ih::kiosk
