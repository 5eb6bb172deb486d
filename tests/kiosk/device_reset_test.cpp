// After the renderer loses its textures (SDL_RENDER_DEVICE_RESET), the kiosk
// makes ImGui's font texture and the glyph atlas's pages again: the next
// frame is the same picture as before, glyphs and filled shapes included.
#include <gtest/gtest.h>

#include "kiosk/screenshot.h"
#include "tests/kiosk/golden_image.h"

namespace ih::kiosk {
namespace {

TEST(DeviceResetTest, TheFrameAfterRecreatingTheTexturesIsTheSame) {
  auto made = OffscreenTarget::create(
      1280, 800, {std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "ar"});
  ASSERT_TRUE(made.target) << made.error;
  std::unique_ptr<Screen> screen = make_screen("privacy");
  made.target->draw(*screen);
  made.target->draw(*screen);
  const Image before = made.target->read_pixels();
  made.target->ui().recreate_textures();
  made.target->draw(*screen);
  const Image after = made.target->read_pixels();
  Image diff;
  EXPECT_EQ(golden::compare(after, before, diff), 0u);
}

}  // namespace
}  // namespace ih::kiosk
