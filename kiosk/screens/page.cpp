#include "kiosk/screens/page.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "kiosk/screens/picture_tile.h"
#include "render/text_draw.h"
#include "render/text_field.h"
#include "render/text_probe.h"
#include "render/touch.h"

namespace ih::kiosk {

namespace {

constexpr float kRounding = 12.0f;

void check_mark(ImDrawList& list, ImVec2 c, float r, ImU32 disc, ImU32 tick) {
  list.AddCircleFilled(c, r, disc);
  const ImVec2 points[] = {ImVec2(c.x - r * 0.45f, c.y + r * 0.02f),
                           ImVec2(c.x - r * 0.1f, c.y + r * 0.38f),
                           ImVec2(c.x + r * 0.48f, c.y - r * 0.35f)};
  list.AddPolyline(points, 3, tick, ImDrawFlags_None, std::max(2.0f, r * 0.22f));
}

}  // namespace

Metrics metrics(ImVec2 screen, bool large_text) {
  const float unit = std::min(screen.x, screen.y);
  Metrics m;
  m.margin = std::round(unit * 0.05f);
  m.gap = std::round(unit * 0.025f);
  m.title = std::max(36.0f, std::round(unit * 0.06f));
  m.body = std::max(26.0f, std::round(unit * 0.034f));
  // A main button is at least 96 px high: far above the 64 px a finger needs.
  m.button = std::max(96.0f, std::round(unit * 0.12f));
  m.small = std::max(22.0f, std::round(unit * 0.026f));
  m.field = std::round(std::max(96.0f, unit * 0.1f));
  m.field_text = std::round(std::max(26.0f, unit * 0.032f));
  m.tight_margin = std::round(unit * 0.04f);
  m.tight_gap = std::round(unit * 0.015f);
  m.tight_title = std::max(32.0f, std::round(unit * 0.048f));
  m.bar = std::max(88.0f, std::round(unit * 0.09f));
  if (large_text) {
    for (float* text : {&m.title, &m.body, &m.small, &m.field_text, &m.tight_title})
      *text = std::round(*text * 1.33f);
    for (float* box : {&m.button, &m.field}) *box = std::round(*box * 1.2f);
  }
  return m;
}

float count_badge(PageContext& c, int64_t count, i18n::Span row, float inset, float centre_y,
                  bool on_button) {
  render::UiContext& ui = c.frame.ui;
  const auto digits =
      ui.engine.layout(c.frame.strings.formats().number(count),
                       {c.m.body, ui.language, ui.direction}, {.align = render::Align::Center});
  const float height = c.m.body * 1.6f;
  const float width = std::max(digits->width + c.m.body, height);
  const float x = i18n::at_end(c.direction(), row, width, inset);
  const float y = std::round(centre_y - height / 2);
  ImDrawList& list = *ImGui::GetWindowDrawList();
  const ImU32 fill = on_button ? ui.theme.button_text : ui.theme.button;
  const ImU32 ink = on_button ? ui.theme.button : ui.theme.button_text;
  list.AddRectFilled(ImVec2(x, y), ImVec2(x + width, y + height), fill, height / 2);
  render::draw_layout(list, ui.atlas, *digits,
                      ImVec2(std::round(x + (width - digits->width) / 2),
                             std::round(y + (height - digits->height) / 2)),
                      ink);
  return width;
}

i18n::Span content(const PageContext& c) {
  return {c.area.min.x + c.m.margin, c.area.width() - 2 * c.m.margin};
}

namespace {
float button_text_size(const PageContext& c) {
  return std::round(c.m.button * 0.36f);
}
}  // namespace

float page_button_label_width(PageContext& c, std::string_view text) {
  render::UiContext& ui = c.frame.ui;
  const auto layout = ui.engine.layout(text, {button_text_size(c), ui.language, ui.direction});
  return std::ceil(layout->width) + 2 * render::kButtonPadding;
}

bool page_button(PageContext& c, const char* id, std::string_view text, Rect r) {
  c.controls[id] = r;
  readable(c, text);
  ImGui::SetCursorScreenPos(r.min);
  render::UiContext& ui = c.frame.ui;
  const float before = ui.text_size;
  ui.text_size = button_text_size(c);
  const bool released = render::button(ui, id, text, ImVec2(r.width(), r.height()));
  ui.text_size = before;
  return released;
}

bool page_toggle(PageContext& c, const std::string& id, std::string_view text,
                 std::string_view language, bool on, Rect r, bool mark_on) {
  c.controls[id] = r;
  // A label in a language of its own (a language's name for itself) is not
  // read in the UI language's voice.
  if (language.empty() || language == c.frame.ui.language) readable(c, text);
  render::UiContext& ui = c.frame.ui;
  const render::Touch touch = render::touch_target(id.c_str(), r.min, r.size());
  const bool pressed = touch.pressed;
  if (touch.acted) ui.needs_frame = true;
  ImDrawList& list = *ImGui::GetWindowDrawList();
  const float border = on ? 6.0f : 2.0f;
  render::framed_box(list, r.min, r.max,
                     pressed ? ui.theme.tile_pressed
                     : on    ? ui.theme.tile_on
                             : ui.theme.tile,
                     on ? ui.theme.button_pressed : ui.theme.button, border, kRounding);
  const float mark = mark_on ? std::round(c.m.body * 0.55f) : 0.0f;
  const float pad = mark_on ? std::round(c.m.gap * 0.6f) : border;
  // Room for the check mark on both sides keeps the label centred.
  const float room = r.width() - 2 * (pad + 2 * mark + pad);
  const bool own = !language.empty();
  const render::TextStyle style{c.m.body, own ? std::string(language) : ui.language,
                                own ? render::Direction::Auto : ui.direction};
  const auto layout = render::fit_label(
      ui.engine, text, style, {.max_width = room, .align = render::Align::Center}, r.height());
  list.PushClipRect(r.min, r.max, true);
  render::draw_layout(
      list, ui.atlas, *layout,
      ImVec2(r.min.x + 2 * pad + 2 * mark, std::round(r.min.y + (r.height() - layout->height) / 2)),
      ui.theme.text);
  list.PopClipRect();
  if (on && mark_on) {
    const i18n::Span tile{r.min.x, r.width()};
    check_mark(
        list, ImVec2(i18n::at_end(c.direction(), tile, 2 * mark, pad) + mark, r.min.y + pad + mark),
        mark, ui.theme.button_pressed, ui.theme.button_text);
  }
  return touch.acted;
}

float toggle_width(const PageContext& c, float label_width) {
  // As page_toggle lays it out: the label between two check marks' room.
  return std::ceil(label_width) +
         2 * (2 * std::round(c.m.gap * 0.6f) + 2 * std::round(c.m.body * 0.55f));
}

void scroll_list(PageContext& c, const Rect& view, float content_height, float& offset) {
  render::note_scroll_view(view.min, view.max);
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 from = io.MouseClickedPos[0];
  const bool inside =
      from.x >= view.min.x && from.x < view.max.x && from.y >= view.min.y && from.y < view.max.y;
  if (inside && io.MouseDown[0] && render::touch_dragged() && io.MouseDelta.y != 0) {
    offset -= io.MouseDelta.y;
    c.frame.ui.needs_frame = true;
  }
  offset = std::clamp(offset, 0.0f, std::max(0.0f, content_height - view.height()));
}

GridShape fit_grid(const PageContext& c, const Rect& view, size_t count, GridShape preferred,
                   float min_width, const std::function<float(float)>& least_height) {
  // A tile is a touch target (64 px) that holds a line of body text.
  const float least = std::max(render::kMinTouchTarget, std::round(c.m.body * 1.8f));
  for (int columns = preferred.columns;; ++columns) {
    const float width =
        (view.width() - static_cast<float>(columns - 1) * c.m.gap) / static_cast<float>(columns);
    if (columns > preferred.columns && width < min_width) break;
    const float lowest = least_height ? std::max(least, least_height(width)) : least;
    const float rows = std::ceil(static_cast<float>(count) / static_cast<float>(columns));
    const float fits = std::floor((view.height() - (rows - 1) * c.m.gap) / rows);
    if (fits >= lowest) return {columns, std::min(preferred.tile_height, fits)};
    if (width < min_width) break;
  }
  return preferred;
}

void scroll_grid(PageContext& c, const Rect& view, size_t count, GridShape shape, float& offset,
                 const std::function<void(size_t, const Rect&)>& tile) {
  const size_t per_row = static_cast<size_t>(shape.columns);
  const size_t rows = (count + per_row - 1) / per_row;
  const float content_h = static_cast<float>(rows) * (shape.tile_height + c.m.gap) - c.m.gap;
  scroll_list(c, view, content_h, offset);
  i18n::Span box{view.min.x, view.width()};
  if (content_h > view.height()) {
    // The bar at the end edge, the tiles beside it.
    const float bar = std::max(8.0f, std::round(c.m.gap * 0.4f));
    const float bar_x = i18n::at_end(c.direction(), box, bar);
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const render::Theme& theme = c.frame.ui.theme;
    list.AddRectFilled(ImVec2(bar_x, view.min.y), ImVec2(bar_x + bar, view.max.y),
                       theme.scroll_track, bar / 2);
    const float thumb_h = std::round(view.height() * view.height() / content_h);
    const float thumb_y =
        std::round(view.min.y + (view.height() - thumb_h) * offset / (content_h - view.height()));
    list.AddRectFilled(ImVec2(bar_x, thumb_y), ImVec2(bar_x + bar, thumb_y + thumb_h),
                       theme.scroll_thumb, bar / 2);
    box.width -= bar + c.m.gap;
    if (c.direction() == i18n::Direction::Rtl) box.left += bar + c.m.gap;
  }
  ImGui::PushClipRect(view.min, view.max, true);
  for (size_t i = 0; i < count; ++i) {
    const i18n::Span x =
        i18n::cell(c.direction(), box, static_cast<int>(i % per_row), shape.columns, c.m.gap);
    const float top = std::round(
        view.min.y + static_cast<float>(i / per_row) * (shape.tile_height + c.m.gap) - offset);
    tile(i, {ImVec2(x.left, top), ImVec2(x.right(), top + shape.tile_height)});
  }
  ImGui::PopClipRect();
}

float page_note(PageContext& c, std::string_view text, float y, bool error, float bottom) {
  if (!error)
    return page_text(c, text, y, std::round(c.m.body * 0.85f), c.frame.ui.theme.muted_text, bottom);
  // A warning sign before the text: the message is an error by its shape too.
  const std::string marked = "⚠ " + std::string(text);
  return page_text(c, marked, y, c.m.body, c.frame.ui.theme.error, bottom);
}

float share_that_fits(const std::function<bool(float share)>& fits, float least) {
  for (int tenths = 10; tenths > std::lround(least * 10); --tenths) {
    const float share = static_cast<float>(tenths) / 10;
    if (fits(share)) return share;
  }
  return least;
}

float page_blocks(PageContext& c, std::span<const PageBlock> blocks, float y, float bottom) {
  render::UiContext& ui = c.frame.ui;
  const i18n::Span box = content(c);
  auto needed = [&](float share) {
    float total = 0;
    for (const PageBlock& b : blocks)
      total += ui.engine
                   .layout(b.text, {std::round(b.size * share), ui.language, ui.direction},
                           {.max_width = box.width})
                   ->height +
               b.gap_after;
    return total;
  };
  const float share = share_that_fits([&](float k) { return y + needed(k) <= bottom; });
  for (const PageBlock& b : blocks) {
    readable(c, b.text);
    ImGui::SetCursorScreenPos(ImVec2(box.left, y));
    render::label(ui, b.text, box.width,
                  {.size = std::round(b.size * share), .colour = b.colour.value_or(ui.theme.text)});
    y = ImGui::GetCursorScreenPos().y + b.gap_after;
  }
  return y;
}

float page_question(PageContext& c, std::string_view question, std::string_view note, bool error,
                    float y, float bottom) {
  const render::Theme& theme = c.frame.ui.theme;
  const std::string marked = error ? "⚠ " + std::string(note) : std::string(note);
  std::vector<PageBlock> blocks = {{question, c.m.title, {}, 0}};
  if (!note.empty()) {
    blocks.front().gap_after = c.m.gap / 2;
    blocks.push_back({marked, error ? c.m.body : std::round(c.m.body * 0.85f),
                      error ? theme.error : theme.muted_text, 0});
  }
  return page_blocks(c, blocks, y, bottom);
}

float page_heading(PageContext& c, std::string_view text, float y) {
  readable(c, text);
  const i18n::Span box = content(c);
  ImGui::SetCursorScreenPos(ImVec2(box.left, y));
  render::label(c.frame.ui, text, box.width, {.size = c.m.title});
  return ImGui::GetCursorScreenPos().y;
}

float page_text(PageContext& c, std::string_view text, float y, float size,
                std::optional<ImU32> colour, float bottom) {
  readable(c, text);
  const i18n::Span box = content(c);
  ImGui::SetCursorScreenPos(ImVec2(box.left, y));
  render::label(c.frame.ui, text, box.width,
                {.size = size, .colour = colour, .max_height = bottom - y});
  return ImGui::GetCursorScreenPos().y;
}

void readable(PageContext& c, std::string_view text) {
  if (!c.speech || text.empty()) return;
  // An error's warning sign is its shape on screen; read, it is a word too many.
  constexpr std::string_view kSign = "⚠ ";
  if (text.starts_with(kSign)) text.remove_prefix(kSign.size());
  c.speech->words.emplace_back(text);
}

std::optional<render::Touch> place_speech_button(PageContext& c, const std::string& id,
                                                 std::string_view text, Rect r) {
  if (!c.speech || !c.speech->buttons) return std::nullopt;
  c.controls[id] = r;
  const render::Touch touch = render::touch_target(id.c_str(), r.min, r.size());
  if (touch.acted) {
    c.speech->asked = std::string(text);
    c.speech->asked_by = id;
    c.frame.ui.needs_frame = true;
  }
  return touch;
}

void draw_speech_button(PageContext& c, Rect r, bool pressed) {
  render::UiContext& ui = c.frame.ui;
  render::framed_box(*ImGui::GetWindowDrawList(), r.min, r.max,
                     pressed ? ui.theme.tile_pressed : ui.theme.tile, ui.theme.button, 2.0f,
                     kRounding);
  // U+1F50A SPEAKER WITH THREE SOUND WAVES, as phones show "sound on".
  draw_picture(c, "\U0001F50A", std::round(std::min(r.width(), r.height()) * 0.6f), r.centre());
}

bool speech_button(PageContext& c, const std::string& id, std::string_view text, Rect r) {
  const std::optional<render::Touch> touch = place_speech_button(c, id, text, r);
  if (!touch) return false;
  draw_speech_button(c, r, touch->pressed);
  return true;
}

}  // namespace ih::kiosk
