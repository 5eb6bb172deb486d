#include "i18n/calendar_month.h"

#include <unicode/calendar.h>
#include <unicode/dtfmtsym.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/numfmt.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <memory>

namespace ih::i18n {

namespace {

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

icu::Locale icu_locale(std::string_view locale) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale l = icu::Locale::forLanguageTag(std::string(locale).c_str(), status);
  return U_SUCCESS(status) ? l : icu::Locale::getRoot();
}

// The days are counted in GMT at noon: no daylight saving time moves a day.
std::unique_ptr<icu::Calendar> gmt_gregorian() {
  UErrorCode status = U_ZERO_ERROR;
  auto cal = std::make_unique<icu::GregorianCalendar>(icu::TimeZone::getGMT()->clone(), status);
  // Proleptic: no Julian days before 1582.
  cal->setGregorianChange(-1e300, status);
  return cal;
}

UDate gmt_noon(icu::Calendar& gregorian, CivilDate d) {
  UErrorCode status = U_ZERO_ERROR;
  gregorian.clear();
  gregorian.set(d.year, d.month - 1, d.day, 12, 0, 0);
  return gregorian.getTime(status);
}

CivilDate civil(icu::Calendar& gregorian, UDate at) {
  UErrorCode status = U_ZERO_ERROR;
  gregorian.setTime(at, status);
  return {gregorian.get(UCAL_EXTENDED_YEAR, status), gregorian.get(UCAL_MONTH, status) + 1,
          gregorian.get(UCAL_DATE, status)};
}

}  // namespace

std::string iso_date(CivilDate date) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", date.year, date.month, date.day);
  return out;
}

CivilDate add_days(CivilDate date, int days) {
  auto cal = gmt_gregorian();
  const UDate at = gmt_noon(*cal, date) + static_cast<double>(days) * U_MILLIS_PER_DAY;
  return civil(*cal, at);
}

CivilDate local_date(Timestamp when) {
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar cal(icu::TimeZone::createDefault(), status);
  cal.setGregorianChange(-1e300, status);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch());
  cal.setTime(static_cast<UDate>(ms.count()), status);
  return {cal.get(UCAL_EXTENDED_YEAR, status), cal.get(UCAL_MONTH, status) + 1,
          cal.get(UCAL_DATE, status)};
}

Timestamp noon_of(CivilDate date) {
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar cal(icu::TimeZone::createDefault(), status);
  cal.setGregorianChange(-1e300, status);
  cal.clear();
  cal.set(date.year, date.month - 1, date.day, 12, 0, 0);
  const UDate at = cal.getTime(status);
  return Timestamp(std::chrono::milliseconds(static_cast<int64_t>(at)));
}

CalendarMonth calendar_month(std::string_view locale, CivilDate day, int offset) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale l = icu_locale(locale);
  auto gregorian = gmt_gregorian();
  std::unique_ptr<icu::Calendar> cal(
      icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), l, status));
  CalendarMonth out;
  if (U_FAILURE(status) || !cal) return out;
  cal->setTime(gmt_noon(*gregorian, day), status);
  cal->add(UCAL_MONTH, offset, status);
  cal->set(UCAL_DATE, 1);
  const UDate first = cal->getTime(status);

  // The title in the locale's pattern for a month and its year ("Dezember
  // 2026", "آذر ۱۴۰۵"), with the calendar's own month names.
  std::unique_ptr<icu::DateTimePatternGenerator> patterns(
      icu::DateTimePatternGenerator::createInstance(l, status));
  if (U_SUCCESS(status)) {
    const icu::UnicodeString pattern = patterns->getBestPattern("yMMMM", status);
    icu::SimpleDateFormat title(pattern, l, status);
    title.adoptCalendar(cal->clone());
    title.setTimeZone(*icu::TimeZone::getGMT());
    icu::UnicodeString text;
    title.format(first, text);
    out.title = utf8(text);
  }

  const int first_weekday = cal->getFirstDayOfWeek(status);  // UCAL_SUNDAY = 1 … UCAL_SATURDAY = 7
  icu::DateFormatSymbols symbols(l, cal->getType(), status);
  int32_t count = 0;
  const icu::UnicodeString* names =
      symbols.getWeekdays(count, icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::SHORT);
  for (int i = 0; i < 7; ++i) {
    const int weekday = (first_weekday - 1 + i) % 7 + 1;
    out.weekdays.push_back(names && weekday < count ? utf8(names[weekday]) : std::string());
  }

  std::unique_ptr<icu::NumberFormat> digits(icu::NumberFormat::createInstance(l, status));
  if (digits) digits->setGroupingUsed(false);
  const int length = cal->getActualMaximum(UCAL_DATE, status);
  const int lead = (cal->get(UCAL_DAY_OF_WEEK, status) - first_weekday + 7) % 7;
  for (int d = 1; d <= length; ++d) {
    CalendarDay entry;
    entry.date = civil(*gregorian, first + static_cast<double>(d - 1) * U_MILLIS_PER_DAY);
    icu::UnicodeString label;
    if (digits) digits->format(static_cast<int32_t>(d), label);
    entry.label = utf8(label);
    entry.row = (lead + d - 1) / 7;
    entry.column = (lead + d - 1) % 7;
    out.days.push_back(std::move(entry));
  }
  out.rows = out.days.empty() ? 0 : out.days.back().row + 1;
  return out;
}

}  // namespace ih::i18n
