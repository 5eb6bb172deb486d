#include "kiosk/screens/request_pages.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "kiosk/categories.h"
#include "kiosk/screens/picture_tile.h"
#include "kiosk/screens/request_wizard.h"
#include "render/text_draw.h"

namespace ih::kiosk {

namespace {

using i18n::msg;

Rect bottom_cell(const PageContext& c, int i, int count) {
  const i18n::Span x = i18n::cell(c.direction(), content(c), i, count, c.m.gap);
  const float bottom = c.area.max.y - c.m.margin;
  return {ImVec2(x.left, bottom - c.m.button), ImVec2(x.right(), bottom)};
}

const char* picture_of(const RequestInfo& r) {
  const Category* cat = find_category(r.request.category);
  return cat ? cat->picture.c_str() : "❓";
}

// A line with a picture at its start and `text` after it; returns the y below.
// How high a picture_line() of `text` at `size` is.
float picture_line_height(PageContext& c, std::string_view text, float size) {
  render::UiContext& ui = c.frame.ui;
  const float side = std::round(size * 1.6f);
  const float room = content(c).width - side - c.m.gap;
  return std::max(
      side, ui.engine.layout(text, {size, ui.language, ui.direction}, {.max_width = room})->height);
}

float picture_line(PageContext& c, std::string_view picture, std::string_view text, float y,
                   float size, std::optional<ImU32> colour = {}) {
  render::UiContext& ui = c.frame.ui;
  const i18n::Span box = content(c);
  const float side = std::round(size * 1.6f);
  const float room = box.width - side - c.m.gap;
  const auto layout =
      ui.engine.layout(text, {size, ui.language, ui.direction}, {.max_width = room});
  readable(c, text);
  const float h = std::max(side, layout->height);
  draw_picture(c, picture, size * 1.2f,
               ImVec2(i18n::at_start(c.direction(), box, side) + side / 2, y + h / 2));
  render::draw_layout(*ImGui::GetWindowDrawList(), ui.atlas, *layout,
                      ImVec2(i18n::at_start(c.direction(), box, room, side + c.m.gap),
                             std::round(y + (h - layout->height) / 2)),
                      colour.value_or(ui.theme.text));
  return y + h;
}

struct StateLook {
  const char* picture;
  std::string_view text;
};

StateLook look_of(const i18n::Localizer& s, RequestState state) {
  switch (state) {
    case RequestState::Waiting:
      // TRANSLATORS: My requests: the request is still on this terminal, not
      // yet sent to the platform.
      return {"⏳", s.text(msg("Waiting to be sent"))};
    case RequestState::Open:
      // TRANSLATORS: My requests: the platform has the request; no helper has answered yet.
      return {"📬", s.text(msg("request state", "Open"))};
    case RequestState::Answered:
      // TRANSLATORS: My requests: a helper answered the request.
      return {"💬", s.text(msg("A helper answered"))};
    case RequestState::Withdrawn:
      // TRANSLATORS: My requests: the person withdrew the request.
      return {"🚫", s.text(msg("Withdrawn"))};
  }
  return {"❓", {}};
}

}  // namespace

std::optional<Action> draw_request_sent(PageContext& c, const SentStatus& status) {
  const i18n::Localizer& s = c.frame.strings;
  render::UiContext& ui = c.frame.ui;
  std::optional<Action> action;
  const Category* cat = find_category(status.request.request.category);
  // TRANSLATORS: Heading after a request for help was made.
  const std::string_view heading = s.text(msg("Your request"));
  std::string what = cat ? std::string(category_label(s, *cat)) : status.request.request.category;
  what += " · " + when_text(s, status.request.request);
  // What became of it, a picture to each line.
  std::vector<std::pair<const char*, std::string>> lines;
  // TRANSLATORS: After a request was made: it is stored on this terminal (in
  // the encrypted outbox) and will not be lost.
  lines.emplace_back("✅", s.text(msg("Saved on this terminal.")));
  if (status.delivered) {
    // TRANSLATORS: After a request was made: the platform has received it.
    lines.emplace_back("✅", s.text(msg("Sent.")));
    if (status.fitting) {
      lines.emplace_back(
          "🤝",
          *status.fitting == 0
              // TRANSLATORS: After a request was sent: no helper near the town
              // speaks the language and offers this kind of help yet.
              ? std::string(s.text(msg("No helper nearby fits yet. New helpers will see it.")))
              // TRANSLATORS: After a request was sent: how many helpers near
              // the town speak the language and offer this kind of help.
              : s.format(msg("Helpers nearby who fit: {count}"), {{"count", *status.fitting}}));
    }
  } else if (status.online) {
    // TRANSLATORS: After a request was made: the terminal is sending it now.
    lines.emplace_back("⏳", s.text(msg("Sending…")));
  } else {
    // TRANSLATORS: After a request was made while the terminal is offline.
    lines.emplace_back("⏳", s.text(msg("It will be sent when this terminal is online. You can "
                                       "leave now.")));
  }

  // Everything above the bottom row: smaller together where it would not fit
  // (a portrait screen's reach band with large text).
  const i18n::Span box = content(c);
  const float top = c.area.min.y + c.m.margin;
  const float bottom = bottom_cell(c, 0, 2).min.y - c.m.gap;
  const auto height_at = [&](float k) {
    const float picture = std::round(c.m.button * 1.2f * k);
    const float beside = ui.engine
                             .layout(what, {std::round(c.m.body * k), ui.language, ui.direction},
                                     {.max_width = box.width - picture - c.m.gap})
                             ->height;
    float h = ui.engine
                  .layout(heading, {std::round(c.m.title * k), ui.language, ui.direction},
                          {.max_width = box.width})
                  ->height +
              c.m.gap + std::max(picture, beside) + c.m.gap;
    for (const auto& line : lines)
      h += picture_line_height(c, line.second, std::round(c.m.body * k)) + c.m.gap / 2;
    return h;
  };
  const float k = share_that_fits([&](float share) { return top + height_at(share) <= bottom; });

  float y = page_text(c, heading, top, std::round(c.m.title * k)) + c.m.gap;
  const float picture = std::round(c.m.button * 1.2f * k);
  const float body = std::round(c.m.body * k);
  {
    // The picture and what was asked for beside it, on one row as high as
    // the taller of the two.
    const float room = box.width - picture - c.m.gap;
    const auto layout =
        ui.engine.layout(what, {body, ui.language, ui.direction}, {.max_width = room});
    const float row = std::max(picture, layout->height);
    readable(c, what);
    draw_picture(c, picture_of(status.request), picture * 0.8f,
                 ImVec2(i18n::at_start(c.direction(), box, picture) + picture / 2, y + row / 2));
    render::draw_layout(*ImGui::GetWindowDrawList(), ui.atlas, *layout,
                        ImVec2(i18n::at_start(c.direction(), box, room, picture + c.m.gap),
                               std::round(y + (row - layout->height) / 2)),
                        ui.theme.text);
    y += row + c.m.gap;
  }
  for (const auto& [sign, text] : lines) y = picture_line(c, sign, text, y, body) + c.m.gap / 2;
  // TRANSLATORS: Button: back to the person's home screen.
  if (page_button(c, "home", s.text(msg("Home")), bottom_cell(c, 0, 2))) action = Action::Back;
  if (page_button(c, "my-requests", s.text(msg("My requests")), bottom_cell(c, 1, 2)))
    action = Action::OpenRequests;
  return action;
}

namespace {

std::optional<Action> draw_confirm(PageContext& c, RequestListPage& page, const RequestInfo& r) {
  const i18n::Localizer& s = c.frame.strings;
  // TRANSLATORS: Question before a request is withdrawn; the request's picture
  // and yes and no icons are shown with it.
  float y = page_heading(c, s.text(msg("Withdraw this request?")), c.area.min.y + c.m.margin);
  const float bottom = c.area.max.y - c.m.margin;
  const i18n::Span box = content(c);
  const float answers_h = std::round(std::max(c.m.button * 1.6f, 2 * render::kMinTouchTarget));
  const float picture_h = bottom - answers_h - c.m.gap * 2 - y;
  const float side = std::max(render::kMinTouchTarget, std::min(picture_h, box.width * 0.5f));
  draw_picture(c, picture_of(r), side * 0.6f,
               ImVec2(box.left + box.width / 2, y + c.m.gap + picture_h / 2));
  const Category* cat = find_category(r.request.category);
  if (cat) {
    render::UiContext& ui = c.frame.ui;
    const auto label =
        ui.engine.layout(category_label(s, *cat), {c.m.body, ui.language, ui.direction},
                         {.max_width = box.width, .align = render::Align::Center});
    readable(c, category_label(s, *cat));
    render::draw_layout(*ImGui::GetWindowDrawList(), ui.atlas, *label,
                        ImVec2(box.left, std::round(y + c.m.gap + picture_h * 0.85f)),
                        ui.theme.text);
  }
  std::optional<Action> action;
  const auto cell = [&](int i) {
    const i18n::Span x = i18n::cell(c.direction(), box, i, 2, c.m.gap * 2);
    return Rect{ImVec2(x.left, bottom - answers_h), ImVec2(x.right(), bottom)};
  };
  // TRANSLATORS: Under the red cross icon: do not withdraw the request.
  if (answer_button(c, "no", Answer::No, s.text(msg("No")), cell(0))) page.confirm.reset();
  // TRANSLATORS: Under the green tick icon: yes, withdraw the request.
  if (answer_button(c, "yes", Answer::Yes, s.text(msg("Yes")), cell(1))) {
    action = Action{Action::WithdrawRequest, r.id};
    page.confirm.reset();
  }
  return action;
}

}  // namespace

std::optional<Action> draw_my_requests(PageContext& c, RequestListPage& page,
                                       std::span<const RequestInfo> items, int64_t waiting_before,
                                       bool loading) {
  const i18n::Localizer& s = c.frame.strings;
  render::UiContext& ui = c.frame.ui;
  if (page.confirm) {
    const auto it = std::find_if(items.begin(), items.end(),
                                 [&](const RequestInfo& r) { return r.id == *page.confirm; });
    if (it != items.end()) return draw_confirm(c, page, *it);
    page.confirm.reset();
  }
  std::optional<Action> action;
  float y = page_heading(c, s.text(msg("My requests")), c.area.min.y + c.m.margin);
  if (waiting_before > 0)
    y = page_note(c,
                  s.format(
                      // TRANSLATORS: My requests: how many requests made at earlier
                      // visits still wait on this terminal to be sent.
                      msg("Requests from earlier visits waiting to be sent: {count}"),
                      {{"count", waiting_before}}),
                  y + c.m.gap / 2, false);
  if (items.empty())
    y = page_note(c,
                  loading
                      // TRANSLATORS: My requests: the list is being fetched from the platform.
                      ? s.text(msg("Loading…"))
                      // TRANSLATORS: My requests: the person has made no request yet.
                      : s.text(msg("You have no requests yet.")),
                  y + c.m.gap / 2, false);
  const i18n::Span box = content(c);
  const float bottom = c.area.max.y - c.m.margin;
  const Rect view{ImVec2(box.left, y + c.m.gap),
                  ImVec2(box.right(), bottom - c.m.button - c.m.gap)};
  // Two lines of text in the UI language's script (Nastaliq's are tall), or a
  // main button's height and a tenth, whichever is more.
  const float line_h =
      ui.engine
          .layout(look_of(s, RequestState::Waiting).text, {c.m.body, ui.language, ui.direction})
          ->height;
  const float row_h = std::round(std::max(c.m.button * 1.1f, 2 * line_h + c.m.gap));
  ImDrawList& list = *ImGui::GetWindowDrawList();
  // TRANSLATORS: Button beside a request in My requests: take it back.
  const std::string_view withdraw = s.text(msg("Withdraw"));
  const float button_w = std::round(std::max(c.m.button * 2.0f, box.width * 0.22f));
  // One column that scrolls, with a bar along the end edge when it holds
  // more than the view.
  scroll_grid(c, view, items.size(), {1, row_h}, page.scroll, [&](size_t i, const Rect& row) {
    const RequestInfo& r = items[i];
    const float top = row.min.y;
    const i18n::Span row_box{row.min.x, row.width()};
    list.AddRectFilled(row.min, row.max, ui.theme.tile, 12.0f);
    const float pic = row_h;
    draw_picture(c, picture_of(r), pic * 0.6f,
                 ImVec2(i18n::at_start(c.direction(), row_box, pic) + pic / 2, top + row_h / 2));
    const bool can_withdraw = r.state == RequestState::Waiting || r.state == RequestState::Open;
    const float room = row.width() - pic - c.m.gap - (can_withdraw ? button_w + c.m.gap : 0);
    const float text_x = i18n::at_start(c.direction(), row_box, room, pic + c.m.gap);
    const Category* cat = find_category(r.request.category);
    std::string first = cat ? std::string(category_label(s, *cat)) : r.request.category;
    first += " · " + when_text(s, r.request, i18n::DateStyle::Medium) + " · " +
             std::string(part_label(s, r.request.part_of_day));
    const auto line1 = ui.engine.layout(first, {c.m.body, ui.language, ui.direction},
                                        {.max_width = room, .ellipsis = true});
    const StateLook look = look_of(s, r.state);
    const std::string second = std::string(look.picture) + " " + std::string(look.text);
    const auto line2 = ui.engine.layout(second, {c.m.body, ui.language, ui.direction},
                                        {.max_width = room, .ellipsis = true});
    const float words = line1->height + line2->height;
    const float ty = std::round(top + (row_h - words) / 2);
    readable(c, first);
    readable(c, look.text);
    render::draw_layout(list, ui.atlas, *line1, ImVec2(text_x, ty), ui.theme.text);
    render::draw_layout(list, ui.atlas, *line2, ImVec2(text_x, std::round(ty + line1->height)),
                        r.state == RequestState::Withdrawn ? ui.theme.muted_text : ui.theme.text);
    if (can_withdraw) {
      const float bx = i18n::at_end(c.direction(), row_box, button_w, c.m.gap / 2);
      const float bh = std::min(row_h - c.m.gap, c.m.button);
      const Rect b{ImVec2(bx, std::round(top + (row_h - bh) / 2)),
                   ImVec2(bx + button_w, std::round(top + (row_h + bh) / 2))};
      const std::string id = "withdraw-" + r.id;
      if (page_button(c, id.c_str(), withdraw, b)) page.confirm = r.id;
    }
  });
  if (page_button(c, "back", s.text(msg("Back")), bottom_cell(c, 0, 2))) action = Action::Back;
  // TRANSLATORS: Button on My requests: make a new request for help.
  if (page_button(c, "new-request", s.text(msg("I need help")), bottom_cell(c, 1, 2)))
    action = Action::NewRequest;
  return action;
}

}  // namespace ih::kiosk
