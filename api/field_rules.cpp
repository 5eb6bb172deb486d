#include "api/field_rules.h"

#include <string.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string>

#include "api/personal_code.h"
#include "api/secret.h"
#include "api/time_text.h"

namespace ih::api {
namespace {

constexpr std::array<std::string_view, 18> kLanguages = {"de", "ar",  "uk", "ru",  "prs", "ps",
                                                         "tr", "kmr", "fa", "ckb", "so",  "ti",
                                                         "am", "es",  "en", "fr",  "ka",  "ur"};

constexpr std::array<std::string_view, 13> kCategories = {
    "authority", "language_tandem",     "doctor",           "interpreting",
    "housing",   "legal_advice",        "school_childcare", "work_applications",
    "clothes",   "furniture_household", "mobility",         "leisure_sport",
    "other"};

constexpr std::array<std::string_view, 4> kPartsOfDay = {"any", "morning", "afternoon", "evening"};

FieldProblem too_short(Unit unit, int64_t limit) {
  return {Reason::TooShort, unit, limit};
}

FieldProblem too_long(Unit unit, int64_t limit) {
  return {Reason::TooLong, unit, limit};
}

constexpr FieldProblem problem(Reason reason) {
  return {reason, Unit::None, 0};
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The character BreakIterator is costly to make and not thread-safe to share;
// each thread keeps one.
icu::BreakIterator* grapheme_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    return U_SUCCESS(status) ? std::move(made) : nullptr;
  }();
  return iterator.get();
}

// The bidi embeddings and overrides: LRE, RLE, PDF, LRO, RLO.
bool is_embedding_or_override(UChar32 c) {
  return c >= 0x202A && c <= 0x202E;
}

// The bidi isolate initiators LRI, RLI and FSI; PDI closes them.
bool opens_isolate(UChar32 c) {
  return c >= 0x2066 && c <= 0x2068;
}
constexpr UChar32 kPopDirectionalIsolate = 0x2069;

// Whether `c` ends a paragraph or a line, where the bidi algorithm closes
// every isolate still open.
bool ends_line(UChar32 c) {
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

// Whether every code point is well-formed and allowed by `multiline`, and
// the isolates pair up within each line.
std::optional<FieldProblem> check_code_points(std::string_view utf8, bool multiline) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(utf8.size());
  std::optional<FieldProblem> refused;
  int32_t open_isolates = 0;
  const auto unpaired = [&] {
    if (!refused && open_isolates != 0) refused = problem(Reason::BadFormat);
  };
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    if (c < 0) return problem(Reason::NotUtf8);
    if (refused) continue;  // well-formedness is reported first, wherever it fails
    if (ends_line(c)) unpaired();
    const bool line_break = c == '\n' || c == '\r' || c == '\t';
    if (multiline && line_break) continue;
    if (u_charType(c) == U_CONTROL_CHAR || (!multiline && (c == 0x2028 || c == 0x2029))) {
      refused = problem(Reason::ControlCharacter);
    } else if (is_embedding_or_override(c)) {
      refused = problem(Reason::BadCharacter);
    } else if (opens_isolate(c)) {
      ++open_isolates;
    } else if (c == kPopDirectionalIsolate && --open_isolates < 0) {
      refused = problem(Reason::BadFormat);
    }
  }
  unpaired();
  return refused;
}

std::optional<FieldProblem> one_of(std::span<const std::string_view> values,
                                   std::string_view value) {
  if (std::find(values.begin(), values.end(), value) != values.end()) return std::nullopt;
  return problem(Reason::UnknownValue);
}

}  // namespace

std::string_view reason_name(Reason reason) {
  switch (reason) {
    case Reason::Missing:
      return "missing";
    case Reason::WrongType:
      return "wrong_type";
    case Reason::TooShort:
      return "too_short";
    case Reason::TooLong:
      return "too_long";
    case Reason::NotUtf8:
      return "not_utf8";
    case Reason::ControlCharacter:
      return "control_character";
    case Reason::BadCharacter:
      return "bad_character";
    case Reason::BadFormat:
      return "bad_format";
    case Reason::UnknownValue:
      return "unknown_value";
    case Reason::WrongTerminal:
      return "wrong_terminal";
    case Reason::OutOfRange:
      return "out_of_range";
  }
  return "bad_format";
}

