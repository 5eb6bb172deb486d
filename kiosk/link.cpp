#include "kiosk/link.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "api/field_rules.h"
#include "api/personal_code.h"
#include "kiosk/link_support.h"
#include "kiosk/wipe.h"
#include "net/log.h"
#include "net/replies.h"

namespace ih::kiosk {

namespace {

// [SECTION] Translations between net/'s types and the kiosk's (services.h)

PersonSession to_kiosk(net::PersonSession&& p) {
  return {std::move(p.personal_code), std::move(p.token), std::move(p.lane),
          std::move(p.display_name)};
}

net::NewProfile to_net(const NewProfile& p) {
  return {p.display_name, p.languages, p.town, p.phone, p.pin};
}

void wipe_net(net::NewProfile& p) {
  wipe(p.display_name);
  wipe(p.languages);
  wipe(p.town);
  wipe(p.phone);
  wipe(p.pin);
}

EntryKind to_kiosk(net::EntryKind kind) {
  switch (kind) {
    case net::EntryKind::Profile:
      return EntryKind::Profile;
    case net::EntryKind::Request:
      return EntryKind::Request;
    case net::EntryKind::Withdrawal:
      return EntryKind::Withdrawal;
    case net::EntryKind::Message:
      return EntryKind::Message;
    case net::EntryKind::Logout:  // never a dead letter (net/outbox.h)
    case net::EntryKind::Other:
      break;
  }
  return EntryKind::Other;
}

DeadLetters to_kiosk(const net::DeadLetterSummary& d) {
  DeadLetters out{d.total, d.untold, d.last_refused_at, {}};
  for (const net::DeadLetterCount& c : d.counts)
    out.counts.push_back({to_kiosk(c.kind), c.status, c.problem_type, c.count});
  return out;
}

// A reason of api/field_rules.h in the categories pages tell.
std::optional<FieldIssue> to_kiosk(const std::optional<api::FieldProblem>& problem) {
  if (!problem) return std::nullopt;
  switch (problem->reason) {
    case api::Reason::Missing:
    case api::Reason::TooShort:
      return FieldIssue::TooShort;
    case api::Reason::TooLong:
      return FieldIssue::TooLong;
    default:
      return FieldIssue::BadCharacter;
  }
}

FieldLimits limits_of(const api::TextRule& rule) {
  return {rule.min_graphemes, rule.max_graphemes, rule.max_bytes};
}

// An ASCII field of `min` to `max` characters: as many graphemes and bytes.
FieldLimits ascii_limits(int32_t min, int32_t max) {
  return {min, max, max};
}

// Kinds of `letters` and how many of each, in the order each kind was first refused.
std::vector<NotArrived> count_by_kind(const std::vector<net::DeadLetter>& letters) {
  std::vector<NotArrived> out;
  for (const net::DeadLetter& letter : letters) {
    const EntryKind kind = to_kiosk(letter.kind);
    auto it =
        std::find_if(out.begin(), out.end(), [&](const NotArrived& n) { return n.kind == kind; });
    if (it == out.end())
      out.push_back({kind, 1});
    else
      ++it->count;
  }
  return out;
}

SyncStatus to_kiosk(const net::SyncStatus& s) {
  SyncStatus out;
  switch (s.state) {
    case net::SyncState::Online:
      out.state = SyncState::Online;
      break;
    case net::SyncState::Sending:
      out.state = SyncState::Sending;
      break;
    case net::SyncState::Offline:
      out.state = SyncState::Offline;
      break;
  }
  out.waiting = s.waiting;
  out.last_contact = s.last_contact;
  out.dead_letters = to_kiosk(s.dead_letters);
  return out;
}

PinResetError to_kiosk(net::PinResetError e) {
  switch (e) {
    case net::PinResetError::None:
      return PinResetError::None;
    case net::PinResetError::WrongStaffPin:
      return PinResetError::WrongStaffPin;
    case net::PinResetError::NotStaff:
      return PinResetError::NotStaff;
    case net::PinResetError::PersonNotFound:
      return PinResetError::PersonNotFound;
    case net::PinResetError::PinRefused:
      return PinResetError::PinRefused;
    case net::PinResetError::Locked:
      return PinResetError::Locked;
    case net::PinResetError::Offline:
      return PinResetError::Offline;
    case net::PinResetError::Failed:
      break;
  }
  return PinResetError::Failed;
}

PinResetResult to_kiosk(net::PinResetResult&& r) {
  return {to_kiosk(r.error), r.retry_after_s, r.sessions_ended, std::move(r.detail)};
}

LoginOutcome outcome_of(net::ApiResult<net::PersonSession> result) {
  using R = LoginOutcome::Result;
  LoginOutcome out;
  if (result.value) {
    out.result = R::LoggedIn;
    out.session = to_kiosk(std::move(*result.value));
    wipe(result.value->personal_code);
    wipe(result.value->token);
    wipe(result.value->lane);
    wipe(result.value->display_name);
  } else if (result.transport != net::Transport::Ok) {
    out.result = R::Offline;
    net::log(net::LogLevel::Warning,
             std::string("login: no answer: ") + net::transport_name(result.transport));
  } else if (result.status == 429) {
    out.result = R::Locked;
    // The hub's lock lasts 15 minutes; say so when it does not tell.
    out.wait_seconds =
        net::parse_retry_after(result.retry_after, Link::unix_now()).value_or(15 * 60);
  } else if (result.status == 401 && result.problem &&
             result.problem->type == "invalid-credentials") {
    out.result = R::Refused;
  } else {
    out.result = R::Failed;
    net::log(net::LogLevel::Warning, "login: refused with status " + std::to_string(result.status) +
                                         (result.problem ? " " + result.problem->type : ""));
  }
  return out;
}

// After a login: what of the person's the platform refused for good since they
// were last told goes into the outcome, and is marked told. True when any was.
bool tell_not_arrived(net::Outbox& outbox, LoginOutcome& out) {
  const std::vector<net::DeadLetter> untold = outbox.untold_dead_letters(out.session->lane);
  if (untold.empty()) return false;
  out.not_arrived = count_by_kind(untold);
  if (outbox.mark_dead_letters_told(out.session->lane, untold.back().id)) return true;
  net::log(net::LogLevel::Warning, "login: cannot mark dead letters told; told again next time");
  return false;
}

// A login refused with "code or PIN wrong" may be a person whose profile the
// platform does not have yet (still waiting here), or never will (refused).
void explain_refusal(net::Outbox& outbox, const net::TerminalIdentity& identity,
                     std::string_view code, LoginOutcome& out) {
  std::optional<std::string> lane = net::lane_of(identity, code);
  if (!lane) return;
  const std::vector<net::EntryKind> waiting = outbox.waiting_in_lane(*lane);
  if (std::find(waiting.begin(), waiting.end(), net::EntryKind::Profile) != waiting.end()) {
    out.result = LoginOutcome::Result::StillSending;
  } else {
    // Not marked told: until staff help, every try must say it again.
    for (const net::DeadLetter& letter : outbox.untold_dead_letters(*lane))
      if (letter.kind == net::EntryKind::Profile) out.result = LoginOutcome::Result::ProfileRefused;
  }
  wipe(*lane);
}

}  // namespace

CodeRule personal_code_rule() {
  return [](std::string_view typed) { return api::normalize_personal_code(typed); };
}

FieldRules field_rules() {
  FieldRules r;
  r.name = {limits_of(api::kDisplayName),
            [](std::string_view s) { return to_kiosk(api::check_display_name(s)); }};
  r.phone = {ascii_limits(api::kMinPhoneCharacters, api::kMaxPhoneCharacters),
             [](std::string_view s) { return to_kiosk(api::check_phone(s)); }};
  r.pin = {ascii_limits(api::kMinPinDigits, api::kMaxPinDigits),
           [](std::string_view s) { return to_kiosk(api::check_pin(s)); }};
  r.max_languages = api::kMaxLanguages;
  r.request_text = {limits_of(api::kRequestText),
                    [](std::string_view s) { return to_kiosk(api::check_request_text(s)); }};
  r.message_text = {limits_of(api::kMessageText),
                    [](std::string_view s) { return to_kiosk(api::check_message_text(s)); }};
  return r;
}

int64_t Link::unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Link::Opened Link::open(const LinkConfig& config) {
  Opened opened;
  std::error_code ec;
  std::filesystem::create_directories(config.state_dir, ec);
  if (ec) {
    opened.error = "cannot make the state folder " + config.state_dir + ": " + ec.message();
    return opened;
  }
  // Only the terminal's user may read its credential and queue.
  std::filesystem::permissions(config.state_dir, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::replace, ec);
  net::Outbox::Opened box = net::Outbox::open(config.state_dir + "/outbox.db");
  if (!box.outbox) {
    opened.error = "cannot open the outbox: " + box.error;
    return opened;
  }
  if (!box.moved_aside.empty())
    net::log(net::LogLevel::Error,
             "the outbox was corrupt and was moved aside to " + box.moved_aside +
                 "; what waited in it is lost, and the terminal must be enrolled again");
  opened.link.reset(new Link(config));
  Link& link = *opened.link;
  link.outbox_ = std::move(box.outbox);
  if (auto identity = net::load_identity(*link.outbox_)) link.start(*identity);
  return opened;
}

Link::~Link() {
  // An enrolment in flight finishes first (bounded by the HTTP timeouts).
  if (enrolling_.valid()) enrolling_.wait();
  inbox_.reset();
  worker_.reset();
  engine_.reset();
}

net::HttpConfig Link::http() const {
  net::HttpConfig http;
  http.base_url = config_.server_url;
  http.ca_file = config_.ca_file;
  return http;
}

void Link::start(const net::TerminalIdentity& identity) {
  identity_ = identity;
  const net::HttpConfig pinned = net::pinned_config(http(), identity);
  net::SyncOptions options;
  options.version = config_.version;
  options.on_change = [this] { changed(); };
  engine_ = std::make_unique<net::SyncEngine>(*outbox_, pinned, identity, std::move(options));
  engine_->start();
  worker_ = std::make_unique<net::Background>(pinned, [this] { changed(); });
}

void Link::on_change(std::function<void()> call) {
  std::lock_guard lock(change_mutex_);
  on_change_ = std::move(call);
}

void Link::changed() {
  std::lock_guard lock(change_mutex_);
  if (on_change_) on_change_();
}

void Link::poll_enrolment() {
  std::optional<net::TerminalIdentity> identity;
  {
    std::lock_guard lock(enrolled_mutex_);
    identity.swap(enrolled_);
  }
  if (!identity) return;
  // Enrolling again replaces the old identity and everything bound to it.
  // Jobs the old worker had not started end with a broken promise: the next
  // frame shows that.
  worker_.reset();
  engine_.reset();
  start(*identity);
  changed();
}

bool Link::enrolled() const {
  return identity_.has_value();
}

net::SyncStatus Link::status() {
  poll_enrolment();
  if (!engine_) {
    net::SyncStatus status;
    status.waiting = outbox_->depth();
    status.last_error = "not enrolled";
    return status;
  }
  net::SyncStatus status = engine_->status();
  if (told_.exchange(false) || status.dead_letters != engine_dead_) {
    engine_dead_ = status.dead_letters;
    dead_ = outbox_->dead_letter_summary();
  }
  status.dead_letters = dead_;
  return status;
}

std::optional<PersonSession> Link::create_account(const NewProfile& profile) {
  poll_enrolment();
  if (!identity_) return std::nullopt;
  net::NewProfile copy = to_net(profile);
  auto session = net::create_account(*outbox_, *identity_, copy, Link::unix_now());
  wipe_net(copy);
  if (!session) return std::nullopt;
  engine_->wake();
  return to_kiosk(std::move(*session));
}

std::future<LoginOutcome> Link::login(const std::string& code, const std::string& pin) {
  poll_enrolment();
  if (!identity_) return ready(LoginOutcome{LoginOutcome::Result::NotEnrolled, {}, 0});
  // The worker owns its copies and wipes them when done. The outbox outlives
  // the worker (see ~Link).
  return worker_->post([identity = *identity_, outbox = outbox_.get(), told = &told_,
                        code = std::string(code),
                        pin = std::string(pin)](net::HttpClient& client) mutable -> LoginOutcome {
    LoginOutcome out = outcome_of(net::login(client, identity, code, pin));
    wipe(pin);
    if (out.session) {
      if (tell_not_arrived(*outbox, out)) *told = true;
      // What their pages preset; without it they choose again.
      net::Caller caller{identity.credential(), out.session->token};
      net::ApiResult<net::AccountInfo> profile = net::get_account(client, caller);
      wipe(caller.session_token);
      if (profile.value) {
        out.languages = std::move(profile.value->languages);
        out.town = std::move(profile.value->town);
        wipe(profile.value->display_name);
      }
    } else if (out.result == LoginOutcome::Result::Refused) {
      explain_refusal(*outbox, identity, code, out);
    }
    wipe(code);
    return out;
  });
}

void Link::logout(const PersonSession& session) {
  if (!identity_ || session.token.empty()) return;
  // In the person's lane, after what they left queued: ended at once, the
  // session would make the server refuse those.
  net::PersonSession person = to_net(session);
  const bool queued = net::queue_logout(*outbox_, *identity_, person, unix_now());
  wipe_net(person);
  if (queued) {
    engine_->wake();
    return;
  }
  // The outbox cannot take it (a full disk). With nothing of theirs still
  // waiting, the session is ended directly; otherwise a direct logout would
  // overtake their entries and have them refused, so it expires on its own.
  if (!outbox_->waiting_in_lane(session.lane).empty()) {
    net::log(net::LogLevel::Warning,
             "logout: cannot queue it behind what waits; the session expires on its own");
    return;
  }
  net::log(net::LogLevel::Warning, "logout: cannot queue it; ending the session directly");
  (void)worker_->post([caller = net::Caller{identity_->credential(), session.token}](
                          net::HttpClient& client) mutable {
    const auto result = net::logout(client, caller);
    if (!result.ok())
      net::log(net::LogLevel::Info, "logout: no answer; the session expires on its own");
    wipe(caller.session_token);
  });
}

std::future<std::string> Link::enrol(const std::string& code, const std::string& terminal_name) {
  if (enrolling_.valid() &&
      enrolling_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
    return ready(std::string("busy"));
  auto promise = std::make_shared<std::promise<std::string>>();
  std::future<std::string> answer = promise->get_future();
  // A thread of its own: the worker is bound to the old identity's pinned key.
  enrolling_ = std::async(std::launch::async, [this, promise, code, terminal_name] {
    net::HttpClient client(http());
    const net::EnrolOutcome outcome =
        net::enrol(client, *outbox_, code, terminal_name, config_.version);
    if (outcome.identity) {
      std::lock_guard lock(enrolled_mutex_);
      enrolled_ = outcome.identity;
    }
    promise->set_value(outcome.error);
    changed();
  });
  return answer;
}

std::future<PinResetResult> Link::reset_pin(const PinReset& reset) {
  poll_enrolment();
  if (!identity_) {
    PinResetResult refused;
    refused.error = PinResetError::Failed;
    refused.detail = "not enrolled";
    return ready(refused);
  }
  return worker_->post(
      [identity = *identity_,
       reset = net::PinReset{reset.staff_code, reset.staff_pin, reset.personal_code,
                             reset.new_pin}](net::HttpClient& client) mutable {
        PinResetResult result = to_kiosk(net::reset_pin(client, identity, reset, Link::unix_now()));
        wipe(reset.staff_code);
        wipe(reset.staff_pin);
        wipe(reset.personal_code);
        wipe(reset.new_pin);
        return result;
      });
}

StaffServices Link::staff_services() {
  StaffServices s;
  s.status = [this]() -> std::optional<SyncStatus> { return to_kiosk(status()); };
  s.enrolled = [this] {
    poll_enrolment();
    return enrolled();
  };
  s.version = [this] { return config_.version; };
  s.enrol = [this](const std::string& code, const std::string& name) { return enrol(code, name); };
  s.reset_pin = [this](const PinReset& reset) { return reset_pin(reset); };
  return s;
}

AccountServices Link::services() {
  AccountServices s;
  s.create_account = [this](const NewProfile& p) { return create_account(p); };
  s.login = [this](const std::string& code, const std::string& pin) { return login(code, pin); };
  s.logout = [this](const PersonSession& session) { logout(session); };
  s.sync_status = [this]() -> std::optional<SyncStatus> { return to_kiosk(status()); };
  s.normalize_code = personal_code_rule();
  s.rules = field_rules();
  s.requests = request_services();
  s.messages = message_services();
  return s;
}

}  // namespace ih::kiosk
