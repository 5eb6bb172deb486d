#include "kiosk/screens/attract.h"

#include <cmath>

#include "render/text_draw.h"
#include "render/touch.h"

namespace ih::kiosk {

namespace {

using i18n::msg;

constexpr Greeting kGreetings[] = {
    {"de", "Willkommen"},       {"ar", "أهلاً وسهلاً"},    {"uk", "Ласкаво просимо"},
    {"ru", "Добро пожаловать"}, {"prs", "خوش آمدید"},    {"ps", "ښه راغلاست"},
    {"tr", "Hoş geldiniz"},     {"kmr", "Bi xêr hatin"}, {"fa", "خوش آمدید"},
    {"ckb", "بەخێربێن"},        {"so", "Ku soo dhowow"}, {"ti", "እንቋዕ ብደሓን መጻእኩም"},
    {"am", "እንኳን ደህና መጡ"},      {"es", "Bienvenidos"},   {"en", "Welcome"},
    {"fr", "Bienvenue"},        {"ka", "მოგესალმებით"},  {"ur", "خوش آمدید"},
};

render::Direction direction_of(const char* tag) {
  return i18n::direction_of(tag) == i18n::Direction::Rtl ? render::Direction::Rtl
                                                         : render::Direction::Ltr;
}

}  // namespace

std::span<const Greeting> attract_greetings() {
  return kGreetings;
}

std::optional<Action> draw_attract(PageContext& c, Clock::time_point since) {
  render::UiContext& ui = c.frame.ui;
  const auto shown = std::chrono::duration_cast<std::chrono::seconds>(c.now - since);
  const auto step = shown.count() / kGreetingPeriod.count();
  const Greeting& g = kGreetings[static_cast<size_t>(step) % std::size(kGreetings)];
  redraw_by(c.frame, since + kGreetingPeriod * (step + 1));

  // The whole screen starts a session on release.
  c.controls["attract"] = c.area;
  const bool released = render::touch_target("attract", c.area.min, c.area.size()).acted;

  const i18n::Span box = content(c);
  const float big = std::round(c.m.title * 1.8f);
  const auto greeting = ui.engine.layout(g.text, {big, g.language, direction_of(g.language)},
                                         {.max_width = box.width, .align = render::Align::Center});
  // TRANSLATORS: On the screen a terminal shows while nobody uses it.
  const std::string_view hint = c.frame.strings.text(msg("Touch the screen to start"));
  const auto touch = ui.engine.layout(hint, {c.m.title, ui.language, ui.direction},
                                      {.max_width = box.width, .align = render::Align::Center});
  const float block = greeting->height + c.m.gap * 3 + touch->height;
  const float top = std::round(c.area.min.y + (c.area.height() - block) / 2);
  ImDrawList& list = *ImGui::GetWindowDrawList();
  render::draw_layout(list, ui.atlas, *greeting, ImVec2(box.left, top), ui.theme.text);
  const float touch_top = top + greeting->height + c.m.gap * 3;
  // A wide pill behind the hint, so it reads as something to touch.
  const float pad = c.m.gap;
  const float half = std::min(box.width, touch->width + 4 * pad) / 2;
  const float mid = box.left + box.width / 2;
  list.AddRectFilled(ImVec2(mid - half, touch_top - pad),
                     ImVec2(mid + half, touch_top + touch->height + pad), ui.theme.button,
                     std::floor(touch->height / 2 + pad));
  render::draw_layout(list, ui.atlas, *touch, ImVec2(box.left, touch_top), ui.theme.button_text);
  if (released) return Action::Begin;
  return std::nullopt;
}

}  // namespace ih::kiosk
