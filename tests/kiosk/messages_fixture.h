// "My messages" pages as a Screen of their own, for tests, goldens and
// benchmarks, until the shell shows them: the list or one thread of an
// InboxView, drawn over the whole screen, with every action a touch asked for
// kept in order. And the inbox the pictures and tests share: a conversation
// that mixes Arabic, German, Tigrinya and emoji with a helper whose name
// carries a right-to-left override, as a server could send it.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "kiosk/conversations.h"
#include "kiosk/message_text.h"
#include "kiosk/screen.h"
#include "kiosk/screens/conversations.h"
#include "kiosk/screens/form_input.h"
#include "kiosk/screens/thread.h"

namespace ih::kiosk::testing {

// 2026-12-04 15:30 UTC: when the sample's messages are "today".
inline i18n::Timestamp sample_now() {
  return std::chrono::system_clock::from_time_t(1'796'398'200);
}

inline ChatMessage message(std::string id, bool mine, std::string_view text, int64_t sent_at,
                           bool read = true) {
  SafeText safe = safe_message(text, 2000);
  return {std::move(id), mine, std::move(safe.text), safe.cut, sent_at, read};
}

// Three conversations, one unread; "c1" mixes scripts and has a long message.
inline InboxView sample_inbox() {
  const int64_t now = std::chrono::system_clock::to_time_t(sample_now());
  InboxView inbox;
  inbox.loaded = true;
  // The spoofing name: U+202E would turn "Anna" and what follows around.
  inbox.conversations.push_back(
      {"c1", "r1", "doctor", "🩺", safe_name("\u202EAnna\u202C Müller", 40).text, 2, now - 60});
  inbox.conversations.push_back(
      {"c2", "r2", "housing", "🏠", safe_name("محمد", 40).text, 0, now - 3600});
  inbox.conversations.push_back(
      {"c3", "r3", "language_tandem", "🗣️", safe_name("ሰላም", 40).text, 0, now - 86400 * 2});
  std::vector<ChatMessage>& c1 = inbox.messages["c1"];
  c1.push_back(message("1", false, "Hallo! Ich kann Sie am Donnerstag zum Arzt begleiten. 🩺🇩🇪",
                       now - 7200));
  c1.push_back(message("2", true, "شكراً جزيلاً! في أي ساعة؟", now - 7000));
  c1.push_back(message("3", false, "Um 10 Uhr, Praxis Dr. Weber, Hauptstraße 5.", now - 6800));
  c1.push_back(message("4", true, "ሰላም! እወ፡ ክመጽእ እየ። 🙏", now - 6600));
  c1.push_back(message("5", false, "👍👨‍👩‍👧‍👦", now - 6500));
  std::string long_text;
  for (int i = 0; i < 40; ++i) long_text += "Bitte bringen Sie die Versichertenkarte mit. ";
  c1.push_back(message("6", false, long_text, now - 300, false));
  c1.push_back(message("7", false, "مرحبا، أنا \u202Eأنا\u202C هنا Anna 123", now - 60, false));
  inbox.messages["c2"].push_back(
      message("8", false, "السلام عليكم، هل ما زلت تبحث عن شقة؟", now - 3600));
  inbox.messages["c3"].push_back(message("9", true, "Danke, bis Montag!", now - 86400 * 2));
  sort_inbox(inbox);
  return inbox;
}

// A thread of `count` messages in turn German, Arabic, Tigrinya, Persian and
// emoji, alternately the helper's and the person's.
inline std::vector<ChatMessage> mixed_thread(int count) {
  static const char* const kTexts[] = {
      "Guten Tag! Ich kann Ihnen beim Ausfüllen des Antrags helfen.",
      "مرحبا، شكراً لك. متى يمكننا أن نلتقي؟",
      "ሰላም! ጽባሕ ንራኸብ ዶ?",
      "سلام، من فردا ساعت ۱۰ می‌توانم بیایم.",
      "👍🙏👨‍👩‍👧 ✅",
  };
  const int64_t start = std::chrono::system_clock::to_time_t(sample_now()) - count * 60;
  std::vector<ChatMessage> messages;
  messages.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i)
    messages.push_back(message(std::to_string(i + 1), i % 2 == 1, kTexts[i % 5], start + i * 60));
  return messages;
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
                  controls};
    std::optional<MessagesAction> action;
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
  i18n::Timestamp now = sample_now();
  ConversationList list;
  ThreadView thread;
  FormKeys keys;
  std::map<std::string, Rect, std::less<>> controls;
  std::vector<MessagesAction> actions;
};

}  // namespace ih::kiosk::testing
