// Drawing laid-out text into an ImGui draw list.
//
// Glyphs come from a GlyphAtlas (rasterized on first use) and become one
// textured quad each, snapped to whole pixels, batched into one draw command per
// atlas page. Quads entirely outside the draw list's current clip rectangle are
// left out.
//
// ImDrawIdx is 16 bits in the packaged ImGui: quads are reserved in chunks small
// enough that ImGui can start a new vertex offset between them, so a layout of
// any length draws correctly when the renderer backend sets
// ImGuiBackendFlags_RendererHasVtxOffset (the SDL_Renderer backend does).
//
// Not thread-safe: call on the UI thread, between ImGui's NewFrame and Render.
#pragma once

#include <imgui.h>

#include "render/glyph_atlas.h"
#include "render/paragraph.h"

namespace ih::render {

// Draws `layout` with the top-left corner of its box at `origin`. Outline glyphs
// are tinted with `colour`; colour glyphs keep their colours and take only its
// alpha.
void draw_layout(ImDrawList& list, GlyphAtlas& atlas, const Layout& layout, ImVec2 origin,
                 ImU32 colour);

// Where draw_layout() puts pixels, relative to the box's top-left corner:
// an emoji's ink reaches far above its line's ascent, so pictures are placed
// by their ink, not their box. Equal corners when nothing is drawn.
struct Ink {
  ImVec2 min, max;
};
Ink ink_of(GlyphAtlas& atlas, const Layout& layout);

}  // namespace ih::render
