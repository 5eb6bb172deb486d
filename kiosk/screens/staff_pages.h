// What the staff pages share (staff.h), for kiosk/screens/staff_*.cpp only:
// the layout of their bottom row and message, the staff tile, the forms'
// fields and keyboards, and the pages themselves, which draw_staff() picks
// from.
//
// Not thread-safe: UI thread only, between ImGui's NewFrame and Render.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "kiosk/screens/staff.h"

namespace ih::kiosk::staff {

using namespace std::chrono_literals;

// [SECTION] Timing

// While a service works, a frame this often shows when it is done.
inline constexpr Clock::duration kPoll = 100ms;
// On the menu, the terminal's state is drawn again this often.
inline constexpr Clock::duration kStatusRefresh = 2s;

// Asks for a frame at `at`, unless one is due earlier.
void redraw_by(PageContext& c, Clock::time_point at);

// "4:07": minutes and seconds, in the UI language's digits.
std::string clock_text(const i18n::Localizer& s, Clock::duration d);

// [SECTION] Layout (staff_layout.cpp)

bool landscape(const PageContext& c);
// The bottom row of a page: Back at the start (i = 0), the page's action at
// the end (i = 1). In landscape they take a quarter of the width each and the
// message to staff goes between them; in portrait, where the row is narrow,
// they share it and the message goes above.
Rect bottom_button(const PageContext& c, int i);
// Where the message to staff goes (see bottom_button).
Rect message_box(const PageContext& c);
// Where a page's content must end: above the bottom row and the message.
float content_bottom(const PageContext& c);
// A line of running text in the body size; red for an error.
float note(PageContext& c, std::string_view text, float y, bool error = false);
// A message to staff (an outcome, progress, a problem) in the message box,
// kept in forms.message for tests.
void say(StaffForms& forms, PageContext& c, std::string_view text, bool error = false);
// The same at `y` (the PIN page's place for it); returns the y below it.
float say_at(StaffForms& forms, PageContext& c, std::string_view text, float y, bool error = false);
// Pixels `text` needs on a page_button of `height`, with room around it.
float button_width(PageContext& c, std::string_view text, float height);
// A tile that is on or off: on, it is filled and carries a check mark at its
// end corner, so the state shows in shape and not only in colour. `text` is
// in `language` (empty: the UI language's). True when released over it.
bool toggle(PageContext& c, const std::string& id, std::string_view text, std::string_view language,
            bool on, Rect r);

// [SECTION] Forms (staff_form.cpp)

enum class Keys { Text, Code, Pin };  // which keyboard a field takes

// A field: its id, its keyboard, its longest text in graphemes.
struct FieldSpec {
  const char* id;
  Keys keys;
  int32_t max;
};

// Longest texts, in graphemes: an enrolment code ("XXXX-XXXX-XX") or a
// personal code with some slack for spaces; a terminal's name; a staff PIN
// (the platform allows longer staff secrets than a person's 4 to 8 digits).
inline constexpr int32_t kMaxCode = 16;
inline constexpr int32_t kMaxName = 60;
inline constexpr int32_t kMaxStaffPin = 16;
inline constexpr int32_t kMaxPin = 8;

inline constexpr FieldSpec kPinField{"staff-pin", Keys::Pin, kMaxStaffPin};
inline constexpr FieldSpec kEnrolFields[] = {{"enrol-code", Keys::Code, kMaxCode},
                                             {"enrol-name", Keys::Text, kMaxName}};
inline constexpr FieldSpec kResetFields[] = {{"reset-staff-code", Keys::Code, kMaxCode},
                                             {"reset-staff-pin", Keys::Pin, kMaxStaffPin},
                                             {"reset-person", Keys::Code, kMaxCode},
                                             {"reset-new-pin", Keys::Pin, kMaxPin},
                                             {"reset-repeat", Keys::Pin, kMaxPin}};

// Makes the keyboards and every field, sized for c's screen.
void make_forms(StaffForms& forms, PageContext& c);
// The text of the field `id` (made by make_forms).
std::string text_of(StaffForms& forms, std::string_view id);
// The on-screen keyboard of `keys` under the page and a physical keyboard,
// both typing into the field `id`; true when either says the typing is done.
bool type_into(StaffForms& forms, PageContext& c, Keys keys, std::string_view id);
// Where the keyboard of `keys` begins, from the top of the screen.
float keyboard_top(StaffForms& forms, PageContext& c, Keys keys);
// Draws the field `f` at `r`; a touch on it focuses it.
void draw_field(StaffForms& forms, PageContext& c, const FieldSpec& f, Rect r);
// A form: rows of a label and its field; a touch on a field opens its
// keyboard, and then only that field is shown, above the keyboard, until the
// keyboard's ✓ goes on to the next field (or closes after the last). Returns
// the y below the rows, or nullopt while the keyboard is open (the page then
// draws nothing else).
std::optional<float> draw_form(StaffForms& forms, PageContext& c, std::span<const FieldSpec> specs,
                               std::span<const std::string_view> labels, float y, float bottom);
// A form's heading and the text under it, from `y`: drawn smaller together
// where the form's rows (one for each of `labels`), at their least height, would not fit
// between them and `bottom` (a small screen, a tall script). Returns the y
// where the form starts.
float form_intro(PageContext& c, std::string_view heading, std::string_view intro, float y,
                 std::span<const std::string_view> labels, float bottom);

// [SECTION] The pages

std::optional<Action> draw_pin(PageContext& c, const StaffState& s, StaffForms& forms);
std::optional<Action> draw_menu(PageContext& c, const StaffServices& services);
std::optional<Action> draw_enrol(PageContext& c, const StaffState& s, StaffForms& forms,
                                 const StaffServices& services);
std::optional<Action> draw_settings(PageContext& c, const StaffState& s, StaffForms& forms,
                                    const Settings& settings);
std::optional<Action> draw_reset(PageContext& c, const StaffState& s, StaffForms& forms,
                                 const StaffServices& services);

}  // namespace ih::kiosk::staff
