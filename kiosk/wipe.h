// Wiping personal data: the one family of functions that overwrite what a
// person typed or what identifies them before the memory is given back.
// Everything personal the kiosk holds has a wipe() here, and every part of the
// kiosk uses these (the session's end, a form's Back, a request handed to the
// network layer); nothing overwrites personal text another way.
//
// A freed block that once held personal text is only as safe as the
// allocator's handling of it; harden_heap() makes glibc overwrite every block
// it frees, so copies made along the way (formatting, shaping) do not survive
// in freed memory either.
//
// Thread-safe for distinct objects.
#pragma once

#include <string>
#include <vector>

#include "kiosk/requests.h"
#include "kiosk/services.h"
#include "kiosk/session.h"

namespace ih::kiosk {

// Overwrites the whole buffer of `s` (its capacity, not only its size), then
// empties it and gives the buffer back.
void wipe(std::string& s);

// Each string, then the vector's own buffer.
void wipe(std::vector<std::string>& strings);

// Every field; the session ends (active, accepted_notice and large_text false).
void wipe(Session& session);
void wipe(NewProfile& profile);
void wipe(PersonSession& session);
void wipe(PinReset& reset);
void wipe(NewRequest& request);
void wipe(RequestInfo& request);
void wipe(std::vector<RequestInfo>& requests);
void wipe(MyRequests& requests);

// Makes glibc's allocator overwrite every block when it is freed
// (mallopt(M_PERTURB)). Call once at start, before anything personal exists.
void harden_heap();

}  // namespace ih::kiosk
