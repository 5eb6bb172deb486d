#include "kiosk/screens/pages.h"

#include <cmath>
#include <vector>

#include "kiosk/qr_code.h"
#include "render/text_draw.h"
#include "render/touch.h"

namespace ih::kiosk {

namespace {

using i18n::msg;

// A row of `count` equal buttons at the bottom of the area, from the start edge.
Rect bottom_cell(const PageContext& c, int i, int count) {
  const i18n::Span x = i18n::cell(c.direction(), content(c), i, count, c.m.gap);
  const float bottom = c.area.max.y - c.m.margin;
  return {ImVec2(x.left, bottom - c.m.button), ImVec2(x.right(), bottom)};
}

}  // namespace

std::optional<Action> draw_privacy(PageContext& c) {
  const i18n::Localizer& s = c.frame.strings;
  std::optional<Action> action;
  // TRANSLATORS: Heading of the privacy notice shown before anything is asked.
  const std::string_view heading = s.text(msg("Your data"));
  const std::string_view paragraphs[] = {
      // TRANSLATORS: Privacy notice, first paragraph. Plain words, short sentences.
      s.text(msg("We ask only for what helpers need: a first name or nickname, the languages you "
                 "speak, your town, and a PIN. A phone number is optional.")),
      // TRANSLATORS: Privacy notice, second paragraph.
      s.text(msg("It is sent encrypted to ichhelfe.jetzt and then deleted from this terminal. "
                 "Only helpers who answer your request see your first name.")),
      // TRANSLATORS: Privacy notice, third paragraph.
      s.text(msg("When you leave, everything about you is erased from this terminal.")),
  };
  std::vector<PageBlock> blocks = {{heading, c.m.title, {}, c.m.gap}};
  for (const std::string_view paragraph : paragraphs)
    blocks.push_back({paragraph, c.m.body, {}, c.m.gap});
  page_blocks(c, blocks, c.area.min.y + c.m.margin, bottom_cell(c, 0, 2).min.y - c.m.gap);
  // TRANSLATORS: Button: go back to the previous screen.
  if (page_button(c, "back", s.text(msg("Back")), bottom_cell(c, 0, 2))) action = Action::Back;
  // TRANSLATORS: Button under the privacy notice.
  if (page_button(c, "accept", s.text(msg("I agree")), bottom_cell(c, 1, 2)))
    action = Action::AcceptNotice;
  return action;
}

std::optional<Action> draw_start(PageContext& c) {
  const i18n::Localizer& s = c.frame.strings;
  std::optional<Action> action;
  const std::string_view heading =
      // TRANSLATORS: Heading of the screen where a person says whether they
      // have used ichhelfe.jetzt before.
      s.text(msg("How do you want to start?"));
  const float y = page_heading(c, heading, c.area.min.y + c.m.margin);
  // Two large choices side by side in landscape, one above the other in portrait.
  const i18n::Span box = content(c);
  const float bottom = c.area.max.y - c.m.margin * 2 - c.m.button;
  const bool landscape = c.frame.size.x > c.frame.size.y;
  Rect first, second;
  const float top = y + c.m.margin;
  if (landscape) {
    const i18n::Span a = i18n::cell(c.direction(), box, 0, 2, c.m.gap * 2);
    const i18n::Span b = i18n::cell(c.direction(), box, 1, 2, c.m.gap * 2);
    first = {ImVec2(a.left, top), ImVec2(a.right(), bottom)};
    second = {ImVec2(b.left, top), ImVec2(b.right(), bottom)};
  } else {
    const float h = (bottom - top - c.m.gap * 2) / 2;
    first = {ImVec2(box.left, top), ImVec2(box.right(), top + h)};
    second = {ImVec2(box.left, top + h + c.m.gap * 2), ImVec2(box.right(), bottom)};
  }
  // TRANSLATORS: Large button for a person who has no profile yet.
  if (page_button(c, "new", s.text(msg("I am new")), first)) action = Action::NewProfile;
  // TRANSLATORS: Large button for a person who has a personal code already.
  if (page_button(c, "have-code", s.text(msg("I have a code")), second)) action = Action::HaveCode;
  if (page_button(c, "back", s.text(msg("Back")), bottom_cell(c, 0, 2))) action = Action::Back;
  return action;
}

std::optional<Action> draw_code(PageContext& c, std::string_view code) {
  const i18n::Localizer& s = c.frame.strings;
  render::UiContext& ui = c.frame.ui;
  std::optional<Action> action;
  // TRANSLATORS: Heading over the code a person gets when they create a
  // profile; they log in with it again.
  float y = page_heading(c, s.text(msg("Your personal code")), c.area.min.y + c.m.margin);
  const i18n::Span box = content(c);
  const bool landscape = c.frame.size.x > c.frame.size.y;
  const float bottom = c.area.max.y - c.m.margin * 2 - c.m.button;
  // The text at the start (the whole width in portrait), the QR code beside
  // it at the end (under it in portrait).
  const float text_width = landscape ? std::round(box.width * 0.55f) : box.width;
  const float text_x = i18n::at_start(c.direction(), box, text_width);
  // The code is Latin letters and digits in every language: left to right,
  // isolated from the page's direction.
  const auto big =
      ui.engine.layout(code, {std::round(c.m.title * 1.7f), "en", render::Direction::Ltr});
  ImDrawList& list = *ImGui::GetWindowDrawList();
  y += c.m.gap;
  const float code_x =
      c.direction() == i18n::Direction::Rtl ? text_x + text_width - big->width : text_x;
  render::draw_layout(list, ui.atlas, *big, ImVec2(std::round(code_x), y), ui.theme.text);
  y += big->height + c.m.gap;
  ImGui::SetCursorScreenPos(ImVec2(text_x, y));
  const std::string_view photo =
      // TRANSLATORS: Under the personal code and its QR code.
      s.text(msg("Take a photo of the code. With it and your PIN you "
                 "can log in again on any terminal."));
  // The code itself is not read aloud: others stand near a public terminal.
  readable(c, photo);
  render::label(ui, photo, text_width, {.size = c.m.body});
  y = ImGui::GetCursorScreenPos().y + c.m.gap;

  if (std::optional<QrCode> qr = make_qr(code)) {
    // Four modules of quiet zone around it, as the standard asks.
    const int modules = qr->size + 8;
    const float room_x = landscape ? box.width - text_width - c.m.gap * 2 : box.width;
    const float top = landscape ? c.area.min.y + c.m.margin : y;
    const float room_y = bottom - top;
    const float unit = std::floor(std::min(room_x, room_y) / static_cast<float>(modules));
    const float side = unit * static_cast<float>(modules);
    const float x = landscape ? i18n::at_end(c.direction(), box, side)
                              : std::round(box.left + (box.width - side) / 2);
    list.AddRectFilled(ImVec2(x, top), ImVec2(x + side, top + side), c.frame.ui.theme.qr_light);
    for (int row = 0; row < qr->size; ++row)
      for (int col = 0; col < qr->size; ++col)
        if (qr->dark(col, row)) {
          const ImVec2 m(x + unit * static_cast<float>(col + 4),
                         top + unit * static_cast<float>(row + 4));
          list.AddRectFilled(m, ImVec2(m.x + unit, m.y + unit), c.frame.ui.theme.qr_dark);
        }
    wipe_qr(*qr);
  }
  // TRANSLATORS: Button: go on to the next screen.
  if (page_button(c, "continue", s.text(msg("Continue")), bottom_cell(c, 1, 2)))
    action = Action::Continue;
  return action;
}

namespace {

// What the person is told about entries of one kind that did not arrive.
std::string not_arrived_text(const i18n::Localizer& s, const NotArrived& n) {
  switch (n.kind) {
    case EntryKind::Request:
      // TRANSLATORS: Home screen, after login: requests for help the person
      // made on this terminal that the platform refused; {count} how many.
      return s.format(msg("{count, plural, one {A request for help you made here did not arrive.} "
                          "other {# requests for help you made here did not arrive.}} Please make "
                          "it again, or ask staff for help."),
                      {{"count", n.count}});
    case EntryKind::Message:
      // TRANSLATORS: Home screen, after login: messages the person wrote on
      // this terminal that the platform refused; {count} how many.
      return s.format(msg("{count, plural, one {A message you wrote here did not arrive.} other {# "
                          "messages you wrote here did not arrive.}} Please write it again, or "
                          "ask staff for help."),
                      {{"count", n.count}});
    case EntryKind::Withdrawal:
    case EntryKind::Profile:
    case EntryKind::Other:
      break;
  }
  return std::string(
      // TRANSLATORS: Home screen, after login: something the person entered
      // on this terminal was refused by the platform (a profile, a withdrawn
      // request, or an entry of another kind than requests and messages).
      s.text(msg("Something you entered here did not arrive. Please ask staff for help.")));
}

}  // namespace

std::optional<Action> draw_home(PageContext& c, std::string_view name,
                                std::span<const NotArrived> not_arrived, int64_t unread) {
  const i18n::Localizer& s = c.frame.strings;
  std::optional<Action> action;
  // TRANSLATORS: Heading of a person's home screen; {name} is the name or
  // nickname they chose.
  const std::string hello = s.format(msg("Hello, {name}!"), {{"name", name}});
  float y = page_heading(c, hello, c.area.min.y + c.m.margin);
  for (const NotArrived& n : not_arrived)
    y = page_note(c, not_arrived_text(s, n), y + c.m.gap / 2, true);
  const i18n::Span box = content(c);
  const float top = y + c.m.margin;
  const float bottom = c.area.max.y - c.m.margin;
  const bool landscape = c.frame.size.x > c.frame.size.y;
  struct Tile {
    const char* id;
    std::string_view text;
    Action action;
  };
  const Tile tiles[] = {
      // TRANSLATORS: Home screen tile: the requests for help the person has made.
      {"requests", s.text(msg("My requests")), Action::OpenRequests},
      // TRANSLATORS: Home screen tile: conversations with helpers.
      {"messages", s.text(msg("My messages")), Action::OpenMessages},
      // TRANSLATORS: Home screen tile: make a new request for help.
      {"new-request", s.text(msg("I need help")), Action::NewRequest},
  };
  for (int i = 0; i < 3; ++i) {
    Rect r;
    if (landscape) {
      const i18n::Span x = i18n::cell(c.direction(), box, i, 3, c.m.gap * 2);
      r = {ImVec2(x.left, top), ImVec2(x.right(), bottom)};
    } else {
      const float h = (bottom - top - c.m.gap * 4) / 3;
      const float t = top + static_cast<float>(i) * (h + c.m.gap * 2);
      r = {ImVec2(box.left, t), ImVec2(box.right(), t + h)};
    }
    if (page_button(c, tiles[i].id, tiles[i].text, r)) action = tiles[i].action;
    // New messages show on their tile, in its top end corner.
    if (tiles[i].action == Action::OpenMessages && unread > 0) {
      const float inset = std::round(c.m.gap * 0.8f);
      count_badge(c, unread, {r.min.x, r.width()}, inset, r.min.y + inset + c.m.body * 0.8f, true);
    }
  }
  return action;
}

std::optional<Action> draw_idle_warning(PageContext& c, std::chrono::seconds left) {
  const i18n::Localizer& s = c.frame.strings;
  render::UiContext& ui = c.frame.ui;
  c.controls["idle-warning"] = c.area;
  const render::Touch touch = render::touch_target("idle-warning", c.area.min, c.area.size());
  const i18n::Span box = content(c);
  const render::TextStyle heading{c.m.title, ui.language, ui.direction};
  const render::LayoutOptions centred{.max_width = box.width, .align = render::Align::Center};
  // TRANSLATORS: Shown after a while without a touch, before the session ends.
  const auto question = ui.engine.layout(s.text(msg("Are you still there?")), heading, centred);
  const auto number = ui.engine.layout(s.formats().number(static_cast<int64_t>(left.count())),
                                       {c.m.title * 3, ui.language, ui.direction}, centred);
  // TRANSLATORS: Under the countdown of the idle warning.
  const auto hint = ui.engine.layout(s.text(msg("Touch the screen to continue.")),
                                     {c.m.body, ui.language, ui.direction}, centred);
  const float block = question->height + number->height + hint->height + 2 * c.m.gap;
  float y = std::round(c.area.min.y + (c.area.height() - block) / 2);
  ImDrawList& list = *ImGui::GetWindowDrawList();
  render::draw_layout(list, ui.atlas, *question, ImVec2(box.left, y), ui.theme.text);
  y += question->height + c.m.gap;
  render::draw_layout(list, ui.atlas, *number, ImVec2(box.left, y), ui.theme.button);
  y += number->height + c.m.gap;
  render::draw_layout(list, ui.atlas, *hint, ImVec2(box.left, y), ui.theme.text);
  // Pressed, not released: the first touch already counts as being there.
  if (touch.acted || touch.pressed) return Action::KeepSession;
  return std::nullopt;
}

}  // namespace ih::kiosk
