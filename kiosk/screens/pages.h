// The shell's pages after the attract screen and the language picker: the
// privacy notice, the start (new or returning), the home page, and the idle
// warning. Each draws into PageContext::area and returns the action a touch
// asked for. They mirror for right-to-left languages by placing things at the
// start and the end (i18n/direction.h), never at the left or right.
#pragma once

#include <chrono>
#include <span>
#include <string_view>

#include "kiosk/screens/page.h"
#include "kiosk/services.h"

namespace ih::kiosk {

// What the privacy notice says, in plain language, and "I agree".
std::optional<Action> draw_privacy(PageContext& c);

// "I am new" or "I have a code".
std::optional<Action> draw_start(PageContext& c);

// The personal code a new profile got: big, and as a QR code to photograph.
// `code` is personal: laid out and encoded here, never logged.
std::optional<Action> draw_code(PageContext& c, std::string_view code);

// The person's home: their requests, their messages, a new request.
// `name` is the name they chose (personal: laid out, never logged).
// `not_arrived`: what they entered that the platform refused for good since
// they were last told (LoginOutcome::not_arrived), said plainly under the
// greeting, one warning per kind, never what it said. `unread`: messages
// from helpers the person has not read, a badge on "My messages".
std::optional<Action> draw_home(PageContext& c, std::string_view name,
                                std::span<const NotArrived> not_arrived = {}, int64_t unread = 0);

// The idle warning: how many seconds are left, and that a touch continues.
// The whole screen is one touch target.
std::optional<Action> draw_idle_warning(PageContext& c, std::chrono::seconds left);

}  // namespace ih::kiosk
