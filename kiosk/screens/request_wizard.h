// "I need help": a request for help made one step at a time, each step doable
// without reading (pictures, language names in their own scripts, a calendar
// in the locale's digits), so a person who reads slowly has one thing to do
// at a time:
//
//   category  a grid of picture tiles, one per category (categories.h)
//   when      today, tomorrow, this week, or another day
//   day       (another day) a month of the locale's own calendar
//             (i18n/calendar_month.h: Solar Hijri for fa, prs and ps)
//   part      morning, afternoon or evening, as pictures
//   language  the helper's language, names in their own scripts (no flags),
//             preset from the person's profile, else the UI language
//   town      from the terminal's places, preset from the profile
//   text      optional, on the on-screen keyboard, within the platform's rule
//   review    the whole request as pictures and text; Send
//
// A tile step goes on with the touch; Back goes one step back and keeps every
// choice made, Back on the first step leaves the page. Send returns
// Action::SendRequest with the request; the shell queues it (services.h),
// then shows what became of it.
//
// The same form proposes a day and time in a conversation with a helper
// (start_proposal()): when, day and part of the day as above, then a review
// of the two; Send returns Action::SendMessage with the proposal as text in
// the UI language (proposal_text()), for the shell to address.
//
// Personal (the text, the choices): wipe() overwrites it; the shell makes the
// form anew at the end of a session. Not thread-safe: the UI thread owns it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "i18n/calendar_month.h"
#include "i18n/locale_format.h"
#include "kiosk/screens/form_input.h"
#include "kiosk/services.h"
#include "kiosk/settings.h"

namespace ih::kiosk {

class RequestForm {
 public:
  enum class Step { Category, When, Day, Part, Language, Town, Text, Review };
  enum class When { Unset, Today, Tomorrow, ThisWeek, Day };
  enum class Problem { None, NoPlace, TextTooLong, TextBadCharacter, CannotSave };

  // `rules`: the platform's (request_text limits the text).
  explicit RequestForm(FieldRules rules = {});
  ~RequestForm();
  RequestForm& operator=(RequestForm&&) = default;

  // Starts a new request: the first step, the helper's language preset to the
  // first of `languages` (the person's), else `ui_language`; the town preset
  // to `town` where it is one of the terminal's places.
  void start(const std::vector<std::string>& languages, const std::string& ui_language,
             const std::string& town, const Settings& settings);
  // Starts a proposal of a day and a time of day (no "this week": a
  // proposal names a day).
  void start_proposal();
  bool proposal() const { return proposal_; }

  // `today`: the local date, for today, tomorrow and the calendar.
  std::optional<Action> draw(PageContext& c, FormKeys& keys, const Settings& settings,
                             i18n::CivilDate today);

  // What was chosen, for RequestServices::queue (the caller wipes its copy).
  NewRequest request(const Settings& settings, i18n::CivilDate today) const;
  // The terminal could not queue it: say so, keep what was chosen.
  void cannot_save() { problem_ = Problem::CannotSave; }
  // Overwrites and forgets everything; back to the first step.
  void wipe();

  Step step() const { return step_; }
  Problem problem() const { return problem_; }
  const std::string& category() const { return category_; }
  When when() const { return when_; }
  const std::string& helper_language() const { return language_; }

  // For pictures of each step (make_screen): a step with sample answers.
  void show_sample(Step step, std::string category, When when, std::string part,
                   std::string text_sample);

 private:
  void ensure_field(PageContext& c);
  void draw_categories(PageContext& c, const Rect& view);
  void draw_when(PageContext& c, const Rect& view, i18n::CivilDate today);
  void draw_day(PageContext& c, const Rect& view, i18n::CivilDate today);
  void draw_part(PageContext& c, const Rect& view);
  void draw_languages(PageContext& c, const Rect& view);
  void draw_towns(PageContext& c, const Rect& view, const Settings& settings);
  void draw_review(PageContext& c, const Rect& view, const Settings& settings,
                   i18n::CivilDate today);
  void back_one();
  std::optional<Action> next(const i18n::Localizer& s, const Settings& settings,
                             i18n::CivilDate today);
  Step first_step() const { return proposal_ ? Step::When : Step::Category; }

  FieldRules rules_;
  bool proposal_ = false;
  Step step_ = Step::Category;
  Problem problem_ = Problem::None;
  std::string category_;
  When when_ = When::Unset;
  i18n::CivilDate day_;
  std::string part_;
  std::string language_;
  std::optional<size_t> town_;
  std::unique_ptr<render::TextField> text_;
  std::string sample_text_;
  // The calendar shown: months after today's, and the month laid out for it.
  int month_offset_ = 0;
  std::optional<i18n::CalendarMonth> month_;
  std::string month_key_;
  float scroll_ = 0;
};

// A tag the platform takes as a helper's language: two or three small letters.
bool speakable(const i18n::Language& l);
// The picture of when a request is wanted.
const char* when_picture(RequestForm::When when);
// The picture and the words of a part of the day ("morning", …), for the
// wizard and the request pages.
const char* part_picture(std::string_view part);
std::string_view part_label(const i18n::Localizer& s, std::string_view part);
// When a request is wanted, in words: its day in the locale's calendar and
// digits (in `style`), or "As soon as possible".
std::string when_text(const i18n::Localizer& s, const NewRequest& r,
                      i18n::DateStyle style = i18n::DateStyle::Full);
// A proposed day and part of the day (`r`'s date and part_of_day) as a
// message in the UI language: "My suggestion: Tuesday, 8 December 2026,
// Morning".
std::string proposal_text(const i18n::Localizer& s, const NewRequest& r);

}  // namespace ih::kiosk
