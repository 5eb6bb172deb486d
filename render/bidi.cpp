#include "render/bidi.h"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cassert>
#include <initializer_list>

#include "render/unicode_properties.h"

namespace ih::render {

int uniform_level(std::u16string_view text, Direction direction) {
  const bool may_be_ltr = direction == Direction::Auto || direction == Direction::Ltr;
  // Below U+0590 no character is right-to-left, an Arabic number or a bidi control.
  const auto high = std::find_if(text.begin(), text.end(), [](char16_t c) { return c >= 0x0590; });
  if (high == text.end() && may_be_ltr) return 0;

  // The set of bidi classes in the text, one bit each (no branch per character).
  uint32_t classes = 0;
  const UnicodeProperties& properties = UnicodeProperties::get();
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U16_NEXT(text.data(), i, n, c);
    classes |= uint32_t{1} << properties.bidi_class(c);
  }
  auto any = [&](std::initializer_list<UCharDirection> of) {
    for (const UCharDirection d : of)
      if (classes & (uint32_t{1} << d)) return true;
    return false;
  };
  if (any({U_LEFT_TO_RIGHT_EMBEDDING, U_LEFT_TO_RIGHT_OVERRIDE, U_RIGHT_TO_LEFT_EMBEDDING,
           U_RIGHT_TO_LEFT_OVERRIDE, U_POP_DIRECTIONAL_FORMAT, U_LEFT_TO_RIGHT_ISOLATE,
           U_RIGHT_TO_LEFT_ISOLATE, U_FIRST_STRONG_ISOLATE, U_POP_DIRECTIONAL_ISOLATE,
           U_ARABIC_NUMBER}))
    return -1;
  // Neutrals, segment separators, NSM and BN take the level around them.
  const bool ltr = any({U_LEFT_TO_RIGHT, U_EUROPEAN_NUMBER});  // EN ends at level 2 in RTL
  const bool rtl = any({U_RIGHT_TO_LEFT, U_RIGHT_TO_LEFT_ARABIC});
  const bool separator = any({U_BLOCK_SEPARATOR});  // a new bidi paragraph may have another level
  if (rtl && ltr) return -1;
  if (!rtl && may_be_ltr) return 0;
  // Neutrals alone take the paragraph's level: right-to-left only if it says so.
  const bool rtl_paragraph = direction == Direction::Rtl || direction == Direction::AutoRtl ||
                             (direction == Direction::Auto && rtl);
  if (!ltr && !separator && rtl_paragraph) return 1;
  return -1;
}

BidiParagraph::BidiParagraph() {
  para_ = ubidi_open();
  line_ = ubidi_open();
}

BidiParagraph::~BidiParagraph() {
  ubidi_close(line_);
  ubidi_close(para_);
}

bool BidiParagraph::set(std::u16string_view text, Direction direction) {
  UBiDiLevel level = UBIDI_DEFAULT_LTR;
  switch (direction) {
    case Direction::Auto: level = UBIDI_DEFAULT_LTR; break;
    case Direction::AutoRtl: level = UBIDI_DEFAULT_RTL; break;
    case Direction::Ltr: level = 0; break;
    case Direction::Rtl: level = 1; break;
  }
  UErrorCode status = U_ZERO_ERROR;
  length_ = static_cast<TextIndex>(text.size());
  ubidi_setPara(para_, reinterpret_cast<const UChar*>(text.data()), length_, level, nullptr,
                &status);
  if (U_FAILURE(status)) {
    length_ = 0;
    status = U_ZERO_ERROR;
    ubidi_setPara(para_, u"", 0, 0, nullptr, &status);
    return false;
  }
  return true;
}

uint8_t BidiParagraph::base_level(TextIndex index) const {
  if (length_ == 0) return ubidi_getParaLevel(para_) & 1;
  UErrorCode status = U_ZERO_ERROR;
  UBiDiLevel level = 0;
  ubidi_getParagraph(para_, std::min(index, length_ - 1), nullptr, nullptr, &level, &status);
  return U_SUCCESS(status) ? (level & 1) : 0;
}

TextIndex BidiParagraph::paragraph_end(TextIndex index) const {
  if (length_ == 0) return 0;
  UErrorCode status = U_ZERO_ERROR;
  int32_t start = 0, limit = length_;
  ubidi_getParagraph(para_, std::min(index, length_ - 1), &start, &limit, nullptr, &status);
  return U_SUCCESS(status) ? limit : length_;
}

std::vector<uint8_t> BidiParagraph::levels() const {
  std::vector<uint8_t> out(static_cast<size_t>(length_));
  if (length_ == 0) return out;
  UErrorCode status = U_ZERO_ERROR;
  const UBiDiLevel* levels = ubidi_getLevels(para_, &status);
  if (U_SUCCESS(status)) out.assign(levels, levels + length_);
  return out;
}

bool BidiParagraph::set_line(TextRange line) {
  assert(line.start >= 0 && line.end <= length_ && line.start <= line.end);
  UErrorCode status = U_ZERO_ERROR;
  ubidi_setLine(para_, line.start, line.end, line_, &status);
  return U_SUCCESS(status);
}

std::vector<uint8_t> BidiParagraph::line_levels(TextRange line) {
  std::vector<uint8_t> out(static_cast<size_t>(line.size()), base_level(line.start));
  if (line.empty() || !set_line(line)) return out;
  UErrorCode status = U_ZERO_ERROR;
  const UBiDiLevel* levels = ubidi_getLevels(line_, &status);
  if (U_SUCCESS(status)) out.assign(levels, levels + line.size());
  return out;
}

std::vector<VisualRun> BidiParagraph::visual_runs(TextRange line) {
  std::vector<VisualRun> runs;
  if (line.empty()) return runs;
  if (!set_line(line)) {
    runs.push_back({line, base_level(line.start)});
    return runs;
  }
  UErrorCode status = U_ZERO_ERROR;
  const int32_t count = ubidi_countRuns(line_, &status);
  if (U_FAILURE(status)) {
    runs.push_back({line, base_level(line.start)});
    return runs;
  }
  runs.reserve(static_cast<size_t>(count));
  for (int32_t i = 0; i < count; ++i) {
    int32_t start = 0, length = 0;
    ubidi_getVisualRun(line_, i, &start, &length);
    // ubidi_getVisualRun gives only the direction; the level is needed for
    // nesting (e.g. numbers at level 2 inside RTL).
    UBiDiLevel level = 0;
    int32_t logical_limit = 0;
    ubidi_getLogicalRun(line_, start, &logical_limit, &level);
    runs.push_back({{line.start + start, line.start + start + length}, level});
  }
  return runs;
}

std::vector<TextIndex> BidiParagraph::visual_order(TextRange line) {
  std::vector<TextIndex> order(static_cast<size_t>(line.size()));
  if (line.empty()) return order;
  if (!set_line(line)) {
    for (TextIndex i = 0; i < line.size(); ++i) order[static_cast<size_t>(i)] = line.start + i;
    return order;
  }
  UErrorCode status = U_ZERO_ERROR;
  ubidi_getVisualMap(line_, order.data(), &status);
  for (auto& index : order) index += line.start;
  return order;
}

}  // namespace ih::render
