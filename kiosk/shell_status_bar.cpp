// The shell's status bar (shell.h): Exit, large text, the staff button on the
// attract page, and what the terminal's connection and queue are, in words.
#include <algorithm>
#include <cmath>

#include "kiosk/shell.h"
#include "render/text_draw.h"

namespace ih::kiosk {

namespace {

using i18n::msg;

// What the status bar says: honest about the connection and the queue.
std::string status_text(const i18n::Localizer& s, const std::optional<SyncStatus>& status,
                        bool& online) {
  online = status && status->state != SyncState::Offline;
  std::string text;
  if (online)
    // TRANSLATORS: Status bar: the terminal reaches the platform now.
    text = s.text(msg("Online"));
  else
    // TRANSLATORS: Status bar: the terminal cannot reach the platform now
    // (what people enter waits on the terminal, encrypted, and is sent later).
    // Plain words, not "offline": people read it.
    text = s.text(msg("This terminal has no internet right now"));
  if (status && status->waiting > 0) {
    text += "  ·  ";
    // TRANSLATORS: Status bar: how many entries wait on this terminal to be
    // sent to the platform, e.g. "Waiting to be sent: 3".
    text += s.format(msg("Waiting to be sent: {count}"), {{"count", status->waiting}});
  }
  return text;
}

// The gap above and below the status bar's buttons, as a share of its height.
constexpr float kBarButtonPad = 0.07f;

}  // namespace

std::optional<Action> Shell::draw_status_bar(PageContext& c, float top) {
  render::UiContext& ui = c.frame.ui;
  const i18n::Localizer& s = c.frame.strings;
  const i18n::Span box = content(c);
  // The bar reaches from `top` to where the page's area begins; `h` is its
  // height, and every y below is from its top.
  const float h = c.area.min.y - top;
  ImDrawList& list = *ImGui::GetWindowDrawList();
  list.AddRectFilled(ImVec2(0, top), ImVec2(c.frame.size.x, top + h), ui.theme.bar);

  std::optional<Action> action;
  float end_width = 0;
  if (session_.active) {
    // TRANSLATORS: Button, always visible while a person uses the terminal:
    // they leave, everything about them is erased and the terminal returns to
    // the start. A word for leaving ("exit"), not for a meeting or sitting.
    const std::string_view label = s.text(msg("Exit"));
    readable(c, label);
    const float size = std::round(c.m.body);
    const auto measured = ui.engine.layout(label, {size, ui.language, ui.direction});
    end_width = std::max(h * 2.5f, std::ceil(measured->width) + 2 * c.m.gap);
    // Little room above and below: Nastaliq's descenders need the height.
    const float pad = std::round(h * kBarButtonPad);
    const float x = i18n::at_end(c.direction(), box, end_width);
    const Rect r{ImVec2(x, top + pad), ImVec2(x + end_width, top + h - pad)};
    controls_["end-session"] = r;
    ImGui::SetCursorScreenPos(r.min);
    const float before = ui.text_size;
    ui.text_size = size;
    if (render::button(ui, "end-session", label, ImVec2(r.width(), r.height())))
      action = Action::EndSession;
    ui.text_size = before;
  }

  // Larger text, for whoever needs it: a tile marked when on, before "Exit"
  // (the next session starts from the settings again).
  if (session_.active) {
    const float pad = std::round(h * kBarButtonPad);
    const float side = std::max(render::kMinTouchTarget, h - 2 * pad);
    const float x = i18n::at_end(c.direction(), box, side, end_width + c.m.gap);
    const Rect r{ImVec2(x, top + pad), ImVec2(x + side, top + pad + side)};
    if (page_toggle(c, "large-text", "A+", "en", session_.large_text, r, false))
      action = Action::ToggleLargeText;
    end_width += side + c.m.gap;
    // Reading the page aloud, before it, as large as A+.
    const float sx = i18n::at_end(c.direction(), box, side, end_width + c.m.gap);
    if (draw_page_speech(c, {ImVec2(sx, r.min.y), ImVec2(sx + side, r.max.y)}))
      end_width += side + c.m.gap;
  }

  bool& online = shown_online_;
  const std::string text = status_text(
      s, options_.accounts.sync_status ? options_.accounts.sync_status() : std::nullopt, online);
  const float size = std::round(c.m.body * 0.85f);
  const float dot = std::round(size * 0.35f);
  const float room = box.width - end_width - c.m.gap * 2 - dot * 3;
  // The text wraps within its room; where it still overflows the bar (a long
  // language, large text, a queue to report) it is set smaller until it fits,
  // down to half the body size, rather than spill onto the page.
  float fitted = size;
  auto layout = ui.engine.layout(text, {fitted, ui.language, ui.direction}, {.max_width = room});
  while (layout->height > h && fitted > c.m.body * 0.5f) {
    fitted = std::round(fitted * 0.9f);
    layout = ui.engine.layout(text, {fitted, ui.language, ui.direction}, {.max_width = room});
  }
  const float y = std::round(top + (h - layout->height) / 2);
  // A filled dot when online, a ring when not: the shape says it, not only the colour.
  const float dot_x = i18n::at_start(c.direction(), box, dot * 2) + dot;
  const ImVec2 centre(dot_x, top + h / 2);
  if (online)
    list.AddCircleFilled(centre, dot, ui.theme.online);
  else
    list.AddCircle(centre, dot - 1.5f, ui.theme.offline, 0, 3.0f);
  const float text_x = i18n::at_start(c.direction(), box, room, dot * 3);
  readable(c, text);
  render::draw_layout(list, ui.atlas, *layout, ImVec2(text_x, y), ui.theme.text);
  return action;
}

}  // namespace ih::kiosk
