#include "render/pixel_grid.h"

#include <cmath>

namespace ih::render {

void snap_to_subpixel_grid(ImDrawData& data) {
  for (int i = 0; i < data.CmdListsCount; ++i) {
    for (ImDrawVert& v : data.CmdLists[i]->VtxBuffer) {
      v.pos.x = std::round(v.pos.x * kSubpixelSteps) / kSubpixelSteps;
      v.pos.y = std::round(v.pos.y * kSubpixelSteps) / kSubpixelSteps;
    }
  }
}

}  // namespace ih::render
