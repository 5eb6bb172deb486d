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

#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "render/bidi.h"
#include "render/glyph_atlas.h"
#include "render/text_engine.h"

namespace ih::render {

// The least size of a touch target either way, in pixels at 1080p (WCAG
// 2.5.5 asks 44 CSS pixels; a shared screen, touched standing, more).
inline constexpr float kMinTouchTarget = 64.0f;

// Every colour the kiosk draws with, in one place (as ImGuiStyle::Colors):
// widgets and pages take them from UiContext::theme, never from constants of
// their own. Chosen for a bright screen: text ≥ 4.5:1 on what it is drawn on,
// borders and fills that carry meaning ≥ 3:1 against their neighbours.
struct Theme {
  // [The page]
  ImU32 background = IM_COL32(0xF7, 0xF7, 0xF5, 0xFF);
  ImU32 text = IM_COL32(0x1A, 0x1A, 0x1A, 0xFF);
  ImU32 muted_text = IM_COL32(0x55, 0x55, 0x55, 0xFF);
  // Errors, always with a word or a sign as well: 7.2:1 on the background.
  ImU32 error = IM_COL32(0xA3, 0x1B, 0x1B, 0xFF);
  // [Buttons] fill ≥ 3:1 against the page, label 4.5:1 or more on the fill.
  ImU32 button = IM_COL32(0x1F, 0x5F, 0xAD, 0xFF);
  ImU32 button_pressed = IM_COL32(0x12, 0x3A, 0x6B, 0xFF);
  ImU32 button_text = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
  // [Tiles] choices that are on or off (page_toggle); "on" also shows by a
  // thick border and a check mark, not by the fill alone.
  ImU32 tile = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
  ImU32 tile_on = IM_COL32(0xE3, 0xEE, 0xFA, 0xFF);
  ImU32 tile_pressed = IM_COL32(0xC9, 0xDC, 0xF2, 0xFF);
  // The border of a tile that is neither chosen nor new (a conversation read
  // already): quieter than a button's, 4.5:1 against the page all the same.
  ImU32 quiet_border = IM_COL32(0x6B, 0x72, 0x80, 0xFF);
  // [Yes and no] the answer buttons' discs, each with its own sign (a tick,
  // a cross) in button_text: 5.1:1 and 6.5:1 against it; never colour alone.
  ImU32 yes = IM_COL32(0x1B, 0x7F, 0x3B, 0xFF);
  ImU32 no = IM_COL32(0xB3, 0x26, 0x1E, 0xFF);
  // [Lists that scroll] a bar along the end edge says there is more: the
  // thumb 4.6:1 against the page, the track lighter.
  ImU32 scroll_track = IM_COL32(0xDD, 0xE1, 0xE6, 0xFF);
  ImU32 scroll_thumb = IM_COL32(0x5F, 0x66, 0x70, 0xFF);
  // [Text fields]
  ImU32 field = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
  // [The status bar] a filled dot online, a ring offline: shape, not only colour.
  ImU32 bar = IM_COL32(0xE9, 0xEC, 0xEF, 0xFF);
  ImU32 online = IM_COL32(0x1B, 0x7A, 0x3A, 0xFF);
  ImU32 offline = IM_COL32(0x8A, 0x8A, 0x8A, 0xFF);
  // [The on-screen keyboard] key borders 3.7:1 against the panel (keys differ
  // from it by their border, not their fill); labels 10:1 or more on keys, the
  // layout's name on the space bar 5:1.
  ImU32 key_panel = IM_COL32(0xDD, 0xE1, 0xE6, 0xFF);
  ImU32 key = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
  ImU32 action_key = IM_COL32(0xC3, 0xCA, 0xD4, 0xFF);
  ImU32 key_border = IM_COL32(0x6B, 0x72, 0x80, 0xFF);
  ImU32 space_label = IM_COL32(0x4A, 0x4F, 0x57, 0xFF);
  ImU32 syllable_strip = IM_COL32(0xEE, 0xF0, 0xF3, 0xFF);
  ImU32 variants_shadow = IM_COL32(0x00, 0x00, 0x00, 0x40);
  ImU32 variants_backdrop = IM_COL32(0xC9, 0xD8, 0xEC, 0xFF);  // the long-press row's
  // [QR codes] black on white whatever the theme: what scanners expect.
  ImU32 qr_dark = IM_COL32(0x00, 0x00, 0x00, 0xFF);
  ImU32 qr_light = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
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

// Room between a button's edge and its label, on each side.
inline constexpr float kButtonPadding = 12.0f;

struct LabelOptions {
  float size = 0;                           // pixels per em; 0: the context's
  std::string_view language = {};           // empty: the context's
  std::optional<Direction> direction = {};  // paragraph direction; default: the context's
  Align align = Align::Start;               // start and end follow the direction
  std::optional<ImU32> colour = {};         // default: the theme's text colour
  // Where the room ends below: the text is drawn smaller (fit_label) rather
  // than reach further.
  float max_height = std::numeric_limits<float>::infinity();
};

// Lays out `text` wrapped to `width` pixels, draws it at the cursor and moves the
// cursor below it. Returns the size it took: `width` by the text's height.
ImVec2 label(UiContext& ui, std::string_view text, float width, const LabelOptions& options = {});

// A control's label laid out to fit `options.max_width` by `max_height`: at
// `style.size`, or a little smaller where a word would otherwise be cut in
// two or the lines would not fit the height, down to 70% of the size. Below
// that it stays at 70%, cut between graphemes if it must: a label that
// long is a fault of the layout around it (tests/kiosk/audit_test.cpp
// finds it).
std::shared_ptr<const Layout> fit_label(TextEngine& engine, std::string_view text, TextStyle style,
                                        const LayoutOptions& options, float max_height);

// A button with a centred label in the UI language (fitted: fit_label), at
// least 64 × 64 pixels. It
// shows a pressed state while held with the finger over it and returns true when
// released over it, so sliding off cancels. `id` must be unique in the window.
bool button(UiContext& ui, const char* id, std::string_view text, ImVec2 size);

}  // namespace ih::render
