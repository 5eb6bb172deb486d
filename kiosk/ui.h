// The parts every way of showing a screen shares: the ImGui context, the fonts,
// the text engine and the glyph atlas, the UI language with its catalogs, and
// the building of one frame.
//
// A Ui owns all of these. It borrows an SDL_Renderer (which must outlive it) to
// render with; without one, frames are built but cannot be rendered (for
// measuring the CPU cost of a frame). The window loop (app.h) and the headless
// capture (screenshot.h) each make one.
//
// Not thread-safe: the UI thread owns it. It makes its ImGui context current in
// every call, so several Ui objects may live on one thread.
#pragma once

#include <imgui.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "i18n/language_registry.h"
#include "i18n/localizer.h"
#include "kiosk/screen.h"
#include "render/glyph_atlas.h"
#include "render/text_engine.h"

struct SDL_Renderer;

namespace ih::kiosk {

struct UiConfig {
  std::string fonts;  // font configuration file
  std::string language = "de";
};

// What a frame asks of the next.
struct FrameOutcome {
  bool again = false;  // draw another frame soon
  std::optional<Clock::time_point> redraw_at;
  Orientation orientation = Orientation::Auto;  // the screen's wish (ScreenFrame)
};

class Ui {
 public:
  Ui(const UiConfig& config, SDL_Renderer* renderer);
  ~Ui();
  Ui(const Ui&) = delete;
  Ui& operator=(const Ui&) = delete;

  // Builds one frame of `screen`, from ImGui::NewFrame() to ImGui::Render().
  // The caller has set the display size, time step and input in ImGuiIO (the
  // SDL platform backend does, or set them by hand). A language the screen
  // asked for is switched to after the frame, which then asks for another.
  FrameOutcome build_frame(Screen& screen);

  // Queues what a physical keyboard sent, for the next frame's screen.
  void add_input(KeyboardInput input);

  // Makes `tag` the UI language: messages, digits, direction, at once.
  void set_language(std::string_view tag);

  // Uploads new glyphs and renders the frame built last, its vertices on a
  // 1/64-pixel grid so that it looks the same on every processor
  // (render/pixel_grid.h). Needs a renderer.
  void render();

  ImGuiContext* imgui() const { return imgui_; }
  ImGuiIO& io();
  render::TextEngine& engine() { return *engine_; }
  // After SDL_RENDER_DEVICE_RESET every texture of the renderer is gone:
  // makes ImGui's font texture and the glyph atlas's pages again.
  void recreate_textures();
  render::GlyphAtlas& atlas() { return *atlas_; }
  i18n::Localizer& strings() { return *strings_; }

 private:
  SDL_Renderer* renderer_;
  ImGuiContext* imgui_ = nullptr;
  std::unique_ptr<render::FontCollection> fonts_;
  std::unique_ptr<render::TextEngine> engine_;
  std::unique_ptr<render::GlyphAtlas> atlas_;
  std::unique_ptr<i18n::Localizer> strings_;
  render::Theme theme_;
  std::string language_;
  render::Direction direction_;
  std::vector<KeyboardInput> typed_;  // since the last frame; personal, wiped after it
};

}  // namespace ih::kiosk
