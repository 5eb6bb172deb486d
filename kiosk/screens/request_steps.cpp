// The wizard's choosing steps (request_wizard.h): the picture grid of
// categories, when, the part of the day, the helper's language, the town, and
// the review in pictures. The calendar is in request_calendar.cpp.
#include <cmath>

#include "i18n/language.h"
#include "kiosk/categories.h"
#include "kiosk/screens/picture_tile.h"
#include "kiosk/screens/request_wizard.h"
#include "kiosk/wipe.h"
#include "render/text_draw.h"

namespace ih::kiosk {

namespace {

using i18n::msg;

constexpr const char* kParts[] = {"morning", "afternoon", "evening"};

}  // namespace

void RequestForm::draw_categories(PageContext& c, const Rect& view) {
  const std::vector<Category>& all = categories().items;
  const bool landscape = c.frame.size.x > c.frame.size.y;
  const GridShape preferred{landscape ? 5 : 3, std::round(c.m.button * 2.2f)};
  std::vector<std::string_view> labels;
  for (const Category& cat : all) labels.push_back(category_label(c.frame.strings, cat));
  const GridShape shape =
      fit_grid(c, view, all.size(), preferred, std::round(c.m.button * 1.4f),
               [&](float width) { return picture_tile_least_height(c, labels, width); });
  scroll_grid(c, view, all.size(), shape, scroll_, [&](size_t i, const Rect& r) {
    const Category& cat = all[i];
    if (picture_tile(c, "category-" + cat.id, cat.picture, category_label(c.frame.strings, cat),
                     category_ == cat.id, r)) {
      category_ = cat.id;
      step_ = Step::When;
      scroll_ = 0;
    }
  });
}

void RequestForm::draw_when(PageContext& c, const Rect& view, i18n::CivilDate today) {
  const i18n::Localizer& s = c.frame.strings;
  struct Choice {
    When when;
    const char* id;
    std::string_view label;
    std::string note;
  };
  const i18n::LocaleFormat& f = s.formats();
  const std::vector<Choice> all = {
      // TRANSLATORS: When help is wanted: today (the date is shown under it).
      {When::Today, "when-today", s.text(msg("Today")),
       f.date(i18n::noon_of(today), i18n::DateStyle::Medium)},
      // TRANSLATORS: When help is wanted: tomorrow (the date is shown under it).
      {When::Tomorrow, "when-tomorrow", s.text(msg("Tomorrow")),
       f.date(i18n::noon_of(i18n::add_days(today, 1)), i18n::DateStyle::Medium)},
      // TRANSLATORS: When help is wanted: any day this week, as soon as possible.
      {When::ThisWeek, "when-week", s.text(msg("This week")), {}},
      // TRANSLATORS: When help is wanted: a day picked on a calendar.
      {When::Day, "when-day", s.text(msg("Another day")), {}},
  };
  // A proposal names a day.
  std::vector<Choice> choices;
  for (const Choice& ch : all)
    if (!proposal_ || ch.when != When::ThisWeek) choices.push_back(ch);
  const bool landscape = c.frame.size.x > c.frame.size.y;
  const size_t count = choices.size();
  const GridShape shape = fit_grid(
      c, view, count, {landscape ? static_cast<int>(count) : 2, std::round(c.m.button * 2.6f)},
      std::round(c.m.button * 1.4f));
  scroll_grid(c, view, count, shape, scroll_, [&](size_t i, const Rect& r) {
    const Choice& ch = choices[i];
    if (picture_tile(c, ch.id, when_picture(ch.when), ch.label, when_ == ch.when, r, ch.note)) {
      when_ = ch.when;
      step_ = ch.when == When::Day ? Step::Day : Step::Part;
      if (ch.when == When::Day && day_ < today) day_ = today;
      scroll_ = 0;
    }
  });
}

void RequestForm::draw_part(PageContext& c, const Rect& view) {
  const bool landscape = c.frame.size.x > c.frame.size.y;
  const GridShape shape = fit_grid(c, view, 3, {landscape ? 3 : 1, std::round(c.m.button * 2.6f)},
                                   std::round(c.m.button * 1.4f));
  scroll_grid(c, view, 3, shape, scroll_, [&](size_t i, const Rect& r) {
    const std::string part = kParts[i];
    if (picture_tile(c, "part-" + part, part_picture(part), part_label(c.frame.strings, part),
                     part_ == part, r)) {
      part_ = part;
      step_ = proposal_ ? Step::Review : Step::Language;
      scroll_ = 0;
    }
  });
}

void RequestForm::draw_languages(PageContext& c, const Rect& view) {
  const i18n::LanguageRegistry& registry = c.frame.strings.registry();
  std::vector<const i18n::Language*> shown;
  for (const i18n::Language* l : registry.spoken())
    if (speakable(*l)) shown.push_back(l);
  const GridShape preferred{c.frame.size.x > c.frame.size.y ? 4 : 2, std::round(c.m.button * 0.8f)};
  float widest = 0;
  for (const i18n::Language* l : shown)
    widest = std::max(
        widest,
        c.frame.ui.engine.layout(l->name, {c.m.body, l->tag, render::Direction::Auto})->width);
  const GridShape shape = fit_grid(c, view, shown.size(), preferred, toggle_width(c, widest));
  scroll_grid(c, view, shown.size(), shape, scroll_, [&](size_t i, const Rect& r) {
    const i18n::Language& l = *shown[i];
    if (page_toggle(c, "language-" + l.tag, l.name, l.tag, language_ == l.tag, r))
      language_ = l.tag;
  });
}

void RequestForm::draw_towns(PageContext& c, const Rect& view, const Settings& settings) {
  const GridShape preferred{c.frame.size.x > c.frame.size.y ? 3 : 2, std::round(c.m.button * 0.8f)};
  float widest = 0;
  for (const std::string& place : settings.places)
    widest = std::max(
        widest, c.frame.ui.engine.layout(place, {c.m.body, "de", render::Direction::Auto})->width);
  const GridShape shape =
      fit_grid(c, view, settings.places.size(), preferred, toggle_width(c, widest));
  scroll_grid(c, view, settings.places.size(), shape, scroll_, [&](size_t i, const Rect& r) {
    // Place names are proper names, written as the configuration has them.
    if (page_toggle(c, "place-" + std::to_string(i), settings.places[i], "de", town_ == i, r)) {
      town_ = i;
      problem_ = Problem::None;
    }
  });
}

void RequestForm::draw_review(PageContext& c, const Rect& view, const Settings& settings,
                              i18n::CivilDate today) {
  const i18n::Localizer& s = c.frame.strings;
  render::UiContext& ui = c.frame.ui;
  NewRequest r = request(settings, today);
  const Category* cat = find_category(r.category);
  const i18n::Language* helper = s.registry().find(r.helper_language);
  struct Row {
    std::string picture;
    std::string text;
    std::string language;  // of the text; empty: the UI language's
  };
  std::vector<Row> rows = {
      {cat ? cat->picture : "❓", cat ? std::string(category_label(s, *cat)) : r.category, {}},
      {when_picture(when_), when_text(s, r), {}},
      {part_picture(r.part_of_day), std::string(part_label(s, r.part_of_day)), {}},
      {"🗣️", helper ? helper->name : r.helper_language, r.helper_language},
      {"📍", r.town, "de"},
  };
  if (!r.text.empty()) rows.push_back({"✏️", r.text, {}});
  // A proposal is its day and time of day.
  if (proposal_) rows = {rows[1], rows[2]};
  const float row_h = std::floor(std::min(
      c.m.button * 1.0f, (view.height() - static_cast<float>(rows.size() - 1) * c.m.gap * 0.5f) /
                             static_cast<float>(rows.size())));
  const i18n::Span box{view.min.x, view.width()};
  ImDrawList& list = *ImGui::GetWindowDrawList();
  float y = view.min.y;
  for (const Row& row : rows) {
    const float pic_x = i18n::at_start(c.direction(), box, row_h);
    draw_picture(c, row.picture, row_h * 0.7f, ImVec2(pic_x + row_h / 2, y + row_h / 2));
    const float room = view.width() - row_h - c.m.gap;
    const bool own = !row.language.empty();
    // A text in its own direction still stands at the page's start edge.
    const bool rtl = c.direction() == i18n::Direction::Rtl;
    const render::Align align =
        !own || i18n::is_rtl(row.language) == rtl ? render::Align::Start : render::Align::End;
    // Drawn smaller where a script's line is taller than the row (Nastaliq).
    const auto text = render::fit_label(
        ui.engine, row.text,
        {c.m.body, own ? row.language : ui.language, own ? render::Direction::Auto : ui.direction},
        {.max_width = room, .align = align, .ellipsis = true}, row_h);
    const float text_x = i18n::at_start(c.direction(), box, room, row_h + c.m.gap);
    // Not clipped to the row: Nastaliq's marks reach past its line box, into
    // the gap between rows (the text itself is one line, ellipsized).
    render::draw_layout(list, ui.atlas, *text,
                        ImVec2(std::round(text_x), std::round(y + (row_h - text->height) / 2)),
                        ui.theme.text);
    y += row_h + c.m.gap * 0.5f;
  }
  kiosk::wipe(r.text);
}

}  // namespace ih::kiosk
