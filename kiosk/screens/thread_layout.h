// The bubbles of a conversation, laid out once and kept: a thread of 200
// messages is shaped and broken into lines when it opens, and a frame that
// only scrolls it does no text work at all (one comparison per message to see
// that nothing changed, then drawing what is in view).
//
// Each bubble stands by the direction of its own text (message_text.h's
// text_direction): an Arabic message at the right, a German one at the left,
// whatever the UI language; a message without strong letters (emoji, digits)
// at the start of the UI's direction. Whose it is shows by its fill and
// border, and by a label ("You" or the helper's name) over the first bubble
// of each run of one writer's messages.
//
// A message longer than a preview (kPreviewGraphemes, kPreviewLines) shows its
// beginning and a "Show more" button until the person opens it.
//
// The layouts are made outside the text engine's shared cache
// (TextEngine::shape_uncached), so this object alone holds the messages'
// laid-out text; wipe() drops it at the end of a session.
//
// Not thread-safe: the UI thread owns it (through ThreadView, thread.h).
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "i18n/locale_format.h"
#include "i18n/message.h"
#include "kiosk/conversations.h"
#include "render/text_engine.h"

namespace ih::kiosk {

// The beginning of a long message that a bubble shows until it is opened.
inline constexpr int32_t kPreviewGraphemes = 400;
inline constexpr int32_t kPreviewLines = 12;

// The sizes a thread is laid out with, in pixels; a change lays it out again.
struct ThreadGeometry {
  float width = 0;       // of the view the bubbles stand in
  float text_size = 0;   // of a message's text
  float small_size = 0;  // of times and labels
  float padding = 0;     // inside a bubble
  float gap = 0;         // between bubbles
  float button = 0;      // height of a bubble's "Show more" button (≥ 64)
  std::string language;  // the UI language: shaping, locale forms, the neutral side
  bool rtl = false;      // the UI's direction
  bool operator==(const ThreadGeometry&) const = default;
};

// What a thread's labels say, in the UI language.
struct ThreadLabels {
  std::string_view mine;     // over the person's own messages: "You"
  std::string_view theirs;   // over the helper's: their name (safe, isolated)
  std::string_view waiting;  // instead of the time of a reply still on the terminal
};

struct Bubble {
  std::string id;        // the message's
  size_t text_size = 0;  // bytes of its text when laid out: a changed text is laid out again
  bool mine = false;
  bool waiting = false;                         // on the terminal: a clock, not a time
  bool rtl = false;                             // stands at the right
  bool cut = false;                             // shows a preview and a "Show more" button
  bool expanded = false;                        // the person opened it
  std::shared_ptr<const render::Layout> label;  // null unless it starts a run
  std::shared_ptr<const render::Layout> text;
  std::shared_ptr<const render::Layout> time;
  float top = 0;         // of the label (or the bubble), from the content's top
  float height = 0;      // label, bubble and the gap below
  float box_top = 0;     // of the bubble itself, from the content's top
  float box_height = 0;  // of the bubble itself
  float width = 0;       // of the bubble itself
};

class ThreadLayout {
 public:
  // Brings the bubbles up to date with `messages`: lays out the messages that
  // are new or changed, or all of them if the geometry changed, and keeps the
  // rest. `expanded` holds the ids of messages the person opened; `now` says
  // which times are today (shown without their date). True if anything was
  // laid out.
  bool update(render::TextEngine& engine, const i18n::LocaleFormat& formats,
              std::span<const ChatMessage> messages, const ThreadGeometry& geometry,
              const ThreadLabels& labels, const std::set<std::string>& expanded,
              i18n::Timestamp now);

  std::span<const Bubble> bubbles() const { return bubbles_; }
  float content_height() const { return content_height_; }
  // The first bubble whose bottom is below `y` (content coordinates).
  size_t first_below(float y) const;
  // Bubbles laid out since this object was made: a warm frame adds none.
  int64_t laid_out() const { return laid_out_; }
  // Drops every layout (and with it the text they hold).
  void wipe();

 private:
  Bubble make(render::TextEngine& engine, const i18n::LocaleFormat& formats,
              const ChatMessage& message, bool starts_run, const ThreadLabels& labels,
              bool expanded, i18n::Timestamp now) const;

  ThreadGeometry geometry_;
  // The labels the layouts were made with (the helper's name: personal).
  std::string mine_label_;
  std::string theirs_label_;
  std::string waiting_label_;
  std::vector<Bubble> bubbles_;
  float content_height_ = 0;
  int64_t laid_out_ = 0;
};

}  // namespace ih::kiosk
