// The Unicode character properties that the layout asks about every character of
// every paragraph: bidi class, grapheme cluster break, script and line break.
//
// ICU answers through u_charDirection(), u_getIntPropertyValue() and
// uscript_getScript(), some 40 instructions a call behind its generic property
// dispatch. UnicodeProperties keeps all four for a block of 128 BMP code points
// together, filled from ICU the first time a character of the block is asked for
// (about 500 ICU calls, some 10 µs; a paragraph touches two or three blocks), and
// reads them inline after that: a few instructions. Supplementary code points go
// to ICU every time. The values are ICU's (tests/render/unicode_properties_test.cpp
// compares every code point).
//
// Memory: 1 KiB per block filled, at most 512 blocks; kept for the process's life.
// Thread-safe: a block is filled once and published atomically; a race fills it
// twice and keeps one.
#pragma once

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <atomic>
#include <cstdint>

namespace ih::render {

class UnicodeProperties {
 public:
  struct Values {
    uint16_t script;         // UScriptCode
    uint8_t bidi_class;      // UCharDirection
    uint8_t grapheme_break;  // UGraphemeClusterBreak
    uint8_t line_break;      // ULineBreak
  };

  // The process's tables.
  static const UnicodeProperties& get();

  Values of(UChar32 c) const {
    if (static_cast<uint32_t>(c) > 0xFFFF) return look_up(c);
    const Values* block =
        blocks_[static_cast<size_t>(c) >> kBlockBits].load(std::memory_order_acquire);
    if (!block) block = fill(static_cast<size_t>(c) >> kBlockBits);
    return block[static_cast<size_t>(c) & (kBlockSize - 1)];
  }
  UCharDirection bidi_class(UChar32 c) const {
    return static_cast<UCharDirection>(of(c).bidi_class);
  }
  UGraphemeClusterBreak grapheme_break(UChar32 c) const {
    return static_cast<UGraphemeClusterBreak>(of(c).grapheme_break);
  }
  UScriptCode script(UChar32 c) const { return static_cast<UScriptCode>(of(c).script); }
  ULineBreak line_break(UChar32 c) const { return static_cast<ULineBreak>(of(c).line_break); }

  UnicodeProperties(const UnicodeProperties&) = delete;
  UnicodeProperties& operator=(const UnicodeProperties&) = delete;

 private:
  static constexpr int kBlockBits = 7;
  static constexpr size_t kBlockSize = size_t{1} << kBlockBits;

  UnicodeProperties() = default;
  ~UnicodeProperties();
  static Values look_up(UChar32 c);
  const Values* fill(size_t block) const;

  mutable std::array<std::atomic<const Values*>, (0x10000 >> kBlockBits)> blocks_{};
};

}  // namespace ih::render
