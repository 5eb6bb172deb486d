#include "render/font_collection.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ot.h>
#include <hb.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace ih::render {

namespace {

constexpr char kBuiltinConfig[] = R"(
dir /usr/share/fonts/truetype/noto
script Latn NotoSans-Regular.ttf
script Cyrl NotoSans-Regular.ttf
script Arab NotoNaskhArabic-Regular.ttf NotoSansArabic-Regular.ttf
lang ur Arab NotoNastaliqUrdu-Regular.ttf NotoNaskhArabic-Regular.ttf
script Hebr NotoSansHebrew-Regular.ttf
script Ethi NotoSansEthiopic-Regular.ttf
script Geor NotoSansGeorgian-Regular.ttf
fallback NotoSans-Regular.ttf NotoSansSymbols-Regular.ttf NotoSansSymbols2-Regular.ttf NotoColorEmoji.ttf
)";

std::string primary_subtag(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

// Emoji that should look like emoji: presentation emoji by default, or any
// character followed by the emoji variation selector U+FE0F.
bool wants_color(std::u16string_view cluster) {
  if (cluster.empty()) return false;
  // Nothing before U+231A WATCH has Emoji_Presentation: skip the property lookup
  // for the letters of every script the kiosk writes.
  if (cluster.size() == 1 && cluster[0] < 0x231A) return false;
  UChar32 first;
  int32_t i = 0;
  U16_NEXT(cluster.data(), i, static_cast<int32_t>(cluster.size()), first);
  if (u_hasBinaryProperty(first, UCHAR_EMOJI_PRESENTATION)) return true;
  return cluster.find(u'\uFE0F') != std::u16string_view::npos;
}

}  // namespace

FontConfig builtin_font_config() { return parse_font_config(kBuiltinConfig, "built-in").config; }

FontCollection::FontCollection(FontConfig config) : config_(std::move(config)) {
  if (FT_Init_FreeType(&library_) != 0) library_ = nullptr;
}

FontCollection::~FontCollection() {
  for (auto& face : faces_) {
    hb_font_destroy(face->hb);
    if (face->ft) FT_Done_Face(face->ft);
  }
  if (library_) FT_Done_FreeType(library_);
}

std::unique_ptr<FontCollection> FontCollection::from_file(const std::string& path) {
  FontConfigResult result = load_font_config(path);
  if (!result.ok()) {
    std::fprintf(stderr, "fonts: %s; using the built-in Noto configuration\n", result.error.c_str());
    return std::make_unique<FontCollection>(builtin_font_config());
  }
  return std::make_unique<FontCollection>(std::move(result.config));
}

FontId FontCollection::open(const std::string& file) {
  if (auto it = by_file_.find(file); it != by_file_.end()) return it->second;
  FontId id = kNoFont;
  for (const auto& dir : config_.dirs) {
    const std::string path = (std::filesystem::path(dir) / file).string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) continue;
    FT_Face ft = nullptr;
    if (!library_ || FT_New_Face(library_, path.c_str(), 0, &ft) != 0) {
      std::fprintf(stderr, "fonts: %s: FreeType cannot open it\n", path.c_str());
      continue;
    }
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
    if (!blob) {
      FT_Done_Face(ft);
      std::fprintf(stderr, "fonts: %s: cannot be read\n", path.c_str());
      continue;
    }
    hb_face_t* hb_face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    auto face = std::make_unique<FontFace>();
    face->file = file;
    face->path = path;
    face->hb = hb_font_create(hb_face);
    hb_face_destroy(hb_face);
    face->units_per_em = static_cast<int>(hb_face_get_upem(hb_font_get_face(face->hb)));
    hb_font_set_scale(face->hb, face->units_per_em, face->units_per_em);
    hb_font_extents_t extents{};
    hb_font_get_h_extents(face->hb, &extents);
    const float em = static_cast<float>(face->units_per_em);
    face->ascender = static_cast<float>(extents.ascender) / em;
    face->descender = static_cast<float>(-extents.descender) / em;
    face->line_gap = static_cast<float>(extents.line_gap) / em;
    face->ft = ft;
    face->color = FT_HAS_COLOR(ft);
    id = static_cast<FontId>(faces_.size());
    faces_.push_back(std::move(face));
    break;
  }
  if (id == kNoFont) std::fprintf(stderr, "fonts: %s: not found in any configured folder\n", file.c_str());
  by_file_.emplace(file, id);
  return id;
}

