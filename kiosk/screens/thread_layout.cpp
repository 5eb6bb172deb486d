#include "kiosk/screens/thread_layout.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>

#include "kiosk/message_text.h"
#include "kiosk/wipe.h"
#include "render/utf.h"

namespace ih::kiosk {

namespace {

// A bubble is at most this share of the view wide, so whose side it stands on
// shows even for long messages.
constexpr float kBubbleShare = 0.78f;

std::shared_ptr<const render::Layout> lay_out(render::TextEngine& engine, std::string_view text,
                                              const render::TextStyle& style, float max_width) {
  // Outside the shared cache: the thread owns its text and drops it (wipe()).
  return engine.layout_uncached(engine.shape_uncached(render::utf8_to_utf16(text), style),
                                {.max_width = max_width, .align = render::Align::Start});
}

// Overwrites the text a bubble's layouts hold before they are freed. The
// paragraphs were made by shape_uncached() for this bubble alone, as
// non-const objects: writing through the const view is sound.
void overwrite(Bubble& b) {
  for (const auto* layout : {&b.label, &b.text, &b.time}) {
    if (!*layout || !(*layout)->shaped) continue;
    auto& text = const_cast<std::u16string&>((*layout)->shaped->text);
    explicit_bzero(text.data(), text.capacity() * sizeof(char16_t));
  }
  kiosk::wipe(b.id);
}

// Overwrites and drops the bubbles from `from` on.
void drop(std::vector<Bubble>& bubbles, size_t from) {
  for (size_t i = from; i < bubbles.size(); ++i) overwrite(bubbles[i]);
  bubbles.resize(from);
}

}  // namespace

Bubble ThreadLayout::make(render::TextEngine& engine, const i18n::LocaleFormat& formats,
                          const ChatMessage& message, bool starts_run, const ThreadLabels& labels,
                          bool expanded, i18n::Timestamp now) const {
  const ThreadGeometry& g = geometry_;
  Bubble b;
  b.id = message.id;
  b.text_size = message.text.size();
  b.mine = message.mine;
  b.waiting = message.waiting;
  b.expanded = expanded;
  const TextDirection direction = text_direction(message.text);
  b.rtl = direction == TextDirection::Rtl || (direction == TextDirection::Neutral && g.rtl);
  const Preview shown = preview(message.text, kPreviewGraphemes, kPreviewLines);
  b.cut = shown.cut;
  const float max_text = std::floor(g.width * kBubbleShare) - 2 * g.padding;
  // A text without strong letters takes the UI's direction.
  const render::TextStyle text_style{g.text_size, g.language,
                                     g.rtl ? render::Direction::AutoRtl : render::Direction::Auto};
  b.text = lay_out(engine, expanded || !b.cut ? std::string_view(message.text) : shown.text,
                   text_style, max_text);
  const render::TextStyle small{g.small_size, g.language,
                                g.rtl ? render::Direction::Rtl : render::Direction::Ltr};
  // A server may say any year (RFC 3339 allows 9999); the clock counts
  // nanoseconds in 64 bits, up to the year 2262.
  constexpr int64_t kLatest = 9'000'000'000;  // 2255
  const i18n::Timestamp when = std::chrono::system_clock::from_time_t(
      static_cast<std::time_t>(std::clamp<int64_t>(message.sent_at, 0, kLatest)));
  std::string time = formats.time(when);
  if (formats.date(when, i18n::DateStyle::Short) != formats.date(now, i18n::DateStyle::Short))
    time = formats.date(when, i18n::DateStyle::Short) + " " + time;
  if (message.waiting) time = "🕓 " + std::string(labels.waiting);
  b.time = lay_out(engine, time, small, max_text);
  if (starts_run) {
    const std::string_view label = message.mine ? labels.mine : labels.theirs;
    b.label = lay_out(engine, label, {g.small_size, g.language, render::Direction::Auto}, max_text);
  }

  const float content_width = b.cut ? max_text : std::max(b.text->width, b.time->width);
  b.width = std::ceil(content_width) + 2 * g.padding;
  b.box_height = std::ceil(g.padding + b.text->height + g.gap / 2 + b.time->height +
                           (b.cut ? g.gap / 2 + g.button : 0) + g.padding);
  const float label_height = b.label ? std::ceil(b.label->height + g.gap / 4) : 0;
  b.height = label_height + b.box_height + g.gap;
  return b;
}

bool ThreadLayout::update(render::TextEngine& engine, const i18n::LocaleFormat& formats,
                          std::span<const ChatMessage> messages, const ThreadGeometry& geometry,
                          const ThreadLabels& labels, const std::set<std::string>& expanded,
                          i18n::Timestamp now) {
  if (!(geometry == geometry_) || labels.mine != mine_label_ || labels.theirs != theirs_label_ ||
      labels.waiting != waiting_label_) {
    drop(bubbles_, 0);
    geometry_ = geometry;
    kiosk::wipe(mine_label_);
    kiosk::wipe(theirs_label_);
    mine_label_ = labels.mine;
    theirs_label_ = labels.theirs;
    waiting_label_ = labels.waiting;
  }
  // The bubbles that still show their message as it is are kept; from the
  // first that does not, everything is laid out again.
  size_t keep = 0;
  const size_t common = std::min(bubbles_.size(), messages.size());
  while (keep < common) {
    const Bubble& b = bubbles_[keep];
    const ChatMessage& m = messages[keep];
    if (b.id != m.id || b.text_size != m.text.size() || b.mine != m.mine || b.waiting != m.waiting)
      break;
    if (b.cut && b.expanded != expanded.contains(m.id)) break;
    ++keep;
  }
  if (keep == bubbles_.size() && keep == messages.size()) return false;
  drop(bubbles_, keep);
  float top = keep > 0 ? bubbles_[keep - 1].top + bubbles_[keep - 1].height : 0;
  for (size_t i = keep; i < messages.size(); ++i) {
    const bool starts_run = i == 0 || messages[i - 1].mine != messages[i].mine;
    Bubble b = make(engine, formats, messages[i], starts_run, labels,
                    expanded.contains(messages[i].id), now);
    b.top = top;
    b.box_top = top + (b.label ? std::ceil(b.label->height + geometry_.gap / 4) : 0);
    top += b.height;
    bubbles_.push_back(std::move(b));
    ++laid_out_;
  }
  content_height_ = top;
  return true;
}

size_t ThreadLayout::first_below(float y) const {
  const auto it = std::partition_point(bubbles_.begin(), bubbles_.end(),
                                       [y](const Bubble& b) { return b.top + b.height <= y; });
  return static_cast<size_t>(it - bubbles_.begin());
}

void ThreadLayout::wipe() {
  drop(bubbles_, 0);
  bubbles_.shrink_to_fit();
  kiosk::wipe(mine_label_);
  kiosk::wipe(theirs_label_);
  waiting_label_.clear();
  geometry_ = {};
  content_height_ = 0;
}

}  // namespace ih::kiosk
