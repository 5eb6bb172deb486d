#include "render/text_probe.h"

#include "render/utf.h"

namespace ih::render {

namespace {
TextProbe* current = nullptr;  // UI thread only, as drawing is
}  // namespace

TextProbe::TextProbe() {
  current = this;
}
TextProbe::~TextProbe() {
  if (current == this) current = nullptr;
}

bool text_probe_on() {
  return current != nullptr;
}

void record_drawn_text(const Layout& layout, ImVec2 ink_min, ImVec2 ink_max, ImVec2 clip_min,
                       ImVec2 clip_max, ImU32 colour, bool picture, const ImDrawList& list) {
  if (!current || !layout.shaped) return;
  current->drawn.push_back({utf16_to_utf8(layout.shaped->text), ink_min, ink_max, clip_min,
                            clip_max, colour, layout.shaped->style.size, layout.cut_a_word,
                            layout.ellipsized, picture, &list, list.VtxBuffer.Size});
}

void note_scroll_view(ImVec2 min, ImVec2 max, bool sideways) {
  if (current) current->scroll_views.push_back({min, max, sideways});
}

}  // namespace ih::render
