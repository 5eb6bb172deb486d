// A month of the locale's own calendar, for the request's date picker: Solar
// Hijri with Extended Arabic-Indic digits in Persian, Dari and Pashto,
// Gregorian elsewhere, and every day handed on as the Gregorian date the API takes.
#include "i18n/calendar_month.h"

#include <gtest/gtest.h>

namespace ih::i18n {
namespace {

TEST(CalendarMonthTest, PersianShowsTheSolarHijriMonthInPersianDigits) {
  // 6 December 2026 is 15 Azar 1405.
  const CalendarMonth m = calendar_month("fa", {2026, 12, 6}, 0);
  ASSERT_EQ(m.days.size(), 30u) << "Azar has 30 days";
  EXPECT_NE(m.title.find("آذر"), std::string::npos) << m.title;
  EXPECT_NE(m.title.find("۱۴۰۵"), std::string::npos) << m.title;
  EXPECT_EQ(m.days[0].label, "۱");
  EXPECT_EQ(m.days[14].label, "۱۵");
  EXPECT_EQ(m.days[14].date, (CivilDate{2026, 12, 6}));
  EXPECT_EQ(m.days[0].date, (CivilDate{2026, 11, 22}));
  // The Persian week starts on Saturday; 1 Azar 1405 is a Sunday.
  EXPECT_EQ(m.days[0].column, 1);
  EXPECT_EQ(m.weekdays.size(), 7u);
}

TEST(CalendarMonthTest, DariAndPashtoCountInTheSolarHijriCalendarToo) {
  for (const char* locale : {"fa-AF", "ps"}) {
    const CalendarMonth m = calendar_month(locale, {2026, 12, 6}, 0);
    ASSERT_EQ(m.days.size(), 30u) << locale;
    EXPECT_EQ(m.days[14].date, (CivilDate{2026, 12, 6})) << locale;
  }
}

TEST(CalendarMonthTest, GermanShowsTheGregorianMonthFromMonday) {
  const CalendarMonth m = calendar_month("de", {2026, 12, 6}, 0);
  ASSERT_EQ(m.days.size(), 31u);
  EXPECT_EQ(m.title, "Dezember 2026");
  EXPECT_EQ(m.weekdays[0], "Mo.") << "CLDR's short German weekday";
  EXPECT_EQ(m.days[0].label, "1");
  EXPECT_EQ(m.days[0].column, 1) << "1 December 2026 is a Tuesday";
  EXPECT_EQ(m.rows, 5);
}

TEST(CalendarMonthTest, ArabicNumbersTheDaysInArabicIndicDigits) {
  const CalendarMonth m = calendar_month("ar", {2026, 12, 6}, 0);
  ASSERT_EQ(m.days.size(), 31u);
  EXPECT_EQ(m.days[30].label, "٣١");
}

TEST(CalendarMonthTest, TheNextMonthFollowsAcrossTheYearsEnd) {
  const CalendarMonth m = calendar_month("de", {2026, 12, 31}, 1);
  EXPECT_EQ(m.title, "Januar 2027");
  EXPECT_EQ(m.days[0].date, (CivilDate{2027, 1, 1}));
}

TEST(CalendarMonthTest, DatesAreWrittenAsTheApiTakesThem) {
  EXPECT_EQ(iso_date({2026, 3, 9}), "2026-03-09");
  EXPECT_EQ(add_days({2026, 12, 31}, 1), (CivilDate{2027, 1, 1}));
  EXPECT_EQ(add_days({2024, 3, 1}, -1), (CivilDate{2024, 2, 29}));
}

}  // namespace
}  // namespace ih::i18n
