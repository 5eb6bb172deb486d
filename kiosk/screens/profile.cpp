#include "kiosk/screens/profile.h"

#include <algorithm>
#include <cmath>

#include "i18n/language.h"
#include "kiosk/wipe.h"

namespace ih::kiosk {

namespace {

using i18n::msg;

// The platform's check of `field`, or none when the rule has no check.
std::optional<FieldIssue> check(const FieldRule& rule, const render::TextField& field) {
  if (!rule.check) return std::nullopt;
  std::string text = field.text();
  const std::optional<FieldIssue> issue = rule.check(text);
  kiosk::wipe(text);
  return issue;
}

render::TextFieldOptions limited(render::TextFieldOptions options, const FieldLimits& limits) {
  options.max_graphemes = limits.max_graphemes;
  options.max_bytes = limits.max_bytes;
  return options;
}

// A tag the hub takes as a language spoken: two or three small letters.
bool speakable(const i18n::Language& l) {
  return !l.pseudo() && l.tag.size() >= 2 && l.tag.size() <= 3 &&
         std::all_of(l.tag.begin(), l.tag.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

}  // namespace

ProfileForm::ProfileForm(FieldRules rules) : rules_(std::move(rules)) {}
ProfileForm::~ProfileForm() = default;

void ProfileForm::ensure_fields(PageContext& c) {
  if (name_) return;
  render::TextEngine& engine = c.frame.ui.engine;
  const float size = std::round(c.m.button * 0.4f);
  const std::string& language = c.frame.strings.language();
  name_ = std::make_unique<render::TextField>(
      engine,
      limited({.language = language, .direction = typing_direction(language), .text_size = size},
              rules_.name.limits));
  // Digits read left to right in every language.
  const render::TextFieldOptions digits{
      .language = "en", .direction = render::Direction::Ltr, .text_size = size};
  phone_ = std::make_unique<render::TextField>(engine, limited(digits, rules_.phone.limits));
  render::TextFieldOptions pin = limited(digits, rules_.pin.limits);
  pin.masked = true;
  pin_ = std::make_unique<render::TextField>(engine, pin);
  pin_again_ = std::make_unique<render::TextField>(engine, pin);
}

NewProfile ProfileForm::profile(const Settings& settings) const {
  NewProfile p;
  if (name_) p.display_name = name_->text();
  p.languages = languages_;
  if (place_ && *place_ < settings.places.size()) p.town = settings.places[*place_];
  if (phone_) p.phone = phone_->text();
  if (pin_) p.pin = pin_->text();
  return p;
}

void ProfileForm::wipe() {
  for (render::TextField* f : {name_.get(), phone_.get(), pin_.get(), pin_again_.get()})
    if (f) f->wipe();
  for (std::string& tag : languages_) kiosk::wipe(tag);
  languages_.clear();
  languages_.shrink_to_fit();
  place_.reset();
  step_ = Step::Name;
  problem_ = Problem::None;
  scroll_ = 0;
}

void ProfileForm::show_sample(Step step, std::vector<std::string> languages, size_t place) {
  step_ = step;
  languages_ = std::move(languages);
  place_ = place;
}

void ProfileForm::back_one() {
  problem_ = Problem::None;
  scroll_ = 0;
  switch (step_) {
    case Step::Name:
      break;
    case Step::Languages:
      step_ = Step::Name;
      break;
    case Step::Place:
      step_ = Step::Languages;
      break;
    case Step::Phone:
      step_ = Step::Place;
      break;
    case Step::Pin:
      step_ = Step::Phone;
      break;
    case Step::PinAgain:
      pin_->wipe();
      pin_again_->wipe();
      step_ = Step::Pin;
      break;
  }
}

std::optional<Action> ProfileForm::next(const Settings& settings) {
  problem_ = Problem::None;
  scroll_ = 0;
  switch (step_) {
    case Step::Name:
      if (const auto issue = name_->empty() ? FieldIssue::TooShort : check(rules_.name, *name_)) {
        problem_ = *issue == FieldIssue::TooShort  ? Problem::NoName
                   : *issue == FieldIssue::TooLong ? Problem::NameTooLong
                                                   : Problem::NameBadCharacter;
        return std::nullopt;
      }
      step_ = Step::Languages;
      return std::nullopt;
    case Step::Languages:
      if (languages_.empty()) {
        problem_ = Problem::NoLanguage;
        return std::nullopt;
      }
      step_ = Step::Place;
      return std::nullopt;
    case Step::Place:
      if (!place_ || *place_ >= settings.places.size()) {
        problem_ = Problem::NoPlace;
        return std::nullopt;
      }
      step_ = Step::Phone;
      return std::nullopt;
    case Step::Phone:
      // The field holds no more characters than the rule takes: what is
      // left to refuse is too few, or a letter a physical keyboard typed.
      if (const auto issue = phone_->empty() ? std::nullopt : check(rules_.phone, *phone_)) {
        problem_ =
            *issue == FieldIssue::TooShort ? Problem::ShortPhone : Problem::PhoneBadCharacter;
        return std::nullopt;
      }
      step_ = Step::Pin;
      return std::nullopt;
    case Step::Pin:
      if (const auto issue = check(rules_.pin, *pin_)) {
        problem_ = *issue == FieldIssue::TooShort ? Problem::ShortPin : Problem::PinNotDigits;
        return std::nullopt;
      }
      step_ = Step::PinAgain;
      return std::nullopt;
    case Step::PinAgain: {
      std::string first = pin_->text();
      std::string second = pin_again_->text();
      const bool same = first == second;
      kiosk::wipe(first);
      kiosk::wipe(second);
      if (!same) {
        // Start the PIN over: which of the two was meant is not knowable.
        pin_->wipe();
        pin_again_->wipe();
        step_ = Step::Pin;
        problem_ = Problem::PinsDiffer;
        return std::nullopt;
      }
      return Action::SubmitProfile;
    }
  }
  return std::nullopt;
}

std::optional<Action> ProfileForm::draw_typing(PageContext& c, FormKeys& keys,
                                               render::TextField& field, KeysKind kind) {
  const i18n::Localizer& s = c.frame.strings;
  const bool skip = step_ == Step::Phone && field.empty();
  const std::string_view next_label =
      // TRANSLATORS: Button: leave an optional question unanswered and go on.
      skip ? s.text(msg("Skip"))
           // TRANSLATORS: Button: go on to the next step of a form.
           : s.text(msg("Next"));
  const RowTouch touch = typing_row(c, keys, kind, field, next_label);
  if (touch.changed) problem_ = Problem::None;
  if (touch.back) return Action::Back;
  if (touch.next) return Action::Continue;
  return std::nullopt;
}

void ProfileForm::draw_languages(PageContext& c, const Rect& view) {
  const i18n::LanguageRegistry& registry = c.frame.strings.registry();
  std::vector<const i18n::Language*> shown;
  for (const i18n::Language* l : registry.spoken())
    if (speakable(*l)) shown.push_back(l);
  const GridShape preferred{c.frame.size.x > c.frame.size.y ? 4 : 2, std::round(c.m.button * 0.8f)};
  // Every name on one line: as wide as the widest needs.
  float widest = 0;
  for (const i18n::Language* l : shown)
    widest = std::max(
        widest,
        c.frame.ui.engine.layout(l->name, {c.m.body, l->tag, render::Direction::Auto})->width);
  const GridShape shape = fit_grid(c, view, shown.size(), preferred, toggle_width(c, widest));
  scroll_grid(c, view, shown.size(), shape, scroll_, [&](size_t i, const Rect& r) {
    const i18n::Language& l = *shown[i];
    const auto at = std::find(languages_.begin(), languages_.end(), l.tag);
    const bool on = at != languages_.end();
    if (!page_toggle(c, "language-" + l.tag, l.name, l.tag, on, r)) return;
    problem_ = Problem::None;
    if (on)
      languages_.erase(at);
    else if (rules_.max_languages <= 0 ||
             languages_.size() < static_cast<size_t>(rules_.max_languages))
      languages_.push_back(l.tag);
    else
      problem_ = Problem::TooManyLanguages;
  });
}

void ProfileForm::draw_places(PageContext& c, const Rect& view, const Settings& settings) {
  const GridShape preferred{c.frame.size.x > c.frame.size.y ? 3 : 2, std::round(c.m.button * 0.8f)};
  float widest = 0;
  for (const std::string& place : settings.places)
    widest = std::max(
        widest, c.frame.ui.engine.layout(place, {c.m.body, "de", render::Direction::Auto})->width);
  const GridShape shape =
      fit_grid(c, view, settings.places.size(), preferred, toggle_width(c, widest));
  scroll_grid(c, view, settings.places.size(), shape, scroll_, [&](size_t i, const Rect& r) {
    // Place names are proper names, written as the configuration has them.
    if (page_toggle(c, "place-" + std::to_string(i), settings.places[i], "de", place_ == i, r)) {
      place_ = i;
      problem_ = Problem::None;
    }
  });
}

std::optional<KeysKind> ProfileForm::typing_keys() const {
  switch (step_) {
    case Step::Name:
      return KeysKind::Letters;
    case Step::Phone:
      return KeysKind::Phone;
    case Step::Pin:
    case Step::PinAgain:
      return KeysKind::Digits;
    case Step::Languages:
    case Step::Place:
      break;
  }
  return std::nullopt;
}

std::optional<Action> ProfileForm::draw(PageContext& c, FormKeys& keys, const Settings& settings) {
  ensure_fields(c);
  const i18n::Localizer& s = c.frame.strings;
  std::string_view question;
  std::string_view hint;
  switch (step_) {
    case Step::Name:
      // TRANSLATORS: Profile, step 1: the name helpers will see.
      question = s.text(msg("What is your first name or nickname?"));
      // TRANSLATORS: Profile, under the name question.
      hint = s.text(msg("Helpers who answer your request will see it."));
      break;
    case Step::Languages:
      // TRANSLATORS: Profile, step 2: choose every language the person speaks.
      question = s.text(msg("Which languages do you speak?"));
      // TRANSLATORS: Profile, under the languages question.
      hint = s.text(msg("Touch every language you speak."));
      break;
    case Step::Place:
      // TRANSLATORS: Profile, step 3: where the person lives now.
      question = s.text(msg("Where do you live now?"));
      // TRANSLATORS: Profile, under the place question.
      hint = s.text(msg("Choose your town or shelter."));
      break;
    case Step::Phone:
      // TRANSLATORS: Profile, step 4: an optional phone number.
      question = s.text(msg("Your phone number (optional)"));
      // TRANSLATORS: Profile, under the phone question.
      hint = s.text(msg("Only helpers you accept can see it. You can skip this."));
      break;
    case Step::Pin:
      // TRANSLATORS: Profile, step 5: a secret number to log in with.
      question = s.text(msg("Choose a PIN"));
      // TRANSLATORS: Profile, under the PIN question.
      hint = s.text(msg("4 to 8 digits. Do not tell it to anyone."));
      break;
    case Step::PinAgain:
      // TRANSLATORS: Profile, step 6: the same PIN once more, to be sure.
      question = s.text(msg("Type your PIN again"));
      hint = {};
      break;
  }
  float y = c.area.min.y + c.m.margin;
  std::string_view problem;
  switch (problem_) {
    case Problem::None:
      break;
    case Problem::NoName:
      // TRANSLATORS: Profile: Next was touched with no name typed.
      problem = s.text(msg("Please write a name."));
      break;
    case Problem::NameTooLong:
      problem = s.format(
          // TRANSLATORS: Profile: the name typed is longer than the platform
          // takes; {count} is the most letters (as a person counts them) it takes.
          msg("A name can have at most {count} letters. Please make it shorter."),
          {{"count", rules_.name.limits.max_graphemes}});
      break;
    case Problem::NameBadCharacter:
      // TRANSLATORS: Profile: the name holds a character the platform does not
      // take (such as a control character from a physical keyboard).
      problem = s.text(msg("This name has a character that cannot be used. Please change it."));
      break;
    case Problem::NoLanguage:
      // TRANSLATORS: Profile: Next was touched with no language chosen.
      problem = s.text(msg("Please touch at least one language."));
      break;
    case Problem::TooManyLanguages:
      // TRANSLATORS: Profile: a ninth language was touched.
      problem = s.text(msg("You can choose up to 8 languages."));
      break;
    case Problem::NoPlace:
      // TRANSLATORS: Profile: Next was touched with no place chosen.
      problem = s.text(msg("Please choose a place."));
      break;
    case Problem::ShortPhone:
      // TRANSLATORS: Profile: the phone number typed is too short.
      problem = s.text(msg("This phone number is too short."));
      break;
    case Problem::PhoneBadCharacter:
      problem =
          // TRANSLATORS: Profile: the phone number holds something other than
          // digits and spaces (typed on a physical keyboard).
          s.text(msg("A phone number can only have digits and spaces, and a + at the start."));
      break;
    case Problem::PinNotDigits:
      // TRANSLATORS: Profile: the PIN holds something other than digits
      // (typed on a physical keyboard).
      problem = s.text(msg("A PIN can only have digits."));
      break;
    case Problem::ShortPin:
      // TRANSLATORS: Profile: the PIN typed has fewer than 4 digits.
      problem = s.text(msg("The PIN needs at least 4 digits."));
      break;
    case Problem::PinsDiffer:
      // TRANSLATORS: Profile: the second PIN was not the same as the first.
      problem = s.text(msg("The two PINs were different. Please choose your PIN again."));
      break;
    case Problem::CannotSave:
      problem =
          // TRANSLATORS: Profile: the terminal could not store the new profile
          // (not set up by staff, or its storage failed).
          s.text(msg("This terminal cannot save your profile right now. Please ask staff "
                     "for help."));
      break;
  }
  // On a typing step the note ends above the typing row.
  const std::optional<KeysKind> typing = typing_keys();
  const float bottom = typing ? typing_row_top(c, keys, *typing) - c.m.gap / 2
                              : std::numeric_limits<float>::infinity();
  y = page_question(c, question, problem.empty() ? hint : problem, !problem.empty(), y, bottom);

  std::optional<Action> action;
  switch (step_) {
    case Step::Name:
      action = draw_typing(c, keys, *name_, KeysKind::Letters);
      break;
    case Step::Phone:
      action = draw_typing(c, keys, *phone_, KeysKind::Phone);
      break;
    case Step::Pin:
      action = draw_typing(c, keys, *pin_, KeysKind::Digits);
      break;
    case Step::PinAgain:
      action = draw_typing(c, keys, *pin_again_, KeysKind::Digits);
      break;
    case Step::Languages:
    case Step::Place: {
      const i18n::Span box = content(c);
      const float bottom = c.area.max.y - c.m.margin;
      const Rect list{ImVec2(box.left, y + c.m.gap),
                      ImVec2(box.right(), bottom - c.m.button - c.m.gap)};
      if (step_ == Step::Languages)
        draw_languages(c, list);
      else
        draw_places(c, list, settings);
      const auto cell = [&](int i) {
        const i18n::Span x = i18n::cell(c.direction(), box, i, 2, c.m.gap);
        return Rect{ImVec2(x.left, bottom - c.m.button), ImVec2(x.right(), bottom)};
      };
      if (page_button(c, "back", s.text(msg("Back")), cell(0))) action = Action::Back;
      if (page_button(c, "next", s.text(msg("Next")), cell(1))) action = Action::Continue;
      break;
    }
  }
  // Back and Next move inside the form; only its ends leave it.
  if (action == Action::Back) {
    if (step_ == Step::Name) return Action::Back;
    back_one();
    return std::nullopt;
  }
  if (action == Action::Continue) return next(settings);
  return std::nullopt;
}

}  // namespace ih::kiosk
