// Glyph atlas pages as SDL_Renderer textures: RGBA32, straight-alpha blending,
// nearest sampling (glyph quads map texels to pixels one to one). With the
// SDL_Renderer ImGui backend an SDL_Texture* is the ImTextureID.
//
// The renderer must outlive the atlas that uses the backend. Not thread-safe:
// SDL_Renderer calls belong on the thread that made the renderer.
#pragma once

#include "render/glyph_atlas.h"

struct SDL_Renderer;

namespace ih::kiosk {

render::TextureBackend sdl_texture_backend(SDL_Renderer* renderer);

}  // namespace ih::kiosk
