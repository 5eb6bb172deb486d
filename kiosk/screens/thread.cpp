#include "kiosk/screens/thread.h"

#include <algorithm>
#include <cmath>

#include "i18n/bidi_isolation.h"
#include "kiosk/wipe.h"
#include "render/text_draw.h"

namespace ih::kiosk {

namespace {

using i18n::msg;

constexpr float kRounding = 16.0f;

const Conversation* find_conversation(const InboxView& inbox, const std::string& id) {
  for (const Conversation& c : inbox.conversations)
    if (c.id == id) return &c;
  return nullptr;
}

// A small button with its label at body size, smaller where a long word
// would not fit in two lines (the quick replies, "Write", "Show more"); at
// least 64 px each way.
// Inside a view that scrolls, only the part of it in `visible` takes a touch;
// it counts as a target (is recorded) while that part is at least 64 px high.
bool small_button(PageContext& c, const std::string& id, std::string_view text, Rect r,
                  std::optional<Rect> visible = {}) {
  if (!visible) {
    c.controls[id] = r;
  } else {
    const Rect shown{ImVec2(r.min.x, std::max(r.min.y, visible->min.y)),
                     ImVec2(r.max.x, std::min(r.max.y, visible->max.y))};
    if (shown.height() >= 64) c.controls[id] = shown;
  }
  render::UiContext& ui = c.frame.ui;
  const float before = ui.text_size;
  // render::button's padding on each side, and a little air above and below.
  constexpr float kPadding = 12.0f;
  for (const float scale : {1.0f, 0.85f, 0.72f}) {
    ui.text_size = std::round(c.m.body * scale);
    const auto label =
        ui.engine.layout(text, {ui.text_size, ui.language, ui.direction},
                         {.max_width = r.width() - 2 * kPadding, .align = render::Align::Center});
    if (label->height <= r.height() - kPadding) break;
  }
  ImGui::SetCursorScreenPos(r.min);
  const bool released = render::button(ui, id.c_str(), text, r.size());
  ui.text_size = before;
  return released;
}

// While typing, the reply row has the Back button instead.
float draw_title(PageContext& c, const Conversation* conversation, bool with_back, bool& back) {
  const i18n::Localizer& s = c.frame.strings;
  render::UiContext& ui = c.frame.ui;
  const i18n::Span box = content(c);
  const float top = c.area.min.y + c.m.margin / 2;
  const float width = std::round(std::max(c.m.button * 1.6f, box.width * 0.16f));
  const float x = i18n::at_start(c.direction(), box, width);
  if (with_back) {
    // TRANSLATORS: Button: go back to the previous screen.
    back = page_button(c, "back", s.text(msg("Back")),
                       {ImVec2(x, top), ImVec2(x + width, top + c.m.button)});
  }
  if (conversation) {
    // The name is isolated: a name in another script (or one meant to
    // mislead) cannot move the picture to its other side.
    std::string name = conversation->helper_name.empty()
                           // TRANSLATORS: Stands for a helper whose name is not known.
                           ? std::string(s.text(msg("A helper")))
                           : i18n::isolate(conversation->helper_name);
    std::string title = conversation->picture + "  " + name;
    wipe(name);
    const float title_width = box.width - width - c.m.gap;
    const auto layout = ui.engine.layout(
        title, {c.m.title, ui.language, ui.direction},
        {.max_width = title_width, .align = render::Align::Start, .ellipsis = true});
    const float title_x = i18n::at_end(c.direction(), box, title_width);
    render::draw_layout(*ImGui::GetWindowDrawList(), ui.atlas, *layout,
                        ImVec2(title_x, std::round(top + (c.m.button - layout->height) / 2)),
                        ui.theme.text);
    // The engine's cache keeps its own copy, cleared at the session's end.
    wipe(title);
  }
  return top + c.m.button + c.m.gap / 2;
}

// The left and right extent of a layout's lines inside its box.
std::pair<float, float> extent(const render::Layout& layout) {
  float left = layout.box_width;
  float right = 0;
  for (const render::Line& line : layout.lines) {
    left = std::min(left, line.x);
    right = std::max(right, line.x + line.width);
  }
  if (left > right) return {0, 0};
  return {left, right};
}

// Draws `layout` so its lines start at `x` (left edge of the ink) in a box
// of `width`, aligned to the right edge when `at_right`.
void draw_at(PageContext& c, const render::Layout& layout, float x, float width, float y,
             bool at_right, ImU32 colour) {
  const auto [left, right] = extent(layout);
  const float shift = at_right ? x + width - right : x - left;
  render::draw_layout(*ImGui::GetWindowDrawList(), c.frame.ui.atlas, layout,
                      ImVec2(std::round(shift), std::round(y)), colour);
}

// The bubbles of `messages` in `view`, scrolled by view_state.offset, each
// with its speech button beside it, in the room a bubble leaves. Returns the
// id of a message whose "Show more" was released.
std::optional<std::string> draw_bubbles(PageContext& c, ThreadView& v, const Rect& view,
                                        const ThreadGeometry& g,
                                        std::span<const ChatMessage> messages) {
  const ThreadLayout& layout = v.layout;
  const render::Theme& theme = c.frame.ui.theme;
  ImDrawList& list = *ImGui::GetWindowDrawList();
  const float content_h = layout.content_height();
  // Few messages stand at the bottom, by the reply row, as in any chat.
  const float origin_y = content_h < view.height() ? view.max.y - content_h : view.min.y - v.offset;
  const float left = c.direction() == i18n::Direction::Rtl ? view.max.x - g.width : view.min.x;
  std::optional<std::string> opened;
  ImGui::PushClipRect(view.min, view.max, true);
  const auto bubbles = layout.bubbles();
  for (size_t i = layout.first_below(view.min.y - origin_y); i < bubbles.size(); ++i) {
    const Bubble& b = bubbles[i];
    const float top = origin_y + b.top;
    if (top >= view.max.y) break;
    const float x = b.rtl ? left + g.width - b.width : left;
    if (b.label) {
      draw_at(c, *b.label, x + g.padding, b.width - 2 * g.padding, top, b.rtl, theme.muted_text);
    }
    const ImVec2 min(x, origin_y + b.box_top);
    const ImVec2 max(x + b.width, min.y + b.box_height);
    // Whose it is shows by fill and border, and by the label over each run.
    list.AddRectFilled(min, max, b.mine ? theme.tile_on : theme.tile, kRounding);
    list.AddRect(min, max, b.mine ? theme.button : theme.scroll_track, kRounding, 0,
                 b.mine ? 3.0f : 2.0f);
    const float inner_x = x + g.padding;
    const float inner_w = b.width - 2 * g.padding;
    float y = min.y + g.padding;
    draw_at(c, *b.text, inner_x, inner_w, y, b.rtl, theme.text);
    if (i < messages.size() && messages[i].id == b.id) {
      // Read whole, though a long one shows its beginning.
      readable(c, messages[i].text);
      const float side = render::kMinTouchTarget;
      const float sx = b.rtl ? x - g.gap - side : x + b.width + g.gap;
      // At the bubble's top, or, where that has scrolled out, the view's.
      const float sy = std::max(min.y, std::min(view.min.y, max.y - side));
      speech_button(c, "speak " + b.id, messages[i].text,
                    {ImVec2(sx, sy), ImVec2(sx + side, sy + side)});
    }
    y += b.text->height + g.gap / 2;
    draw_at(c, *b.time, inner_x, inner_w, y, !b.rtl, theme.muted_text);
    y += b.time->height;
    if (b.cut && !b.expanded) {
      y += g.gap / 2;
      const Rect r{ImVec2(inner_x, y), ImVec2(inner_x + inner_w, y + g.button)};
      // TRANSLATORS: Button under the beginning of a long message: show all of it.
      const std::string_view more = c.frame.strings.text(msg("Show more"));
      if (small_button(c, "more-" + b.id, more, r, view)) opened = b.id;
    }
  }
  ImGui::PopClipRect();
  // A bar along the end edge says there is more above or below.
  if (content_h > view.height()) {
    const float bar = std::max(8.0f, std::round(c.m.gap * 0.4f));
    const float bar_x = i18n::at_end(c.direction(), {view.min.x, view.width()}, bar);
    list.AddRectFilled(ImVec2(bar_x, view.min.y), ImVec2(bar_x + bar, view.max.y),
                       theme.scroll_track, bar / 2);
    const float thumb_h = std::max(c.m.gap, std::round(view.height() * view.height() / content_h));
    const float thumb_y =
        std::round(view.min.y + (view.height() - thumb_h) * v.offset / (content_h - view.height()));
    list.AddRectFilled(ImVec2(bar_x, thumb_y), ImVec2(bar_x + bar, thumb_y + thumb_h),
                       theme.scroll_thumb, bar / 2);
  }
  return opened;
}

}  // namespace

void open_thread(ThreadView& view, std::string conversation_id) {
  const FieldLimits limits = view.reply_limits;
  wipe(view);
  view.reply_limits = limits;
  view.conversation_id = std::move(conversation_id);
}

void wipe(ThreadView& view) {
  wipe(view.conversation_id);
  view.layout.wipe();
  view.offset = 0;
  view.at_end = true;
  view.expanded.clear();
  view.composing = false;
  if (view.reply) view.reply->wipe();
  view.reply.reset();
  wipe(view.marked_up_to);
  view.cannot_send = false;
  wipe(view.unsent);
}

void cannot_send(ThreadView& view, std::string_view text) {
  view.cannot_send = true;
  view.composing = true;
  wipe(view.unsent);
  view.unsent = text;
}

std::vector<QuickReply> quick_replies(const i18n::Localizer& s) {
  return {
      // TRANSLATORS: A quick reply in a conversation with a helper, sent as a
      // message in the person's language. Short; shown on a button.
      {"quick-yes", "👍", s.text(msg("quick reply", "Yes"))},
      // TRANSLATORS: A quick reply, sent as a message.
      {"quick-no", "👎", s.text(msg("quick reply", "No"))},
      // TRANSLATORS: A quick reply, sent as a message.
      {"quick-thanks", "🙏", s.text(msg("quick reply", "Thank you"))},
      // TRANSLATORS: A quick reply, sent as a message: the person will come to
      // the appointment the helper proposed.
      {"quick-will-come", "✅", s.text(msg("quick reply", "I will come"))},
      // TRANSLATORS: A quick reply, sent as a message: the person cannot come
      // to the appointment the helper proposed.
      {"quick-cannot-come", "❌", s.text(msg("quick reply", "I cannot come"))},
  };
}

std::optional<Action> draw_thread(PageContext& c, const InboxView& inbox, ThreadView& v,
                                  FormKeys& keys, i18n::Timestamp now) {
  const i18n::Localizer& s = c.frame.strings;
  render::UiContext& ui = c.frame.ui;
  std::optional<Action> action;
  const Conversation* conversation = find_conversation(inbox, v.conversation_id);
  bool back = false;
  float top = draw_title(c, conversation, !v.composing, back);
  if (back) return Action::Back;
  if (v.cannot_send) {
    top = page_note(c,
                    // TRANSLATORS: Conversation: a reply could not be saved on the
                    // terminal (e.g. its storage is full); the text stays in the field.
                    s.text(msg("This terminal cannot send your reply right now. Please ask "
                               "staff for help.")),
                    top, true) +
          c.m.gap / 2;
  }

  const i18n::Span box = content(c);
  // The bottom: the reply row above the keyboard while typing, else the
  // quick replies, "Suggest a day" and "Write" (one row, or two where seven
  // do not fit).
  constexpr int kButtons = 7;
  const float quick_h = std::round(std::max(render::kMinTouchTarget, c.m.button * 0.8f));
  const int per_row = box.width / kButtons >= std::max(240.0f, c.m.body * 8.5f) ? kButtons : 4;
  const int rows = (kButtons + per_row - 1) / per_row;
  float bottom;
  if (v.composing) {
    bottom = keys.top(KeysKind::Letters, s, c.frame.size) - c.m.gap - c.m.button;
  } else {
    bottom =
        c.area.max.y - c.m.margin / 2 - static_cast<float>(rows) * (quick_h + c.m.gap) + c.m.gap;
  }
  const Rect view{ImVec2(box.left, top), ImVec2(box.right(), std::round(bottom - c.m.gap / 2))};

  if (!conversation) {
    // TRANSLATORS: The conversation a person opened is no longer on the platform.
    page_note(c, s.text(msg("This conversation is no longer here.")), top + c.m.gap, false);
  } else {
    static const std::vector<ChatMessage> none;
    const auto found = inbox.messages.find(v.conversation_id);
    const std::vector<ChatMessage>& messages = found == inbox.messages.end() ? none : found->second;
    // The scroll bar's room is kept whether it shows or not, so the bubbles
    // never move (nor are laid out again) when it appears.
    const float bar_room = std::max(8.0f, std::round(c.m.gap * 0.4f)) + c.m.gap / 2;
    const ThreadGeometry g{
        .width = view.width() - bar_room,
        .text_size = c.m.body,
        .small_size = std::round(c.m.body * 0.75f),
        .padding = std::round(c.m.body * 0.5f),
        .gap = std::round(c.m.gap * 0.8f),
        .button = std::max(render::kMinTouchTarget, std::round(c.m.body * 2.2f)),
        .language = ui.language,
        .rtl = c.direction() == i18n::Direction::Rtl,
    };
    const std::string_view theirs = conversation->helper_name.empty()
                                        ? s.text(msg("A helper"))
                                        : std::string_view(conversation->helper_name);
    // TRANSLATORS: Over the person's own messages in a conversation.
    const ThreadLabels labels{s.text(msg("You")), theirs, s.text(msg("Waiting to be sent"))};
    v.layout.update(ui.engine, s.formats(), messages, g, labels, v.expanded, now);
    const float content_h = v.layout.content_height();
    const float max_offset = std::max(0.0f, content_h - view.height());
    if (v.at_end) v.offset = max_offset;
    scroll_list(c, view, content_h, v.offset);
    v.at_end = v.offset >= max_offset - 1;
    if (const auto opened = draw_bubbles(c, v, view, g, messages)) {
      v.expanded.insert(*opened);
      ui.needs_frame = true;
    }
    // Read once it is shown: mark up to the newest message, once.
    const bool unread = std::any_of(messages.begin(), messages.end(),
                                    [](const ChatMessage& m) { return !m.mine && !m.read; });
    if (unread && messages.back().id != v.marked_up_to) {
      v.marked_up_to = messages.back().id;
      action = Action{Action::MarkRead, ReadMark{v.conversation_id, v.marked_up_to}};
    }
  }

  if (v.composing) {
    if (!v.reply) {
      render::TextFieldOptions options;
      options.language = ui.language;
      options.direction = typing_direction(ui.language);
      options.text_size = std::round(c.m.body * 1.2f);
      options.max_graphemes = v.reply_limits.max_graphemes;
      options.max_bytes = v.reply_limits.max_bytes;
      // TRANSLATORS: Shown in the empty reply field of a conversation.
      options.placeholder = std::string(s.text(msg("Your reply")));
      v.reply = std::make_unique<render::TextField>(ui.engine, options);
    }
    if (!v.unsent.empty()) {
      v.reply->set_text(v.unsent);
      wipe(v.unsent);
    }
    // TRANSLATORS: Button: send the reply typed.
    const std::string_view send = s.text(msg("Send"));
    const RowTouch touch = typing_row(c, keys, KeysKind::Letters, *v.reply, send);
    if (touch.back) {
      // What was typed stays in the field for when "Write" opens it again.
      v.composing = false;
      ui.needs_frame = true;
    } else if (touch.next && !v.reply->empty() && conversation) {
      action = Action{Action::SendMessage, OutgoingMessage{v.conversation_id, v.reply->text()}};
      v.reply->wipe();
      v.cannot_send = false;
      v.composing = false;
      v.at_end = true;
      ui.needs_frame = true;
    }
    return action;
  }

  std::vector<QuickReply> replies = quick_replies(s);
  const float rows_top =
      c.area.max.y - c.m.margin / 2 - static_cast<float>(rows) * (quick_h + c.m.gap) + c.m.gap;
  for (int i = 0; i < kButtons; ++i) {
    const i18n::Span x = i18n::cell(c.direction(), box, i % per_row, per_row, c.m.gap);
    const float y = rows_top + static_cast<float>(i / per_row) * (quick_h + c.m.gap);
    const Rect r{ImVec2(x.left, y), ImVec2(x.right(), y + quick_h)};
    if (i < 5) {
      const QuickReply& q = replies[static_cast<size_t>(i)];
      const std::string label = std::string(q.picture) + " " + std::string(q.text);
      if (small_button(c, q.id, label, r) && conversation) {
        action =
            Action{Action::SendMessage, OutgoingMessage{v.conversation_id, std::string(q.text)}};
        v.cannot_send = false;
        v.at_end = true;
      }
    } else if (i == 5) {
      // TRANSLATORS: Button in a conversation: propose a day and a time of
      // day to meet, chosen with pictures as in a request.
      const std::string label = std::string("📅 ") + std::string(s.text(msg("Suggest a day")));
      if (small_button(c, "quick-day", label, r) && conversation) action = Action::ProposeDay;
    } else {
      // TRANSLATORS: Button: open the keyboard to write a reply.
      const std::string label = std::string("⌨️ ") + std::string(s.text(msg("Write")));
      if (small_button(c, "write", label, r) && conversation) {
        v.composing = true;
        ui.needs_frame = true;
      }
    }
  }
  return action;
}

}  // namespace ih::kiosk
