// A text engine on the project's font configuration, shared by the render tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "render/text_engine.h"
#include "render/utf.h"

namespace ih::render::testing {

inline FontCollection& project_fonts() {
  static std::unique_ptr<FontCollection> fonts =
      FontCollection::from_file(std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf");
  return *fonts;
}

class EngineTest : public ::testing::Test {
 protected:
  TextEngine engine{project_fonts()};

  std::shared_ptr<const Layout> lay(std::string_view text, std::string language,
                                    LayoutOptions options = {}, float size = 32) {
    TextStyle style;
    style.size = size;
    style.language = std::move(language);
    return engine.layout(text, style, options);
  }

  const std::string& font_file(const LineRun& piece, const Layout& layout) {
    const ShapedRun& run = layout.shaped->runs[static_cast<size_t>(piece.run)];
    return engine.fonts().face(run.font).file;
  }
};

// The UTF-16 index of the first occurrence of `needle` (UTF-8) in the paragraph.
inline TextIndex index_of(const ShapedParagraph& shaped, std::string_view needle) {
  return static_cast<TextIndex>(shaped.text.find(utf8_to_utf16(needle)));
}

}  // namespace ih::render::testing
