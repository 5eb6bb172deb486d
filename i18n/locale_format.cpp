#include "i18n/locale_format.h"

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/numsys.h>
#include <unicode/reldatefmt.h>
#include <unicode/timezone.h>

#include <cmath>

namespace ih::i18n {

struct LocaleFormat::Impl {
  icu::number::LocalizedNumberFormatter numbers;
  std::unique_ptr<icu::DateFormat> dates[4];
  std::unique_ptr<icu::DateFormat> times;
  std::unique_ptr<icu::RelativeDateTimeFormatter> relative;
};

namespace {

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

UDate udate(Timestamp t) {
  return static_cast<UDate>(
      std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count());
}

icu::DateFormat::EStyle icu_style(DateStyle style) {
  switch (style) {
    case DateStyle::Short:
      return icu::DateFormat::kShort;
    case DateStyle::Medium:
      return icu::DateFormat::kMedium;
    case DateStyle::Long:
      return icu::DateFormat::kLong;
    case DateStyle::Full:
      return icu::DateFormat::kFull;
  }
  return icu::DateFormat::kMedium;
}

}  // namespace

LocaleFormat::~LocaleFormat() = default;

LocaleFormat::Result LocaleFormat::create(std::string_view locale, std::string_view time_zone) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale l = icu::Locale::forLanguageTag(
      icu::StringPiece(locale.data(), static_cast<int32_t>(locale.size())), status);
  if (U_FAILURE(status)) return {nullptr, "no such locale '" + std::string(locale) + "'"};

  std::unique_ptr<icu::TimeZone> zone;
  if (time_zone.empty()) {
    zone.reset(icu::TimeZone::createDefault());
  } else {
    zone.reset(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(
        icu::StringPiece(time_zone.data(), static_cast<int32_t>(time_zone.size())))));
    if (*zone == icu::TimeZone::getUnknown())
      return {nullptr, "no such time zone '" + std::string(time_zone) + "'"};
  }

  std::unique_ptr<LocaleFormat> f(new LocaleFormat);
  f->locale_ = std::string(locale);
  f->impl_ = std::make_unique<Impl>(Impl{icu::number::NumberFormatter::withLocale(l), {}, {}, {}});
  for (const DateStyle s :
       {DateStyle::Short, DateStyle::Medium, DateStyle::Long, DateStyle::Full}) {
    auto& slot = f->impl_->dates[static_cast<int>(s)];
    slot.reset(icu::DateFormat::createDateInstance(icu_style(s), l));
    if (!slot) return {nullptr, "ICU has no date format for '" + std::string(locale) + "'"};
    slot->setTimeZone(*zone);
  }
  f->impl_->times.reset(icu::DateFormat::createTimeInstance(icu::DateFormat::kShort, l));
  if (!f->impl_->times)
    return {nullptr, "ICU has no time format for '" + std::string(locale) + "'"};
  f->impl_->times->setTimeZone(*zone);
  f->impl_->relative = std::make_unique<icu::RelativeDateTimeFormatter>(l, status);
  if (U_FAILURE(status))
    return {nullptr, "ICU has no relative time format for '" + std::string(locale) + "'"};

  std::unique_ptr<icu::NumberingSystem> digits(icu::NumberingSystem::createInstance(l, status));
  std::unique_ptr<icu::Calendar> calendar(icu::Calendar::createInstance(l, status));
  if (U_FAILURE(status)) return {nullptr, "ICU has no data for '" + std::string(locale) + "'"};
  f->numbering_system_ = digits->getName();
  f->calendar_ = calendar->getType();
  return {std::move(f), {}};
}

std::string LocaleFormat::number(int64_t value) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString s = impl_->numbers.formatInt(value, status).toString(status);
  return U_SUCCESS(status) ? utf8(s) : std::to_string(value);
}

std::string LocaleFormat::number(double value) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString s = impl_->numbers.formatDouble(value, status).toString(status);
  return U_SUCCESS(status) ? utf8(s) : std::to_string(value);
}

std::string LocaleFormat::percent(int64_t value) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString s =
      impl_->numbers.unit(icu::NoUnit::percent()).formatInt(value, status).toString(status);
  return U_SUCCESS(status) ? utf8(s) : std::to_string(value) + " %";
}

std::string LocaleFormat::date(Timestamp when, DateStyle style) const {
  icu::UnicodeString out;
  impl_->dates[static_cast<int>(style)]->format(udate(when), out);
  return utf8(out);
}

std::string LocaleFormat::time(Timestamp when) const {
  icu::UnicodeString out;
  impl_->times->format(udate(when), out);
  return utf8(out);
}

std::string LocaleFormat::relative(Timestamp then, Timestamp now) const {
  using namespace std::chrono;
  const double seconds = duration<double>(then - now).count();
  const double magnitude = std::fabs(seconds);
  // The largest unit of which there is at least about one, in whole units.
  struct Step {
    double seconds;
    URelativeDateTimeUnit unit;
  };
  constexpr Step kSteps[] = {
      {365.25 * 86400, UDAT_REL_UNIT_YEAR}, {30.44 * 86400, UDAT_REL_UNIT_MONTH},
      {7 * 86400, UDAT_REL_UNIT_WEEK},      {86400, UDAT_REL_UNIT_DAY},
      {3600, UDAT_REL_UNIT_HOUR},           {60, UDAT_REL_UNIT_MINUTE},
  };
  double offset = 0;
  URelativeDateTimeUnit unit = UDAT_REL_UNIT_SECOND;  // offset 0: "now"
  for (const Step& step : kSteps) {
    if (magnitude >= step.seconds * 0.95) {
      offset = std::copysign(std::round(magnitude / step.seconds), seconds);
      unit = step.unit;
      break;
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out;
  impl_->relative->format(offset, unit, out, status);
  return U_SUCCESS(status) ? utf8(out) : std::string();
}

}  // namespace ih::i18n
