#include "kiosk/keyboard/keyboard_geometry.h"

#include <algorithm>
#include <cmath>

namespace ih::kiosk::keyboard {

namespace {

// A key's height as a share of the screen's height, and its bounds: 92 pixels at
// 1080p, 68 at 800, never above 100 on a tall portrait screen.
constexpr float kKeyShare = 0.085f;
constexpr float kMaxKey = 100.0f;
constexpr float kGapShare = 0.12f;  // of a key's height
// Keys at most this many times as wide as tall (a 1920 pixel wide screen
// would otherwise make Latin keys twice as wide as tall).
constexpr float kMaxAspect = 1.6f;
constexpr float kPadKeyScale = 1.2f;
constexpr float kPadAspect = 2.2f;

size_t row_count(const KeyboardLayout& layout) {
  return std::max({layout.letters.rows.size(), layout.shift.rows.size(), layout.symbols.rows.size(),
                   size_t{1}});
}

float units(const KeyRow& row) {
  float sum = 0;
  for (const Key& k : row) sum += k.width;
  return sum;
}

}  // namespace

bool has_syllables(const KeyboardLayout& layout) {
  for (const KeyLayer* layer : {&layout.letters, &layout.shift, &layout.symbols})
    for (const KeyRow& row : layer->rows)
      for (const Key& k : row)
        if (k.action == KeyAction::Syllables) return true;
  return false;
}

PanelGeometry panel_geometry(ImVec2 screen, const KeyboardLayout& layout) {
  PanelGeometry g;
  g.key_height = std::round(std::clamp(screen.y * kKeyShare, kMinKey, kMaxKey));
  if (layout.pad) g.key_height = std::round(g.key_height * kPadKeyScale);
  g.gap = std::round(g.key_height * kGapShare);
  const float rows = static_cast<float>(row_count(layout));
  const bool strip = has_syllables(layout);
  const float keys_height = rows * g.key_height + (rows - 1) * g.gap;
  const float height = keys_height + 2 * g.gap + (strip ? g.key_height + g.gap : 0);
  g.panel = {ImVec2(0, screen.y - height), ImVec2(screen.x, screen.y)};
  const float top = g.panel.min.y + g.gap;
  if (strip) g.strip = {ImVec2(g.gap, top), ImVec2(screen.x - g.gap, top + g.key_height)};
  const float keys_top = strip ? g.strip.max.y + g.gap : top;
  g.keys = {ImVec2(g.gap, keys_top), ImVec2(screen.x - g.gap, keys_top + keys_height)};
  return g;
}

std::vector<PlacedKey> place_layer(const KeyLayer& layer, const PanelGeometry& g, bool pad) {
  std::vector<PlacedKey> out;
  float widest = 1;
  for (const KeyRow& row : layer.rows) widest = std::max(widest, units(row));
  // Pitch: a key's width plus one gap. A key `w` wide is w pitches less a gap.
  float pitch = (g.keys.width() + g.gap) / widest;
  pitch = std::min(pitch, g.key_height * (pad ? kPadAspect : kMaxAspect) + g.gap);
  pitch = std::floor(pitch);
  float y = g.keys.min.y;
  for (const KeyRow& row : layer.rows) {
    const float row_width = units(row) * pitch - g.gap;
    float x = std::round(g.keys.min.x + (g.keys.width() - row_width) / 2);
    for (const Key& k : row) {
      const float w = std::round(k.width * pitch - g.gap);
      out.push_back({&k, {ImVec2(x, y), ImVec2(x + w, y + g.key_height)}});
      x += w + g.gap;
    }
    y += g.key_height + g.gap;
  }
  return out;
}

std::vector<Rect> place_cells(size_t count, float centre_x, float top, float pitch,
                              const PanelGeometry& g) {
  std::vector<Rect> out;
  if (count == 0) return out;
  const float n = static_cast<float>(count);
  pitch = std::floor(std::min(pitch, (g.keys.width() + g.gap) / n));
  const float width = n * pitch - g.gap;
  const float left =
      std::round(std::clamp(centre_x - width / 2, g.keys.min.x, g.keys.max.x - width));
  for (size_t i = 0; i < count; ++i) {
    const float x = left + static_cast<float>(i) * pitch;
    out.push_back({ImVec2(x, top), ImVec2(x + pitch - g.gap, top + g.key_height)});
  }
  return out;
}

std::vector<Rect> place_grid(size_t count, int columns, const PanelGeometry& g) {
  std::vector<Rect> out;
  if (count == 0 || columns <= 0) return out;
  const auto cols = static_cast<size_t>(columns);
  const size_t rows = (count + cols - 1) / cols;
  const Rect area{ImVec2(g.keys.min.x, g.strip.empty() ? g.keys.min.y : g.strip.min.y), g.keys.max};
  const float w =
      std::floor((area.width() - g.gap * static_cast<float>(cols - 1)) / static_cast<float>(cols));
  const float h =
      std::floor((area.height() - g.gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
  for (size_t i = 0; i < count; ++i) {
    const float x = area.min.x + static_cast<float>(i % cols) * (w + g.gap);
    const float y = area.min.y + static_cast<float>(i / cols) * (h + g.gap);
    out.push_back({ImVec2(x, y), ImVec2(x + w, y + h)});
  }
  return out;
}

}  // namespace ih::kiosk::keyboard
