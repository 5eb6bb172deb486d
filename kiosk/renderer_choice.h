// Which SDL renderer draws the kiosk: the GPU's, or SDL's software renderer.
//
// Without a GPU, SDL's OpenGL renderer runs on Mesa's llvmpipe: in an X11
// window the kiosk then maps libLLVM, runs two more threads and holds
// 114-124 MiB PSS, where SDL's software renderer draws the same picture in
// 43 MiB and one thread. So when the GL driver is a software rasterizer, the
// kiosk picks the software renderer itself, where the video driver can show
// its picture without OpenGL. SDL 2.26's Wayland and KMSDRM drivers cannot:
// they hand the software renderer's picture to OpenGL as a texture, so it pays
// for llvmpipe and for its own drawing. Measured in the image under cage
// (image/test, QEMU): software 159 MiB PSS and 19 % of an emulated processor
// on the idle attract screen, OpenGL on llvmpipe 147 MiB and 7 %. There the
// kiosk keeps OpenGL.
// display.renderer in the configuration overrides the choice (config.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

struct SDL_Renderer;
struct SDL_Window;

namespace ih::kiosk {

enum class RendererChoice {
  Auto,      // the GPU's renderer, unless its GL driver is a software rasterizer
             // and the video driver can show a picture without OpenGL
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

// True when SDL's video driver `video_driver` (SDL_GetCurrentVideoDriver())
// shows the software renderer's picture through OpenGL: "wayland", "KMSDRM".
bool software_picture_needs_gl(std::string_view video_driver);

// Whether to replace an accelerated renderer whose GL driver calls itself
// `gl_renderer` (empty when it is not an OpenGL renderer or says nothing) on
// the video driver `video_driver`.
bool prefer_software(RendererChoice choice, std::string_view gl_renderer,
                     std::string_view video_driver);

struct MadeRenderer {
  SDL_Renderer* renderer = nullptr;  // null on failure; the caller destroys it
  std::string gl_renderer;           // the GPU renderer's GL_RENDERER, if one was tried
  std::string error;                 // SDL's message when there is no renderer
};

// Makes the renderer `choice` asks for on `window`, falling back to SDL's
// software renderer when there is no accelerated one. UI thread.
MadeRenderer make_renderer(SDL_Window* window, RendererChoice choice);

}  // namespace ih::kiosk
