#include "kiosk/screens/conversations.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/message_text.h"
#include "render/text_draw.h"
#include "render/text_field.h"
#include "render/touch.h"

namespace ih::kiosk {

namespace {

using i18n::msg;

constexpr float kRounding = 16.0f;

// One conversation's row at `r`; true when released over it (not dragged).
bool draw_row(PageContext& c, const InboxView& inbox, const Conversation& conversation,
              const Rect& r) {
  const i18n::Localizer& s = c.frame.strings;
  render::UiContext& ui = c.frame.ui;
  const render::Theme& theme = ui.theme;
  const std::string id = "conversation-" + conversation.id;
  c.controls[id] = r;
  const render::Touch touch = render::touch_target(id.c_str(), r.min, r.size());
  const bool released = touch.acted;
  const bool pressed = touch.pressed;
  if (released) ui.needs_frame = true;
  if (!ImGui::IsItemVisible()) return released;

  ImDrawList& list = *ImGui::GetWindowDrawList();
  const bool unread = conversation.unread > 0;
  // Unread shows by a thick border and the badge, not only the fill.
  const float border = unread ? 5.0f : 2.0f;
  render::framed_box(list, r.min, r.max,
                     pressed  ? theme.tile_pressed
                     : unread ? theme.tile_on
                              : theme.tile,
                     unread ? theme.button : theme.quiet_border, border, kRounding);

  const float pad = std::round(c.m.gap * 0.8f);
  const i18n::Span row{r.min.x, r.width()};
  // The picture at the start, a square the row's height.
  const float side = r.height() - 2 * pad;
  const auto picture = ui.engine.layout(conversation.picture,
                                        {std::round(side * 0.7f), "und", render::Direction::Ltr},
                                        {.max_width = side, .align = render::Align::Center});
  const float picture_x = i18n::at_start(c.direction(), row, side, pad);
  render::draw_layout(list, ui.atlas, *picture,
                      ImVec2(picture_x, std::round(r.min.y + (r.height() - picture->height) / 2)),
                      theme.text);
  // The badge at the end: how many are unread.
  float badge = 0;
  if (unread) badge = count_badge(c, conversation.unread, row, pad, r.min.y + r.height() / 2) + pad;
  // The name over the last message, between the two.
  const float text_width = r.width() - side - badge - 3 * pad;
  const float text_x = i18n::at_start(c.direction(), row, text_width, side + 2 * pad);
  const std::string_view name = conversation.helper_name.empty()
                                    // TRANSLATORS: Stands for a helper whose name is not known.
                                    ? s.text(msg("A helper"))
                                    : std::string_view(conversation.helper_name);
  const render::LayoutOptions one_line{
      .max_width = text_width, .align = render::Align::Start, .ellipsis = true};
  // A name or a message reads in its own direction (an Arabic one right to
  // left in a German list), and stands at the start of the row.
  const render::Direction own =
      ui.direction == render::Direction::Rtl ? render::Direction::AutoRtl : render::Direction::Auto;
  const auto name_layout =
      ui.engine.layout(name, {std::round(c.m.body * 1.1f), ui.language, own}, one_line);
  std::shared_ptr<const render::Layout> last_layout;
  if (const ChatMessage* last = last_message(inbox, conversation.id)) {
    const Preview first_line = preview(last->text, 120, 1);
    last_layout = ui.engine.layout(first_line.text,
                                   {std::round(c.m.body * 0.85f), ui.language, own}, one_line);
  }
  const auto at_start = [&](const render::Layout& layout) {
    float left = layout.box_width, right = 0;
    for (const render::Line& line : layout.lines) {
      left = std::min(left, line.x);
      right = std::max(right, line.x + line.width);
    }
    if (left > right) return text_x;
    return std::round(c.direction() == i18n::Direction::Rtl ? text_x + text_width - right
                                                            : text_x - left);
  };
  const float block = name_layout->height + (last_layout ? last_layout->height : 0);
  float y = std::round(r.min.y + (r.height() - block) / 2);
  readable(c, name);
  if (const ChatMessage* last = last_message(inbox, conversation.id)) readable(c, last->text);
  render::draw_layout(list, ui.atlas, *name_layout, ImVec2(at_start(*name_layout), y), theme.text);
  y += name_layout->height;
  if (last_layout)
    render::draw_layout(list, ui.atlas, *last_layout, ImVec2(at_start(*last_layout), y),
                        theme.muted_text);
  return released;
}

}  // namespace

std::optional<Action> draw_conversations(PageContext& c, const InboxView& inbox,
                                         ConversationList& state) {
  const i18n::Localizer& s = c.frame.strings;
  std::optional<Action> action;
  const i18n::Span box = content(c);
  const float top = c.area.min.y + c.m.margin / 2;
  const float width = std::round(std::max(c.m.button * 1.6f, box.width * 0.16f));
  const float back_x = i18n::at_start(c.direction(), box, width);
  // TRANSLATORS: Button: go back to the previous screen.
  if (page_button(c, "back", s.text(msg("Back")),
                  {ImVec2(back_x, top), ImVec2(back_x + width, top + c.m.button)}))
    action = Action::Back;
  // The heading beside Back.
  {
    render::UiContext& ui = c.frame.ui;
    const float heading_width = box.width - width - c.m.gap;
    // TRANSLATORS: Heading of the list of conversations with helpers.
    const auto heading = ui.engine.layout(
        s.text(msg("My messages")), {c.m.title, ui.language, ui.direction},
        {.max_width = heading_width, .align = render::Align::Start, .ellipsis = true});
    render::draw_layout(*ImGui::GetWindowDrawList(), ui.atlas, *heading,
                        ImVec2(i18n::at_end(c.direction(), box, heading_width),
                               std::round(top + (c.m.button - heading->height) / 2)),
                        ui.theme.text);
  }
  float y = top + c.m.button + c.m.gap;
  if (inbox.failed) {
    // TRANSLATORS: Over the list of conversations when the platform could not
    // be reached; what was loaded before is still shown.
    y = page_note(c, s.text(msg("Messages could not be loaded just now. Trying again.")), y, true) +
        c.m.gap / 2;
  }
  if (inbox.conversations.empty()) {
    page_note(c,
              !inbox.loaded
                  // TRANSLATORS: Shown while the conversations are fetched.
                  ? s.text(msg("Loading your messages…"))
                  // TRANSLATORS: The person has no conversations yet.
                  : s.text(msg("No messages yet. When a helper answers your request, you can "
                               "write with them here.")),
              y, false);
    return action;
  }
  const Rect view{ImVec2(box.left, y), ImVec2(box.right(), c.area.max.y - c.m.margin / 2)};
  // A row holds a name and a line of a message in any script: as high as
  // the tallest of the scripts' lines in these sizes (Arabic, Ethiopic and
  // Latin with accents), and the row's padding.
  render::UiContext& ui = c.frame.ui;
  const render::Direction own =
      ui.direction == render::Direction::Rtl ? render::Direction::AutoRtl : render::Direction::Auto;
  constexpr std::string_view kTallest = "Ág شی ሰ";
  const float lines =
      ui.engine.layout(kTallest, {std::round(c.m.body * 1.1f), ui.language, own})->height +
      ui.engine.layout(kTallest, {std::round(c.m.body * 0.85f), ui.language, own})->height;
  const float row_h = std::max({render::kMinTouchTarget, std::round(c.m.body * 3.6f),
                                std::ceil(lines + 2 * c.m.gap * 0.8f)});
  // One column that scrolls, with a bar along the end edge when it holds
  // more than the screen.
  scroll_grid(c, view, inbox.conversations.size(), {1, row_h}, state.offset,
              [&](size_t i, const Rect& r) {
                const Conversation& conversation = inbox.conversations[i];
                if (r.max.y <= view.min.y || r.min.y >= view.max.y) return;
                if (draw_row(c, inbox, conversation, r))
                  action = Action{Action::OpenConversation, conversation.id};
              });
  return action;
}

}  // namespace ih::kiosk
