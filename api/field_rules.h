// The rule of every field of the API (api/openapi.yaml), written once: the hub
// refuses what breaks one, and the kiosk checks the same functions before it
// queues anything, so a value a person could enter at a terminal is never
// refused by the platform. tests/hub/openapi_rules_test.cpp keeps the
// specification's numbers equal to these.
//
// Every limit names its unit:
//   graphemes  extended grapheme clusters (Unicode UAX #29, ICU's character
//              BreakIterator in the root locale): what a person sees as one
//              character. render/text_field.h counts a field's length the same
//              way, so "40" means the same on the keyboard and on the server.
//   bytes      bytes of UTF-8. Text fields also have a byte cap, so that one
//              grapheme stuffed with thousands of combining marks cannot blow
//              up storage or a sealed envelope.
//   characters ASCII characters, for fields that take nothing else (PIN,
//              phone, codes): one byte and one grapheme each.
//   items      entries of a list.
//
// The rules are plain data (constants below) and free functions that return
// nullopt for a good value or the first rule it breaks. All are pure and
// thread-safe; text is UTF-8.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace ih::api {

enum class Unit : uint8_t { None, Graphemes, Bytes, Characters, Items };

// Why a value is refused; reason_name() gives the word the API sends in a
// 422's `errors[].reason`.
enum class Reason : uint8_t {
  Missing,           // "missing": a required field is absent or null
  WrongType,         // "wrong_type": not a string, list, object or integer as the field wants
  TooShort,          // "too_short": fewer than `limit` `unit`
  TooLong,           // "too_long": more than `limit` `unit`
  NotUtf8,           // "not_utf8": bytes that are not UTF-8
  ControlCharacter,  // "control_character": a control character, or a line break where one
                     // line is wanted
  BadCharacter,      // "bad_character": a character the field never takes (a letter in a PIN)
  BadFormat,         // "bad_format": allowed characters that do not form a value (a personal
                     // code with a wrong check character, a date that does not exist)
  UnknownValue,      // "unknown_value": not one of the field's listed values
  WrongTerminal,     // "wrong_terminal": a personal code not made by the calling terminal
  OutOfRange,        // "out_of_range": a number outside the field's range
};

struct FieldProblem {
  Reason reason = Reason::BadFormat;
  Unit unit = Unit::None;  // for TooShort and TooLong: what was counted
  int64_t limit = 0;       // for TooShort and TooLong: the bound crossed, in `unit`
  bool operator==(const FieldProblem&) const = default;
};

std::string_view reason_name(Reason reason);  // "too_long"
std::string_view unit_name(Unit unit);        // "graphemes"; "" for None

// [SECTION] Text a person types

// min_graphemes..max_graphemes grapheme clusters and at most max_bytes bytes of
// well-formed UTF-8, without control characters (Unicode category Cc, NUL
// included; a one-line field also refuses U+2028 and U+2029, as the kiosk's
// text field does). A multi-line field takes line feed, carriage return and
// tab.
//
// No text field takes the bidi embeddings and overrides U+202A..U+202E (LRE,
// RLE, PDF, LRO, RLO): `bad_character`. Isolates (LRI, RLI, FSI U+2066..U+2068)
// must each be closed by a PDI (U+2069) within their line, and no PDI may
// come without one open: else `bad_format`. Whoever shows a stored text
// isolates it (i18n::isolate, FSI … PDI); an override, or an isolate left
// open or closed once too often, would reach past that isolate and reorder
// its neighbours (a name shown reversed, a message that swaps the ones around
// it). Paired isolates stay inside, as the kiosk's own messages put them
// around what they insert. The implicit marks (LRM U+200E, RLM U+200F, ALM
// U+061C) and the joiners (ZWNJ, ZWJ) are taken: they cannot reach out of an
// isolate, and Persian and emoji need them.
struct TextRule {
  int32_t min_graphemes = 0;
  int32_t max_graphemes = 0;
  int32_t max_bytes = 0;
  bool multiline = false;
};

// Byte caps are a multiple of the grapheme limit. One line (names, places):
// 64 bytes a grapheme on average, 16 code points of 4 bytes; the longest emoji
// sequence of Unicode 15 (a kiss with two skin tones) is 35 bytes, so a field
// full of any real graphemes fits. Prose (requests, messages): 8 bytes a
// grapheme on average, more than any real writing needs (Arabic with every
// vowel mark, Devanagari conjuncts stay under 6); it keeps the longest message,
// escaped as JSON and sealed in base64, under the hub's 64 KiB body limit.
inline constexpr int32_t kLineBytesPerGrapheme = 64;
inline constexpr int32_t kProseBytesPerGrapheme = 8;

