#include "kiosk/app.h"

#include <SDL.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cstdint>

#include "kiosk/orientation.h"

namespace ih::kiosk {

namespace {

// Frames after input: the first shows the input, the second lets ImGui settle
// what depends on the previous frame (hovered and active items).
constexpr int kFramesAfterInput = 2;
// A wake-up means "state changed": one frame shows it.
constexpr int kFramesAfterWake = 1;

bool changes_what_is_shown(const SDL_Event& e) {
  switch (e.type) {
    case SDL_WINDOWEVENT:
    case SDL_KEYDOWN:
    case SDL_KEYUP:
    case SDL_TEXTINPUT:
    case SDL_TEXTEDITING:
    case SDL_MOUSEMOTION:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEWHEEL:
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
      return true;
    default:
      return false;
  }
}

}  // namespace

App::Result App::create(const AppConfig& config, std::unique_ptr<Screen> screen) {
  if (!screen) return {nullptr, "no screen to show"};
  // A kiosk stays on screen when another window takes the focus.
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0)
    return {nullptr, std::string("cannot start SDL video: ") + SDL_GetError()};
  std::unique_ptr<App> app(new App);
  app->screen_ = std::move(screen);

  const Uint32 flags = config.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0;
  app->window_ = SDL_CreateWindow("ichhelfe.jetzt", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                  config.width, config.height, flags);
  if (!app->window_) return {nullptr, std::string("cannot open a window: ") + SDL_GetError()};
  // Accelerated if there is a GPU worth the name; otherwise SDL's software renderer.
  const MadeRenderer made = make_renderer(app->window_, config.renderer);
  if (!made.renderer) return {nullptr, "cannot make a renderer: " + made.error};
  app->renderer_ = made.renderer;
  SDL_RendererInfo info;
  SDL_GetRendererInfo(app->renderer_, &info);
  SDL_Log("renderer %s (display.renderer = %s; GL_RENDERER %s)", info.name,
          std::string(renderer_choice_name(config.renderer)).c_str(),
          made.gl_renderer.empty() ? "none" : made.gl_renderer.c_str());
  app->heartbeat_ = config.heartbeat;
  app->beat_at_least_every_ =
      config.heartbeat ? config.beat_at_least_every : std::chrono::milliseconds(0);
  if (config.fullscreen) SDL_ShowCursor(SDL_DISABLE);  // touch only

  app->wake_event_ = SDL_RegisterEvents(1);
  if (app->wake_event_ == static_cast<uint32_t>(-1))
    return {nullptr, "no SDL user event left for wake-ups"};

  app->ui_ = std::make_unique<Ui>(config.ui, app->renderer_);
  ImGui::SetCurrentContext(app->ui_->imgui());
  app->platform_backend_ = ImGui_ImplSDL2_InitForSDLRenderer(app->window_);
  if (!app->platform_backend_) return {nullptr, "cannot start ImGui's SDL backend"};
  return {std::move(app), {}};
}

