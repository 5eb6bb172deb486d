// The shell: the kiosk application's core. It owns the state a session moves
// through, one owner for each piece:
//
//   the page stack   where the person is; Back pops, the attract screen is the root
//   the session      everything about the person (session.h), wiped at its end
//   the settings     from the configuration (settings.h)
//   the sync status  a snapshot of net/'s sync engine, taken once per frame
//
// and it is itself a Screen: each frame it draws the status bar (online or
// not, items waiting, and "Exit" whenever a session runs), then the
// current page, and applies the action the page returned. Pages only read;
// nothing but the shell changes state.
//
// Idle time: without a touch for Settings::idle_after, the idle warning
// replaces the page and counts down Settings::warning_for; a touch continues,
// the end of the countdown ends the session: the session is wiped, the text
// engine's caches (which hold laid-out text) are cleared, and the attract screen
// comes back in the default language. The shell asks for frames only when a
// second of the countdown passes or the warning is due, never continuously.
//
// Not thread-safe: the UI thread owns it. The sync status source is called on
// the UI thread and must be quick (SyncEngine::status() is).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/action.h"
#include "kiosk/screen.h"
#include "kiosk/screens/form_input.h"
#include "kiosk/screens/languages.h"
#include "kiosk/screens/login.h"
#include "kiosk/screens/page.h"
#include "kiosk/screens/profile.h"
#include "kiosk/screens/staff.h"
#include "kiosk/services.h"
#include "kiosk/session.h"
#include "kiosk/settings.h"
#include "kiosk/shell_messages.h"
#include "kiosk/shell_requests.h"
#include "kiosk/staff_gate.h"

namespace ih::kiosk {

enum class Page {
  Attract,
  Languages,
  Privacy,
  Start,
  Profile,
  Login,
  Code,
  Home,
  Staff,
  Request,      // "I need help": the request wizard
  RequestSent,  // what became of the request just sent
  Requests,     // "My requests"
  Messages,     // "My messages": the conversations
  Thread,       // one conversation, and replying to it
  Propose,      // a day and time to propose in the conversation, by pictures
};

// The page called `name` ("attract", "privacy", …), for --screen and tests.
std::optional<Page> page_named(std::string_view name);

struct ShellOptions {
  Settings settings;
  // The time; tests pass a clock of their own.
  std::function<Clock::time_point()> now = [] { return Clock::now(); };
  // The network: making profiles, logging in and out, the sync engine's
  // status (services.h, bound in link.h). Empty members: no network.
  AccountServices accounts = {};
  // What staff mode needs (services.h); opened from the attract screen
  // when a staff PIN is configured.
  StaffServices staff = {};
  // Reading aloud (services.h). Empty: no audio, no speech buttons.
  SpeechServices speech = {};
};

class Shell : public Screen {
 public:
  explicit Shell(ShellOptions options);

  void draw(ScreenFrame& frame) override;

  // Applies what a page asked for. Also for flows that end in a signed-in
  // person (profile creation, login): they fill the session, then Home.
  void apply(Action action);
  // Puts the page on top of the stack (for --screen and tests).
  void show(Page page);

  Page page() const { return stack_.back(); }
  const std::vector<Page>& stack() const { return stack_; }
  Session& session() { return session_; }
  ProfileForm& profile_form() { return profile_; }
  LoginForm& login_form() { return login_; }
  FormKeys& keys() { return keys_; }
  RequestDesk& requests() { return requests_; }
  MessageDesk& messages() { return messages_; }
  // Staff mode's state and its forms while it is open; null otherwise.
  const StaffState* staff() const { return staff_ ? &*staff_ : nullptr; }
  StaffForms* staff_forms() { return staff_forms_.get(); }
  const Settings& settings() const { return options_.settings; }
  bool warning_shown() const { return warning_; }
  // Whether the status bar said "Online" when it was last drawn.
  bool shown_online() const { return shown_online_; }
  // Where each touch target was drawn in the last frame, by id ("end-session",
  // "accept", "back", …; "tile-<tag>" on the language picker).
  const std::map<std::string, Rect, std::less<>>& controls() const { return controls_; }

