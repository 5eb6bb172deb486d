// Which SDL renderer draws the kiosk: the GPU's, or SDL's software renderer.
//
// Without a GPU, SDL's OpenGL renderer runs on Mesa's llvmpipe: the kiosk then
// maps libLLVM, runs two more threads and holds 114-124 MiB PSS. SDL's software
// renderer draws the same picture in 43 MiB and one thread. So when the GL
// driver is a software rasterizer, the kiosk picks the software renderer
// itself; display.renderer in the configuration overrides that (config.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

struct SDL_Renderer;
struct SDL_Window;

namespace ih::kiosk {

enum class RendererChoice {
  Auto,      // the GPU's renderer, unless its GL driver is a software rasterizer
  Gpu,       // the GPU's renderer whatever its driver (SDL's software one if there is none)
  Software,  // always SDL's software renderer
};

// "auto", "gpu", "software" and back; nullopt for any other name.
std::optional<RendererChoice> renderer_choice_named(std::string_view name);
std::string_view renderer_choice_name(RendererChoice choice);

// True when `gl_renderer`, what glGetString(GL_RENDERER) says, names a
// rasterizer on the processor: Mesa's llvmpipe, softpipe and swrast, and
// "Software Rasterizer" (Mesa's classic swrast, Apple's and others').
bool is_software_rasterizer(std::string_view gl_renderer);

// Whether to replace an accelerated renderer whose GL driver calls itself
// `gl_renderer` (empty when it is not an OpenGL renderer or says nothing).
bool prefer_software(RendererChoice choice, std::string_view gl_renderer);

struct MadeRenderer {
  SDL_Renderer* renderer = nullptr;  // null on failure; the caller destroys it
  std::string gl_renderer;           // the GPU renderer's GL_RENDERER, if one was tried
  std::string error;                 // SDL's message when there is no renderer
};

// Makes the renderer `choice` asks for on `window`, falling back to SDL's
// software renderer when there is no accelerated one. UI thread.
MadeRenderer make_renderer(SDL_Window* window, RendererChoice choice);

}  // namespace ih::kiosk
