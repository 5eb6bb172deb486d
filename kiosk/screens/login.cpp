#include "kiosk/screens/login.h"

#include <cmath>

#include "kiosk/wipe.h"

namespace ih::kiosk {

namespace {

using i18n::msg;

// "XXXX-XXXX", with room for spaces typed; within the platform's 20
// characters of a typed code (api/field_rules.h).
constexpr int32_t kMaxCode = 12;

}  // namespace

LoginForm::LoginForm(CodeRule rule, FieldRule pin)
    : rule_(std::move(rule)), pin_limits_(pin.limits) {}
LoginForm::~LoginForm() = default;

void LoginForm::ensure_fields(PageContext& c) {
  if (code_) return;
  const float size = std::round(c.m.button * 0.4f);
  // Codes and PINs are Latin letters and digits, left to right everywhere.
  const render::TextFieldOptions latin{.language = "en",
                                       .direction = render::Direction::Ltr,
                                       .text_size = size,
                                       .max_graphemes = kMaxCode,
                                       .placeholder = "XXXX-XXXX"};
  code_ = std::make_unique<render::TextField>(c.frame.ui.engine, latin);
  render::TextFieldOptions pin = latin;
  pin.max_graphemes = pin_limits_.max_graphemes;
  pin.max_bytes = pin_limits_.max_bytes;
  pin.masked = true;
  pin.placeholder = {};
  pin_ = std::make_unique<render::TextField>(c.frame.ui.engine, pin);
}

std::string LoginForm::code() const {
  if (!code_) return {};
  std::string typed = code_->text();
  std::string canonical = rule_ ? rule_(typed).value_or(std::string()) : std::string(typed);
  kiosk::wipe(typed);
  return canonical;
}

std::string LoginForm::pin() const {
  return pin_ ? pin_->text() : std::string();
}

void LoginForm::answer(const LoginOutcome& outcome) {
  using R = LoginOutcome::Result;
  if (pin_) pin_->wipe();
  wait_minutes_ = 0;
  switch (outcome.result) {
    case R::LoggedIn:
      wipe();
      return;
    case R::Refused:
      // Which of the two was wrong the server does not say; the code is
      // still there to check, the PIN is asked again.
      problem_ = Problem::Refused;
      step_ = Step::Code;
      return;
    case R::StillSending:
      // The code is right (it is this terminal's, waiting): only wait.
      problem_ = Problem::StillSending;
      step_ = Step::Pin;
      return;
    case R::ProfileRefused:
      problem_ = Problem::ProfileRefused;
      step_ = Step::Code;
      return;
    case R::Locked:
      problem_ = Problem::Locked;
      wait_minutes_ = std::max<int64_t>(1, (outcome.wait_seconds + 59) / 60);
      step_ = Step::Code;
      return;
    case R::Offline:
      problem_ = Problem::Offline;
      step_ = Step::Pin;
      return;
    case R::NotEnrolled:
    case R::Failed:
      problem_ = Problem::Unavailable;
      step_ = Step::Code;
      return;
  }
}

void LoginForm::wipe() {
  if (code_) code_->wipe();
  if (pin_) pin_->wipe();
  step_ = Step::Code;
  problem_ = Problem::None;
  wait_minutes_ = 0;
}

std::optional<Action> LoginForm::draw(PageContext& c, FormKeys& keys) {
  ensure_fields(c);
  const i18n::Localizer& s = c.frame.strings;
  std::string_view question;
  switch (step_) {
    case Step::Code:
      // TRANSLATORS: Login, step 1: the personal code the person got.
      question = s.text(msg("Type your personal code"));
      break;
    case Step::Pin:
      // TRANSLATORS: Login, step 2: the person's secret number.
      question = s.text(msg("Type your PIN"));
      break;
    case Step::Checking:
      // TRANSLATORS: Login: waiting for the platform to check code and PIN.
      question = s.text(msg("Checking…"));
      break;
  }
  std::string problem;
  switch (problem_) {
    case Problem::None:
      break;
    case Problem::BadCode:
      // TRANSLATORS: Login: the code typed is incomplete or has a typo
      // (its last character is a check character).
      problem = s.text(msg("This code is not complete or has a typo. Please check it."));
      break;
    case Problem::ShortPin:
      problem = s.text(msg("The PIN needs at least 4 digits."));
      break;
    case Problem::Refused:
      // TRANSLATORS: Login: the platform did not accept the code and PIN.
      problem = s.text(msg("The code or the PIN is wrong. Please try again."));
      break;
    case Problem::StillSending:
      problem =
          // TRANSLATORS: Login: the person's new profile has not reached the
          // platform yet (it waits on the terminal to be sent), so it cannot
          // check the PIN yet.
          s.text(msg("Your profile is still being sent. Please try again in a moment."));
      break;
    case Problem::ProfileRefused:
      problem =
          // TRANSLATORS: Login: the platform refused the profile this code was
          // made for, so the code cannot be used.
          s.text(msg("Your profile did not arrive on the platform, so this code does not "
                     "work. Please ask staff for help."));
      break;
    case Problem::Locked:
      problem = s.format(
          // TRANSLATORS: Login: too many wrong PINs; {minutes} is how long to wait.
          msg("Too many wrong tries. Please try again in {minutes, plural, one {# minute} other "
              "{# minutes}}, or ask staff to give you a new PIN."),
          {{"minutes", wait_minutes_}});
      break;
    case Problem::Offline:
      problem =
          // TRANSLATORS: Login: the terminal cannot reach the platform now.
          s.text(msg("This terminal has no internet right now, so it cannot check your "
                     "PIN. Please try again later."));
      break;
    case Problem::Unavailable:
      problem =
          // TRANSLATORS: Login: logging in is not possible on this terminal now.
          s.text(msg("Logging in does not work on this terminal right now. Please ask "
                     "staff for help."));
      break;
  }
  const bool on_code = step_ == Step::Code;
  const KeysKind kind = on_code ? KeysKind::Code : KeysKind::Digits;
  const KeysKinds kTogether = {KeysKind::Code, KeysKind::Digits};
  page_question(c, question, problem, true, c.area.min.y + c.m.margin,
                step_ == Step::Checking ? std::numeric_limits<float>::infinity()
                                        : typing_row_top(c, keys, kind, kTogether) - c.m.gap / 2);
  if (step_ == Step::Checking) return std::nullopt;

  render::TextField& field = on_code ? *code_ : *pin_;
  const RowTouch touch = typing_row(c, keys, kind, field, s.text(msg("Next")), kTogether);
  if (touch.changed && problem_ != Problem::Locked) problem_ = Problem::None;
  if (touch.back) {
    problem_ = Problem::None;
    if (on_code) return Action::Back;
    pin_->wipe();
    step_ = Step::Code;
    return std::nullopt;
  }
  if (!touch.next) return std::nullopt;
  if (on_code) {
    std::string canonical = code();
    if (canonical.empty()) {
      problem_ = Problem::BadCode;
      return std::nullopt;
    }
    // Shown as the platform writes it, so it can be compared with the photo.
    code_->set_text(canonical);
    kiosk::wipe(canonical);
    problem_ = Problem::None;
    step_ = Step::Pin;
    return std::nullopt;
  }
  if (pin_->grapheme_count() < pin_limits_.min_graphemes) {
    problem_ = Problem::ShortPin;
    return std::nullopt;
  }
  problem_ = Problem::None;
  step_ = Step::Checking;
  return Action::SubmitLogin;
}

}  // namespace ih::kiosk
