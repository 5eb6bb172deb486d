// What a touch on a page asks the shell to do: a kind, and for some kinds
// what the person chose or typed. Actions are the one way a page hands on
// what a person wants; only the shell (shell.h) changes state in answer.
//
// `Action::Back` and the other kinds convert to an Action without data, so a
// page writes `return Action::Back;`; a kind with data is made with its
// payload: `Action{Action::ChoseLanguage, tag}`, `Action{Action::ChangeSettings,
// settings}`. Which payload each kind carries is said at the kind; get<T>() reads
// it (asserting that it is there).
//
// Personal: a payload may hold what a person typed (a PIN, a code, a name).
// The shell overwrites it (wipe.h) once it has applied the action, and nothing
// of it is logged.
//
// Plain data; not shared between threads.
#pragma once

#include <cassert>
#include <cstdint>
#include <string>
#include <variant>

#include "kiosk/conversations.h"
#include "kiosk/services.h"
#include "kiosk/settings.h"

namespace ih::kiosk {

// The pages of staff mode (screens/staff.h).
enum class StaffPage : uint8_t { Pin, Menu, Enrol, Settings, ResetPin };

// A terminal's enrolment as staff typed it: the one-time code from the
// platform team and a name for the terminal.
struct EnrolRequest {
  std::string code;
  std::string name;
};

// A person's new PIN as the reset form holds it: the request, and the new PIN
// typed a second time (the shell checks them before anything is sent).
struct PinResetRequest {
  PinReset reset;
  std::string repeat;
};

enum class ActionKind : uint8_t {
  Begin,             // the attract screen was touched
  ChoseLanguage,     // a language tile was released; data: its BCP 47 tag (string)
  AcceptNotice,      // the privacy notice was accepted
  NewProfile,        // "I am new"
  HaveCode,          // "I have a code"
  SubmitProfile,     // the profile form is complete
  SubmitLogin,       // code and PIN are typed
  Continue,          // the person has seen their new personal code
  OpenRequests,      // "My requests"; from the page after a request was sent, in its place
  OpenMessages,      // "My messages"
  OpenConversation,  // a conversation of "My messages"; data: its id (string)
  SendMessage,       // a reply, typed or quick; data: OutgoingMessage (personal)
  MarkRead,          // a thread was seen; data: ReadMark
  ProposeDay,        // a thread's "Suggest a day": the wizard's day and time pickers
  NewRequest,        // "I need help": the request wizard
  SendRequest,       // the wizard's review was confirmed; data: NewRequest
  WithdrawRequest,   // a withdrawal was confirmed; data: the request's id (string)
  Back,
  OpenStaff,        // the staff button on the attract screen
  RegisterPerson,   // staff mode hands over to a person's new profile
  ToggleLargeText,  // the status bar's text size button
  KeepSession,      // the idle warning was touched
  EndSession,
  // Staff mode (screens/staff.h):
  StaffPin,           // the staff PIN was typed; data: the PIN (string)
  ShowStaffPage,      // data: the staff page to show (StaffPage)
  ChangeSettings,     // data: the settings as they are to be from now (Settings)
  LastLanguageStays,  // a touch tried to hide the only language the picker shows
  SaveSettings,       // write the settings into the configuration file
  Enrol,              // data: EnrolRequest
  ResetPin,           // data: PinResetRequest
  LeaveStaff,         // staff mode ends; so does the session it ran in
};

struct Action {
  using enum ActionKind;
  using Data = std::variant<std::monostate, std::string, StaffPage, Settings, EnrolRequest,
                            PinResetRequest, kiosk::NewRequest, OutgoingMessage, ReadMark>;

  Action(ActionKind k) : kind(k) {}  // NOLINT(google-explicit-constructor): a kind is an action
  Action(ActionKind k, Data d) : kind(k), data(std::move(d)) {}

  // The payload of type T; the kind says which one it carries.
  template <class T>
  const T& get() const {
    assert(std::holds_alternative<T>(data));
    return std::get<T>(data);
  }
  template <class T>
  T& get() {
    assert(std::holds_alternative<T>(data));
    return std::get<T>(data);
  }

  ActionKind kind;
  Data data;
};

// Equal kinds; the payload does not take part (tests compare what was asked for).
inline bool operator==(const Action& a, ActionKind k) {
  return a.kind == k;
}

}  // namespace ih::kiosk
