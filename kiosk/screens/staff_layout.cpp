// The staff pages' layout (staff_pages.h): the bottom row, the message to
// staff, the staff tile, and the clock's text.
#include <algorithm>
#include <cmath>

#include "i18n/language.h"
#include "kiosk/screens/staff_pages.h"
#include "render/text_draw.h"
#include "render/text_field.h"
#include "render/touch.h"

namespace ih::kiosk::staff {

void redraw_by(PageContext& c, Clock::time_point at) {
  kiosk::redraw_by(c.frame, at);
}

// "4:07": minutes and seconds, in the UI language's digits.
std::string clock_text(const i18n::Localizer& s, Clock::duration d) {
  const int64_t total = std::chrono::ceil<std::chrono::seconds>(d).count();
  const int64_t seconds = total % 60;
  const i18n::LocaleFormat& f = s.formats();
  return f.number(total / 60) + ":" + (seconds < 10 ? f.number(int64_t{0}) : "") +
         f.number(seconds);
}

namespace {

Rect bottom_cell(const PageContext& c, int i, int count) {
  const i18n::Span x = i18n::cell(c.direction(), content(c), i, count, c.m.gap);
  const float bottom = c.area.max.y - c.m.margin;
  return {ImVec2(x.left, bottom - c.m.button), ImVec2(x.right(), bottom)};
}

}  // namespace

bool landscape(const PageContext& c) {
  return c.frame.size.x > c.frame.size.y;
}

// The bottom row of a page: Back at the start (i = 0), the page's action at
// the end (i = 1). In landscape they take a quarter of the width each and the
// message to staff goes between them; in portrait, where the row is narrow,
// they share it and the message goes above.
Rect bottom_button(const PageContext& c, int i) {
  if (!landscape(c)) return bottom_cell(c, i, 2);
  const i18n::Span box = content(c);
  const float w = std::round(box.width / 4);
  const float x =
      i == 0 ? i18n::at_start(c.direction(), box, w) : i18n::at_end(c.direction(), box, w);
  const float bottom = c.area.max.y - c.m.margin;
  return {ImVec2(x, bottom - c.m.button), ImVec2(x + w, bottom)};
}

Rect message_box(const PageContext& c) {
  const i18n::Span box = content(c);
  const float bottom = c.area.max.y - c.m.margin;
  if (landscape(c)) {
    const float w = std::round(box.width / 4) + c.m.gap;
    return {ImVec2(box.left + w, bottom - c.m.button), ImVec2(box.right() - w, bottom)};
  }
  const float band = std::round(c.m.body * 2.8f);
  const float top = bottom - c.m.button - c.m.gap - band;
  return {ImVec2(box.left, top), ImVec2(box.right(), top + band)};
}

// Where a page's content must end: above the bottom row and the message.
float content_bottom(const PageContext& c) {
  return landscape(c) ? c.area.max.y - c.m.margin - c.m.button - c.m.gap
                      : message_box(c).min.y - c.m.gap / 2;
}

// A line of running text in the body size; red for an error.
float note(PageContext& c, std::string_view text, float y, bool error) {
  return page_text(c, text, y, c.m.body,
                   error ? std::optional(c.frame.ui.theme.error) : std::nullopt);
}

// Pixels `text` needs on a page_button of `height`, with room around it.
float button_width(PageContext& c, std::string_view text, float height) {
  render::UiContext& ui = c.frame.ui;
  const auto layout =
      ui.engine.layout(text, {std::round(c.m.button * 0.36f), ui.language, ui.direction});
  return std::max(height * 1.5f, std::ceil(layout->width) + 2 * c.m.gap);
}

// A tile that is on or off: on, it is filled and carries a check mark at its
// end corner, so the state shows in shape and not only in colour. True when
// released over it.
bool toggle(PageContext& c, const std::string& id, std::string_view text, std::string_view language,
            bool on, Rect r) {
  render::UiContext& ui = c.frame.ui;
  c.controls[id] = r;
  const render::Touch touch = render::touch_target(id.c_str(), r.min, r.size());
  const bool released = touch.acted;
  const bool held = touch.pressed;
  ImDrawList& list = *ImGui::GetWindowDrawList();
  const float radius = std::round(r.height() * 0.12f);
  const ImU32 fill = held ? ui.theme.button_pressed : on ? ui.theme.button : ui.theme.background;
  render::framed_box(list, r.min, r.max, fill, ui.theme.button, 3.0f, radius);
  const float mark = std::round(r.height() * 0.22f);
  const bool rtl = c.direction() == i18n::Direction::Rtl;
  // Text between the start edge and the check mark's room at the end.
  const float pad = std::round(r.height() * 0.18f);
  const float room = r.width() - 2 * pad - mark - pad / 2;
  const std::string shaping = language.empty() ? ui.language : std::string(language);
  const render::Direction direction =
      i18n::is_rtl(shaping) ? render::Direction::Rtl : render::Direction::Ltr;
  float size = std::round(std::min(r.height() * 0.36f, c.m.body));
  // A long name on a narrow tile gets smaller type before it loses letters.
  const float natural = ui.engine.layout(text, {size, shaping, direction})->width;
  if (natural > room) size = std::max(16.0f, std::floor(size * room / natural));
  const auto layout =
      ui.engine.layout(text, {size, shaping, direction},
                       {.max_width = room, .align = render::Align::Center, .ellipsis = true});
  // The text's box, centred in it: from the start edge to the check mark.
  const float x = rtl ? r.max.x - pad - room : r.min.x + pad;
  const float y = std::round(r.min.y + (r.height() - layout->height) / 2);
  render::draw_layout(list, ui.atlas, *layout, ImVec2(std::round(x), y),
                      on || held ? ui.theme.button_text : ui.theme.text);
  if (on) {
    // A check mark: a short stroke down, a long one up, at the end edge.
    const float cx = rtl ? r.min.x + pad + mark / 2 : r.max.x - pad - mark / 2;
    const float cy = r.centre().y;
    const ImVec2 points[] = {ImVec2(cx - mark * 0.5f, cy),
                             ImVec2(cx - mark * 0.15f, cy + mark * 0.35f),
                             ImVec2(cx + mark * 0.5f, cy - mark * 0.4f)};
    list.AddPolyline(points, 3, ui.theme.button_text, 0, std::max(3.0f, mark * 0.16f));
  }
  return released;
}

// A message to staff (an outcome, progress, a problem), kept for tests: at
// `y` on the PIN page, in the message box (message_box()) elsewhere.
float say_at(StaffForms& forms, PageContext& c, std::string_view text, float y, bool error) {
  forms.message = std::string(text);
  return note(c, text, y, error);
}

void say(StaffForms& forms, PageContext& c, std::string_view text, bool error) {
  forms.message = std::string(text);
  render::UiContext& ui = c.frame.ui;
  const Rect box = message_box(c);
  const float full = landscape(c) ? std::round(c.m.body * 0.85f) : c.m.body;
  // An error says so by its sign too, not by its colour alone.
  const std::string shown = error ? "⚠ " + std::string(text) : std::string(text);
  const render::LayoutOptions options{
      .max_width = box.width(),
      .align = landscape(c) ? render::Align::Center : render::Align::Start};
  // Smaller, down to half, where a long message in a tall script would
  // leave its box.
  const auto layout_at = [&](float share) {
    return ui.engine.layout(shown, {std::round(full * share), ui.language, ui.direction}, options);
  };
  const auto layout = layout_at(
      share_that_fits([&](float share) { return layout_at(share)->height <= box.height(); }));
  const float y = std::round(box.min.y + std::max(0.0f, box.height() - layout->height) / 2);
  render::draw_layout(*ImGui::GetWindowDrawList(), ui.atlas, *layout, ImVec2(box.min.x, y),
                      error ? ui.theme.error : ui.theme.text);
}

}  // namespace ih::kiosk::staff
