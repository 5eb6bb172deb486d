#include "kiosk/screen_messages.h"

#include <chrono>

#include "kiosk/link.h"
#include "kiosk/message_text.h"
#include "kiosk/shell.h"

namespace ih::kiosk {

namespace {

ChatMessage message(std::string id, bool mine, std::string_view text, int64_t sent_at,
                    bool read = true) {
  SafeText safe = safe_message(text, 2000);
  return {std::move(id), mine, std::move(safe.text), safe.cut, sent_at, read};
}

}  // namespace

i18n::Timestamp sample_now() {
  return std::chrono::system_clock::from_time_t(1'796'398'200);
}

InboxView sample_inbox() {
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
  c1.push_back(message("1", false,
                       "Hallo! Ich kann Sie am Donnerstag zum Arzt begleiten. 🩺🇩🇪",
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

std::vector<ChatMessage> mixed_thread(int count) {
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

std::vector<std::string_view> message_screen_names() {
  return {"messages-home",    "my-messages",      "messages-thread",
          "messages-waiting", "messages-propose", "messages-propose-review"};
}

std::unique_ptr<Screen> make_message_screen(std::string_view name, const Settings& settings) {
  bool known = false;
  for (std::string_view n : message_screen_names()) known = known || n == name;
  if (!known) return nullptr;
  AccountServices accounts;
  accounts.normalize_code = personal_code_rule();
  accounts.rules = field_rules();
  accounts.requests.wall_clock = [] { return sample_now(); };
  // The sample inbox, fetched once.
  accounts.messages.inbox = [](uint64_t& seen) -> std::optional<InboxView> {
    if (seen == 1) return std::nullopt;
    seen = 1;
    return sample_inbox();
  };
  const auto at = Clock::now();
  auto shell = std::make_unique<Shell>(
      ShellOptions{settings, [at] { return at; }, std::move(accounts), {}, silent_speech()});
  Session& session = shell->session();
  session.display_name = "Amal";
  session.languages = {"ar", "de"};
  session.token = "sample";  // a logged-in person: the inbox is asked
  shell->show(Page::Home);
  if (name == "messages-home") return shell;
  shell->apply(Action::OpenMessages);
  if (name == "my-messages") return shell;
  shell->apply(Action{Action::OpenConversation, std::string("c1")});
  if (name == "messages-waiting") {
    const int64_t now = std::chrono::system_clock::to_time_t(sample_now());
    MessageDesk& desk = shell->messages();
    desk.sent.push_back({.number = 1,
                         .conversation_id = "c1",
                         .text = "شكراً، سأكون هناك 🙏",
                         .sent_at = now - 30,
                         .delivered = false,
                         .fetched_before = 7});
    desk.sent_count = 1;
  }
  if (name == "messages-propose" || name == "messages-propose-review") {
    shell->apply(Action::ProposeDay);
    if (name == "messages-propose-review")
      shell->messages().proposal.show_sample(RequestForm::Step::Review, {},
                                             RequestForm::When::Tomorrow, "morning", {});
  }
  return shell;
}

}  // namespace ih::kiosk
