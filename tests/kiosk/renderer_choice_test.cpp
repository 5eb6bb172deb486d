// The renderer's choice: SDL's software renderer when the GL driver is a
// software rasterizer, unless the configuration says otherwise.
#include "kiosk/renderer_choice.h"

#include <SDL.h>
#include <gtest/gtest.h>

#include <string>

namespace ih::kiosk {
namespace {

// What Mesa and others answer to glGetString(GL_RENDERER).
constexpr const char* kLlvmpipe = "llvmpipe (LLVM 15.0.6, 256 bits)";
constexpr const char* kSoftpipe = "softpipe";
constexpr const char* kSwrast = "Mesa DRI swrast";
constexpr const char* kClassicSoftware = "Software Rasterizer";
constexpr const char* kIntel = "Mesa Intel(R) UHD Graphics 620 (KBL GT2)";
constexpr const char* kVirgl = "virgl (Mesa 22.3.6)";

TEST(RendererChoice, MesasSoftwareRasterizersAreRecognised) {
  for (const char* name : {kLlvmpipe, kSoftpipe, kSwrast, kClassicSoftware})
    EXPECT_TRUE(is_software_rasterizer(name)) << name;
}

TEST(RendererChoice, RealGpusAndNoAnswerAreNotSoftware) {
  for (const char* name : {kIntel, kVirgl, ""}) EXPECT_FALSE(is_software_rasterizer(name)) << name;
}

TEST(RendererChoice, AutoTakesSoftwareOnlyOnASoftwareRasterizer) {
  EXPECT_TRUE(prefer_software(RendererChoice::Auto, kLlvmpipe, "x11"));
  EXPECT_FALSE(prefer_software(RendererChoice::Auto, kIntel, "x11"));
  EXPECT_FALSE(prefer_software(RendererChoice::Auto, "", "windows")) << "Direct3D: no GL name";
}

TEST(RendererChoice, AutoKeepsOpenGLWhereTheSoftwarePictureWouldGoThroughItAnyway) {
  // SDL 2.26 on Wayland (the terminal, under cage) and KMSDRM.
  EXPECT_FALSE(prefer_software(RendererChoice::Auto, kLlvmpipe, "wayland"));
  EXPECT_FALSE(prefer_software(RendererChoice::Auto, kLlvmpipe, "KMSDRM"));
  EXPECT_TRUE(software_picture_needs_gl("wayland"));
  EXPECT_FALSE(software_picture_needs_gl("x11"));
  EXPECT_FALSE(software_picture_needs_gl("dummy"));
}

TEST(RendererChoice, TheConfigurationOverridesTheDriversName) {
  EXPECT_FALSE(prefer_software(RendererChoice::Gpu, kLlvmpipe, "x11"));
  EXPECT_TRUE(prefer_software(RendererChoice::Software, kIntel, "x11"));
  EXPECT_TRUE(prefer_software(RendererChoice::Software, kLlvmpipe, "wayland"));
}

TEST(RendererChoice, NamesRoundTripAndOthersAreRefused) {
  for (RendererChoice c : {RendererChoice::Auto, RendererChoice::Gpu, RendererChoice::Software})
    EXPECT_EQ(renderer_choice_named(renderer_choice_name(c)), c);
  EXPECT_EQ(renderer_choice_named("opengl"), std::nullopt);
  EXPECT_EQ(renderer_choice_named("Software"), std::nullopt);
}

// On SDL's dummy video driver (the tests' environment) there is no GL at all:
// every choice ends on SDL's software renderer, and makes one.
class OnTheDummyDriver : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(SDL_InitSubSystem(SDL_INIT_VIDEO), 0) << SDL_GetError();
    window_ = SDL_CreateWindow("renderer_choice_test", 0, 0, 320, 200, SDL_WINDOW_HIDDEN);
    ASSERT_NE(window_, nullptr) << SDL_GetError();
  }
  void TearDown() override {
    if (window_) SDL_DestroyWindow(window_);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
  }
  std::string made_name(RendererChoice choice) {
    const MadeRenderer made = make_renderer(window_, choice);
    EXPECT_NE(made.renderer, nullptr) << made.error;
    if (!made.renderer) return {};
    SDL_RendererInfo info;
    SDL_GetRendererInfo(made.renderer, &info);
    std::string name = info.name;
    SDL_DestroyRenderer(made.renderer);
    return name;
  }
  SDL_Window* window_ = nullptr;
};

TEST_F(OnTheDummyDriver, EveryChoiceMakesTheSoftwareRenderer) {
  EXPECT_EQ(made_name(RendererChoice::Software), "software");
  EXPECT_EQ(made_name(RendererChoice::Auto), "software");
  EXPECT_EQ(made_name(RendererChoice::Gpu), "software");
}

}  // namespace
}  // namespace ih::kiosk
