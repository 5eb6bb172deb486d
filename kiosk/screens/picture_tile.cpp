#include "kiosk/screens/picture_tile.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "render/text_draw.h"
#include "render/text_field.h"
#include "render/touch.h"

namespace ih::kiosk {

namespace {

constexpr float kRounding = 12.0f;

}  // namespace

void draw_picture(PageContext& c, std::string_view picture, float size, ImVec2 centre) {
  render::UiContext& ui = c.frame.ui;
  // Emoji take the Latin script's shaping; their colour is their own. An
  // emoji's pixels stand taller than its font size: the picture is set
  // smaller until they fit `size`, and placed by them.
  const render::TextStyle style{std::round(size), "en", render::Direction::Ltr};
  auto layout = ui.engine.layout(picture, style);
  render::Ink ink = render::ink_of(ui.atlas, *layout);
  const float tallest = std::max(ink.max.x - ink.min.x, ink.max.y - ink.min.y);
  if (tallest > size) {
    layout = ui.engine.layout(picture,
                              {std::floor(size * size / tallest), "en", render::Direction::Ltr});
    ink = render::ink_of(ui.atlas, *layout);
  }
  render::draw_layout(*ImGui::GetWindowDrawList(), ui.atlas, *layout,
                      ImVec2(std::round(centre.x - (ink.min.x + ink.max.x) / 2),
                             std::round(centre.y - (ink.min.y + ink.max.y) / 2)),
                      ui.theme.text);
}

namespace {

// The sizes, as shares of the body size, a tile's words are tried at.
constexpr float kWordScales[] = {0.9f, 0.75f, 0.6f, 0.5f};
// The least picture that still shows what it is.
constexpr float kLeastPicture = 32;

float tile_padding(const PageContext& c, float border) {
  return std::max(border, std::round(c.m.gap * 0.4f));
}

// The height a tile's speech button takes at its top, where it has one.
float speaker_room(const PageContext& c) {
  // A touch target and no more: it sits on the control it reads.
  return c.speech && c.speech->buttons ? render::kMinTouchTarget : 0.0f;
}

}  // namespace

float picture_tile_least_height(PageContext& c, std::span<const std::string_view> labels,
                                float width) {
  render::UiContext& ui = c.frame.ui;
  const float pad = tile_padding(c, 6.0f);
  const render::LayoutOptions centred{.max_width = width - 2 * pad, .align = render::Align::Center};
  const float size = std::round(c.m.body * kWordScales[std::size(kWordScales) - 1]);
  float words = 0;
  for (const std::string_view label : labels) {
    const auto layout = ui.engine.layout(label, {size, ui.language, ui.direction}, centred);
    // A word wider than the tile even at the smallest size: no height helps.
    if (layout->cut_a_word) return std::numeric_limits<float>::infinity();
    words = std::max(words, layout->height);
  }
  return std::ceil(std::max(kLeastPicture, speaker_room(c)) + words + 3 * pad);
}

bool picture_tile(PageContext& c, const std::string& id, std::string_view picture_glyphs,
                  std::string_view label, bool on, Rect r, std::string_view note) {
  c.controls[id] = r;
  render::UiContext& ui = c.frame.ui;
  readable(c, label);
  readable(c, note);
  const float border = on ? 6.0f : 2.0f;
  const float pad = tile_padding(c, border);
  // Its speech button in the top start corner, placed before the tile so
  // that a touch on it is the button's; it reads the label and the note.
  const float speaker = speaker_room(c);
  const float sx = std::round(i18n::at_start(c.direction(), {r.min.x, r.width()}, speaker, pad));
  const float sy = std::round(r.min.y + pad);
  const Rect speaker_rect{ImVec2(sx, sy), ImVec2(sx + speaker, sy + speaker)};
  const std::optional<render::Touch> speech =
      speaker > 0 ? place_speech_button(c, "speak " + id, label, speaker_rect) : std::nullopt;
  if (speech && speech->acted && !note.empty()) c.speech->asked->append(". ").append(note);
  const render::Touch touch = render::touch_target(id.c_str(), r.min, r.size());
  const bool pressed = touch.pressed;
  if (touch.acted) ui.needs_frame = true;
  ImDrawList& list = *ImGui::GetWindowDrawList();
  render::framed_box(list, r.min, r.max,
                     pressed ? ui.theme.tile_pressed
                     : on    ? ui.theme.tile_on
                             : ui.theme.tile,
                     on ? ui.theme.button_pressed : ui.theme.button, border, kRounding);

  const float room = r.width() - 2 * pad;
  // The picture takes half the tile in every tile of a grid alike (up to the
  // tile's width, less the speech button's on either side of it); the words
  // the rest, in a smaller size where they need it, below the button.
  float picture = std::round(std::min(
      {r.height() * 0.5f, room * 0.8f, std::max(kLeastPicture, room - 2 * (speaker + pad))}));
  float words_room = r.height() - std::max(picture, speaker) - 3 * pad;
  const render::LayoutOptions centred{.max_width = room, .align = render::Align::Center};
  std::shared_ptr<const render::Layout> text, small;
  // Smaller until the words fit, with no word cut in two.
  for (const float scale : kWordScales) {
    text =
        ui.engine.layout(label, {std::round(c.m.body * scale), ui.language, ui.direction}, centred);
    small.reset();
    if (!note.empty())
      small = ui.engine.layout(
          note, {std::round(c.m.body * scale * 0.8f), ui.language, ui.direction}, centred);
    const bool whole = !text->cut_a_word && !(small && small->cut_a_word);
    if (whole && text->height + (small ? small->height : 0) <= words_room) break;
  }
  const float words = text->height + (small ? small->height : 0);
  // Words that still do not fit (large text on a small screen) take room
  // from the picture: the label is what a reader needs whole.
  if (words > words_room) {
    picture = std::max(0.0f, std::floor(r.height() - 3 * pad - words));
    words_room = words;
  }
  list.PushClipRect(r.min, r.max, true);
  float y = r.min.y + pad;
  if (picture >= 16)
    draw_picture(c, picture_glyphs, picture, ImVec2(r.centre().x, y + picture / 2));
  y += std::max(picture, std::min(speaker, r.height() - 3 * pad - words)) + pad;
  // The words centred in the room left for them.
  y += std::max(0.0f, std::round((words_room - words) / 2));
  render::draw_layout(list, ui.atlas, *text, ImVec2(r.min.x + pad, std::round(y)), ui.theme.text);
  if (small)
    render::draw_layout(list, ui.atlas, *small, ImVec2(r.min.x + pad, std::round(y + text->height)),
                        ui.theme.muted_text);
  list.PopClipRect();
  if (speech) draw_speech_button(c, speaker_rect, speech->pressed);
  return touch.acted;
}

bool answer_button(PageContext& c, const char* id, Answer answer, std::string_view label, Rect r) {
  c.controls[id] = r;
  readable(c, label);
  render::UiContext& ui = c.frame.ui;
  const render::Touch touch = render::touch_target(id, r.min, r.size());
  const bool pressed = touch.pressed;
  if (touch.acted) ui.needs_frame = true;
  ImDrawList& list = *ImGui::GetWindowDrawList();
  render::framed_box(list, r.min, r.max, pressed ? ui.theme.tile_pressed : ui.theme.tile,
                     ui.theme.button, 2.0f, kRounding);
  const auto text = ui.engine.layout(label, {c.m.body, ui.language, ui.direction},
                                     {.max_width = r.width(), .align = render::Align::Center});
  const float radius =
      std::round(std::max(24.0f, std::min(r.width(), r.height() - text->height) * 0.3f));
  const ImVec2 centre(r.centre().x, std::round(r.min.y + (r.height() - text->height) / 2));
  const ImU32 colour = answer == Answer::Yes ? ui.theme.yes : ui.theme.no;
  list.AddCircleFilled(centre, radius, colour);
  const float w = std::max(4.0f, radius * 0.22f);
  if (answer == Answer::Yes) {
    const ImVec2 tick[] = {ImVec2(centre.x - radius * 0.45f, centre.y + radius * 0.02f),
                           ImVec2(centre.x - radius * 0.1f, centre.y + radius * 0.38f),
                           ImVec2(centre.x + radius * 0.48f, centre.y - radius * 0.35f)};
    list.AddPolyline(tick, 3, ui.theme.button_text, ImDrawFlags_None, w);
  } else {
    const float a = radius * 0.4f;
    list.AddLine(ImVec2(centre.x - a, centre.y - a), ImVec2(centre.x + a, centre.y + a),
                 ui.theme.button_text, w);
    list.AddLine(ImVec2(centre.x - a, centre.y + a), ImVec2(centre.x + a, centre.y - a),
                 ui.theme.button_text, w);
  }
  render::draw_layout(list, ui.atlas, *text,
                      ImVec2(r.min.x, std::round(centre.y + radius + c.m.gap * 0.5f)),
                      ui.theme.text);
  return touch.acted;
}

}  // namespace ih::kiosk
