// A text engine on the project's font configuration, shared by the render tests.
#pragma once

#include <ft2build.h>
#include <gtest/gtest.h>
#include FT_FREETYPE_H
#include <unicode/uscript.h>

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

// The font the configuration names `file`, among those tried for Latin text.
inline FontId font_named(const std::string& file) {
  for (FontId id : project_fonts().fonts_for(USCRIPT_LATIN, "en"))
    if (project_fonts().face(id).file == file) return id;
  return kNoFont;
}

// The glyph `font` maps code point `cp` to (0 if none).
inline uint32_t glyph_of(FontId font, char32_t cp) {
  return FT_Get_Char_Index(project_fonts().face(font).ft, cp);
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
