#include "render/paragraph.h"

#include <algorithm>

namespace ih::render {

int32_t ShapedParagraph::run_at(TextIndex index) const {
  // Runs are in logical order and cover the text: binary search on their ends.
  auto it = std::upper_bound(runs.begin(), runs.end(), index,
                             [](TextIndex i, const ShapedRun& run) { return i < run.range.end; });
  if (it == runs.end()) return -1;
  return static_cast<int32_t>(it - runs.begin());
}

}  // namespace ih::render
