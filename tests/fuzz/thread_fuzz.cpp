// Any bytes as the server's replies, along the whole way to a drawn thread:
// net/'s parsers → the link's conversion into the kiosk's types
// (kiosk/link_inbox.h, which makes the text safe) → the thread page laid out
// and drawn (kiosk/screens/thread.h) and the list of conversations.
//
// The first byte picks the UI language ('0' to '6': de, ar, fa, ti, ur, en-XA,
// ar-XB), the second the screen ('0' landscape, '1' portrait, '2' 1280×800
// with large text). The rest is a conversation page, a line feed, and a
// message page. What does not parse still reaches the page: the first line as
// a helper's name, the rest as one message, so garbage is laid out too.
//
// Nothing may crash; and the promises hold: every text is well-formed UTF-8
// without embeddings, overrides or isolates, a bubble has a finite positive
// height, the bubbles follow each other, and nothing of the input stays in
// the text engine's caches.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>

#include "kiosk/link_inbox.h"
#include "kiosk/ui.h"
#include "net/replies.h"
#include "render/utf.h"
#include "tests/kiosk/messages_fixture.h"

namespace {

using namespace ih::kiosk;

void require(bool condition, const char* promise) {
  if (condition) return;
  std::fprintf(stderr, "broken promise: %s\n", promise);
  std::abort();
}

bool has_bidi_scope(std::string_view text) {
  for (const char* control :
       {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"})
    if (text.find(control) != std::string_view::npos) return true;
  return false;
}

void check_text(std::string_view text) {
  require(ih::render::is_valid_utf8(text), "a text is well-formed UTF-8");
  require(!has_bidi_scope(text), "a text has no embeddings, overrides or isolates");
  require(text.find('\0') == std::string_view::npos, "a text has no NUL");
}

constexpr const char* kLanguages[] = {"de", "ar", "fa", "ti", "ur", "en-XA", "ar-XB"};
const ImVec2 kSizes[] = {ImVec2(1920, 1080), ImVec2(1080, 1920), ImVec2(1280, 800)};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Ui ui({ICHHELFE_SOURCE_DIR "/assets/fonts/fonts.conf", "de"}, nullptr);
  if (size < 2) return 0;
  const char* language = kLanguages[data[0] % std::size(kLanguages)];
  const int shape = data[1] % 3;
  const std::string_view body(reinterpret_cast<const char*>(data) + 2, size - 2);
  const size_t line = body.find('\n');
  const std::string_view first = body.substr(0, line);
  const std::string_view rest =
      line == std::string_view::npos ? std::string_view() : body.substr(line + 1);

  ih::net::InboxSnapshot snapshot;
  snapshot.loaded = true;
  if (const auto page = ih::net::parse_conversation_page(first); page && !page->items.empty())
    snapshot.conversations = page->items;
  else
    snapshot.conversations.push_back({"c", "r", "doctor", std::string(first), 1, 0});
  const std::string id = snapshot.conversations.front().id;
  if (const auto page = ih::net::parse_message_page(rest))
    snapshot.messages[id] = page->items;
  else
    snapshot.messages[id].push_back({"m", false, std::string(rest), 0, false});

  InboxView inbox = to_kiosk(snapshot);
  for (const Conversation& c : inbox.conversations) check_text(c.helper_name);
  for (const auto& [_, messages] : inbox.messages)
    for (const ChatMessage& m : messages) check_text(m.text);

  ui.set_language(language);
  ImGuiIO& io = ui.io();
  io.DisplaySize = kSizes[shape];
  io.DeltaTime = 0.1f;
  testing::MessagesScreen screen(std::move(inbox), shape == 2);
  ui.build_frame(screen);
  open_thread(screen.thread, id);
  ui.build_frame(screen);
  // Open every long message, then scroll to the top.
  for (const Bubble& b : screen.thread.layout.bubbles())
    if (b.cut) screen.thread.expanded.insert(b.id);
  screen.thread.at_end = false;
  screen.thread.offset = 0;
  ui.build_frame(screen);

  float top = 0;
  for (const Bubble& b : screen.thread.layout.bubbles()) {
    require(std::isfinite(b.height) && b.height > 0, "a bubble has a finite positive height");
    require(b.top == top, "bubbles follow each other");
    top += b.height;
  }
  require(screen.thread.layout.content_height() == top, "the content is the bubbles");

  wipe(screen.thread);
  wipe(screen.inbox);
  ui.engine().clear_caches();
  return 0;
}
