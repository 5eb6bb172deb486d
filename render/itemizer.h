// Itemization: cutting a paragraph into runs that can each be shaped with one
// font, one script, one direction and one language.
//
// Scripts come from ICU. Common and Inherited characters (spaces, digits,
// punctuation, combining marks, ZWNJ) take the script of the text around them;
// one shared by a few scripts (Script_Extensions: the Arabic comma and tatweel,
// Arabic-Indic digits) keeps the script before it if that is one of them, else
// takes the first of them that has fonts configured for it, else the first;
// a closing bracket takes the script of its opening bracket, so "(مرحبا)" inside
// Latin text keeps its brackets with the Arabic. The font is chosen per grapheme
// cluster from the script's fallback list (FontCollection::font_for_cluster).
#pragma once

#include <string_view>
#include <vector>

#include "render/font_collection.h"
#include "render/text_range.h"

namespace ih::render {

struct Item {
  TextRange range;
  uint8_t level = 0;
  int32_t script = 0;  // ICU UScriptCode
  FontId font = kNoFont;
};

// The resolved script of every UTF-16 unit of `text`; `fonts` and `language` say
// which scripts have fonts of their own.
std::vector<int32_t> resolve_scripts(std::u16string_view text, const FontCollection& fonts,
                                     std::string_view language);

// Runs of equal (level, script, font). `levels` has one entry per unit of
// `text`; `graphemes` are its cluster boundaries (0 .. size).
std::vector<Item> itemize(std::u16string_view text, const std::vector<uint8_t>& levels,
                          const std::vector<TextIndex>& graphemes, std::string_view language,
                          FontCollection& fonts);

}  // namespace ih::render
