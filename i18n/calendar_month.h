// A month of a locale's own calendar, as a date picker shows it: the month's
// name and year, the short names of the weekdays from the locale's first day
// of the week, and each day's number in the locale's digits, placed in its
// week row and weekday column. Solar Hijri months for Persian, Dari and
// Pashto, Gregorian for German, Arabic, Tigrinya and Urdu, as CLDR says, all
// through ICU's Calendar.
//
// A picked day is handed on as a Gregorian date (CivilDate), which is what the
// API takes ("YYYY-MM-DD"), whatever calendar showed it.
//
//   const CalendarMonth m = calendar_month("fa", {2026, 12, 6}, 0);
//   m.title;            // "آذر ۱۴۰۵"
//   m.days[0].label;    // "۱", m.days[0].date == {2026, 11, 22}
//
// Pure functions; thread-safe (each call makes its own ICU objects, which
// costs about a millisecond: call it when the month shown changes, not every frame).
#pragma once

#include <chrono>
#include <compare>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/message.h"

namespace ih::i18n {

// A day of the proleptic Gregorian calendar.
struct CivilDate {
  int year = 1970;
  int month = 1;  // 1 to 12
  int day = 1;    // 1 to 31
  auto operator<=>(const CivilDate&) const = default;
};

// "2026-12-06".
std::string iso_date(CivilDate date);
// `date` moved by `days` (negative: back).
CivilDate add_days(CivilDate date, int days);
// The day `when` falls on in the process's time zone (ICU's default, as
// LocaleFormat's without a zone).
CivilDate local_date(Timestamp when);
// Noon of `date` in the process's time zone, for formatting it as a date.
Timestamp noon_of(CivilDate date);

struct CalendarDay {
  CivilDate date;     // the Gregorian day
  std::string label;  // its number in the month of the locale's calendar, in the locale's digits
  int row = 0;        // week of the month, from 0
  int column = 0;     // weekday from the locale's first day of the week, from 0
};

struct CalendarMonth {
  std::string title;                  // the month's name and year, in the locale
  std::vector<std::string> weekdays;  // 7 short names, the locale's first day of the week first
  std::vector<CalendarDay> days;      // every day of the month, in order
  int rows = 0;                       // weeks the month touches
};

// The month of `locale`'s calendar `offset` months after the one that holds
// `day` (offset 0: that month). `locale` is an ICU locale ("fa", "fa-AF",
// "de"); one ICU does not know gives its root locale's Gregorian month.
CalendarMonth calendar_month(std::string_view locale, CivilDate day, int offset);

}  // namespace ih::i18n
