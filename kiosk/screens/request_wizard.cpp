#include "kiosk/screens/request_wizard.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "i18n/language.h"
#include "kiosk/categories.h"
#include "kiosk/screens/picture_tile.h"
#include "kiosk/wipe.h"
#include "render/text_draw.h"

namespace ih::kiosk {

namespace {

using i18n::msg;

// The two buttons along the bottom: Back at the start, `next` at the end.
Rect bottom_cell(const PageContext& c, int i) {
  const i18n::Span x = i18n::cell(c.direction(), content(c), i, 2, c.m.gap);
  const float bottom = c.area.max.y - c.m.margin;
  return {ImVec2(x.left, bottom - c.m.button), ImVec2(x.right(), bottom)};
}

}  // namespace

bool speakable(const i18n::Language& l) {
  return !l.pseudo() && l.tag.size() >= 2 && l.tag.size() <= 3 &&
         std::all_of(l.tag.begin(), l.tag.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

const char* when_picture(RequestForm::When when) {
  switch (when) {
    case RequestForm::When::Today:
      return "📍";
    case RequestForm::When::Tomorrow:
      return "➡️";
    case RequestForm::When::ThisWeek:
      return "🗓️";
    case RequestForm::When::Day:
    case RequestForm::When::Unset:
      break;
  }
  return "📆";
}

const char* part_picture(std::string_view part) {
  if (part == "morning") return "🌅";
  if (part == "afternoon") return "☀️";
  if (part == "evening") return "🌙";
  return "🕒";
}

std::string_view part_label(const i18n::Localizer& s, std::string_view part) {
  // TRANSLATORS: A part of the day a person wants help in, under its picture.
  if (part == "morning") return s.text(msg("part of day", "Morning"));
  // TRANSLATORS: A part of the day a person wants help in, under its picture.
  if (part == "afternoon") return s.text(msg("part of day", "Afternoon"));
  // TRANSLATORS: A part of the day a person wants help in, under its picture.
  if (part == "evening") return s.text(msg("part of day", "Evening"));
  // TRANSLATORS: A request for help at any time of the day.
  return s.text(msg("part of day", "Any time"));
}

std::string when_text(const i18n::Localizer& s, const NewRequest& r, i18n::DateStyle style) {
  if (r.date.size() == 10) {
    const i18n::CivilDate d{std::stoi(r.date.substr(0, 4)), std::stoi(r.date.substr(5, 2)),
                            std::stoi(r.date.substr(8, 2))};
    return s.formats().date(i18n::noon_of(d), style);
  }
  // TRANSLATORS: When a request for help is wanted: no day chosen ("this week").
  return std::string(s.text(msg("As soon as possible")));
}

std::string proposal_text(const i18n::Localizer& s, const NewRequest& r) {
  return "📅 " + s.format(
                    // TRANSLATORS: A message a person sends a helper to propose when to
                    // meet, chosen with pictures. {day} is a date with its weekday,
                    // {part} one of "Morning", "Afternoon", "Evening" (as on their
                    // pictures). Plain, so a helper who reads the language slowly
                    // understands it.
                    msg("quick reply", "My suggestion: {day}, {part}"),
                    {{"day", when_text(s, r)}, {"part", part_label(s, r.part_of_day)}});
}

RequestForm::RequestForm(FieldRules rules) : rules_(std::move(rules)) {}
RequestForm::~RequestForm() = default;

void RequestForm::start(const std::vector<std::string>& languages, const std::string& ui_language,
                        const std::string& town, const Settings& settings) {
  wipe();
  language_ = languages.empty() ? ui_language : languages.front();
  for (size_t i = 0; i < settings.places.size(); ++i)
    if (settings.places[i] == town) town_ = i;
}

void RequestForm::start_proposal() {
  wipe();
  proposal_ = true;
  step_ = Step::When;
}

void RequestForm::wipe() {
  if (text_) text_->wipe();
  proposal_ = false;
  kiosk::wipe(category_);
  kiosk::wipe(part_);
  kiosk::wipe(language_);
  kiosk::wipe(sample_text_);
  when_ = When::Unset;
  day_ = {};
  town_.reset();
  step_ = Step::Category;
  problem_ = Problem::None;
  month_offset_ = 0;
  month_.reset();
  month_key_.clear();
  scroll_ = 0;
}

void RequestForm::show_sample(Step step, std::string category, When when, std::string part,
                              std::string text_sample) {
  step_ = step;
  category_ = std::move(category);
  when_ = when;
  part_ = std::move(part);
  sample_text_ = std::move(text_sample);
  town_ = 0;
}

void RequestForm::ensure_field(PageContext& c) {
  if (text_) {
    if (!sample_text_.empty() && text_->empty()) text_->set_text(sample_text_);
    return;
  }
  const std::string& language = c.frame.strings.language();
  render::TextFieldOptions options{.language = language,
                                   .direction = typing_direction(language),
                                   .text_size = std::round(c.m.button * 0.4f)};
  options.max_graphemes = rules_.request_text.limits.max_graphemes;
  options.max_bytes = rules_.request_text.limits.max_bytes;
  text_ = std::make_unique<render::TextField>(c.frame.ui.engine, options);
  if (!sample_text_.empty()) text_->set_text(sample_text_);
}

NewRequest RequestForm::request(const Settings& settings, i18n::CivilDate today) const {
  NewRequest r;
  r.category = category_;
  switch (when_) {
    case When::Today:
      r.date = i18n::iso_date(today);
      break;
    case When::Tomorrow:
      r.date = i18n::iso_date(i18n::add_days(today, 1));
      break;
    case When::Day:
      r.date = i18n::iso_date(day_);
      break;
    // The platform knows a day or "as soon as possible"; this week is the latter.
    case When::ThisWeek:
    case When::Unset:
      break;
  }
  r.part_of_day = part_.empty() ? "any" : part_;
  if (town_ && *town_ < settings.places.size()) r.town = settings.places[*town_];
  r.helper_language = language_;
  if (text_) r.text = text_->text();
  return r;
}

void RequestForm::back_one() {
  problem_ = Problem::None;
  scroll_ = 0;
  switch (step_) {
    case Step::Category:
      break;
    case Step::When:
      step_ = Step::Category;
      break;
    case Step::Day:
      step_ = Step::When;
      break;
    case Step::Part:
      step_ = when_ == When::Day ? Step::Day : Step::When;
      break;
    case Step::Language:
      step_ = Step::Part;
      break;
    case Step::Town:
      step_ = Step::Language;
      break;
    case Step::Text:
      step_ = Step::Town;
      break;
    case Step::Review:
      step_ = proposal_ ? Step::Part : Step::Text;
      break;
  }
}

std::optional<Action> RequestForm::next(const i18n::Localizer& s, const Settings& settings,
                                        i18n::CivilDate today) {
  problem_ = Problem::None;
  scroll_ = 0;
  switch (step_) {
    case Step::Language:
      step_ = Step::Town;
      break;
    case Step::Town:
      if (!town_ || *town_ >= settings.places.size()) {
        problem_ = Problem::NoPlace;
        break;
      }
      step_ = Step::Text;
      break;
    case Step::Text: {
      if (rules_.request_text.check && text_ && !text_->empty()) {
        std::string t = text_->text();
        const std::optional<FieldIssue> issue = rules_.request_text.check(t);
        kiosk::wipe(t);
        if (issue) {
          problem_ =
              *issue == FieldIssue::TooLong ? Problem::TextTooLong : Problem::TextBadCharacter;
          break;
        }
      }
      step_ = Step::Review;
      break;
    }
    case Step::Review: {
      NewRequest r = request(settings, today);
      if (!proposal_) return Action{Action::SendRequest, std::move(r)};
      // The shell addresses it to the conversation the proposal was made in.
      Action proposed{Action::SendMessage, OutgoingMessage{{}, proposal_text(s, r)}};
      kiosk::wipe(r);
      return proposed;
    }
    default:
      break;
  }
  return std::nullopt;
}

std::optional<Action> RequestForm::draw(PageContext& c, FormKeys& keys, const Settings& settings,
                                        i18n::CivilDate today) {
  ensure_field(c);
  const i18n::Localizer& s = c.frame.strings;
  if (language_.empty()) {
    // No language from a profile: the one the person chose for the screen.
    const i18n::Language* ui = s.registry().find(i18n::primary_language(s.language()));
    language_ = ui && speakable(*ui) ? ui->tag : "de";
  }
  std::string_view question;
  switch (step_) {
    case Step::Category:
      // TRANSLATORS: "I need help", step 1: a grid of pictures, one per kind of help.
      question = s.text(msg("What do you need help with?"));
      break;
    case Step::When:
      if (proposal_)
        question = s.text(msg("Choose a day"));
      else
        // TRANSLATORS: "I need help": when the help is wanted.
        question = s.text(msg("When do you need help?"));
      break;
    case Step::Day:
      // TRANSLATORS: "I need help": a calendar to pick the day on.
      question = s.text(msg("Choose a day"));
      break;
    case Step::Part:
      // TRANSLATORS: "I need help": morning, afternoon or evening, as pictures.
      question = s.text(msg("At what time of day?"));
      break;
    case Step::Language:
      // TRANSLATORS: "I need help": the language the helper should speak.
      question = s.text(msg("Which language should the helper speak?"));
      break;
    case Step::Town:
      // TRANSLATORS: "I need help": the town or shelter where help is needed.
      question = s.text(msg("Where do you need help?"));
      break;
    case Step::Text:
      // TRANSLATORS: "I need help": an optional short text for the helper.
      question = s.text(msg("Anything else the helper should know? (optional)"));
      break;
    case Step::Review:
      // TRANSLATORS: "I need help": the whole request shown once more before it is sent.
      question = s.text(msg("Is this right?"));
      break;
  }
  float y = page_heading(c, question, c.area.min.y + c.m.margin);
  std::string problem;
  switch (problem_) {
    case Problem::None:
      break;
    case Problem::NoPlace:
      problem = s.text(msg("Please choose a place."));
      break;
    case Problem::TextTooLong:
      problem = s.format(
          // TRANSLATORS: "I need help": the text is longer than the platform
          // takes; {count} is the most letters (as a person counts them).
          msg("A request can have at most {count} letters. Please make it shorter."),
          {{"count", rules_.request_text.limits.max_graphemes}});
      break;
    case Problem::TextBadCharacter:
      // TRANSLATORS: "I need help": the text holds a character the platform
      // does not take (such as a control character from a physical keyboard).
      problem = s.text(msg("This text has a character that cannot be used. Please change it."));
      break;
    case Problem::CannotSave:
      problem = s.text(
          // TRANSLATORS: "I need help": the terminal could not store the request.
          msg("This terminal cannot save your request right now. Please ask staff for help."));
      break;
  }
  if (!problem.empty())
    y = page_note(c, problem, y + c.m.gap / 2, true,
                  step_ == Step::Text ? typing_row_top(c, keys, KeysKind::Letters) - c.m.gap / 2
                                      : std::numeric_limits<float>::infinity());

  std::optional<Action> action;
  if (step_ == Step::Text) {
    const std::string_view label = text_->empty() ? s.text(msg("Skip")) : s.text(msg("Next"));
    const RowTouch touch = typing_row(c, keys, KeysKind::Letters, *text_, label);
    if (touch.changed) problem_ = Problem::None;
    if (touch.back) action = Action::Back;
    if (touch.next) action = Action::Continue;
  } else {
    const i18n::Span box = content(c);
    const float bottom = c.area.max.y - c.m.margin;
    const Rect view{ImVec2(box.left, y + c.m.gap),
                    ImVec2(box.right(), bottom - c.m.button - c.m.gap)};
    switch (step_) {
      case Step::Category:
        draw_categories(c, view);
        break;
      case Step::When:
        draw_when(c, view, today);
        break;
      case Step::Day:
        draw_day(c, view, today);
        break;
      case Step::Part:
        draw_part(c, view);
        break;
      case Step::Language:
        draw_languages(c, view);
        break;
      case Step::Town:
        draw_towns(c, view, settings);
        break;
      case Step::Review:
        draw_review(c, view, settings, today);
        break;
      case Step::Text:
        break;
    }
    if (page_button(c, "back", s.text(msg("Back")), bottom_cell(c, 0))) action = Action::Back;
    const bool tiles_go_on =
        step_ == Step::Category || step_ == Step::When || step_ == Step::Day || step_ == Step::Part;
    if (!tiles_go_on) {
      const std::string_view label =
          // TRANSLATORS: Button under the review of a request: send it to helpers.
          step_ == Step::Review ? s.text(msg("Send")) : s.text(msg("Next"));
      if (page_button(c, "next", label, bottom_cell(c, 1))) action = Action::Continue;
    }
  }
  if (action == Action::Back) {
    if (step_ == first_step()) return Action::Back;
    back_one();
    return std::nullopt;
  }
  if (action == Action::Continue) return next(s, settings, today);
  return std::nullopt;
}

}  // namespace ih::kiosk
