#include "kiosk/shell.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "kiosk/screens/attract.h"
#include "kiosk/screens/pages.h"
#include "kiosk/shell_staff.h"
#include "kiosk/wipe.h"
#include "render/text_draw.h"

namespace ih::kiosk {

namespace {

using i18n::msg;

}  // namespace

std::optional<Page> page_named(std::string_view name) {
  if (name == "attract") return Page::Attract;
  if (name == "picker") return Page::Languages;
  if (name == "privacy") return Page::Privacy;
  if (name == "start") return Page::Start;
  if (name == "profile") return Page::Profile;
  if (name == "login") return Page::Login;
  if (name == "code") return Page::Code;
  if (name == "staff") return Page::Staff;
  if (name == "home") return Page::Home;
  if (name == "my-requests") return Page::Requests;
  if (name == "my-messages") return Page::Messages;
  return std::nullopt;
}

Shell::Shell(ShellOptions options)
    : options_(std::move(options)),
      profile_(options_.accounts.rules),
      login_(options_.accounts.normalize_code, options_.accounts.rules.pin),
      requests_(options_.accounts.rules),
      gate_(options_.settings.staff_pin_hash, options_.settings.staff_attempts,
            options_.settings.staff_lockout) {
  last_touch_ = attract_since_ = options_.now();
  reset_speech();
}

void Shell::show(Page page) {
  if (page == Page::Attract) {
    stack_ = {Page::Attract};
    return;
  }
  // A session begins as Action::Begin begins it.
  if (!session_.active) session_.large_text = options_.settings.large_text;
  session_.active = true;
  if (page == Page::Staff && !staff_) open_staff_mode();
  stack_.push_back(page);
}

void Shell::apply(Action action) {
  switch (action.kind) {
    case Action::Begin:
      session_.active = true;
      session_.large_text = options_.settings.large_text;
      stack_.push_back(Page::Languages);
      break;
    case Action::ChoseLanguage:
      switch_to_ = action.get<std::string>();
      stack_.push_back(Page::Privacy);
      break;
    case Action::AcceptNotice:
      session_.accepted_notice = true;
      stack_.push_back(Page::Start);
      break;
    case Action::NewProfile:
      profile_.wipe();
      stack_.push_back(Page::Profile);
      break;
    case Action::HaveCode:
      login_.wipe();
      stack_.push_back(Page::Login);
      break;
    case Action::SubmitProfile:
      submit_profile();
      break;
    case Action::SubmitLogin:
      submit_login();
      break;
    case Action::Back:
      // Leaving a form forgets what was typed into it.
      if (page() == Page::Profile) profile_.wipe();
      if (page() == Page::Login) login_.wipe();
      if (page() == Page::Request) requests_.form.wipe();
      if (page() == Page::Thread) open_thread(messages_.thread, {});
      if (page() == Page::Propose) messages_.proposal.wipe();
      if (stack_.size() > 2) stack_.pop_back();
      break;
    case Action::Continue:
      // The code was shown once; Back from home does not show it again.
      stack_.back() = Page::Home;
      break;
    case Action::KeepSession:
      warning_ = false;
      break;
    case Action::OpenStaff:
      session_.active = true;
      open_staff_mode();
      stack_.push_back(Page::Staff);
      break;
    case Action::RegisterPerson:
      // Staff leave their mode; the person at their side starts from the
      // language picker, as anyone does.
      close_staff_mode();
      stack_ = {Page::Attract, Page::Languages};
      session_.active = true;
      session_.large_text = options_.settings.large_text;
      break;
    case Action::ToggleLargeText:
      session_.large_text = !session_.large_text;
      break;
    case Action::EndSession:
    case Action::LeaveStaff:
      end_requested_ = true;
      break;
    case Action::OpenRequests:
      open_my_requests();
      break;
    case Action::NewRequest:
      open_request_wizard();
      break;
    case Action::SendRequest:
      send_request(action);
      wipe(action.get<NewRequest>());
      break;
    case Action::WithdrawRequest:
      withdraw_request(action.get<std::string>());
      break;
    case Action::OpenMessages:
      open_messages();
      break;
    case Action::OpenConversation:
      open_conversation(action.get<std::string>());
      break;
    case Action::SendMessage:
      send_message(action);
      wipe(action.get<OutgoingMessage>().text);
      break;
    case Action::MarkRead:
      mark_read(action.get<ReadMark>());
      break;
    case Action::ProposeDay:
      propose_day();
      break;
    // Staff mode's own (shell_staff.h).
    case Action::StaffPin:
    case Action::ShowStaffPage:
    case Action::ChangeSettings:
    case Action::LastLanguageStays:
    case Action::SaveSettings:
    case Action::Enrol:
    case Action::ResetPin:
      if (staff_)
        apply_staff(action, *staff_, *staff_forms_, options_.settings, gate_, options_.staff,
                    options_.now());
      // Staff hear a new volume at once (the settings page reads its value).
      if (action.kind == Action::ChangeSettings) set_speech_volume();
      break;
  }
}

void Shell::open_staff_mode() {
  staff_ = open_staff(gate_, options_.now());
  staff_forms_ = std::make_unique<StaffForms>();
}

void Shell::close_staff_mode() {
  staff_.reset();        // drops the futures: late answers are not shown
  staff_forms_.reset();  // wipes what staff typed
}

void Shell::submit_profile() {
  NewProfile p = profile_.profile(options_.settings);
  std::optional<PersonSession> made;
  if (options_.accounts.create_account) made = options_.accounts.create_account(p);
  if (made) {
    session_.display_name = p.display_name;
    session_.languages = p.languages;
    session_.town = p.town;
    session_.personal_code = std::move(made->personal_code);
    session_.token = std::move(made->token);
    session_.lane = std::move(made->lane);
    profile_.wipe();
    stack_.back() = Page::Code;
    start_inbox();
  } else {
    profile_.cannot_save();
  }
  if (made) wipe(*made);
  wipe(p);
}

void Shell::submit_login() {
  std::string code = login_.code();
  std::string pin = login_.pin();
  if (options_.accounts.login)
    login_answer_ = options_.accounts.login(code, pin);
  else
    login_.answer({LoginOutcome::Result::NotEnrolled, {}, 0});
  wipe(code);
  wipe(pin);
}

namespace {

bool ready(const std::future<LoginOutcome>& f) {
  return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

// The answer of a finished login. A worker that was replaced before it ran
// the job (the terminal was enrolled again) breaks the promise: no answer.
LoginOutcome take(std::future<LoginOutcome>& f) {
  try {
    return f.get();
  } catch (const std::future_error&) {
    return {LoginOutcome::Result::Failed, {}, 0};
  }
}

}  // namespace

void Shell::poll_login(ScreenFrame& frame) {
  for (auto it = abandoned_.begin(); it != abandoned_.end();) {
    if (!ready(*it)) {
      ++it;
      continue;
    }
    LoginOutcome late = take(*it);
    if (late.session) {
      if (options_.accounts.logout) options_.accounts.logout(*late.session);
      wipe(*late.session);
    }
    wipe(late.town);
    wipe(late.languages);
    it = abandoned_.erase(it);
  }
  // Not answered yet: whoever answers wakes the loop (services.h), and the
  // frame that wakes it takes the answer.
  if (!login_answer_.valid() || !ready(login_answer_)) return;
  LoginOutcome outcome = take(login_answer_);
  login_.answer(outcome);
  if (outcome.session) {
    session_.personal_code = outcome.session->personal_code;
    session_.token = outcome.session->token;
    session_.lane = outcome.session->lane;
    session_.display_name = outcome.session->display_name;
    session_.not_arrived = std::move(outcome.not_arrived);
    session_.languages = std::move(outcome.languages);
    session_.town = std::move(outcome.town);
    wipe(*outcome.session);
    stack_.back() = Page::Home;
    start_inbox();
  }
  frame.ui.needs_frame = true;
}

void Shell::end_session(ScreenFrame& frame) {
  if (!session_.token.empty() && options_.accounts.logout)
    options_.accounts.logout({session_.personal_code, session_.token, session_.lane, {}});
  if (login_answer_.valid()) abandoned_.push_back(std::move(login_answer_));
  if (options_.accounts.messages.close) options_.accounts.messages.close();
  // Nothing of this session may shape the next: every piece of state the
  // person's pages kept is overwritten where it is personal, then made anew
  // as in a kiosk that has just started (steps, scroll offsets, the text
  // fields' language, direction and text size, the keyboards' layer, shift
  // and layout, the picker's last tiles). What outlives a session on
  // purpose: the settings, the staff PIN's gate, logins still in flight
  // (logged out when they answer), the text engine (its caches are cleared
  // below) and the glyphs' pictures.
  wipe(session_);
  reset_speech();
  close_staff_mode();
  profile_.wipe();
  login_.wipe();
  profile_ = ProfileForm(options_.accounts.rules);
  login_ = LoginForm(options_.accounts.normalize_code, options_.accounts.rules.pin);
  requests_.form.wipe();
  requests_ = RequestDesk(options_.accounts.rules);
  wipe(messages_);
  keys_.reset();
  picker_ = LanguagePicker();
  // Laid-out paragraphs keep their text; drop them all (the next frames lay
  // out the attract screen's few strings again).
  frame.ui.engine.clear_caches();
  if (frame.strings.language() != options_.settings.default_language)
    frame.switch_language = options_.settings.default_language;
  stack_ = {Page::Attract};
  warning_ = false;
  end_requested_ = false;
  attract_since_ = last_touch_ = options_.now();
  frame.ui.needs_frame = true;
}

std::optional<Action> Shell::draw_page(PageContext& c) {
  switch (page()) {
    case Page::Attract: {
      // Staff mode's door, small in the bottom end corner, only where a staff
      // PIN is set. Drawn before the attract screen, whose whole area is a
      // button: ImGui gives a touch to the first item under it.
      std::optional<Action> action;
      if (!options_.settings.staff_pin_hash.empty()) {
        const float side = std::max(72.0f, std::round(c.m.button * 0.75f));
        // TRANSLATORS: Small button on the attract screen that opens staff mode
        // (behind the staff PIN).
        const std::string_view label = c.frame.strings.text(msg("Staff"));
        // As wide as its label needs on one line ("Personalmodus").
        const auto measured =
            c.frame.ui.engine.layout(label, {c.m.body, c.frame.ui.language, c.frame.ui.direction});
        const float width = std::max(side * 2.2f, std::ceil(measured->width) + 2 * c.m.gap);
        const i18n::Span box = content(c);
        const float x = i18n::at_end(c.direction(), box, width);
        const Rect r{ImVec2(x, c.area.max.y - c.m.margin - side),
                     ImVec2(x + width, c.area.max.y - c.m.margin)};
        if (page_toggle(c, "staff", label, {}, false, r, false)) action = Action::OpenStaff;
      }
      if (const auto a = draw_attract(c, attract_since_)) action = action ? action : a;
      return action;
    }
    case Page::Staff: {
      if (!staff_) return Action::EndSession;
      if (poll_staff(*staff_, *staff_forms_, c.now)) c.frame.ui.needs_frame = true;
      return draw_staff(c, *staff_, *staff_forms_, options_.settings, options_.staff);
    }
    case Page::Languages:
      return draw_languages(c, picker_, options_.settings.languages_shown);
    case Page::Privacy:
      return draw_privacy(c);
    case Page::Start:
      return draw_start(c);
    case Page::Profile:
      return profile_.draw(c, keys_, options_.settings);
    case Page::Login:
      return login_.draw(c, keys_);
    case Page::Code:
      return draw_code(c, session_.personal_code);
    case Page::Home:
      return draw_home(c, session_.display_name, session_.not_arrived,
                       unread_total(messages_.shown));
    case Page::Request:
    case Page::RequestSent:
    case Page::Requests:
      return draw_request_page(c);
    case Page::Messages:
    case Page::Thread:
    case Page::Propose:
      return draw_message_page(c);
  }
  return std::nullopt;
}

void Shell::draw(ScreenFrame& frame) {
  const Clock::time_point now = options_.now();
  frame.orientation = options_.settings.orientation;
  controls_.clear();
  const ImGuiIO& io = ImGui::GetIO();
  const bool touched =
      ImGui::IsMouseDown(0) || ImGui::IsMouseReleased(0) || io.InputQueueCharacters.Size > 0;
  if (touched) last_touch_ = now;
  stop_speech_on_touch();

  if (end_requested_) end_session(frame);
  poll_login(frame);
  // The countdown, from the last touch.
  std::chrono::seconds left{0};
  if (page() != Page::Attract) {
    const Settings& s = options_.settings;
    const Clock::duration idle = now - last_touch_;
    if (idle >= s.idle_after + s.warning_for) {
      end_session(frame);
    } else if (idle >= s.idle_after) {
      warning_ = true;
      const Clock::duration rest = s.idle_after + s.warning_for - idle;
      left = std::chrono::ceil<std::chrono::seconds>(rest);
      // The next frame when the number shown changes.
      redraw_by(frame, now + (rest - (left - std::chrono::seconds(1))));
    } else if (!warning_) {
      redraw_by(frame, last_touch_ + s.idle_after);
    }
  }

  const Metrics m =
      metrics(frame.size, session_.active ? session_.large_text : options_.settings.large_text);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const bool bar = page() != Page::Attract && !warning_;
  // The reach band: on a portrait screen, the bar and the page in its lower
  // part. The attract screen, one big touch target, keeps it all, and so does
  // staff mode, whose settings need the whole height (staff stand at it).
  const bool band = options_.settings.reach_band && frame.size.y > frame.size.x &&
                    page() != Page::Attract && page() != Page::Staff;
  const float band_top = band ? std::round(frame.size.y * (1.0f - kReachBand)) : 0;
  const float top = band_top + (bar ? metrics(frame.size).bar : 0);
  PageContext c{
      frame,
      {ImVec2(origin.x, origin.y + top), ImVec2(origin.x + frame.size.x, origin.y + frame.size.y)},
      m,
      now,
      controls_,
      &speech_};
  speech_.buttons = can_speak(frame);
  std::optional<Action> action;
  if (warning_) {
    action = draw_idle_warning(c, left);
  } else {
    if (bar) action = draw_status_bar(c, origin.y + band_top);
    // The page is read first, the bar's status and Exit after it.
    std::vector<std::string> bar_words = std::move(speech_.words);
    speech_.words.clear();
    poll_requests(frame);
    poll_messages(frame);
    if (const auto a = draw_page(c)) action = a;
    std::move(bar_words.begin(), bar_words.end(), std::back_inserter(speech_.words));
  }
  if (action) {
    apply(*action);
    if (switch_to_ && *switch_to_ != frame.strings.language()) frame.switch_language = switch_to_;
    switch_to_.reset();
    frame.ui.needs_frame = true;
    if (end_requested_) end_session(frame);
  }
  // After the action: a volume staff just chose is the one its sample is read at.
  finish_speech(frame);
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + frame.size.y));
}

}  // namespace ih::kiosk
