#include "kiosk/screens/page.h"

#include <algorithm>
#include <cmath>

namespace ih::kiosk {

Metrics metrics(ImVec2 screen) {
  const float unit = std::min(screen.x, screen.y);
  Metrics m;
  m.margin = std::round(unit * 0.05f);
  m.gap = std::round(unit * 0.025f);
  m.title = std::max(36.0f, std::round(unit * 0.06f));
  m.body = std::max(26.0f, std::round(unit * 0.034f));
  // A main button is at least 96 px high: far above the 64 px a finger needs.
  m.button = std::max(96.0f, std::round(unit * 0.12f));
  return m;
}

i18n::Span content(const PageContext& c) {
  return {c.area.min.x + c.m.margin, c.area.width() - 2 * c.m.margin};
}

bool page_button(PageContext& c, const char* id, std::string_view text, Rect r) {
  c.controls[id] = r;
  ImGui::SetCursorScreenPos(r.min);
  render::UiContext& ui = c.frame.ui;
  const float before = ui.text_size;
  ui.text_size = std::round(c.m.button * 0.36f);
  const bool released = render::button(ui, id, text, ImVec2(r.width(), r.height()));
  ui.text_size = before;
  return released;
}

float page_heading(PageContext& c, std::string_view text, float y) {
  const i18n::Span box = content(c);
  ImGui::SetCursorScreenPos(ImVec2(box.left, y));
  render::label(c.frame.ui, text, box.width, {.size = c.m.title});
  return ImGui::GetCursorScreenPos().y;
}

float page_text(PageContext& c, std::string_view text, float y, float size,
                std::optional<ImU32> colour) {
  const i18n::Span box = content(c);
  ImGui::SetCursorScreenPos(ImVec2(box.left, y));
  render::label(c.frame.ui, text, box.width, {.size = size, .colour = colour});
  return ImGui::GetCursorScreenPos().y;
}

}  // namespace ih::kiosk