 private:
  void end_session(ScreenFrame& frame);
  void open_staff_mode();
  void close_staff_mode();
  void submit_profile();
  void submit_login();
  // Takes the login's answer when it has come (the login service wakes the
  // loop when it does).
  void poll_login(ScreenFrame& frame);
  // [shell_requests.cpp] Requests for help.
  void open_request_wizard();
  void open_my_requests();
  void send_request(Action& action);
  void withdraw_request(const std::string& id);
  // Takes what the outbox and the platform say of the person's requests, and
  // asks them again when something changed (the Link wakes the loop).
  void poll_requests(ScreenFrame& frame);
  std::optional<Action> draw_request_page(PageContext& c);
  // [shell_messages.cpp] Conversations with helpers.
  // Starts fetching the person's conversations: they are logged in.
  void start_inbox();
  void open_messages();
  void open_conversation(const std::string& id);
  void propose_day();
  void send_message(Action& action);
  void mark_read(const ReadMark& mark);
  // Takes a new inbox from the link and what left the outbox (the Link
  // wakes the loop when either changes).
  void poll_messages(ScreenFrame& frame);
  std::optional<Action> draw_message_page(PageContext& c);
  std::optional<Action> draw_status_bar(PageContext& c, float top);
  // [shell_speech.cpp] Reading aloud.
  // Stops speech at the start of any touch, and remembers whose words it
  // stopped: released on that same speech button, the touch only stops them.
  void stop_speech_on_touch();
  // Whether speech can be heard in the frame's language; its voice in `voice`.
  bool can_speak(const ScreenFrame& frame, std::string* voice = nullptr) const;
  // Speaks what a speech button asked for this frame, and keeps the page's
  // words for the page's speech button in the next.
  void finish_speech(const ScreenFrame& frame);
  // The page's speech button in the status bar at `r` (or, in a language
  // without a voice, a crossed-out loudspeaker); false when there is none.
  bool draw_page_speech(PageContext& c, Rect r);
  // The settings' volume to the speech service.
  void set_speech_volume();
  // At the end of a session: silence, the settings' volume, no words kept.
  void reset_speech();
  std::optional<Action> draw_page(PageContext& c);

  ShellOptions options_;
  std::vector<Page> stack_{Page::Attract};
  Session session_;
  LanguagePicker picker_;
  // The language a tile of the picker chose, for the frame to switch to.
  std::optional<std::string> switch_to_;
  FormKeys keys_;
  ProfileForm profile_;
  LoginForm login_;
  std::future<LoginOutcome> login_answer_;
  RequestDesk requests_;
  MessageDesk messages_;
  // The staff PIN's gate lives as long as the kiosk, so leaving staff mode
  // does not reset its count; staff mode's state and forms only while it is
  // open (closing it wipes what staff typed).
  StaffGate gate_;
  std::optional<StaffState> staff_;
  std::unique_ptr<StaffForms> staff_forms_;
  // Logins still in flight when their session ended: logged out when they
  // answer, never shown to the next person.
  std::vector<std::future<LoginOutcome>> abandoned_;
  Clock::time_point last_touch_;
  Clock::time_point attract_since_;
  bool warning_ = false;
  bool end_requested_ = false;
  bool shown_online_ = false;
  std::map<std::string, Rect, std::less<>> controls_;
  // Reading aloud: what this frame's page gives to it, the words the last
  // frame's page showed (what its speech button reads), the speech button
  // whose words are being said, and the one whose words a touch stopped.
  PageSpeech speech_;
  std::vector<std::string> page_words_;
  std::string speaking_for_;
  std::string stopped_by_touch_;
};

}  // namespace ih::kiosk
