// Drawing a screen without any display: SDL's software renderer on an in-memory
// surface, ImGui's display size set by hand. Used by --screenshot, the golden
// image tests and the frame benchmark. Needs no SDL_Init and no video driver.
//
// Not thread-safe: one OffscreenTarget per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/ui.h"

struct SDL_Renderer;
struct SDL_Surface;

namespace ih::kiosk {

// RGBA pixels, 8 bits per channel, rows of width * 4 bytes, top row first.
struct Image {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> rgba;
};

// A software renderer drawing into memory, with its own Ui.
class OffscreenTarget {
 public:
  struct Result {
    std::unique_ptr<OffscreenTarget> target;  // null on failure
    std::string error;
  };
  static Result create(int width, int height, const UiConfig& config);
  ~OffscreenTarget();
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;

  // Builds and renders one frame (a fixed 1/60 s after the previous one).
  void draw(Screen& screen);
  // The pixels of the last frame drawn.
  Image read_pixels() const;
  // Its Ui, for tests that touch the screen between frames.
  Ui& ui() { return *ui_; }

 private:
  OffscreenTarget() = default;
  int width_ = 0;
  int height_ = 0;
  SDL_Surface* surface_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  std::unique_ptr<Ui> ui_;
};

struct CaptureRequest {
  std::string screen = "specimen";
  int width = 1920;
  int height = 1080;
  UiConfig ui;
  Settings settings = {};
};

struct CaptureResult {
  Image image;
  std::string error;  // empty on success
  bool ok() const { return error.empty(); }
};

// Draws `request.screen` and returns its pixels. ImGui settles a new window in
// its second frame, so two frames are drawn and the second is captured.
CaptureResult capture_screen(const CaptureRequest& request);

// Writes `image` as PNG; returns an error message, or an empty string.
std::string write_png(const std::string& path, const Image& image);

}  // namespace ih::kiosk
