// The kiosk's own widgets on top of ImGui: text through the text engine (ImGui
// cannot shape or reorder) and touch-sized buttons.
//
// A UiContext is made by the application for each frame or kept across frames;
// it borrows the text engine and the glyph atlas, which must outlive it. Widgets
// place themselves at ImGui's cursor in the current window, like ImGui's own.
//
// Not thread-safe: call on the UI thread, between ImGui's NewFrame and Render.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>

#include "render/bidi.h"
#include "render/glyph_atlas.h"
#include "render/text_engine.h"

namespace ih::render {

// Colours, chosen for contrast on a bright screen: text ≥ 4.5:1 on its
// background, button fill ≥ 3:1 against the page.
struct Theme {
  ImU32 background = IM_COL32(0xF7, 0xF7, 0xF5, 0xFF);
  ImU32 text = IM_COL32(0x1A, 0x1A, 0x1A, 0xFF);
  ImU32 muted_text = IM_COL32(0x55, 0x55, 0x55, 0xFF);
  ImU32 button = IM_COL32(0x1F, 0x5F, 0xAD, 0xFF);
  ImU32 button_pressed = IM_COL32(0x12, 0x3A, 0x6B, 0xFF);
  ImU32 button_text = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
};

struct UiContext {
  TextEngine& engine;
  GlyphAtlas& atlas;
  Theme theme = {};
  std::string language = "de";           // BCP 47 tag of the UI language
  Direction direction = Direction::Ltr;  // of the UI language (Ltr or Rtl)
  float text_size = 32.0f;               // pixels per em
  // Set by a widget whose action changes what the next frame shows; the
  // application then draws another frame even if no input arrives.
  bool needs_frame = false;
};

struct LabelOptions {
  float size = 0;                           // pixels per em; 0: the context's
  std::string_view language = {};           // empty: the context's
  std::optional<Direction> direction = {};  // paragraph direction; default: the context's
  Align align = Align::Start;               // start and end follow the direction
  std::optional<ImU32> colour = {};         // default: the theme's text colour
};

// Lays out `text` wrapped to `width` pixels, draws it at the cursor and moves the
// cursor below it. Returns the size it took: `width` by the text's height.
ImVec2 label(UiContext& ui, std::string_view text, float width, const LabelOptions& options = {});

// A button with a centred label in the UI language, at least 64 × 64 pixels. It
// shows a pressed state while held with the finger over it and returns true when
// released over it, so sliding off cancels. `id` must be unique in the window.
bool button(UiContext& ui, const char* id, std::string_view text, ImVec2 size);

}  // namespace ih::render
