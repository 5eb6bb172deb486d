#include "kiosk/screens/languages.h"

#include <algorithm>
#include <cmath>

#include "i18n/direction.h"
#include "i18n/language_registry.h"
#include "render/text_draw.h"
#include "render/text_field.h"
#include "render/touch.h"

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
constexpr float kWidePage = 1.3f;  // width to height

struct Geometry {
  float margin;
  float gap;
  float title_size;
  float small_size;
  int columns;
  i18n::Span content;  // the screen without its side margins
};

// The picker shows every language at once: the tight frame of metrics().
Geometry geometry(ImVec2 size) {
  const Metrics m = metrics(size);
  Geometry g;
  g.margin = m.tight_margin;
  g.gap = m.tight_gap;
  g.title_size = m.tight_title;
  g.small_size = m.small;
  // Six columns on a clearly wide page; three where it is about square (a
  // portrait screen's reach band) or tall, so the names keep their room.
  g.columns = size.x > kWidePage * size.y ? 6 : 3;
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

Header header_texts(const i18n::Localizer& s, size_t languages) {
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

std::vector<const i18n::Language*> offered(const i18n::Localizer& strings,
                                           const std::vector<std::string>& shown) {
  std::vector<const i18n::Language*> languages = strings.registry().spoken();
  if (shown.empty()) return languages;
  std::erase_if(languages, [&](const i18n::Language* l) {
    return std::find(shown.begin(), shown.end(), l->tag) == shown.end();
  });
  // A list that names no language the kiosk has would leave no way on.
  return languages.empty() ? strings.registry().spoken() : languages;
}

// How high the grid's tiles are below the header, and where the grid starts.
struct GridRows {
  int rows;
  float top;  // below the area's top
  float tile_height;
};
GridRows grid_shape(render::UiContext& ui, const i18n::Localizer& strings, ImVec2 size,
                    const Geometry& g, size_t count) {
  const Header texts = header_texts(strings, count);
  const auto count_text = ui.engine.layout(texts.count, ui_style(ui, g.small_size));
  const float title_width = g.content.width - std::ceil(count_text->width) - 2 * g.gap;
  const auto title =
      ui.engine.layout(texts.title, ui_style(ui, g.title_size), {.max_width = title_width});
  const auto hint =
      ui.engine.layout(texts.hint, ui_style(ui, g.small_size), {.max_width = g.content.width});
  GridRows out;
  out.rows = static_cast<int>((count + static_cast<size_t>(g.columns) - 1) /
                              static_cast<size_t>(g.columns));
  out.top = g.margin + title->height + g.gap / 2 + hint->height + 2 * g.gap;
  const float tile_width = i18n::cell(i18n::Direction::Ltr, g.content, 0, g.columns, g.gap).width;
  const float room = size.y - g.margin - out.top;
  out.tile_height = std::floor(
      std::min((room - g.gap * static_cast<float>(out.rows - 1)) / static_cast<float>(out.rows),
               tile_width * kMaxTileAspect));
  return out;
}

void fit(LanguagePicker::Fit& fitted, render::UiContext& ui, const i18n::Localizer& strings,
         ImVec2 size, const std::vector<std::string>& shown) {
  const auto languages = offered(strings, shown);
  fitted.screen = size;
  fitted.language = ui.language;
  fitted.shown = shown;
  fitted.local_names.clear();
  for (const i18n::Language* l : languages) {
    std::string local = i18n::display_name(*l, strings.info().locale);
    fitted.local_names.push_back(local == l->name ? std::string() : std::move(local));
  }
  const Geometry g = geometry(size);
  const float tile_width = i18n::cell(i18n::Direction::Ltr, g.content, 0, g.columns, g.gap).width;
  const float room = tile_width - 2 * inner_padding(tile_width);
  const float tile_height = grid_shape(ui, strings, size, g, languages.size()).tile_height;
  // Scripts reach differently far above and below their baselines (Nastaliq
  // much further than Latin): every tile places its texts on the baselines
  // that make room for the tallest, so that they line up across the grid.
  // The largest sizes, in steps of two pixels, at which every name fits its
  // tile on one line with its name in the UI language under it: the names
  // first, down to kSmallestName, then both together, down to 70 % (a short
  // tile in a tall script).
  const auto local_block = [&](float size) {
    fitted.local_size = size;
    fitted.local_above = fitted.local_below = 0;
    bool any = false;
    for (const std::string& local : fitted.local_names) {
      if (local.empty()) continue;
      any = true;
      const auto layout = render::fit_label(ui.engine, local, ui_style(ui, size), centred(room),
                                            std::numeric_limits<float>::infinity());
      fitted.local_above = std::max(fitted.local_above, above(*layout));
      fitted.local_below = std::max(fitted.local_below, below(*layout));
    }
    return any ? g.gap / 2 + fitted.local_above + fitted.local_below : 0.0f;
  };
  const auto names_fit = [&](float size, float local) {
    float name_above = 0, name_below = 0;
    bool fits = true;
    for (const i18n::Language* l : languages) {
      // On one line: measured unwrapped.
      fits = fits && ui.engine.layout(l->name, own_style(*l, size))->width <= room;
      const auto name = ui.engine.layout(l->name, own_style(*l, size), centred(room));
      name_above = std::max(name_above, above(*name));
      name_below = std::max(name_below, below(*name));
    }
    fitted.name_size = size;
    fitted.name_above = name_above;
    fitted.name_below = name_below;
    return fits && name_above + name_below + local <= tile_height - 2 * kChosenBorder;
  };
  float local = local_block(g.small_size);
  for (float s = kLargestName; s >= kSmallestName; s -= 2)
    if (names_fit(s, local)) return;
  for (float s = g.small_size - 2; s >= std::round(g.small_size * 0.7f); s -= 2) {
    local = local_block(s);
    if (names_fit(std::round(kSmallestName * s / g.small_size), local)) return;
  }
}

}  // namespace

std::optional<Action> draw_languages(PageContext& c, LanguagePicker& picker,
                                     const std::vector<std::string>& shown) {
  render::UiContext& ui = c.frame.ui;
  const i18n::Localizer& strings = c.frame.strings;
  const ImVec2 size(c.area.width(), c.area.height());
  LanguagePicker::Fit& fitted = picker.fit;
  if (size.x != fitted.screen.x || size.y != fitted.screen.y || ui.language != fitted.language ||
      shown != fitted.shown)
    fit(fitted, ui, strings, size, shown);
  const Geometry g = geometry(size);
  const i18n::Direction dir = strings.direction();
  const auto languages = offered(strings, shown);
  const ImVec2 origin = c.area.min;
  ImDrawList& list = *ImGui::GetWindowDrawList();
  std::optional<Action> action;

  // [SECTION] Header: the title at the start, the count at the end on the
  // title's baseline, the hint under them.
  const Header texts = header_texts(strings, languages.size());
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
  const GridRows shape = grid_shape(ui, strings, size, g, languages.size());
  const float grid_top = origin.y + shape.top;
  const float tile_height = shape.tile_height;
  const float tile_width = i18n::cell(dir, g.content, 0, g.columns, g.gap).width;
  const float padding = inner_padding(tile_width);

  std::vector<LanguageTile>& tiles_ = picker.tiles;
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
    c.controls["tile-" + l.tag] = {min, max};

    const std::string id = "##language-" + l.tag;
    const render::Touch touch =
        render::touch_target(id.c_str(), min, ImVec2(max.x - min.x, max.y - min.y));
    const bool released = touch.acted;
    const bool pressed = touch.pressed;
    const bool chosen = l.tag == strings.language();
    // Any tile released goes on, the one already chosen as well.
    if (released) action = Action{Action::ChoseLanguage, l.tag};

    render::framed_box(list, min, max,
                       pressed  ? ui.theme.tile_pressed
                       : chosen ? ui.theme.tile_on
                                : ui.theme.tile,
                       chosen ? ui.theme.button_pressed : ui.theme.button,
                       chosen ? kChosenBorder : kBorder, kTileRounding);

    // The name in its own language, and under it the name in the UI language,
    // centred together on the baselines fit() chose.
    const float text_width = x.width - 2 * padding;
    const std::string& local = fitted.local_names[i];
    const auto name = ui.engine.layout(l.name, own_style(l, fitted.name_size), centred(text_width));
    std::shared_ptr<const render::Layout> sub;
    if (!local.empty())
      sub = render::fit_label(ui.engine, local, ui_style(ui, fitted.local_size),
                              centred(text_width), std::numeric_limits<float>::infinity());
    const float to_local = fitted.name_below + g.gap / 2 + fitted.local_above;
    const float block =
        fitted.name_above + (sub ? to_local + fitted.local_below : fitted.name_below);
    const float baseline = std::round(min.y + (tile_height - block) / 2 + fitted.name_above);
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
  return action;
}

}  // namespace ih::kiosk
