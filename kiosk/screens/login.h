// Logging in again: the personal code on Latin letters (codes are Latin in
// every language), then the PIN on the number pad, then the server's answer.
//
// The code is checked here first (api/personal_code.h: its check character
// catches a wrong or swapped character), so a typo is pointed out before a PIN
// is spent on it. The form returns Action::SubmitLogin with both typed; the
// shell sends them and tells the form how it went with answer(): wrong code
// or PIN (the PIN is cleared and asked again), the person's new profile still
// on its way to the platform (try again in a moment) or refused by it (ask
// staff), locked after too many tries (for how long, and that staff can reset
// the PIN), offline, or not possible on this terminal.
//
// The code and PIN are personal: wipe() overwrites them; the shell calls it
// once the answer is in and when the session ends. Not thread-safe: the UI
// thread owns it.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "kiosk/screens/form_input.h"
#include "kiosk/services.h"

namespace ih::kiosk {

class LoginForm {
 public:
  enum class Step { Code, Pin, Checking };
  enum class Problem {
    None,
    BadCode,
    ShortPin,
    Refused,
    StillSending,    // refused, but the person's profile still waits here to be sent
    ProfileRefused,  // the platform refused the person's profile for good
    Locked,
    Offline,
    Unavailable
  };

  // `rule` checks a typed code before it is sent (empty: taken as typed);
  // `pin` gives the PIN field's lengths (the platform's, FieldRules::pin).
  explicit LoginForm(CodeRule rule = {}, FieldRule pin = {});
  ~LoginForm();
  // A new form in place of a used one (the shell's end of a session); wipe() first.
  LoginForm& operator=(LoginForm&&) = default;

  std::optional<Action> draw(PageContext& c, FormKeys& keys);

  // The canonical code and the PIN typed (the caller wipes its copies).
  std::string code() const;
  std::string pin() const;
  // The server's answer to what was submitted; a login that worked wipes the form.
  void answer(const LoginOutcome& outcome);
  void wipe();

  Step step() const { return step_; }
  Problem problem() const { return problem_; }
  // For pictures (make_screen): the PIN step.
  void show_pin_step() { step_ = Step::Pin; }

 private:
  void ensure_fields(PageContext& c);

  Step step_ = Step::Code;
  Problem problem_ = Problem::None;
  int64_t wait_minutes_ = 0;
  CodeRule rule_;
  FieldLimits pin_limits_;
  std::unique_ptr<render::TextField> code_;
  std::unique_ptr<render::TextField> pin_;
};

}  // namespace ih::kiosk
