// UnicodeProperties gives ICU's values for every code point, surrogates included.
#include "render/unicode_properties.h"

#include <gtest/gtest.h>

namespace ih::render {
namespace {

TEST(UnicodeProperties, AgreeWithIcuForEveryCodePoint) {
  const UnicodeProperties& properties = UnicodeProperties::get();
  int mismatches = 0;
  for (UChar32 c = 0; c <= 0x10FFFF && mismatches < 10; ++c) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    const bool same =
        properties.bidi_class(c) == u_charDirection(c) &&
        properties.grapheme_break(c) == u_getIntPropertyValue(c, UCHAR_GRAPHEME_CLUSTER_BREAK) &&
        properties.script(c) == script &&
        properties.line_break(c) == u_getIntPropertyValue(c, UCHAR_LINE_BREAK);
    if (same) continue;
    ++mismatches;
    ADD_FAILURE() << std::hex << "U+" << c << ": bidi class " << properties.bidi_class(c) << " vs "
                  << u_charDirection(c) << ", grapheme break " << properties.grapheme_break(c)
                  << " vs " << u_getIntPropertyValue(c, UCHAR_GRAPHEME_CLUSTER_BREAK) << ", script "
                  << properties.script(c) << " vs " << script << ", line break "
                  << properties.line_break(c) << " vs "
                  << u_getIntPropertyValue(c, UCHAR_LINE_BREAK);
  }
}

// The itemizer looks up the bracket type only of characters of bidi class ON.
TEST(UnicodeProperties, EveryPairedBracketIsAnOtherNeutral) {
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (u_getIntPropertyValue(c, UCHAR_BIDI_PAIRED_BRACKET_TYPE) == U_BPT_NONE) continue;
    EXPECT_EQ(UnicodeProperties::get().bidi_class(c), U_OTHER_NEUTRAL) << std::hex << "U+" << c;
  }
}

}  // namespace
}  // namespace ih::render
