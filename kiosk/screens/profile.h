// Making a profile: one question per step, so each fits above the keyboard and
// a person who reads slowly has one thing to do at a time.
//
//   name       a first name or nickname, the session language's keyboard
//   languages  the languages they speak, as tiles each in its own script
//   place      the town or shelter, from the terminal's list (Settings::places)
//   phone      optional, on the number pad
//   pin        digits, masked, then once more; two different PINs start over
//
// Every limit and check is the platform's (FieldRules, from api/field_rules.h
// through the link): a field takes no grapheme or byte past its rule, so a
// 41st letter of a name does nothing, and Next goes on only when the platform
// would take the answer, and says why when it would not (a letter typed into
// the phone number on a physical keyboard). Back goes one step back (from the
// first step, off the page). After the
// second PIN the form returns Action::SubmitProfile and the shell takes
// profile(), queues it and wipes the form.
//
// Everything here is personal: wipe() overwrites it, and the shell calls it
// when the session ends. Not thread-safe: the UI thread owns it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/screens/form_input.h"
#include "kiosk/services.h"
#include "kiosk/settings.h"

namespace ih::kiosk {

class ProfileForm {
 public:
  enum class Step { Name, Languages, Place, Phone, Pin, PinAgain };
  // Why Next did not go on, shown under the question until the next edit.
  enum class Problem {
    None,
    NoName,
    NameTooLong,
    NameBadCharacter,
    NoLanguage,
    TooManyLanguages,
    NoPlace,
    ShortPhone,
    PhoneBadCharacter,
    ShortPin,
    PinNotDigits,
    PinsDiffer,
    CannotSave
  };

  // `rules`: the platform's (link.h's field_rules()); empty rules limit nothing.
  explicit ProfileForm(FieldRules rules = {});
  ~ProfileForm();
  // A new form in place of a used one (the shell's end of a session); wipe() first.
  ProfileForm& operator=(ProfileForm&&) = default;

  std::optional<Action> draw(PageContext& c, FormKeys& keys, const Settings& settings);

  // What was entered, for AccountServices::create_account (the caller wipes its copy).
  NewProfile profile(const Settings& settings) const;
  // The terminal could not queue the profile: say so, keep what was entered.
  void cannot_save() { problem_ = Problem::CannotSave; }
  // Overwrites and forgets everything entered; back to the first step.
  void wipe();

  Step step() const { return step_; }
  Problem problem() const { return problem_; }
  const std::vector<std::string>& languages() const { return languages_; }
  // The name's field, once the form was drawn (for tests).
  const render::TextField* name_field() const { return name_.get(); }

  // [SECTION] For pictures of each step (make_screen): a step with sample
  // answers that are no one's.
  void show_sample(Step step, std::vector<std::string> languages, size_t place);

 private:
  void ensure_fields(PageContext& c);
  // The keyboard of the step, if it is a typing step.
  std::optional<KeysKind> typing_keys() const;
  std::optional<Action> draw_typing(PageContext& c, FormKeys& keys, render::TextField& field,
                                    KeysKind kind);
  void draw_languages(PageContext& c, const Rect& list);
  void draw_places(PageContext& c, const Rect& list, const Settings& settings);
  // Checks the current step's answer; goes on, or sets problem_.
  std::optional<Action> next(const Settings& settings);
  void back_one();

  FieldRules rules_;
  Step step_ = Step::Name;
  Problem problem_ = Problem::None;
  std::unique_ptr<render::TextField> name_;
  std::unique_ptr<render::TextField> phone_;
  std::unique_ptr<render::TextField> pin_;
  std::unique_ptr<render::TextField> pin_again_;
  std::vector<std::string> languages_;  // tags, in the order chosen
  std::optional<size_t> place_;         // index into Settings::places
  float scroll_ = 0;
};

}  // namespace ih::kiosk