std::string_view unit_name(Unit unit) {
  switch (unit) {
    case Unit::None:
      return "";
    case Unit::Graphemes:
      return "graphemes";
    case Unit::Bytes:
      return "bytes";
    case Unit::Characters:
      return "characters";
    case Unit::Items:
      return "items";
  }
  return "";
}

// [SECTION] Text a person types

std::optional<int32_t> count_graphemes(std::string_view utf8) {
  if (check_code_points(utf8, true) == problem(Reason::NotUtf8)) return std::nullopt;
  if (utf8.empty()) return 0;
  icu::BreakIterator* iterator = grapheme_iterator();
  UErrorCode status = U_ZERO_ERROR;
  // The iterator keeps its own clone of the text it is given until it gets
  // another; a UTF-8 text's clone holds converted chunks of it, which would
  // outlive the person's session. A UTF-16 text is cloned by reference only:
  // the copy is ours, overwritten below, and the iterator is left on an empty one.
  std::u16string utf16(utf8.size(), u'\0');
  int32_t length = 0;
  u_strFromUTF8(reinterpret_cast<UChar*>(utf16.data()), static_cast<int32_t>(utf16.size()), &length,
                utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  UText text = UTEXT_INITIALIZER;
  utext_openUChars(&text, reinterpret_cast<const UChar*>(utf16.data()), length, &status);
  if (iterator) iterator->setText(&text, status);
  int32_t count = 0;
  if (!iterator || U_FAILURE(status)) {
    // Without ICU's data every code point is a cluster: never fewer than the
    // kiosk counts, so nothing it takes is refused for being long.
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto n = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < n; ++count) U8_FWD_1(s, i, n);
  } else {
    for (int32_t b = iterator->next(); b != icu::BreakIterator::DONE; b = iterator->next()) {
      ++count;
    }
  }
  if (iterator) {
    UErrorCode ignored = U_ZERO_ERROR;
    UText empty = UTEXT_INITIALIZER;
    utext_openUChars(&empty, u"", 0, &ignored);
    iterator->setText(&empty, ignored);
    utext_close(&empty);
  }
  utext_close(&text);
  explicit_bzero(utf16.data(), utf16.size() * sizeof(char16_t));
  return count;
}

std::optional<FieldProblem> check_text(const TextRule& rule, std::string_view utf8) {
  if (auto bad = check_code_points(utf8, rule.multiline)) return bad;
  // Graphemes first: they are what a person can count and the kiosk's field
  // limits; the byte cap only matters for clusters of unusual length.
  const int32_t graphemes = count_graphemes(utf8).value_or(0);
  if (graphemes < rule.min_graphemes) return too_short(Unit::Graphemes, rule.min_graphemes);
  if (graphemes > rule.max_graphemes) return too_long(Unit::Graphemes, rule.max_graphemes);
  if (utf8.size() > static_cast<size_t>(rule.max_bytes)) {
    return too_long(Unit::Bytes, rule.max_bytes);
  }
  return std::nullopt;
}

std::optional<FieldProblem> check_display_name(std::string_view utf8) {
  return check_text(kDisplayName, utf8);
}
std::optional<FieldProblem> check_town(std::string_view utf8) {
  return check_text(kTown, utf8);
}
std::optional<FieldProblem> check_place(std::string_view utf8) {
  return check_text(kPlace, utf8);
}
std::optional<FieldProblem> check_request_text(std::string_view utf8) {
  return check_text(kRequestText, utf8);
}
std::optional<FieldProblem> check_message_text(std::string_view utf8) {
  return check_text(kMessageText, utf8);
}
std::optional<FieldProblem> check_terminal_name(std::string_view utf8) {
  return check_text(kTerminalName, utf8);
}
std::optional<FieldProblem> check_password(std::string_view utf8) {
  return check_text(kPassword, utf8);
}
std::optional<FieldProblem> check_version(std::string_view utf8) {
  return check_text(kVersion, utf8);
}
std::optional<FieldProblem> check_last_error(std::string_view utf8) {
  return check_text(kLastError, utf8);
}

// [SECTION] Numbers and codes

