#include "kiosk/screenshot.h"

#include <SDL.h>
// The implementation is compiled into Debian's libstb; only the declarations here.
#include <stb_image_write.h>

namespace ih::kiosk {

OffscreenTarget::Result OffscreenTarget::create(int width, int height, const UiConfig& config) {
  std::unique_ptr<OffscreenTarget> t(new OffscreenTarget);
  t->width_ = width;
  t->height_ = height;
  t->surface_ = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32);
  if (!t->surface_) return {nullptr, std::string("cannot make a surface: ") + SDL_GetError()};
  t->renderer_ = SDL_CreateSoftwareRenderer(t->surface_);
  if (!t->renderer_)
    return {nullptr, std::string("cannot make a software renderer: ") + SDL_GetError()};
  t->ui_ = std::make_unique<Ui>(config, t->renderer_);
  ImGuiIO& io = t->ui_->io();
  io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  io.DeltaTime = 1.0f / 60.0f;
  return {std::move(t), {}};
}

OffscreenTarget::~OffscreenTarget() {
  ui_.reset();  // its textures belong to the renderer
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (surface_) SDL_FreeSurface(surface_);
}

void OffscreenTarget::draw(Screen& screen) {
  ui_->build_frame(screen);
  ui_->render();
  SDL_RenderFlush(renderer_);
}

Image OffscreenTarget::read_pixels() const {
  Image image;
  image.width = width_;
  image.height = height_;
  image.rgba.resize(static_cast<size_t>(width_) * static_cast<size_t>(height_) * 4);
  if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_RGBA32, image.rgba.data(),
                           width_ * 4) != 0)
    return {};
  return image;
}

CaptureResult capture_screen(const CaptureRequest& request) {
  // The target (with its Ui and text engine) is made first so that it is
  // undone last: a screen's text fields borrow its engine until they are gone.
  auto made = OffscreenTarget::create(request.width, request.height, request.ui);
  if (!made.target) return {{}, made.error};
  std::unique_ptr<Screen> screen = make_screen(request.screen, request.settings);
  if (!screen) return {{}, "no screen called '" + request.screen + "'"};
  made.target->draw(*screen);
  made.target->draw(*screen);
  Image image = made.target->read_pixels();
  if (image.rgba.empty())
    return {{}, std::string("cannot read the pixels back: ") + SDL_GetError()};
  return {std::move(image), {}};
}

std::string write_png(const std::string& path, const Image& image) {
  if (!stbi_write_png(path.c_str(), image.width, image.height, 4, image.rgba.data(),
                      image.width * 4))
    return "cannot write " + path;
  return {};
}

}  // namespace ih::kiosk
