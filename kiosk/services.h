// What the shell and its pages ask of the world outside the kiosk, in the
// kiosk's own plain types: the network's answers and requests as pages show
// and make them. Pages and the shell see only these; kiosk/link.cpp, the one
// place that includes net/ and api/, translates them to and from net/'s types.
// Tests bind the callbacks to fakes.
//
// Everything here that a person typed or that identifies them is personal:
// wipe() (wipe.h) overwrites it, and nothing of it is logged.
//
// Thread-safety: plain data. The callbacks are called on the UI thread and
// return at once; slow work returns a future completed elsewhere. Whatever
// completes a future, or changes what sync_status() or status() return, then
// asks for a frame (the Link calls its on_change function, which main.cpp
// binds to App::wake()), so the shell and its pages, which look at futures
// and status only while they draw, show it without a touch. Fakes in tests
// wake the App the same way.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/conversations.h"

namespace ih::kiosk {

struct Settings;

// [SECTION] What a person enters, and what became of it

// What an entry of the terminal's outbox stands for (net::EntryKind).
enum class EntryKind { Profile, Request, Withdrawal, Message, Other };

// The kind as a technical word, for staff and logs: "profile", "request", …
constexpr std::string_view entry_kind_name(EntryKind kind) {
  switch (kind) {
    case EntryKind::Profile:
      return "profile";
    case EntryKind::Request:
      return "request";
    case EntryKind::Withdrawal:
      return "withdrawal";
    case EntryKind::Message:
      return "message";
    case EntryKind::Other:
      break;
  }
  return "other";
}

// Entries of one kind that the platform refused for good (dead letters): kept
// on the terminal, sealed, and told to the person at their next login. Never
// their content.
struct NotArrived {
  EntryKind kind = EntryKind::Other;
  int64_t count = 0;
  bool operator==(const NotArrived&) const = default;
};

// [SECTION] The platform's rules for what a person types

// Why the platform would refuse a value as typed (api/field_rules.h's
// reasons, in the categories a page tells a person).
enum class FieldIssue {
  TooShort,      // fewer than the rule's minimum: also an empty required field
  TooLong,       // more graphemes, bytes or characters than the rule takes
  BadCharacter,  // a character the field never takes (a letter in a PIN, a control character)
};

// The lengths of a field, in api/field_rules.h's units: grapheme clusters
// (what a person sees as one character; render/text_field.h counts them the
// same way) and bytes of UTF-8. PINs and phone numbers take ASCII only, where
// a character is one grapheme and one byte.
struct FieldLimits {
  int32_t min_graphemes = 0;
  int32_t max_graphemes = 0;  // 0: no limit
  int32_t max_bytes = 0;      // 0: no limit
};

// One field's rule: the lengths for the text field, and the platform's check,
// which returns nullopt for a value it takes. An empty check takes anything.
struct FieldRule {
  FieldLimits limits;
  std::function<std::optional<FieldIssue>(std::string_view utf8)> check = {};
};

// The rules of the fields of a profile, exactly as the platform checks them,
// so a profile the kiosk queues is never refused for its form. link.h's
// field_rules() fills them from api/field_rules.h; empty rules (the default)
// limit and check nothing, for tests of pages that need none.
struct FieldRules {
  FieldRule name;             // a first name or nickname
  FieldRule phone;            // optional: checked only when one is typed
  FieldRule pin;              // a person's PIN, when it is chosen
  int32_t max_languages = 0;  // languages a person can name as spoken; 0: no limit
  FieldRule request_text;     // what a request says besides its pictures; optional
  FieldRule message_text;     // a reply to a helper
};

// [SECTION] The person's account

// A new profile as the form collected it.
struct NewProfile {
  std::string display_name;
  std::vector<std::string> languages;  // BCP 47 tags
  std::string town;
  std::string phone;  // empty: none
  std::string pin;
};

// A person's session with the platform: their personal code, the token the
// server knows the session by, and the lane of their entries in the outbox.
struct PersonSession {
  std::string personal_code;
  std::string token;
  std::string lane;
  std::string display_name;  // from a login's reply; a new profile leaves it empty
};

// How a login at the server ended, in the categories the login page shows.
struct LoginOutcome {
  enum class Result {
    LoggedIn,  // `session` holds the person's session
    Refused,   // the code or the PIN is wrong
    // The code or PIN was refused, but this person's new profile still waits on
    // this terminal to be sent: the platform does not know them yet.
    StillSending,
    // The platform refused this person's new profile for good (a dead letter):
    // the code will never work; staff can help make a new profile.
    ProfileRefused,
    Locked,       // too many wrong tries: wait `wait_seconds`, or ask staff
    Offline,      // the server cannot be reached now
    NotEnrolled,  // this terminal has no credential yet: staff must enrol it
    Failed,       // the server answered with something else
  };
  Result result = Result::Failed;
  std::optional<PersonSession> session;
  int64_t wait_seconds = 0;
  // LoggedIn: what of this person's the platform refused for good since they
  // were last told, by kind in the order it was refused; the link marks it told.
  std::vector<NotArrived> not_arrived = {};
  // LoggedIn: from their profile, what their pages preset (the languages
  // they speak, their town); empty when the profile could not be read.
  std::vector<std::string> languages = {};
  std::string town = {};
};

// [SECTION] Requests for help

// A request as the wizard collected it (api/openapi.yaml's NewRequest).
struct NewRequest {
  std::string category;         // an id of categories.h ("doctor")
  std::string date;             // "YYYY-MM-DD" (Gregorian); empty: as soon as possible
  std::string part_of_day;      // "any", "morning", "afternoon" or "evening"
  std::string town;             // from the terminal's places
  std::string helper_language;  // a BCP 47 tag the helper should speak
  std::string text;             // optional; personal
};

// Where a request stands, as "My requests" tells it.
enum class RequestState {
  Waiting,    // in this terminal's outbox: not on the platform yet
  Open,       // on the platform; no helper has answered yet
  Answered,   // a helper answered
  Withdrawn,  // the person withdrew it (also while it was still waiting)
};

// One of the person's requests: what the platform lists, or what this
// terminal queued in this session and the platform has not listed yet.
struct RequestInfo {
  std::string id;  // "r_…", made on the terminal when queued
  NewRequest request;
  RequestState state = RequestState::Open;
  int64_t created_at = 0;  // Unix seconds
};

// The platform's list of the person's requests, newest first, or why there is none.
struct RequestList {
  bool ok = false;  // false: no answer (offline) or refused
  std::vector<RequestInfo> items;
};

// How many helpers fit a request on the platform now; nullopt: no answer.
using MatchAnswer = std::optional<int64_t>;

// What the request pages ask of the network. Every member may be empty: no
// network (nothing can be queued).
struct RequestServices {
  // Commits a request to the outbox (works offline); its new id once it is
  // durably queued, nullopt when it cannot be.
  std::function<std::optional<std::string>(const PersonSession&, const NewRequest&)> queue = {};
  // Commits the withdrawal of request `id` to the outbox (works offline,
  // also for a request still waiting there: the platform gets both in order).
  std::function<bool(const PersonSession&, const std::string& id)> withdraw = {};
  // How many of the person's requests (by their session's lane) wait in the
  // outbox now. Quick: the UI thread calls it while drawing.
  std::function<int64_t(const PersonSession&)> waiting = {};
  // The person's requests on the platform; the future is ready when it answered.
  std::function<std::future<RequestList>(const PersonSession&)> list = {};
  // How many helpers fit request `id`; the future is ready when it answered.
  std::function<std::future<MatchAnswer>(const PersonSession&, const std::string& id)> matches = {};
  // The wall clock, for "today" and the calendar; tests pass their own.
  std::function<std::chrono::system_clock::time_point()> wall_clock = [] {
    return std::chrono::system_clock::now();
  };
};

// [SECTION] Messages

// What the message pages ask of the network. Every member may be empty: no
// network (the pages say there are no messages).
struct MessageServices {
  // Starts fetching the person's conversations in the background, for as
  // long as their session lasts; a second call replaces the first.
  std::function<void(const PersonSession&)> open = {};
  // The conversations as last fetched, when they changed since `seen` (a
  // count of changes the call moves on); nullopt when nothing changed. Quick:
  // the UI thread calls it every frame.
  std::function<std::optional<InboxView>(uint64_t& seen)> inbox = {};
  // Commits a reply to the outbox (works offline); false when it cannot be.
  std::function<bool(const PersonSession&, const OutgoingMessage&)> send = {};
  // How many of the person's messages wait in the outbox now. Quick.
  std::function<int64_t(const PersonSession&)> waiting = {};
  // Tells the platform, in the background, what the person has seen.
  std::function<void(const PersonSession&, const ReadMark&)> mark_read = {};
  // Fetch now rather than at the next interval (a reply was delivered).
  std::function<void()> refresh = {};
  // Stops fetching and overwrites everything fetched: the session ended.
  std::function<void()> close = {};
};

// [SECTION] The terminal's connection

enum class SyncState {
  Online,   // nothing waiting, the last contact succeeded
  Sending,  // delivering what waits
  Offline,  // the server cannot be reached or refuses for now; entries wait
};

// Dead letters of one kind refused for one reason.
struct DeadLetterCount {
  EntryKind kind = EntryKind::Other;
  int status = 0;            // the HTTP status of the refusal (422, 409, …)
  std::string problem_type;  // the platform's problem type ("validation-failed"); may be empty
  int64_t count = 0;
  bool operator==(const DeadLetterCount&) const = default;
};

// Every entry the platform refused for good that the terminal keeps (net/
// outbox.h's dead letters, also from earlier runs): for the staff menu. Nothing
// in it is personal.
struct DeadLetters {
  int64_t total = 0;
  int64_t untold = 0;                   // not yet told to the person at a login
  int64_t last_refused_at = 0;          // Unix seconds; 0: none
  std::vector<DeadLetterCount> counts;  // by kind, status and type; largest first
  bool operator==(const DeadLetters&) const = default;
};

// A snapshot of the sync engine, for the status bar and the staff menu.
struct SyncStatus {
  SyncState state = SyncState::Offline;
  int64_t waiting = 0;  // entries waiting on the terminal to be sent
  // When the server last answered for good, in Unix seconds; 0: never since
  // the kiosk started.
  int64_t last_contact = 0;
  DeadLetters dead_letters = {};
};

// [SECTION] Staff's requests

// A person's new PIN, set by staff at their side: the staff member's own
// code and PIN, the person's code, the new PIN.
struct PinReset {
  std::string staff_code;
  std::string staff_pin;
  std::string personal_code;
  std::string new_pin;
};

enum class PinResetError {
  None,            // the new PIN is set
  WrongStaffPin,   // the staff code or PIN is wrong (the platform counts the try)
  NotStaff,        // the code logged in, but is not a staff member's
  PersonNotFound,  // no person has this personal code (or it is mistyped)
  PinRefused,      // the new PIN is not one the platform takes (4 to 8 digits)
  Locked,          // too many wrong logins: wait retry_after_s
  Offline,         // no answer from the platform
  Failed,          // any other answer; `detail` says what, in English
};

struct PinResetResult {
  PinResetError error = PinResetError::None;
  int64_t retry_after_s = 0;   // Locked: seconds until a login is taken again
  int64_t sessions_ended = 0;  // None: the person's sessions the reset ended
  std::string detail;          // Failed: a technical category
  bool ok() const { return error == PinResetError::None; }
};

// [SECTION] The callbacks

// The platform's rule for personal codes (their check character and canonical
// spelling), which the login page applies before anything is sent: the
// canonical code, or nullopt when `typed` is not one. link.h's
// personal_code_rule() binds it to api/.
using CodeRule = std::function<std::optional<std::string>(std::string_view typed)>;

// What the shell asks of the network. Every member may be empty: no network.
struct AccountServices {
  // Queues a new profile (works offline); nullopt when it cannot be queued.
  std::function<std::optional<PersonSession>(const NewProfile&)> create_account = {};
  // Logs in at the server; the future is ready when the server answered.
  std::function<std::future<LoginOutcome>(const std::string& code, const std::string& pin)> login =
      {};
  // Ends a person's session at the server, in the background.
  std::function<void(const PersonSession&)> logout = {};
  // A snapshot of the sync engine for the status bar; nullopt: no network.
  std::function<std::optional<SyncStatus>()> sync_status = {};
  // Checks a typed personal code locally; empty: every code is taken as
  // typed, and only the server checks it.
  CodeRule normalize_code = {};
  // The platform's rules for a profile's fields (link.h's field_rules()).
  FieldRules rules = {};
  // Making, listing and withdrawing requests for help.
  RequestServices requests = {};
  // Conversations with helpers.
  MessageServices messages = {};
};

// What staff mode needs from the rest of the kiosk. An empty callback means
// the terminal cannot do that (no network, no configuration file): the page
// says so instead of asking for it.
struct StaffServices {
  // How the sync engine stands; nullopt when the terminal has no network (no
  // server configured, or not enrolled yet).
  std::function<std::optional<SyncStatus>()> status;
  // Whether the terminal has an identity from enrolment.
  std::function<bool()> enrolled;
  // The kiosk's version, as the heartbeat reports it.
  std::function<std::string()> version;
  // Enrols the terminal with a one-time code and a name for it. The future
  // holds an empty string on success, else the error category in English
  // ("no route to the server", "code refused", …).
  std::function<std::future<std::string>(const std::string& code, const std::string& name)> enrol;
  // Sets a person's new PIN. The request is personal: the service overwrites
  // its copy when done.
  std::function<std::future<PinResetResult>(const PinReset& reset)> reset_pin;
  // Writes the staff settings into the configuration file
  // (save_staff_settings in config.h); an empty string, or why not.
  std::function<std::string(const Settings& settings)> save_settings;
  // The wall clock, for "last contact 5 minutes ago"; tests pass their own.
  std::function<std::chrono::system_clock::time_point()> wall_clock = [] {
    return std::chrono::system_clock::now();
  };
};

// Reading aloud, for people who cannot read well (kiosk/speech/, bound in
// main.cpp to a Speaker). Empty `say`: the terminal has no audio output (or
// no voices), and no page shows a speech button. Text handed to `say` is what
// a page shows in words (titles, labels, messages, the status), never what is
// typed into a field, a PIN, a phone number or a personal code; the service
// wipes its copy once spoken.
struct SpeechServices {
  // Speaks `text` with espeak-ng's `voice` (assets/languages.json), instead of
  // whatever was being said. Returns at once.
  std::function<void(std::string text, const std::string& voice)> say = {};
  // Stops speaking at once.
  std::function<void()> stop = {};
  // Whether something is still being said or played.
  std::function<bool()> speaking = {};
  // The loudness, 0..1, from the next say() on.
  std::function<void(float volume)> set_volume = {};
};

}  // namespace ih::kiosk
