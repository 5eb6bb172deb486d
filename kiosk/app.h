// The kiosk application: an SDL window with an SDL_Renderer, ImGui, the current
// screen, and an event-driven loop.
//
// The loop draws only when something changed: after input or a window event
// (a few frames, so ImGui's hover and press states settle), when a frame's
// widgets ask for one more, when a screen's requested redraw time comes, or
// after wake() from another thread. Otherwise it sleeps in
// SDL_WaitEvent(Timeout) and draws nothing, so an idle kiosk costs no CPU.
//
// App owns the window, the renderer, the Ui and the screen. Create it and call
// run() on one thread (SDL wants its events pumped where the window was made);
// wake(), quit(), frames_drawn() and waiting() may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/pointer.h"
#include "kiosk/renderer_choice.h"
#include "kiosk/screen.h"
#include "kiosk/ui.h"

struct SDL_Window;
struct SDL_Renderer;
struct SDL_Texture;
union SDL_Event;

namespace ih::kiosk {

struct AppConfig {
  bool fullscreen = true;
  int width = 1920;  // of the window when not full screen
  int height = 1080;
  UiConfig ui;
  RendererChoice renderer = RendererChoice::Auto;
  // The loop's heartbeat, for the watchdog (watchdog.h): told after each
  // presented frame and each time an idle wait ends. With a heartbeat, an
  // idle wait lasts at most `beat_at_least_every` (zero: until something
  // happens).
  enum class Beat { FramePresented, IdleWaitEnded };
  std::function<void(Beat)> heartbeat;
  std::chrono::milliseconds beat_at_least_every{0};
};

class App {
 public:
  struct Result {
    std::unique_ptr<App> app;  // null on failure
    std::string error;
  };
  // Starts SDL's video subsystem and opens the window showing `screen`.
  static Result create(const AppConfig& config, std::unique_ptr<Screen> screen);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Runs until quit() or until the system asks the program to end.
  void run();

  // Asks for one frame, e.g. when another thread changed what a screen shows.
  // Thread-safe.
  void wake();
  // Ends run() after the events already queued. Thread-safe.
  void quit();
  // The size screens are laid out for in the last frame (turned, if it was).
  // For tests; UI thread only.
  ImVec2 content_size() const { return content_; }
  // Frames drawn since create(). Thread-safe.
  uint64_t frames_drawn() const { return frames_.load(); }
  // True while run() sleeps with no frame to draw. Thread-safe.
  bool waiting() const { return waiting_.load(); }

 private:
  App() = default;
  void handle(const SDL_Event& event);
  void draw_frame();
  // Sets up a turned frame if the screen wants one: ImGui's size and pointer
  // turned, drawing into the texture. False: drawn straight.
  bool begin_turned();
  // Copies the turned picture onto the window.
  void end_turned();

  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  std::unique_ptr<Ui> ui_;
  std::unique_ptr<Screen> screen_;
  bool platform_backend_ = false;
  std::function<void(AppConfig::Beat)> heartbeat_;
  std::chrono::milliseconds beat_at_least_every_{0};
  uint32_t wake_event_ = 0;
  bool running_ = true;
  int frames_pending_ = 0;
  std::optional<Clock::time_point> redraw_at_;
  // The screen's wish from the last frame, and the texture a turned picture
  // is drawn into (made when needed; lost with the renderer's targets).
  Orientation orientation_ = Orientation::Auto;
  Pointer pointer_;
  SDL_Texture* turned_target_ = nullptr;
  ImVec2 turned_size_{0, 0};
  ImVec2 content_{0, 0};
  std::atomic<uint64_t> frames_{0};
  std::atomic<bool> waiting_{false};
};

}  // namespace ih::kiosk