std::optional<FieldProblem> check_pin(std::string_view pin) {
  if (!std::all_of(pin.begin(), pin.end(), is_digit)) return problem(Reason::BadCharacter);
  if (pin.size() < kMinPinDigits) return too_short(Unit::Characters, kMinPinDigits);
  if (pin.size() > kMaxPinDigits) return too_long(Unit::Characters, kMaxPinDigits);
  return std::nullopt;
}

std::optional<FieldProblem> check_phone(std::string_view phone) {
  const std::string_view rest = phone.substr(!phone.empty() && phone[0] == '+' ? 1 : 0);
  if (!std::all_of(rest.begin(), rest.end(), [](char c) { return is_digit(c) || c == ' '; })) {
    return problem(Reason::BadCharacter);
  }
  if (phone.size() < kMinPhoneCharacters) return too_short(Unit::Characters, kMinPhoneCharacters);
  if (phone.size() > kMaxPhoneCharacters) return too_long(Unit::Characters, kMaxPhoneCharacters);
  return std::nullopt;
}

std::optional<FieldProblem> check_personal_code(std::string_view typed) {
  if (typed.empty()) return too_short(Unit::Characters, 1);
  if (typed.size() > kMaxPersonalCodeCharacters) {
    return too_long(Unit::Characters, kMaxPersonalCodeCharacters);
  }
  if (!normalize_personal_code(typed)) return problem(Reason::BadFormat);
  return std::nullopt;
}

std::optional<FieldProblem> check_enrolment_code(std::string_view typed) {
  if (typed.empty()) return too_short(Unit::Characters, 1);
  if (typed.size() > kMaxEnrolmentCodeCharacters) {
    return too_long(Unit::Characters, kMaxEnrolmentCodeCharacters);
  }
  if (!std::all_of(typed.begin(), typed.end(), [](char c) { return c >= ' ' && c <= '~'; })) {
    return problem(Reason::BadCharacter);
  }
  return std::nullopt;
}

std::string canonical_enrolment_code(std::string_view typed) {
  std::string out;
  for (const char c : typed) {
    if (c == '-' || c == ' ') continue;
    out += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

std::optional<FieldProblem> check_request_id(std::string_view id) {
  if (id.rfind("r_", 0) != 0) return problem(Reason::BadFormat);
  const std::string_view rest = id.substr(2);
  if (rest.size() < 16) return too_short(Unit::Characters, 18);
  if (rest.size() > 43) return too_long(Unit::Characters, 45);
  if (!is_idempotency_key(rest)) return problem(Reason::BadCharacter);
  return std::nullopt;
}

std::optional<FieldProblem> check_message_id(std::string_view id) {
  if (!std::all_of(id.begin(), id.end(), is_digit)) return problem(Reason::BadCharacter);
  if (id.empty()) return too_short(Unit::Characters, 1);
  if (id.size() > kMaxMessageIdCharacters) {
    return too_long(Unit::Characters, kMaxMessageIdCharacters);
  }
  return std::nullopt;
}

std::optional<FieldProblem> check_secret(std::string_view secret) {
  if (!is_secret(secret)) return problem(Reason::BadFormat);
  return std::nullopt;
}

std::optional<FieldProblem> check_date(std::string_view date) {
  if (!is_date(date)) return problem(Reason::BadFormat);
  return std::nullopt;
}

// [SECTION] Values from a list

std::span<const std::string_view> known_languages() {
  return kLanguages;
}

std::optional<FieldProblem> check_language(std::string_view tag) {
  return one_of(kLanguages, tag);
}

std::optional<FieldProblem> check_languages(std::span<const std::string> tags) {
  if (tags.size() < kMinLanguages) return too_short(Unit::Items, kMinLanguages);
  if (tags.size() > kMaxLanguages) return too_long(Unit::Items, kMaxLanguages);
  for (const std::string& tag : tags) {
    if (auto bad = check_language(tag)) return bad;
  }
  return std::nullopt;
}

std::span<const std::string_view> categories() {
  return kCategories;
}

std::optional<FieldProblem> check_category(std::string_view category) {
  return one_of(kCategories, category);
}

std::span<const std::string_view> parts_of_day() {
  return kPartsOfDay;
}

std::optional<FieldProblem> check_part_of_day(std::string_view part) {
  return one_of(kPartsOfDay, part);
}

}  // namespace ih::api
