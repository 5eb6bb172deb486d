// Whether a frame draws the same pixels on every x86-64 processor.
//
// ImGui computes the edges of anti-aliased fills and strokes with RSQRTSS,
// whose low bits differ between Intel, AMD and emulators: the edges move by up
// to about 0.002 px from one machine to the next (render/pixel_grid.h). A
// golden image is only worth comparing if that cannot change it. This renders
// a frame as ImGui built it and with every vertex moved 1/512 px one way, then
// the other way, and counts the pixels that change.
//
//   ui.build_frame(screen);
//   const golden::NoiseCheck c = golden::render_checking_processor_noise(ui, read);
//   EXPECT_LT(c.moved, golden::kNoticeablyMoved);  // then compare c.image with its golden
#pragma once

#include <imgui.h>

#include <algorithm>
#include <functional>
#include <vector>

#include "kiosk/screenshot.h"
#include "kiosk/ui.h"

namespace ih::kiosk::golden {

// More than any processor's RSQRTSS moves an edge of our borders (6 px at most).
inline constexpr float kProcessorNoise = 1.0f / 512;

// A vertex of a curve that happens to lie within the noise of a rounding
// boundary moves a few pixels; an edge of a control, at least 64 pixels long,
// that moves by one pixel moves at least this many.
inline constexpr size_t kNoticeablyMoved = 64;

// Pixels that differ at all between two images of one size.
inline size_t differing_pixels(const Image& a, const Image& b) {
  if (a.rgba.size() != b.rgba.size()) return std::max(a.rgba.size(), b.rgba.size()) / 4;
  size_t n = 0;
  for (size_t i = 0; i < a.rgba.size(); i += 4)
    n += !std::equal(&a.rgba[i], &a.rgba[i] + 4, &b.rgba[i]);
  return n;
}

// What render_checking_processor_noise() saw: the frame as built, and the
// most pixels that moving its vertices changed.
struct NoiseCheck {
  Image image;
  size_t moved = 0;
};

// Renders the frame `ui` built last, which must not have been rendered yet (the
// renderer snaps vertices in place), as it is and with every vertex moved by
// ±kProcessorNoise in x and y. `read_pixels` reads what the renderer drew.
// Leaves the frame rendered as built.
inline NoiseCheck render_checking_processor_noise(Ui& ui,
                                                  const std::function<Image()>& read_pixels) {
  ImGui::SetCurrentContext(ui.imgui());
  ImDrawData& data = *ImGui::GetDrawData();
  std::vector<ImVector<ImDrawVert>> built;
  for (int i = 0; i < data.CmdListsCount; ++i) built.push_back(data.CmdLists[i]->VtxBuffer);
  const auto render_moved = [&](float by) {
    for (int i = 0; i < data.CmdListsCount; ++i) {
      ImVector<ImDrawVert>& vertices = data.CmdLists[i]->VtxBuffer;
      vertices = built[static_cast<size_t>(i)];
      for (ImDrawVert& v : vertices) v.pos = ImVec2(v.pos.x + by, v.pos.y + by);
    }
    ui.render();
    return read_pixels();
  };
  const Image up = render_moved(kProcessorNoise);
  const Image down = render_moved(-kProcessorNoise);
  NoiseCheck check{render_moved(0), 0};
  check.moved = std::max(differing_pixels(check.image, up), differing_pixels(check.image, down));
  return check;
}

}  // namespace ih::kiosk::golden
