// "My messages" pages as a Screen of their own, for tests, goldens and
// benchmarks without a shell around them: the list or one thread of an
// InboxView, drawn over the whole screen, with every action a touch asked for
// kept in order. The sample inbox is the pictures' (screen_messages.h).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "kiosk/conversations.h"
#include "kiosk/message_text.h"
#include "kiosk/screen.h"
#include "kiosk/screen_messages.h"
#include "kiosk/screens/conversations.h"
#include "kiosk/screens/form_input.h"
#include "kiosk/screens/thread.h"

namespace ih::kiosk::testing {

using kiosk::mixed_thread;
using kiosk::sample_inbox;
using kiosk::sample_now;

inline ChatMessage message(std::string id, bool mine, std::string_view text, int64_t sent_at,
                           bool read = true) {
  SafeText safe = safe_message(text, 2000);
  return {std::move(id), mine, std::move(safe.text), safe.cut, sent_at, read};
}

// Draws the list, or the thread of thread.conversation_id when it is set.
class MessagesScreen : public Screen {
 public:
  explicit MessagesScreen(InboxView inbox, bool large_text = false)
      : inbox(std::move(inbox)), large_text(large_text) {}

  void draw(ScreenFrame& frame) override {
    controls.clear();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    PageContext c{frame,
                  {origin, ImVec2(origin.x + frame.size.x, origin.y + frame.size.y)},
                  metrics(frame.size, large_text),
                  Clock::now(),
                  controls,
                  &speech};
    speech.words.clear();
    std::optional<Action> action;
    if (thread.conversation_id.empty())
      action = draw_conversations(c, inbox, list);
    else
      action = draw_thread(c, inbox, thread, keys, now);
    if (action) {
      actions.push_back(*action);
      frame.ui.needs_frame = true;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + frame.size.y));
  }

  InboxView inbox;
  bool large_text;
  // With speech buttons, as on a terminal with audio; what they asked for.
  PageSpeech speech{.buttons = true, .words = {}, .asked = {}, .asked_by = {}};
  i18n::Timestamp now = sample_now();
  ConversationList list;
  ThreadView thread;
  FormKeys keys;
  std::map<std::string, Rect, std::less<>> controls;
  std::vector<Action> actions;
};

}  // namespace ih::kiosk::testing
