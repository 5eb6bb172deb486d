#include "kiosk/keyboard/keyboard_view.h"

#include <algorithm>
#include <cmath>

#include "i18n/language.h"
#include "render/text_draw.h"
#include "render/text_field.h"
#include "render/touch.h"

namespace ih::kiosk::keyboard {

namespace {

constexpr float kRounding = 8.0f;
constexpr float kPadding = 6.0f;

constexpr float kLetterShare = 0.42f;  // of a key's height
constexpr float kWordShare = 0.30f;
constexpr float kHintShare = 0.22f;
constexpr float kPadShare = 0.45f;
constexpr float kTallLine = 1.8f;  // line height in ems beyond which text centres on its ink

bool is_action(const Target& t) {
  return t.kind == TargetKind::Key && t.key->action != KeyAction::Type &&
         t.key->action != KeyAction::Syllables;
}

// A label of several letters (a layout's name, "?123") is smaller than a letter.
float label_size(const Target& t, float key_height, bool pad) {
  if (pad) return std::round(key_height * kPadShare);
  if (t.kind == TargetKind::Layout) return std::round(key_height * kWordShare * 1.1f);
  if (t.kind == TargetKind::Key &&
      (t.key->action == KeyAction::Space || t.key->action == KeyAction::Symbols ||
       t.key->action == KeyAction::Letters))
    return std::round(key_height * kWordShare);
  return std::round(key_height * kLetterShare);
}

// How far the ink of a one-line layout reaches above and below its first
// baseline, from the glyphs' bitmaps.
std::pair<float, float> ink_extent(render::UiContext& ui, const render::Layout& layout) {
  float above = 0, below = 0;
  if (layout.lines.empty()) return {above, below};
  const float size = layout.shaped->style.size;
  for (const render::LineRun& run : layout.lines.front().runs) {
    const render::FontId font = layout.shaped->runs[static_cast<size_t>(run.run)].font;
    for (const render::Glyph& g : run.glyphs) {
      const render::AtlasGlyph a = ui.atlas.glyph(font, g.id, size);
      if (!a.visible()) continue;
      above = std::max(above, static_cast<float>(a.top) + g.y_offset);
      below = std::max(below, static_cast<float>(a.rect.h - a.top) - g.y_offset);
    }
  }
  return {above, below};
}

// Draws `text` centred in `box` at `size`, cut with "…" if it is too wide.
// Text is centred on its line box, which keeps Latin letters on one baseline
// across a row; but Nastaliq's line box is far taller than its letters and
// would leave them low in the key, so text whose line is much taller than its
// size is centred on its ink.
void centred_text(render::UiContext& ui, ImDrawList& list, std::string_view text,
                  const std::string& language, float size, const Rect& box, ImU32 colour,
                  float shift_y = 0) {
  if (text.empty()) return;
  const auto layout = ui.engine.layout(text, {size, language, render::Direction::Auto},
                                       {.max_width = std::max(1.0f, box.width() - 2 * kPadding),
                                        .align = render::Align::Center,
                                        .ellipsis = true});
  float top = box.min.y + (box.height() - layout->height) / 2;
  if (!layout->lines.empty() && layout->height > kTallLine * size) {
    const auto [above, below] = ink_extent(ui, *layout);
    top = box.min.y + (box.height() - above - below) / 2 + above - layout->lines.front().baseline();
  }
  const ImVec2 origin(box.min.x + kPadding, std::round(top + shift_y));
  render::draw_layout(list, ui.atlas, *layout, origin, colour);
}

void draw_target(render::UiContext& ui, ImDrawList& list, const Keyboard& keyboard, const Target& t,
                 bool pressed, const i18n::LocaleFormat* digits) {
  render::note_touch_target(("key " + t.label).c_str(), t.rect.min, t.rect.max);
  const KeyboardLayout& layout = keyboard.layout();
  const float key_height = keyboard.geometry().key_height;
  const bool lit = keyboard.lit(t);
  ImU32 fill = is_action(t) ? ui.theme.action_key : ui.theme.key;
  ImU32 ink = ui.theme.text;
  if (lit) {
    fill = ui.theme.button;
    ink = ui.theme.button_text;
  }
  if (pressed) {
    fill = ui.theme.button_pressed;
    ink = ui.theme.button_text;
  }
  render::fill_rounded_rect(list, t.rect.min, t.rect.max, fill, kRounding);
  list.AddRect(t.rect.min, t.rect.max, ui.theme.key_border, kRounding, 0, 1.5f);

  list.PushClipRect(t.rect.min, t.rect.max, true);
  const bool space = t.kind == TargetKind::Key && t.key->action == KeyAction::Space;
  const ImU32 label_ink = space && !pressed ? ui.theme.space_label : ink;
  const float size = label_size(t, key_height, layout.pad);
  // A pad digit with the UI language's own digit under it.
  std::string native;
  if (layout.pad && digits && digits->numbering_system() != "latn" && t.kind == TargetKind::Key &&
      t.key->action == KeyAction::Type && t.key->text.size() == 1 && t.key->text[0] >= '0' &&
      t.key->text[0] <= '9')
    native = digits->number(static_cast<int64_t>(t.key->text[0] - '0'));
  if (native.empty()) {
    centred_text(ui, list, t.label, t.language, size, t.rect, label_ink);
  } else {
    const float lift = std::round(key_height * 0.16f);
    centred_text(ui, list, t.label, t.language, size, t.rect, label_ink, -lift);
    centred_text(ui, list, native, digits->locale(), std::round(size * 0.6f), t.rect,
                 pressed ? ink : ui.theme.muted_text, lift + std::round(size * 0.25f));
  }
  // The first variant, small, in the top end corner.
  if (t.kind == TargetKind::Key && t.key->action == KeyAction::Type && !t.key->variants.empty()) {
    const auto hint = ui.engine.layout(t.key->variants.front(),
                                       {std::round(key_height * kHintShare), layout.language});
    const bool rtl = i18n::is_rtl(layout.language);
    const float x = rtl ? t.rect.min.x + kPadding : t.rect.max.x - kPadding - hint->width;
    render::draw_layout(list, ui.atlas, *hint, ImVec2(std::round(x), t.rect.min.y + 2),
                        pressed || lit ? ink : ui.theme.muted_text);
  }
  list.PopClipRect();
}

}  // namespace

KeyboardFrame keyboard_frame(render::UiContext& ui, Keyboard& keyboard, ImVec2 screen,
                             const i18n::LocaleFormat* digits) {
  KeyboardFrame frame;
  keyboard.arrange(screen);
  const ImGuiIO& io = ImGui::GetIO();
  frame.strokes = keyboard.touch({io.MousePos, io.MouseDown[0]}, ImGui::GetTime());
  frame.deadline = keyboard.next_deadline();
  if (!frame.strokes.empty()) ui.needs_frame = true;

  ImDrawList& list = *ImGui::GetWindowDrawList();
  const PanelGeometry& g = keyboard.geometry();
  list.AddRectFilled(g.panel.min, g.panel.max, ui.theme.key_panel);
  if (!g.strip.empty() && !keyboard.chooser_open())
    render::fill_rounded_rect(list, g.strip.min, g.strip.max, ui.theme.syllable_strip, kRounding);
  const Target* pressed = keyboard.pressed();
  // The long-press row sits on a backdrop of its own, so the keys it covers do
  // not show between its cells.
  Rect row{ImVec2(1e9f, 1e9f), ImVec2(-1e9f, -1e9f)};
  for (const Target& t : keyboard.targets()) {
    if (t.kind == TargetKind::Variant) {
      row.min = ImVec2(std::min(row.min.x, t.rect.min.x), std::min(row.min.y, t.rect.min.y));
      row.max = ImVec2(std::max(row.max.x, t.rect.max.x), std::max(row.max.y, t.rect.max.y));
      continue;
    }
    draw_target(ui, list, keyboard, t, pressed && same_target(*pressed, t), digits);
  }
  if (row.empty()) return frame;
  const float margin = g.gap;
  render::fill_rounded_rect(list, ImVec2(row.min.x - margin + 4, row.min.y - margin + 6),
                            ImVec2(row.max.x + margin + 4, row.max.y + margin + 6),
                            ui.theme.variants_shadow, kRounding);
  render::fill_rounded_rect(list, ImVec2(row.min.x - margin, row.min.y - margin),
                            ImVec2(row.max.x + margin, row.max.y + margin),
                            ui.theme.variants_backdrop, kRounding);
  list.AddRect(ImVec2(row.min.x - margin, row.min.y - margin),
               ImVec2(row.max.x + margin, row.max.y + margin), ui.theme.button, kRounding, 0, 3.0f);
  for (const Target& t : keyboard.targets())
    if (t.kind == TargetKind::Variant)
      draw_target(ui, list, keyboard, t, pressed && same_target(*pressed, t), digits);
  return frame;
}

}  // namespace ih::kiosk::keyboard