App::~App() {
  if (platform_backend_) {
    ImGui::SetCurrentContext(ui_->imgui());
    ImGui_ImplSDL2_Shutdown();
  }
  ui_.reset();  // its textures belong to the renderer
  if (turned_target_) SDL_DestroyTexture(turned_target_);
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (window_) SDL_DestroyWindow(window_);
  SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

void App::wake() {
  SDL_Event event{};
  event.type = wake_event_;
  SDL_PushEvent(&event);
}

void App::quit() {
  SDL_Event event{};
  event.type = SDL_QUIT;
  SDL_PushEvent(&event);
}

void App::run() {
  running_ = true;
  frames_pending_ = kFramesAfterInput;
  while (running_) {
    SDL_Event event;
    if (frames_pending_ == 0) {
      // Sleep until an event, or until the time a screen asked to be redrawn,
      // or until the heartbeat is due.
      std::optional<int64_t> wait;
      if (redraw_at_)
        wait = std::chrono::ceil<std::chrono::milliseconds>(*redraw_at_ - Clock::now()).count();
      if (beat_at_least_every_.count() > 0)
        wait = std::min(wait.value_or(INT64_MAX), int64_t{beat_at_least_every_.count()});
      int got = 0;
      waiting_ = true;
      if (wait)
        got =
            SDL_WaitEventTimeout(&event, static_cast<int>(std::clamp<int64_t>(*wait, 1, 1 << 30)));
      else
        got = SDL_WaitEvent(&event);
      waiting_ = false;
      if (heartbeat_) heartbeat_(AppConfig::Beat::IdleWaitEnded);
      if (got) handle(event);
    }
    while (SDL_PollEvent(&event)) handle(event);
    if (redraw_at_ && Clock::now() >= *redraw_at_) {
      redraw_at_.reset();
      frames_pending_ = std::max(frames_pending_, 1);
    }
    if (running_ && frames_pending_ > 0) {
      --frames_pending_;
      draw_frame();
    }
  }
  const render::GlyphAtlas::Stats& a = ui_->atlas().stats();
  const render::LayoutCache::Stats& c = ui_->engine().cache_stats();
  SDL_Log(
      "frames %llu; glyphs: %llu rasterized, %llu hits, %llu misses, %d pages, %llu evictions, "
      "%llu not stored; "
      "paragraphs: %llu layout hits, %llu misses, %llu shape hits, %llu misses",
      static_cast<unsigned long long>(frames_.load()),
      static_cast<unsigned long long>(a.rasterized), static_cast<unsigned long long>(a.hits),
      static_cast<unsigned long long>(a.misses), a.pages,
      static_cast<unsigned long long>(a.evictions), static_cast<unsigned long long>(a.full),
      static_cast<unsigned long long>(c.layout_hits),
      static_cast<unsigned long long>(c.layout_misses),
      static_cast<unsigned long long>(c.shape_hits),
      static_cast<unsigned long long>(c.shape_misses));
}

void App::handle(const SDL_Event& event) {
  if (event.type == SDL_QUIT) {
    running_ = false;
    return;
  }
  if (event.type == wake_event_) {
    frames_pending_ = std::max(frames_pending_, kFramesAfterWake);
    return;
  }
  if (event.type == SDL_RENDER_DEVICE_RESET) ui_->recreate_textures();
  if (event.type == SDL_RENDER_TARGETS_RESET || event.type == SDL_RENDER_DEVICE_RESET) {
    // The turned picture's texture lost its content (or is gone): make it anew.
    if (turned_target_) SDL_DestroyTexture(turned_target_);
    turned_target_ = nullptr;
  }
  ImGui::SetCurrentContext(ui_->imgui());
  int w = 0, h = 0;
  SDL_GetWindowSize(window_, &w, &h);
  // Touches and the mouse reach ImGui through pointer_ only (pointer.h).
  if (!pointer_.take(event, ImVec2(static_cast<float>(w), static_cast<float>(h))))
    ImGui_ImplSDL2_ProcessEvent(&event);
  if (event.type == SDL_TEXTINPUT) ui_->add_input({event.text.text, 0});
  if (event.type == SDL_KEYDOWN) ui_->add_input({{}, event.key.keysym.sym});
  if (changes_what_is_shown(event)) frames_pending_ = std::max(frames_pending_, kFramesAfterInput);
}

bool App::begin_turned() {
  ImGuiIO& io = ImGui::GetIO();
  const ImVec2 window = io.DisplaySize;
  content_ = window;
  if (!turned(orientation_, window)) return false;
  const ImVec2 size = kiosk::content_size(window, true);
  if (!turned_target_ || size.x != turned_size_.x || size.y != turned_size_.y) {
    if (turned_target_) SDL_DestroyTexture(turned_target_);
    turned_target_ =
        SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                          static_cast<int>(size.x), static_cast<int>(size.y));
    turned_size_ = size;
    if (!turned_target_) {
      SDL_Log("cannot turn the picture (%s); drawing it as the display reports", SDL_GetError());
      orientation_ = Orientation::Auto;
      return false;
    }
  }
  io.DisplaySize = content_ = size;
  if (io.MousePos.x > -FLT_MAX / 2) io.MousePos = to_content(io.MousePos, window);
  SDL_SetRenderTarget(renderer_, turned_target_);
  return true;
}

void App::end_turned() {
  SDL_SetRenderTarget(renderer_, nullptr);
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(renderer_, &w, &h);
  // Turned about its centre, a rectangle of the content's size covers the window.
  const SDL_Rect to{(w - static_cast<int>(turned_size_.x)) / 2,
                    (h - static_cast<int>(turned_size_.y)) / 2, static_cast<int>(turned_size_.x),
                    static_cast<int>(turned_size_.y)};
  SDL_RenderCopyEx(renderer_, turned_target_, nullptr, &to, 90.0, nullptr, SDL_FLIP_NONE);
}

void App::draw_frame() {
  ImGui::SetCurrentContext(ui_->imgui());
  ImGui_ImplSDL2_NewFrame();
  // After the backend, which polls SDL's mouse state: the events decide.
  if (pointer_.apply(ImGui::GetIO())) frames_pending_ = std::max(frames_pending_, 1);
  const bool turn = begin_turned();
  const FrameOutcome outcome = ui_->build_frame(*screen_);
  ui_->render();
  if (turn) end_turned();
  SDL_RenderPresent(renderer_);
  ++frames_;
  if (heartbeat_) heartbeat_(AppConfig::Beat::FramePresented);
  if (outcome.again) frames_pending_ = std::max(frames_pending_, 1);
  if (outcome.orientation != orientation_) {
    // Laid out for the old way round: draw again the new way.
    orientation_ = outcome.orientation;
    frames_pending_ = std::max(frames_pending_, kFramesAfterInput);
  }
  // Each frame states anew whether and when it wants the next.
  redraw_at_ = outcome.redraw_at;
}

}  // namespace ih::kiosk
