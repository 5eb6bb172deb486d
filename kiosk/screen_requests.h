// Pictures of the request pages for --screen and the goldens: the shell at a
// step of the wizard, after Send, or at "My requests", with sample answers
// that are no one's and a wall clock that stands at noon on 6 December 2026.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "kiosk/screen.h"

namespace ih::kiosk {

// The screen `name` ("request", "request-when", …, "my-requests",
// "request-withdraw"), or null when it is not one of these.
std::unique_ptr<Screen> make_request_screen(std::string_view name, const Settings& settings);

// The names make_request_screen() knows.
std::vector<std::string_view> request_screen_names();

}  // namespace ih::kiosk