// A person's first name or nickname.
inline constexpr TextRule kDisplayName{1, 40, 40 * kLineBytesPerGrapheme, false};
// A town or a shelter, for a profile or a request.
inline constexpr TextRule kTown{1, 80, 80 * kLineBytesPerGrapheme, false};
// A shelter or street within the town; optional (may be empty).
inline constexpr TextRule kPlace{0, 80, 80 * kLineBytesPerGrapheme, false};
// What a request for help says besides its category; optional.
inline constexpr TextRule kRequestText{0, 500, 500 * kProseBytesPerGrapheme, true};
// A message in a conversation, and a helper's first message offering help.
inline constexpr TextRule kMessageText{1, 2000, 2000 * kProseBytesPerGrapheme, true};
// Where a terminal stands ("Erstaufnahme Dresden, Halle 2"), named at enrolment.
inline constexpr TextRule kTerminalName{1, 80, 80 * kLineBytesPerGrapheme, false};
// A helper's or staff member's password at login (a person's PIN is checked
// as a PIN only when it is set; a login with a wrong one is just wrong).
inline constexpr TextRule kPassword{1, 64, 64, false};
// The software version a terminal reports, and its last error: a category such
// as "timeout", never personal data.
inline constexpr TextRule kVersion{1, 40, 40, false};
inline constexpr TextRule kLastError{0, 200, 200, false};

std::optional<FieldProblem> check_text(const TextRule& rule, std::string_view utf8);
std::optional<FieldProblem> check_display_name(std::string_view utf8);
std::optional<FieldProblem> check_town(std::string_view utf8);
std::optional<FieldProblem> check_place(std::string_view utf8);
std::optional<FieldProblem> check_request_text(std::string_view utf8);
std::optional<FieldProblem> check_message_text(std::string_view utf8);
std::optional<FieldProblem> check_terminal_name(std::string_view utf8);
std::optional<FieldProblem> check_password(std::string_view utf8);
std::optional<FieldProblem> check_version(std::string_view utf8);
std::optional<FieldProblem> check_last_error(std::string_view utf8);

// Grapheme clusters in `utf8` (UAX #29, extended), or nullopt if it is not
// well-formed UTF-8.
std::optional<int32_t> count_graphemes(std::string_view utf8);

// [SECTION] Numbers and codes

// A person's PIN: 4 to 8 ASCII digits.
inline constexpr int32_t kMinPinDigits = 4;
inline constexpr int32_t kMaxPinDigits = 8;
std::optional<FieldProblem> check_pin(std::string_view pin);

// A phone number, optional in a profile: 4 to 30 characters, ASCII digits and
// spaces, with one "+" allowed as the first.
inline constexpr int32_t kMinPhoneCharacters = 4;
inline constexpr int32_t kMaxPhoneCharacters = 30;
std::optional<FieldProblem> check_phone(std::string_view phone);

// A personal code as typed: at most 20 characters, read leniently by
// api/personal_code.h (dashes, spaces, lower case, I/L/O) to 8 code digits
// with a matching check character.
inline constexpr int32_t kMaxPersonalCodeCharacters = 20;
std::optional<FieldProblem> check_personal_code(std::string_view typed);

// A one-time enrolment code as staff type it: 1 to 40 printable ASCII
// characters; compared in canonical form (canonical_enrolment_code).
inline constexpr int32_t kMaxEnrolmentCodeCharacters = 40;
std::optional<FieldProblem> check_enrolment_code(std::string_view typed);
// Upper case, without the dashes and spaces people type.
std::string canonical_enrolment_code(std::string_view typed);

// A request's id chosen by the terminal: "r_" and 16 to 43 base64url characters.
std::optional<FieldProblem> check_request_id(std::string_view id);
// A message id: 1 to 20 ASCII digits.
inline constexpr int32_t kMaxMessageIdCharacters = 20;
std::optional<FieldProblem> check_message_id(std::string_view id);
// A device secret or session token: 32 bytes as 43 base64url characters.
std::optional<FieldProblem> check_secret(std::string_view secret);
// A calendar date "YYYY-MM-DD" that exists.
std::optional<FieldProblem> check_date(std::string_view date);

// [SECTION] Values from a list

// The languages a person can name as spoken, and ask a helper to speak: the
// kiosk's languages (assets/languages.json without its pseudo-locales).
std::span<const std::string_view> known_languages();
std::optional<FieldProblem> check_language(std::string_view tag);
// The languages of a profile: 1 to 8 known tags.
inline constexpr int32_t kMinLanguages = 1;
inline constexpr int32_t kMaxLanguages = 8;
std::optional<FieldProblem> check_languages(std::span<const std::string> tags);

// The categories of a request for help.
std::span<const std::string_view> categories();
std::optional<FieldProblem> check_category(std::string_view category);

// When in the day help is wanted.
std::span<const std::string_view> parts_of_day();
std::optional<FieldProblem> check_part_of_day(std::string_view part);

}  // namespace ih::api
