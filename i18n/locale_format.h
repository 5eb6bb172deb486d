// Numbers, dates, times and relative times in a locale's own digits and
// calendar, through ICU, as CLDR says: Arabic-Indic digits for Arabic,
// Extended Arabic-Indic for Persian, Dari and Pashto, Latin for Urdu and
// German; the Solar Hijri calendar for Persian, Dari and Pashto.
//
//   auto f = LocaleFormat::create("ar");
//   f.value->number(1234.5);                       // "١٬٢٣٤٫٥"
//   f.value->relative(now - 3h, now);             // "قبل ٣ ساعات"
//
// A LocaleFormat holds ICU formatters, which are costly to make (a few hundred
// microseconds) and cheap to use: make one per language and keep it. Not
// thread-safe (ICU's date formatters are not).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "i18n/message.h"

namespace ih::i18n {

enum class DateStyle : uint8_t {
  Short,   // 03.02.24
  Medium,  // 03.02.2024
  Long,    // 3. Februar 2024
  Full,    // Samstag, 3. Februar 2024
};

class LocaleFormat {
 public:
  struct Result {
    std::unique_ptr<LocaleFormat> value;  // null on failure
    std::string error;
  };
  // Formatters for ICU locale `locale` (e.g. "ar", "fa-AF"), showing times in
  // the IANA zone `time_zone` (empty: the system's).
  static Result create(std::string_view locale, std::string_view time_zone = {});
  ~LocaleFormat();
  LocaleFormat(const LocaleFormat&) = delete;
  LocaleFormat& operator=(const LocaleFormat&) = delete;

  const std::string& locale() const { return locale_; }
  // The CLDR numbering system in use: "latn", "arab", "arabext", …
  const std::string& numbering_system() const { return numbering_system_; }
  // The calendar in use: "gregorian", "persian", …
  const std::string& calendar() const { return calendar_; }

  std::string number(int64_t value) const;
  std::string number(double value) const;
  // `value` percent as the locale writes it: "80 %", "%80", "٨٠٪".
  std::string percent(int64_t value) const;
  std::string date(Timestamp when, DateStyle style = DateStyle::Medium) const;
  std::string time(Timestamp when) const;  // hours and minutes
  // `then` relative to `now`, in the largest unit that fits: "now",
  // "in 5 minutes", "3 hours ago", "yesterday", "2 weeks ago".
  std::string relative(Timestamp then, Timestamp now) const;

 private:
  struct Impl;
  LocaleFormat() = default;
  std::unique_ptr<Impl> impl_;
  std::string locale_;
  std::string numbering_system_;
  std::string calendar_;
};

}  // namespace ih::i18n
