// Numbers, dates and relative times come out in each locale's own digits and
// calendar, as CLDR says.
#include "i18n/locale_format.h"

#include <gtest/gtest.h>

#include <string>

#include "i18n/language_registry.h"

namespace ih::i18n {
namespace {

using namespace std::chrono;

// 2024-06-01 09:30 in Berlin (07:30 UTC): 12 Khordad 1403 in the Solar Hijri calendar.
const Timestamp kJune1 = sys_days(year(2024) / June / 1) + hours(7) + minutes(30);

std::unique_ptr<LocaleFormat> make(const std::string& locale) {
  LocaleFormat::Result r = LocaleFormat::create(locale, "Europe/Berlin");
  EXPECT_NE(r.value, nullptr) << r.error;
  return std::move(r.value);
}

// The locale the registry formats `tag` in.
std::string locale_of(const std::string& tag) {
  static const RegistryResult loaded =
      load_registry(std::string(ICHHELFE_SOURCE_DIR) + "/assets/languages.json");
  return loaded.registry.find(tag)->locale;
}

struct Digits {
  const char* tag;
  const char* numbering_system;
  const char* calendar;
  const char* thousands;  // 1234567
  const char* year;       // 2024, in the locale's digits and calendar
};

void PrintTo(const Digits& d, std::ostream* os) {
  *os << d.tag;
}

class DigitsTest : public ::testing::TestWithParam<Digits> {};

TEST_P(DigitsTest, NumbersAndDatesUseTheLocalesDigitsAndCalendar) {
  const Digits d = GetParam();
  const auto f = make(locale_of(d.tag));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->numbering_system(), d.numbering_system);
  EXPECT_EQ(f->calendar(), d.calendar);
  EXPECT_EQ(f->number(int64_t{1234567}), d.thousands);
  const std::string date = f->date(kJune1, DateStyle::Long);
  EXPECT_NE(date.find(d.year), std::string::npos) << date;
}

INSTANTIATE_TEST_SUITE_P(Locales, DigitsTest,
                         ::testing::Values(
                             // Arabic-Indic digits, Arabic separators, the Gregorian calendar.
                             Digits{"ar", "arab", "gregorian", "١٬٢٣٤٬٥٦٧", "٢٠٢٤"},
                             // Extended Arabic-Indic digits and the Solar Hijri calendar.
                             Digits{"fa", "arabext", "persian", "۱٬۲۳۴٬۵۶۷", "۱۴۰۳"},
                             Digits{"prs", "arabext", "persian", "۱٬۲۳۴٬۵۶۷", "۱۴۰۳"},
                             Digits{"ps", "arabext", "persian", "۱٬۲۳۴٬۵۶۷", "۱۴۰۳"},
                             // Sorani writes Arabic-Indic digits.
                             Digits{"ckb", "arab", "gregorian", "١٬٢٣٤٬٥٦٧", "٢٠٢٤"},
                             // Urdu, as written in Pakistan: Latin digits (CLDR's default for ur).
                             Digits{"ur", "latn", "gregorian", "1,234,567", "2024"},
                             Digits{"de", "latn", "gregorian", "1.234.567", "2024"},
                             Digits{"kmr", "latn", "gregorian", "1.234.567", "2024"},
                             Digits{"ti", "latn", "gregorian", "1,234,567", "2024"}),
                         [](const auto& info) { return std::string(info.param.tag); });

TEST(LocaleFormatTest, GermanDatesAndTimes) {
  const auto f = make("de");
  EXPECT_EQ(f->date(kJune1, DateStyle::Medium), "01.06.2024");
  EXPECT_EQ(f->date(kJune1, DateStyle::Long), "1. Juni 2024");
  EXPECT_EQ(f->time(kJune1), "09:30");
}

TEST(LocaleFormatTest, PersianDateIsSolarHijri) {
  const auto f = make("fa");
  const std::string date = f->date(kJune1, DateStyle::Long);
  EXPECT_NE(date.find("خرداد"), std::string::npos) << date;  // the month Khordad
  EXPECT_EQ(date, "۱۲ خرداد ۱۴۰۳");
}

TEST(LocaleFormatTest, ArabicTimeHasArabicIndicDigits) {
  const auto f = make("ar");
  const std::string time = f->time(kJune1);
  EXPECT_NE(time.find("٩:٣٠"), std::string::npos) << time;
}

TEST(LocaleFormatTest, RelativeTimesPickTheLargestUnit) {
  const auto de = make("de");
  const Timestamp now = kJune1;
  EXPECT_EQ(de->relative(now - seconds(20), now), "jetzt");
  EXPECT_EQ(de->relative(now - minutes(5), now), "vor 5 Minuten");
  EXPECT_EQ(de->relative(now - hours(3), now), "vor 3 Stunden");
  EXPECT_EQ(de->relative(now + hours(2), now), "in 2 Stunden");
  EXPECT_EQ(de->relative(now - days(1), now), "gestern");
  EXPECT_EQ(de->relative(now - days(14), now), "vor 2 Wochen");
  const auto ar = make("ar");
  const std::string three_hours = ar->relative(now - hours(3), now);
  EXPECT_NE(three_hours.find("٣"), std::string::npos) << three_hours;
  const auto fa = make("fa");
  const std::string five_minutes = fa->relative(now - minutes(5), now);
  EXPECT_NE(five_minutes.find("۵"), std::string::npos) << five_minutes;
}

TEST(LocaleFormatTest, DecimalsUseTheLocalesSeparator) {
  EXPECT_EQ(make("de")->number(2.5), "2,5");
  EXPECT_EQ(make("ar")->number(2.5), "٢٫٥");
  EXPECT_EQ(make("fa")->number(2.5), "۲٫۵");
}

TEST(LocaleFormatTest, PercentagesAreWrittenAsTheLocaleWritesThem) {
  // CLDR: a narrow no-break space before the sign in German, the sign first
  // in Turkish, the Arabic percent sign with Arabic-Indic digits.
  EXPECT_EQ(make("de")->percent(80), "80\u00a0%");
  EXPECT_EQ(make("tr")->percent(80), "%80");
  EXPECT_EQ(make("ar")->percent(80), "\u0668\u0660\u066a\u061c");
  EXPECT_EQ(make("en")->percent(100), "100%");
}

TEST(LocaleFormatTest, AnUnknownTimeZoneIsAnError) {
  const LocaleFormat::Result r = LocaleFormat::create("de", "Europe/Nowhere");
  EXPECT_EQ(r.value, nullptr);
  EXPECT_NE(r.error.find("Europe/Nowhere"), std::string::npos);
}

}  // namespace
}  // namespace ih::i18n
