// The wizard's calendar step (request_wizard.h): a month of the locale's own
// calendar (i18n/calendar_month.h) with arrows to the months after it, the
// weekdays' names, and a tile for each day from today on. Days gone by are
// shown faint and are no targets.
#include <algorithm>
#include <cmath>

#include "kiosk/screens/request_wizard.h"
#include "render/text_draw.h"

namespace ih::kiosk {

void RequestForm::draw_day(PageContext& c, const Rect& view, i18n::CivilDate today) {
  const i18n::Localizer& s = c.frame.strings;
  render::UiContext& ui = c.frame.ui;
  const std::string& locale = s.formats().locale();
  const std::string key = locale + i18n::iso_date(today) + std::to_string(month_offset_);
  if (!month_ || key != month_key_) {
    month_ = i18n::calendar_month(locale, today, month_offset_);
    month_key_ = key;
  }
  const i18n::CalendarMonth& m = *month_;
  // The month's name between arrows to the month before and after; the
  // arrows point along the reading direction (backwards is at the start).
  // The header row is one touch target high: the days get the height.
  const float arrow = std::max(render::kMinTouchTarget, std::round(c.m.body * 1.5f));
  const i18n::Span box{view.min.x, view.width()};
  const bool rtl = c.direction() == i18n::Direction::Rtl;
  const float prev_x = i18n::at_start(c.direction(), box, arrow * 1.5f);
  const float next_x = i18n::at_end(c.direction(), box, arrow * 1.5f);
  const Rect prev{ImVec2(prev_x, view.min.y), ImVec2(prev_x + arrow * 1.5f, view.min.y + arrow)};
  const Rect next{ImVec2(next_x, view.min.y), ImVec2(next_x + arrow * 1.5f, view.min.y + arrow)};
  if (month_offset_ > 0 && page_button(c, "month-before", rtl ? "▶" : "◀", prev)) {
    --month_offset_;
    scroll_ = 0;
  }
  if (month_offset_ < 11 && page_button(c, "month-after", rtl ? "◀" : "▶", next)) {
    ++month_offset_;
    scroll_ = 0;
  }
  const auto title =
      ui.engine.layout(m.title, {c.m.body, ui.language, ui.direction},
                       {.max_width = view.width() - 3 * arrow, .align = render::Align::Center});
  ImDrawList& list = *ImGui::GetWindowDrawList();
  render::draw_layout(list, ui.atlas, *title,
                      ImVec2(std::round(view.min.x + 1.5f * arrow),
                             std::round(view.min.y + (arrow - title->height) / 2)),
                      ui.theme.text);
  // The weekdays' names, then the days in week rows. Weeks that are over
  // hold no target and are left out, so the rest get the height; where the
  // weeks still need more than the view, they scroll.
  const float top = view.min.y + arrow + c.m.gap / 2;
  const float gap = std::round(c.m.gap * 0.4f);
  // The weekdays' names take the height their script needs (Nastaliq's is
  // tall), at least a line and a third of body text.
  const float small = std::round(c.m.body * 0.8f);
  std::shared_ptr<const render::Layout> names[7];
  float names_h = std::round(c.m.body * 1.3f);
  for (int col = 0; col < 7; ++col) {
    const i18n::Span x = i18n::cell(c.direction(), box, col, 7, gap);
    names[col] =
        ui.engine.layout(m.weekdays[static_cast<size_t>(col)], {small, ui.language, ui.direction},
                         {.max_width = x.width, .align = render::Align::Center});
    names_h = std::max(names_h, std::ceil(names[col]->height + gap));
  }
  int first_row = 0;
  for (const i18n::CalendarDay& d : m.days)
    if (d.date < today) first_row = std::max(first_row, d.column == 6 ? d.row + 1 : d.row);
  const int rows = std::max(1, m.rows - first_row);
  const Rect days_view{ImVec2(view.min.x, top + names_h), view.max};
  // As high as the rows can be, no higher than a main button (a month stays
  // one compact block) and no lower than a touch target.
  const float cell_h =
      std::clamp(std::floor((days_view.height() - static_cast<float>(rows - 1) * gap) /
                            static_cast<float>(rows)),
                 render::kMinTouchTarget, std::max(render::kMinTouchTarget, c.m.button));
  for (int col = 0; col < 7; ++col) {
    const i18n::Span x = i18n::cell(c.direction(), box, col, 7, gap);
    render::draw_layout(list, ui.atlas, *names[col], ImVec2(x.left, std::round(top)),
                        ui.theme.muted_text);
  }
  scroll_list(c, days_view, static_cast<float>(rows) * (cell_h + gap) - gap, scroll_);
  ImGui::PushClipRect(days_view.min, days_view.max, true);
  for (const i18n::CalendarDay& d : m.days) {
    if (d.row < first_row) continue;
    const i18n::Span x = i18n::cell(c.direction(), box, d.column, 7, gap);
    const float y = std::round(days_view.min.y +
                               static_cast<float>(d.row - first_row) * (cell_h + gap) - scroll_);
    const Rect r{ImVec2(x.left, y), ImVec2(x.right(), y + cell_h)};
    // Only whole days are targets: one cut by the view's edge waits for a scroll.
    if (r.min.y < days_view.min.y - 0.5f || r.max.y > days_view.max.y + 0.5f) continue;
    const bool past = d.date < today;
    const std::string id = "day-" + i18n::iso_date(d.date);
    if (past) {
      // A day gone by cannot be chosen: shown faint, not a target.
      const auto label = ui.engine.layout(d.label, {c.m.body, ui.language, ui.direction},
                                          {.max_width = r.width(), .align = render::Align::Center});
      render::draw_layout(list, ui.atlas, *label,
                          ImVec2(r.min.x, std::round(r.min.y + (r.height() - label->height) / 2)),
                          ui.theme.muted_text);
      continue;
    }
    const bool on = when_ == When::Day && d.date == day_;
    if (page_toggle(c, id, d.label, ui.language, on, r, false)) {
      day_ = d.date;
      when_ = When::Day;
      step_ = Step::Part;
    }
  }
  ImGui::PopClipRect();
}

}  // namespace ih::kiosk
