// The faces the text engine shapes and rasterizes with.
//
// A FontCollection owns every face it opens. Faces are opened lazily, the first
// time a script or a missing glyph asks for them, and stay open for the life of
// the collection. Fallback is decided per grapheme cluster: the first font in the
// script's list whose character map covers every character of the cluster wins.
//
// Not thread-safe: the UI thread owns the collection.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "render/font_config.h"

typedef struct hb_font_t hb_font_t;
typedef struct FT_FaceRec_* FT_Face;
typedef struct FT_LibraryRec_* FT_Library;

namespace ih::render {

// Index of a face in its collection; stable for the collection's life.
using FontId = int32_t;
inline constexpr FontId kNoFont = -1;

struct FontFace {
  std::string file;             // file name as configured, e.g. "NotoSans-Regular.ttf"
  std::string path;             // full path it was opened from
  hb_font_t* hb = nullptr;      // shaping; scale = units per em (sizes are applied after)
  FT_Face ft = nullptr;         // rasterization and character coverage
  int units_per_em = 1000;
  float ascender = 0.8f;        // in em, positive up
  float descender = 0.2f;       // in em, positive down
  float line_gap = 0.0f;        // in em
  bool color = false;           // colour bitmap font (emoji)

  // Recent character-map lookups, direct-mapped by code point: fallback asks
  // for every character of every paragraph, and text repeats its letters.
  struct CmapSlot {
    char32_t code_point = 0xFFFFFFFF;
    bool present = false;
  };
  std::array<CmapSlot, 256> cmap_cache{};
};

class FontCollection {
 public:
  explicit FontCollection(FontConfig config);
  ~FontCollection();
  FontCollection(const FontCollection&) = delete;
  FontCollection& operator=(const FontCollection&) = delete;

  // Loads the configuration file; on error, logs it and uses a built-in
  // configuration for the Noto fonts of Debian's fonts-noto-core.
  static std::unique_ptr<FontCollection> from_file(const std::string& path);

  // Fonts to try for a script (ICU UScriptCode) in a language, best first.
  // Files that cannot be opened are left out. The list is computed once per
  // (script, language) and cached.
  const std::vector<FontId>& fonts_for(int32_t uscript, std::string_view language);

  // The first font of `candidates` that has glyphs for every code point of the
  // cluster (default-ignorable code points such as ZWJ and ZWNJ need no glyph);
  // failing that, the first that has the cluster's first code point; failing that,
  // the first candidate (its .notdef glyph shows what is missing).
  FontId font_for_cluster(const std::vector<FontId>& candidates, std::u16string_view cluster) {
    // The usual case, inline: one character, no emoji, and the first font has it
    // as far as its character map cache knows.
    if (cluster.size() == 1 && cluster[0] < 0x231A && !candidates.empty()) {
      const FontFace& first = *faces_[static_cast<size_t>(candidates.front())];
      const FontFace::CmapSlot& slot = first.cmap_cache[cluster[0] & 0xFF];
      if (slot.code_point == cluster[0] && slot.present) return candidates.front();
    }
    return choose_font(candidates, cluster);
  }

  // True when the configuration names fonts for the script (ICU UScriptCode)
  // itself, by a `script` line or a `lang` line of `language`: not only the
  // general fallback.
  bool has_script_fonts(int32_t uscript, std::string_view language) const;

  // True when `font` maps code point `cp` to a glyph.
  bool has_glyph(FontId font, char32_t cp);

  const FontFace& face(FontId id) const { return *faces_[static_cast<size_t>(id)]; }
  size_t face_count() const { return faces_.size(); }
  FT_Library freetype() const { return library_; }
  const FontConfig& config() const { return config_; }

 private:
  FontId open(const std::string& file);
  const std::vector<FontId>& list_for(int32_t uscript, std::string_view language);
  FontId choose_font(const std::vector<FontId>& candidates, std::u16string_view cluster);

  FontConfig config_;
  FT_Library library_ = nullptr;
  std::vector<std::unique_ptr<FontFace>> faces_;
  std::unordered_map<std::string, FontId> by_file_;  // kNoFont when the file failed to open
  std::unordered_map<std::string, std::vector<FontId>> lists_;
  // The last list asked for: a paragraph asks again for each run of its script.
  int32_t last_script_ = -1;
  std::string last_language_;
  const std::vector<FontId>* last_list_ = nullptr;
};

// The configuration used when the configured file cannot be read.
FontConfig builtin_font_config();

}  // namespace ih::render