const std::vector<FontId>& FontCollection::fonts_for(int32_t uscript, std::string_view language) {
  if (last_list_ && uscript == last_script_ && language == last_language_) return *last_list_;
  last_script_ = uscript;
  last_language_ = language;
  last_list_ = &list_for(uscript, language);
  return *last_list_;
}

const std::vector<FontId>& FontCollection::list_for(int32_t uscript, std::string_view language) {
  std::string script = uscript_getShortName(static_cast<UScriptCode>(uscript));
  // Text of only common characters (digits, punctuation) takes the Latin fonts.
  if (script == "Zyyy" || script == "Zinh" || script == "Zzzz") script = "Latn";
  const std::string lang = primary_subtag(language);
  const std::string key = script + "/" + lang;
  if (auto it = lists_.find(key); it != lists_.end()) return it->second;
  std::vector<FontId> ids;
  for (const auto& file : font_files_for(config_, script, lang)) {
    const FontId id = open(file);
    if (id != kNoFont) ids.push_back(id);
  }
  return lists_.emplace(key, std::move(ids)).first->second;
}

bool FontCollection::has_script_fonts(int32_t uscript, std::string_view language) const {
  const char* name = uscript_getShortName(static_cast<UScriptCode>(uscript));
  if (!name) return false;
  const std::string_view script = name;
  const std::string lang = primary_subtag(language);
  return std::any_of(config_.scripts.begin(), config_.scripts.end(), [&](const auto& entry) {
    return entry.script == script && (entry.language.empty() || entry.language == lang) &&
           !entry.files.empty();
  });
}

bool FontCollection::has_glyph(FontId font, char32_t cp) {
  FontFace& f = *faces_[static_cast<size_t>(font)];
  FontFace::CmapSlot& slot = f.cmap_cache[cp & 0xFF];
  if (slot.code_point != cp) {
    hb_codepoint_t glyph = 0;
    slot.code_point = cp;
    slot.present = hb_font_get_nominal_glyph(f.hb, cp, &glyph) && glyph != 0;
  }
  return slot.present;
}

FontId FontCollection::choose_font(const std::vector<FontId>& candidates,
                                   std::u16string_view cluster) {
  if (candidates.empty()) return kNoFont;
  // The usual case, decided without the general loop below: one character, no
  // emoji, and the first font has it.
  if (cluster.size() == 1 && cluster[0] < 0x231A && has_glyph(candidates.front(), cluster[0]))
    return candidates.front();
  const int32_t n = static_cast<int32_t>(cluster.size());
  auto covers = [&](FontId font) {
    for (int32_t i = 0; i < n;) {
      UChar32 c;
      U16_NEXT(cluster.data(), i, n, c);
      if (has_glyph(font, static_cast<char32_t>(c))) continue;
      if (!u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return false;
    }
    return true;
  };
  if (wants_color(cluster)) {
    for (FontId font : candidates)
      if (face(font).color && covers(font)) return font;
  }
  for (FontId font : candidates)
    if (covers(font)) return font;
  if (n > 0) {
    UChar32 first;
    int32_t i = 0;
    U16_NEXT(cluster.data(), i, n, first);
    for (FontId font : candidates)
      if (has_glyph(font, static_cast<char32_t>(first))) return font;
  }
  return candidates.front();
}

}  // namespace ih::render
