#include "kiosk/sdl_texture_backend.h"

#include <SDL.h>

namespace ih::kiosk {

render::TextureBackend sdl_texture_backend(SDL_Renderer* renderer) {
  render::TextureBackend backend;
  backend.create = [renderer](int width, int height) -> ImTextureID {
    SDL_Texture* texture = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGBA32,
                                             SDL_TEXTUREACCESS_STATIC, width, height);
    if (!texture) {
      SDL_Log("glyph atlas: cannot make a %dx%d texture: %s", width, height, SDL_GetError());
      return nullptr;
    }
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(texture, SDL_ScaleModeNearest);
    return texture;
  };
  backend.update = [](ImTextureID texture, render::AtlasRect r, const uint8_t* pixels, int pitch) {
    const SDL_Rect rect{r.x, r.y, r.w, r.h};
    SDL_UpdateTexture(static_cast<SDL_Texture*>(texture), &rect, pixels, pitch);
  };
  backend.destroy = [](ImTextureID texture) {
    SDL_DestroyTexture(static_cast<SDL_Texture*>(texture));
  };
  return backend;
}

}  // namespace ih::kiosk
