#include "kiosk/screens/languages.h"

#include <algorithm>
#include <cmath>

#include "i18n/direction.h"
#include "i18n/language_registry.h"
#include "render/text_draw.h"

namespace ih::kiosk {

namespace {

using i18n::msg;

constexpr float kLargestName = 48;
constexpr float kSmallestName = 24;
constexpr float kTileRounding = 10;
constexpr float kBorder = 2;
constexpr float kChosenBorder = 5;
// Tiles no taller than wide, so that on a very tall screen the grid does not
// stretch into slabs.
constexpr float kMaxTileAspect = 1.0f;


struct Geometry {
  float margin;
  float gap;
  float title_size;
  float small_size;
  int columns;
  i18n::Span content;  // the screen without its side margins
};

Geometry geometry(ImVec2 size) {
  const float unit = std::min(size.x, size.y);
  Geometry g;
  g.margin = std::round(unit * 0.04f);
  g.gap = std::round(unit * 0.015f);
  g.title_size = std::max(32.0f, std::round(unit * 0.048f));
  g.small_size = std::max(22.0f, std::round(unit * 0.026f));
  g.columns = size.x > size.y ? 6 : 3;
  g.content = {g.margin, size.x - 2 * g.margin};
  return g;
}

render::TextStyle own_style(const i18n::Language& l, float size) {
  return {size, l.tag,
          l.direction == i18n::Direction::Rtl ? render::Direction::Rtl : render::Direction::Ltr};
}

render::TextStyle ui_style(const render::UiContext& ui, float size) {
  return {size, ui.language, ui.direction};
}

float inner_padding(float tile_width) {
  return std::round(tile_width * 0.06f);
}

// How far a layout reaches above its first baseline and below it.
float above(const render::Layout& l) {
  return l.lines.empty() ? 0 : l.lines[0].baseline();
}
float below(const render::Layout& l) {
  return l.lines.empty() ? 0 : l.height - l.lines[0].baseline();
}

render::LayoutOptions centred(float width) {
  return {.max_width = width, .align = render::Align::Center};
}

// The header's texts, as this frame shows them.
struct Header {
  std::string title;
  std::string hint;
  std::string count;
};

Header header_texts(const ScreenFrame& frame, size_t languages) {
  const i18n::Localizer& s = frame.strings;
  return {
      // TRANSLATORS: The heading of the first screen, where a person picks the
      // language the terminal speaks to them in.
      std::string(s.text(msg("Choose your language"))),
      // TRANSLATORS: Under the heading of the language picker.
      std::string(s.text(msg("You can change the language at any time."))),
      // TRANSLATORS: How many languages the picker offers, e.g. "18 languages".
      s.format(msg("{count, plural, one {# language} other {# languages}}"),
               {{"count", static_cast<int64_t>(languages)}}),
  };
}

}  // namespace

void LanguagesScreen::set_shown(const std::vector<std::string>& tags) {
  if (tags == shown_) return;
  shown_ = tags;
  fit_.screen = ImVec2(0, 0);  // fit the names shown now
}

std::vector<const i18n::Language*> LanguagesScreen::offered(const ScreenFrame& frame) const {
  std::vector<const i18n::Language*> languages = frame.strings.registry().spoken();
  if (shown_.empty()) return languages;
  std::erase_if(languages, [&](const i18n::Language* l) {
    return std::find(shown_.begin(), shown_.end(), l->tag) == shown_.end();
  });
  // A list that names no language the kiosk has would leave no way on.
  return languages.empty() ? frame.strings.registry().spoken() : languages;
}

void LanguagesScreen::fit(ScreenFrame& frame) {
  render::UiContext& ui = frame.ui;
  const auto languages = offered(frame);
  fit_.screen = frame.size;
  fit_.language = ui.language;
  fit_.local_names.clear();
  for (const i18n::Language* l : languages) {
    std::string local = i18n::display_name(*l, frame.strings.info().locale);
    fit_.local_names.push_back(local == l->name ? std::string() : std::move(local));
  }
  // The largest size, in steps of two pixels, at which every name fits its tile
  // on one line. The tile's width does not depend on the size chosen.
  const Geometry g = geometry(frame.size);
  const float tile_width = i18n::cell(i18n::Direction::Ltr, g.content, 0, g.columns, g.gap).width;
  const float room = tile_width - 2 * inner_padding(tile_width);
  fit_.name_size = kSmallestName;
  for (float s = kLargestName; s >= kSmallestName; s -= 2) {
    const bool fits = std::all_of(languages.begin(), languages.end(), [&](const auto* l) {
      return ui.engine.layout(l->name, own_style(*l, s))->width <= room;
    });
    if (fits) {
      fit_.name_size = s;
      break;
    }
  }
  // Scripts reach differently far above and below their baselines (Nastaliq
  // much further than Latin): every tile places its texts on the baselines
  // that make room for the tallest, so that they line up across the grid.
  fit_.name_above = fit_.name_below = fit_.local_above = fit_.local_below = 0;
  for (size_t i = 0; i < languages.size(); ++i) {
    const auto name = ui.engine.layout(languages[i]->name, own_style(*languages[i], fit_.name_size),
                                       centred(room));
    fit_.name_above = std::max(fit_.name_above, above(*name));
    fit_.name_below = std::max(fit_.name_below, below(*name));
    if (fit_.local_names[i].empty()) continue;
    const auto local =
        ui.engine.layout(fit_.local_names[i], ui_style(ui, g.small_size), centred(room));
    fit_.local_above = std::max(fit_.local_above, above(*local));
    fit_.local_below = std::max(fit_.local_below, below(*local));
  }
}

void LanguagesScreen::draw(ScreenFrame& frame) {
  render::UiContext& ui = frame.ui;
  if (frame.size.x != fit_.screen.x || frame.size.y != fit_.screen.y ||
      ui.language != fit_.language)
    fit(frame);
  const Geometry g = geometry(frame.size);
  const i18n::Direction dir = frame.strings.direction();
  const auto languages = offered(frame);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList& list = *ImGui::GetWindowDrawList();

  // [SECTION] Header: the title at the start, the count at the end on the
  // title's baseline, the hint under them.
  const Header texts = header_texts(frame, languages.size());
  const float top = origin.y + g.margin;
  const auto count = ui.engine.layout(texts.count, ui_style(ui, g.small_size));
  const float count_width = std::ceil(count->width);
  const float title_width = g.content.width - count_width - 2 * g.gap;
  const auto title =
      ui.engine.layout(texts.title, ui_style(ui, g.title_size), {.max_width = title_width});
  const float title_x = i18n::at_start(dir, g.content, title_width) + origin.x;
  ImGui::SetCursorScreenPos(ImVec2(title_x, top));
  render::label(ui, texts.title, title_width, {.size = g.title_size});
  const float title_bottom = ImGui::GetCursorScreenPos().y;
  const float shift = title->lines.empty() || count->lines.empty()
                          ? 0
                          : std::round(title->lines[0].baseline() - count->lines[0].baseline());
  ImGui::SetCursorScreenPos(
      ImVec2(i18n::at_end(dir, g.content, count_width) + origin.x, top + shift));
  render::label(ui, texts.count, count_width,
                {.size = g.small_size, .colour = ui.theme.muted_text});
  ImGui::SetCursorScreenPos(ImVec2(g.content.left + origin.x, title_bottom + g.gap / 2));
  render::label(ui, texts.hint, g.content.width,
                {.size = g.small_size, .colour = ui.theme.muted_text});

  // [SECTION] The grid, filled from the start edge, row by row.
  const float grid_top = ImGui::GetCursorScreenPos().y + 2 * g.gap;
  const int rows = static_cast<int>((languages.size() + static_cast<size_t>(g.columns) - 1) /
                                    static_cast<size_t>(g.columns));
  const float tile_width = i18n::cell(dir, g.content, 0, g.columns, g.gap).width;
  const float room = origin.y + frame.size.y - g.margin - grid_top;
  const float tile_height =
      std::floor(std::min((room - g.gap * static_cast<float>(rows - 1)) / static_cast<float>(rows),
                          tile_width * kMaxTileAspect));
  const float padding = inner_padding(tile_width);

  tiles_.clear();
  for (size_t i = 0; i < languages.size(); ++i) {
    const i18n::Language& l = *languages[i];
    const int column = static_cast<int>(i % static_cast<size_t>(g.columns));
    const int row = static_cast<int>(i / static_cast<size_t>(g.columns));
    const i18n::Span x = i18n::cell(dir, g.content, column, g.columns, g.gap);
    const ImVec2 min(std::round(origin.x + x.left),
                     std::round(grid_top + static_cast<float>(row) * (tile_height + g.gap)));
    const ImVec2 max(std::round(min.x + x.width), min.y + tile_height);
    tiles_.push_back({l.tag, min, max});

    ImGui::SetCursorScreenPos(min);
    const std::string id = "##language-" + l.tag;
    const bool released = ImGui::InvisibleButton(id.c_str(), ImVec2(max.x - min.x, max.y - min.y));
    // Held with the finger still on it: pressed; slid off: as before, so that
    // letting go there does nothing.
    const bool pressed = ImGui::IsItemActive() && ImGui::IsItemHovered();
    const bool chosen = l.tag == frame.strings.language();
    if (released && !chosen) {
      frame.switch_language = l.tag;
      ui.needs_frame = true;
    }

    list.AddRectFilled(min, max,
                       pressed  ? ui.theme.picker_tile_pressed
                       : chosen ? ui.theme.picker_tile_on
                                : ui.theme.tile,
                       kTileRounding);
    const float border = chosen ? kChosenBorder : kBorder;
    const float half = border / 2;
    list.AddRect(ImVec2(min.x + half, min.y + half), ImVec2(max.x - half, max.y - half),
                 chosen ? ui.theme.button_pressed : ui.theme.button, kTileRounding, 0, border);

    // The name in its own language, and under it the name in the UI language,
    // centred together on the baselines fit() chose.
    const float text_width = x.width - 2 * padding;
    const std::string& local = fit_.local_names[i];
    const auto name = ui.engine.layout(l.name, own_style(l, fit_.name_size), centred(text_width));
    std::shared_ptr<const render::Layout> sub;
    if (!local.empty())
      sub = ui.engine.layout(local, ui_style(ui, g.small_size), centred(text_width));
    const float to_local = fit_.name_below + g.gap / 2 + fit_.local_above;
    const float block = fit_.name_above + (sub ? to_local + fit_.local_below : fit_.name_below);
    const float baseline = std::round(min.y + (tile_height - block) / 2 + fit_.name_above);
    const float text_x = min.x + padding;
    list.PushClipRect(min, max, true);
    render::draw_layout(list, ui.atlas, *name, ImVec2(text_x, baseline - above(*name)),
                        ui.theme.text);
    if (sub)
      render::draw_layout(list, ui.atlas, *sub, ImVec2(text_x, baseline + to_local - above(*sub)),
                          ui.theme.muted_text);
    list.PopClipRect();

    if (chosen) {
      // A check mark in a disc at the tile's top end corner. Its place follows
      // the reading direction; its shape does not (see i18n::mirrors_in_rtl).
      const float r = std::round(g.small_size * 0.7f);
      const i18n::Span tile{min.x, max.x - min.x};
      const ImVec2 c(i18n::at_end(dir, tile, 2 * r, padding / 2) + r, min.y + padding / 2 + r);
      list.AddCircleFilled(c, r, ui.theme.button_pressed);
      const ImVec2 tick[] = {ImVec2(c.x - r * 0.45f, c.y + r * 0.02f),
                             ImVec2(c.x - r * 0.1f, c.y + r * 0.38f),
                             ImVec2(c.x + r * 0.48f, c.y - r * 0.35f)};
      list.AddPolyline(tick, 3, ui.theme.button_text, ImDrawFlags_None, std::max(2.0f, r * 0.22f));
    }
  }
  // Everything above was placed by hand; tell ImGui how far the content goes.
  ImGui::SetCursorScreenPos(ImVec2(origin.x, tiles_.empty() ? top : tiles_.back().max.y));
}

}  // namespace ih::kiosk
