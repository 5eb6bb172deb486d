// What a person's touch on a page asks the shell to do. Pages emit actions;
// only the shell (shell.h) changes state in answer.
#pragma once

#include <cstdint>

namespace ih::kiosk {

enum class Action : uint8_t {
  Begin,          // the attract screen was touched
  ChoseLanguage,  // a language tile was released (the UI already switches)
  AcceptNotice,   // the privacy notice was accepted
  NewProfile,     // "I am new"
  HaveCode,       // "I have a code"
  SubmitProfile,  // the profile form is complete
  SubmitLogin,    // code and PIN are typed
  Continue,       // the person has seen their new personal code
  OpenRequests,
  OpenMessages,
  NewRequest,
  Back,
  OpenStaff,        // the staff button on the attract screen
  RegisterPerson,   // staff mode hands over to a person's new profile
  ToggleLargeText,  // the status bar's text size button
  KeepSession,      // the idle warning was touched
  EndSession,
};

}  // namespace ih::kiosk
