// "My messages": one conversation with a helper, and replying to it.
//
// The page shows, from the top: Back and the request's picture with the
// helper's name; the messages as bubbles (thread_layout.h), the newest at the
// bottom, scrolled by dragging a finger; and a row of quick replies for people
// who cannot type (yes, no, thank you, "I will come", "I cannot come", each a
// picture and a word) with a "Write" button that opens the reply field above
// the on-screen keyboard of the session language.
//
// A quick reply is sent as its text in the UI language, the one the person
// chose: Action::SendMessage carries it. "Suggest a day" asks the shell for
// the request wizard's day and time pickers (Action::ProposeDay), whose
// choice is sent the same way (request_wizard.h's proposal_text()).
//
// While the newest message is in view the thread stays at the bottom, so a
// message that arrives while it is open shows without a touch; scrolled up,
// it stays where the person left it. When the page shows messages the person
// has not read it asks once to mark them read (Action::MarkRead, up to
// the newest).
//
// Controls: "back", "write", "quick-yes", "quick-no", "quick-thanks",
// "quick-will-come", "quick-cannot-come", "quick-day", "more-<message id>", and while
// typing "back", "field", "next" (send) of typing_row().
//
// Not thread-safe: the UI thread owns the ThreadView (the shell does).
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kiosk/action.h"
#include "kiosk/conversations.h"
#include "kiosk/screens/form_input.h"
#include "kiosk/screens/page.h"
#include "kiosk/screens/thread_layout.h"
#include "kiosk/services.h"
#include "render/text_field.h"

namespace ih::kiosk {

// The thread page's own state, kept while it is open: which conversation, its
// laid-out bubbles, how far it is scrolled, the messages opened by "Show
// more", and the reply being typed.
struct ThreadView {
  std::string conversation_id;
  ThreadLayout layout;
  float offset = 0;    // pixels scrolled from the top of the content
  bool at_end = true;  // follows the newest message
  std::set<std::string> expanded;
  bool composing = false;                    // the reply field and keyboard are open
  std::unique_ptr<render::TextField> reply;  // personal: wiped with the view
  std::string marked_up_to;                  // the last MarkRead asked for
  // The last reply could not be queued: the page says so, and its text is
  // back in the field (`unsent` until the field takes it; personal).
  bool cannot_send = false;
  std::string unsent;
  // The platform's lengths of a message (api/field_rules.h's kMessageText,
  // FieldRules::message_text); kept by open_thread().
  FieldLimits reply_limits;
};

// Shows `conversation_id` from now on: a new view of it (the old one wiped).
void open_thread(ThreadView& view, std::string conversation_id);

// Overwrites the reply typed and drops the laid-out messages.
void wipe(ThreadView& view);

// The reply `text` could not be queued (the terminal cannot save it): the
// reply field opens again with it, and the page asks the person to get help.
void cannot_send(ThreadView& view, std::string_view text);

// The quick replies, in the order shown: an id for tests ("quick-yes"), a
// picture, and the text sent, in the UI language of `strings`.
struct QuickReply {
  const char* id;
  const char* picture;
  std::string_view text;
};
std::vector<QuickReply> quick_replies(const i18n::Localizer& strings);

// Draws the thread of view.conversation_id from `inbox`. `now` is the wall
// clock, for which times are today.
std::optional<Action> draw_thread(PageContext& c, const InboxView& inbox, ThreadView& view,
                                  FormKeys& keys, i18n::Timestamp now);

}  // namespace ih::kiosk
