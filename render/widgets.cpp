#include "render/widgets.h"

#include <algorithm>
#include <cmath>

#include "render/text_draw.h"
#include "render/touch.h"

namespace ih::render {

namespace {

constexpr float kButtonRounding = 8.0f;

}  // namespace

ImVec2 label(UiContext& ui, std::string_view text, float width, const LabelOptions& options) {
  const TextStyle style{options.size > 0 ? options.size : ui.text_size,
                        std::string(options.language.empty() ? ui.language : options.language),
                        options.direction.value_or(ui.direction)};
  const auto layout = fit_label(ui.engine, text, style,
                                {.max_width = width, .align = options.align}, options.max_height);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size(layout->box_width, layout->height);
  ImGui::Dummy(size);
  if (ImGui::IsItemVisible())
    draw_layout(*ImGui::GetWindowDrawList(), ui.atlas, *layout, origin,
                options.colour.value_or(ui.theme.text));
  return size;
}

std::shared_ptr<const Layout> fit_label(TextEngine& engine, std::string_view text, TextStyle style,
                                        const LayoutOptions& options, float max_height) {
  const float full = style.size;
  std::shared_ptr<const Layout> layout = engine.layout(text, style, options);
  // Steps of a tenth: few enough that a label costs at most four layouts,
  // each cached by the engine after the first frame.
  for (float share = 0.9f; share > 0.65f; share -= 0.1f) {
    if (!layout->cut_a_word && layout->height <= max_height) break;
    style.size = std::round(full * share);
    layout = engine.layout(text, style, options);
  }
  return layout;
}

bool button(UiContext& ui, const char* id, std::string_view text, ImVec2 size) {
  size.x = std::max(size.x, kMinTouchTarget);
  size.y = std::max(size.y, kMinTouchTarget);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  const Touch touch = touch_target(id, min, size);
  const bool released = touch.acted;
  const bool pressed = touch.pressed;
  if (released) ui.needs_frame = true;
  if (!ImGui::IsItemVisible()) return released;

  ImDrawList& list = *ImGui::GetWindowDrawList();
  list.AddRectFilled(min, max, pressed ? ui.theme.button_pressed : ui.theme.button,
                     kButtonRounding);
  const TextStyle style{ui.text_size, ui.language, ui.direction};
  const auto layout =
      fit_label(ui.engine, text, style,
                {.max_width = size.x - 2 * kButtonPadding, .align = Align::Center}, size.y);
  const ImVec2 origin(min.x + kButtonPadding, std::round(min.y + (size.y - layout->height) / 2));
  list.PushClipRect(min, max, true);
  draw_layout(list, ui.atlas, *layout, origin, ui.theme.button_text);
  list.PopClipRect();
  return released;
}

}  // namespace ih::render
