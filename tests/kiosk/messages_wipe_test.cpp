// At the end of a session nothing of a person's messages stays in memory: the
// inbox, the laid-out thread and the reply being typed are overwritten
// (wipe() in conversations.h and thread.h), the text engine's caches cleared.
#include <gtest/gtest.h>

#include <future>
#include <random>

#include "kiosk/link.h"
#include "kiosk/ui.h"
#include "kiosk/wipe.h"
#include "tests/kiosk/memory_scan.h"
#include "tests/kiosk/messages_fixture.h"
#include "tests/kiosk/shell_harness.h"

namespace ih::kiosk {
namespace {

using testing::find_in_memory;
using testing::kMask;
using testing::masked16;

// 24 random letters, masked; different in every run.
std::vector<uint8_t> random_word(std::random_device& random, char first) {
  std::vector<uint8_t> word{static_cast<uint8_t>(first ^ kMask)};
  for (int i = 0; i < 23; ++i) word.push_back(static_cast<uint8_t>('a' + random() % 26) ^ kMask);
  return word;
}

std::string unmask(const std::vector<uint8_t>& masked) {
  std::string s;
  for (uint8_t b : masked) s.push_back(static_cast<char>(b ^ kMask));
  return s;
}

TEST(MessagesWipe, AfterTheSessionNoMessageTextNameOrReplyIsInMemory) {
  harden_heap();
  std::random_device random;
  const std::vector<uint8_t> text = random_word(random, 'Q');
  const std::vector<uint8_t> name = random_word(random, 'X');
  const std::vector<uint8_t> reply = random_word(random, 'J');
  const std::vector<std::vector<uint8_t>> needles = {text,  masked16(text), name, masked16(name),
                                                     reply, masked16(reply)};
  {
    Ui ui({std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "de"}, nullptr);
    ui.io().DisplaySize = ImVec2(1920, 1080);
    ui.io().DeltaTime = 0.1f;
    InboxView inbox = testing::sample_inbox();
    {
      std::string clear = unmask(text);
      inbox.messages["c1"].push_back(testing::message("99", false, clear, 0));
      wipe(clear);
      clear = unmask(name);
      inbox.conversations[0].helper_name = clear;
      wipe(clear);
    }
    testing::MessagesScreen screen(std::move(inbox));
    // The thread alone: the list lays its previews out in the text engine's
    // shared cache, which clear_caches() frees and glibc overwrites
    // (harden_heap(); AddressSanitizer's allocator does not), as for every
    // other page.
    open_thread(screen.thread, "c1");
    ui.build_frame(screen);
    screen.thread.composing = true;
    ui.build_frame(screen);
    ASSERT_TRUE(screen.thread.reply);
    {
      std::string clear = unmask(reply);
      screen.thread.reply->insert(clear);
      wipe(clear);
    }
    ui.build_frame(screen);
    ASSERT_GE(find_in_memory(needles).size(), 3u)
        << "the scan must find the text, the name and the reply while they are shown";

    // What the shell does at the end of a session.
    wipe(screen.thread);
    wipe(screen.inbox);
    ui.engine().clear_caches();
    ui.build_frame(screen);
  }
  // Needles 0 and 1 are the message, 2 and 3 the name, 4 and 5 the reply.
  for (const std::string& where : find_in_memory(needles)) ADD_FAILURE() << where;
}

// The same through the shell: a helper's message fetched while the person is
// logged in, shown in its thread, and a reply sent (waiting in the outbox) —
// after "Exit" none of them is in memory. The fake network's own copies are
// overwritten first, as the link's are when its inbox closes.
TEST(MessagesWipe, AfterExitTheShellHoldsNoMessageOrReply) {
  harden_heap();
  std::random_device random;
  const std::vector<uint8_t> text = random_word(random, 'Q');
  const std::vector<uint8_t> reply = random_word(random, 'J');
  const std::vector<std::vector<uint8_t>> needles = {text, masked16(text), reply, masked16(reply)};
  InboxView platform = testing::sample_inbox();
  {
    std::string clear = unmask(text);
    platform.messages["c1"].push_back(testing::message("99", false, clear, 0, false));
    wipe(clear);
  }
  std::vector<OutgoingMessage> queued;
  AccountServices services;
  services.login = [](const std::string&, const std::string&) {
    std::promise<LoginOutcome> p;
    p.set_value(
        {LoginOutcome::Result::LoggedIn, PersonSession{"K7Q0-18SM", "tok", "lane", "Amal"}, 0});
    return p.get_future();
  };
  services.logout = [](const PersonSession&) {};
  services.normalize_code = personal_code_rule();
  services.rules = field_rules();
  services.messages.open = [](const PersonSession&) {};
  services.messages.inbox = [&](uint64_t& seen) -> std::optional<InboxView> {
    if (seen == 1) return std::nullopt;
    seen = 1;
    return platform;
  };
  services.messages.send = [&](const PersonSession&, const OutgoingMessage& m) {
    queued.push_back(m);
    return true;
  };
  services.messages.waiting = [&](const PersonSession&) { return int64_t{1}; };
  {
    testing::Harness h({}, ImVec2(1920, 1080), services);
    testing::log_in(h);
    ASSERT_EQ(h.shell.page(), Page::Home);
    h.touch("messages");
    h.touch("conversation-c1");
    h.touch("write");
    ASSERT_TRUE(h.shell.messages().thread.reply);
    {
      std::string clear = unmask(reply);
      h.shell.messages().thread.reply->insert(clear);
      wipe(clear);
    }
    h.frame();
    h.touch("next");  // Send
    ASSERT_EQ(queued.size(), 1u);
    ASSERT_GE(find_in_memory(needles).size(), 2u)
        << "the scan must find the message and the reply while they are shown";
    // What the link does when the inbox closes, and the outbox's own copy.
    wipe(platform);
    wipe(queued[0].text);
    h.touch("end-session");
    ASSERT_EQ(h.shell.page(), Page::Attract);
    h.frame();
  }
  for (const std::string& where : find_in_memory(needles)) ADD_FAILURE() << where;
}

}  // namespace
}  // namespace ih::kiosk
