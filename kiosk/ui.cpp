#include "kiosk/ui.h"

#include <SDL.h>
#include <imgui_impl_sdlrenderer.h>
#include <string.h>

#include "kiosk/sdl_texture_backend.h"
#include "render/pixel_grid.h"

namespace ih::kiosk {

namespace {

void log_line(const std::string& line) {
  SDL_Log("i18n: %s", line.c_str());
}

}  // namespace

Ui::Ui(const UiConfig& config, SDL_Renderer* renderer) : renderer_(renderer) {
  // A broken language list leaves the languages it could read; the kiosk
  // still starts, in the source language if need be.
  const i18n::RegistryResult& registry = i18n::shipped_registry();
  for (const i18n::Diagnostic& d : registry.diagnostics) log_line(d.text());
  strings_ = std::make_unique<i18n::Localizer>(registry.registry,
                                               i18n::LocalizerOptions{{}, {}, log_line});
  set_language(config.language);

  imgui_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(imgui_);
  ImGuiIO& io = ImGui::GetIO();
  // A kiosk leaves no files behind, and a touch screen shows no cursor shapes.
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  // Screens place everything themselves; ImGui adds no gaps or frames.
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowPadding = ImVec2(0, 0);
  style.WindowBorderSize = 0;
  style.WindowRounding = 0;
  style.ItemSpacing = ImVec2(0, 0);

  fonts_ = render::FontCollection::from_file(config.fonts);
  engine_ = std::make_unique<render::TextEngine>(*fonts_);
  atlas_ = std::make_unique<render::GlyphAtlas>(
      *fonts_, render::GlyphAtlasOptions{},
      renderer ? sdl_texture_backend(renderer) : render::TextureBackend{});
  if (renderer) {
    ImGui_ImplSDLRenderer_Init(renderer);
  } else {
    // NewFrame() wants ImGui's own font atlas built, though no ImGui text is drawn.
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
  }
}

Ui::~Ui() {
  ImGui::SetCurrentContext(imgui_);
  if (renderer_) ImGui_ImplSDLRenderer_Shutdown();
  ImGui::DestroyContext(imgui_);
}

void Ui::set_language(std::string_view tag) {
  strings_->set_language(tag);
  language_ = strings_->language();
  direction_ = strings_->direction() == i18n::Direction::Rtl ? render::Direction::Rtl
                                                             : render::Direction::Ltr;
}

void Ui::recreate_textures() {
  if (!renderer_) return;
  ImGui::SetCurrentContext(imgui_);
  // SDL keeps the texture objects, whose content the device lost: destroy
  // them and make new ones (ImGui's font texture holds the white pixel every
  // filled shape is drawn with).
  ImGui_ImplSDLRenderer_DestroyDeviceObjects();
  ImGui_ImplSDLRenderer_CreateDeviceObjects();
  atlas_->recreate_textures();
}

void Ui::add_input(KeyboardInput input) {
  typed_.push_back(std::move(input));
}

ImGuiIO& Ui::io() {
  ImGui::SetCurrentContext(imgui_);
  return ImGui::GetIO();
}

FrameOutcome Ui::build_frame(Screen& screen) {
  ImGui::SetCurrentContext(imgui_);
  if (renderer_) ImGui_ImplSDLRenderer_NewFrame();
  atlas_->begin_frame();
  ImGui::NewFrame();

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  // No window background: render() clears to the theme's background, and a
  // second full-screen fill would cost the software renderer a few ms a frame.
  ImGui::Begin("##screen", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav |
                   ImGuiWindowFlags_NoBackground);
  render::UiContext ui{*engine_, *atlas_, theme_, language_, direction_};
  ScreenFrame frame{ui, viewport->Size, std::nullopt, *strings_, std::nullopt, typed_};
  screen.draw(frame);
  for (KeyboardInput& input : typed_)
    if (!input.text.empty()) explicit_bzero(input.text.data(), input.text.size());
  typed_.clear();
  ImGui::End();
  ImGui::Render();
  if (frame.switch_language) {
    set_language(*frame.switch_language);
    ui.needs_frame = true;
  }
  return {ui.needs_frame, frame.redraw_at, frame.orientation};
}

void Ui::render() {
  ImGui::SetCurrentContext(imgui_);
  atlas_->upload();
  const ImU32 bg = theme_.background;
  SDL_SetRenderDrawColor(renderer_, static_cast<Uint8>(bg >> IM_COL32_R_SHIFT),
                         static_cast<Uint8>(bg >> IM_COL32_G_SHIFT),
                         static_cast<Uint8>(bg >> IM_COL32_B_SHIFT), 255);
  SDL_RenderClear(renderer_);
  // The same pixels on every processor (render/pixel_grid.h).
  render::snap_to_subpixel_grid(*ImGui::GetDrawData());
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace ih::kiosk
