// Pictures of the "My messages" pages for --screen, the goldens and the
// benchmarks: the shell at home with unread messages, the conversations, a
// thread that mixes Arabic, German, Tigrinya and emoji with a helper whose
// name carries a right-to-left override (as a server could send it), a reply
// still waiting on the terminal, and a day being proposed. The samples are
// no one's; the wall clock stands at 15:30 UTC on 4 December 2026.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "i18n/locale_format.h"
#include "kiosk/conversations.h"
#include "kiosk/screen.h"

namespace ih::kiosk {

// 2026-12-04 15:30 UTC: when the sample's messages are "today".
i18n::Timestamp sample_now();

// Three conversations, one unread ("c1": mixed scripts, a long message, a
// spoofing name), as they come out of the link (safe, sorted).
InboxView sample_inbox();

// A thread of `count` messages in turn German, Arabic, Tigrinya, Persian and
// emoji, alternately the helper's and the person's.
std::vector<ChatMessage> mixed_thread(int count);

// The screen `name` ("messages-home", "my-messages", "messages-thread",
// "messages-waiting", "messages-propose", "messages-propose-review"), or
// null when it is not one of these.
std::unique_ptr<Screen> make_message_screen(std::string_view name, const Settings& settings);

// The names make_message_screen() knows.
std::vector<std::string_view> message_screen_names();

}  // namespace ih::kiosk
