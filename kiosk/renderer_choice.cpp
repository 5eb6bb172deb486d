#include "kiosk/renderer_choice.h"

#include <SDL.h>

#include <array>

namespace ih::kiosk {

namespace {

constexpr std::array<std::pair<RendererChoice, std::string_view>, 3> kNames{{
    {RendererChoice::Auto, "auto"},
    {RendererChoice::Gpu, "gpu"},
    {RendererChoice::Software, "software"},
}};

// GL_RENDERER of the context SDL's OpenGL renderers make current on creation;
// empty for any other renderer (Direct3D, Metal, software).
std::string current_gl_renderer(SDL_Renderer* renderer) {
  SDL_RendererInfo info;
  if (SDL_GetRendererInfo(renderer, &info) != 0) return {};
  if (std::string_view(info.name).substr(0, 6) != "opengl") return {};
  using GetString = const unsigned char* (*)(unsigned int);
  const auto get_string = reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString"));
  if (!get_string) return {};
  constexpr unsigned int kGlRenderer = 0x1F01;  // GL_RENDERER, without GL's headers
  const unsigned char* name = get_string(kGlRenderer);
  return name ? reinterpret_cast<const char*>(name) : "";
}

}  // namespace

std::optional<RendererChoice> renderer_choice_named(std::string_view name) {
  for (const auto& [choice, choice_name] : kNames)
    if (name == choice_name) return choice;
  return std::nullopt;
}

std::string_view renderer_choice_name(RendererChoice choice) {
  for (const auto& [c, name] : kNames)
    if (c == choice) return name;
  return "auto";
}

bool is_software_rasterizer(std::string_view gl_renderer) {
  for (std::string_view software : {"llvmpipe", "softpipe", "swrast", "Software Rasterizer"})
    if (gl_renderer.find(software) != std::string_view::npos) return true;
  return false;
}

bool software_picture_needs_gl(std::string_view video_driver) {
  // SDL 2.26 gives these two no window framebuffer of their own.
  return video_driver == "wayland" || video_driver == "KMSDRM";
}

bool prefer_software(RendererChoice choice, std::string_view gl_renderer,
                     std::string_view video_driver) {
  switch (choice) {
    case RendererChoice::Software:
      return true;
    case RendererChoice::Gpu:
      return false;
    case RendererChoice::Auto:
      return is_software_rasterizer(gl_renderer) && !software_picture_needs_gl(video_driver);
  }
  return false;
}

MadeRenderer make_renderer(SDL_Window* window, RendererChoice choice) {
  MadeRenderer made;
  if (choice != RendererChoice::Software) {
    made.renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED);
    if (made.renderer) made.gl_renderer = current_gl_renderer(made.renderer);
    const char* video_driver = SDL_GetCurrentVideoDriver();
    if (made.renderer &&
        prefer_software(choice, made.gl_renderer, video_driver ? video_driver : "")) {
      SDL_DestroyRenderer(made.renderer);
      made.renderer = nullptr;
    }
  }
  if (!made.renderer) made.renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
  if (!made.renderer) made.error = SDL_GetError();
  return made;
}

}  // namespace ih::kiosk
