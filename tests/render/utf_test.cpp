// UTF-8 ⇄ UTF-16 conversion (render/utf.h): input from the touch keyboard, the
// network and the disk is never trusted, so every byte string must decode, with
// one U+FFFD per maximal ill-formed subpart as the Unicode Standard recommends
// (section 3.9, "U+FFFD Substitution of Maximal Subparts").
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "render/utf.h"

namespace ih::render {
namespace {

using namespace std::string_literals;

// The well-formed UTF-8 byte sequences, Table 3-7 of the Unicode Standard: the
// allowed first byte, and the range of the second byte (later bytes are 80..BF).
struct WellFormedRow {
  uint8_t first_min, first_max;
  uint8_t second_min, second_max;
  int length;
};
constexpr std::array<WellFormedRow, 9> kTable3_7 = {{
    {0x00, 0x7F, 0x00, 0x00, 1},  // U+0000..U+007F
    {0xC2, 0xDF, 0x80, 0xBF, 2},  // U+0080..U+07FF
    {0xE0, 0xE0, 0xA0, 0xBF, 3},  // U+0800..U+0FFF
    {0xE1, 0xEC, 0x80, 0xBF, 3},  // U+1000..U+CFFF
    {0xED, 0xED, 0x80, 0x9F, 3},  // U+D000..U+D7FF
    {0xEE, 0xEF, 0x80, 0xBF, 3},  // U+E000..U+FFFF
    {0xF0, 0xF0, 0x90, 0xBF, 4},  // U+10000..U+3FFFF
    {0xF1, 0xF3, 0x80, 0xBF, 4},  // U+40000..U+FFFFF
    {0xF4, 0xF4, 0x80, 0x8F, 4},  // U+100000..U+10FFFF
}};

// A decoder written straight from Table 3-7: at each position, the longest prefix
// of a well-formed sequence is either complete (one code point) or a maximal
// subpart (one U+FFFD); a byte that starts no sequence is a subpart of its own.
std::u16string reference_decode(std::string_view utf8) {
  std::u16string out;
  size_t i = 0;
  while (i < utf8.size()) {
    const auto byte = [&](size_t k) { return static_cast<uint8_t>(utf8[k]); };
    const WellFormedRow* row = nullptr;
    for (const auto& r : kTable3_7) {
      if (byte(i) >= r.first_min && byte(i) <= r.first_max) row = &r;
    }
    if (!row) {
      out += u'\uFFFD';
      ++i;
      continue;
    }
    int length = 1;
    while (length < row->length && i + length < utf8.size()) {
      const uint8_t b = byte(i + length);
      const bool fits = length == 1 ? b >= row->second_min && b <= row->second_max
                                    : b >= 0x80 && b <= 0xBF;
      if (!fits) break;
      ++length;
    }
    if (length < row->length) {
      out += u'\uFFFD';
    } else {
      char32_t cp = row->length == 1 ? byte(i) : byte(i) & (0x7F >> row->length);
      for (int k = 1; k < length; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
      if (cp >= 0x10000) {
        out += static_cast<char16_t>(0xD7C0 + (cp >> 10));
        out += static_cast<char16_t>(0xDC00 | (cp & 0x3FF));
      } else {
        out += static_cast<char16_t>(cp);
      }
    }
    i += static_cast<size_t>(length);
  }
  return out;
}

constexpr char16_t kFFFD = u'\uFFFD';

// The worked examples of section 3.9 of the Unicode Standard (Tables 3-8 to 3-11).
TEST(Utf8ToUtf16, ReplacesEachMaximalSubpartOnce) {
  // Table 3-8: overlong forms. C0 never starts a sequence; E0 80 and F0 81 are
  // not prefixes of well-formed sequences, so every byte is its own subpart.
  EXPECT_EQ(utf8_to_utf16("\xC0\xAF\xE0\x80\xBF\xF0\x81\x82\x41"),
            std::u16string(8, kFFFD) + u"A");
  // Table 3-9: encoded surrogates (ED A0..BF).
  EXPECT_EQ(utf8_to_utf16("\xED\xA0\x80\xED\xBF\xBF\xED\xAF\x41"),
            std::u16string(8, kFFFD) + u"A");
  // Table 3-10: beyond U+10FFFF (F4 90..), a byte that is never used (FF), lone
  // continuation bytes.
  EXPECT_EQ(utf8_to_utf16("\xF4\x91\x92\x93\xFF\x41\x80\xBF\x42"),
            std::u16string(5, kFFFD) + u"A" + std::u16string(2, kFFFD) + u"B");
  // Table 3-11: truncated sequences; each incomplete prefix is one subpart.
  EXPECT_EQ(utf8_to_utf16("\xE1\x80\xE2\xF0\x91\x92\xF1\xBF\x41"),
            std::u16string(4, kFFFD) + u"A");
}

TEST(Utf8ToUtf16, ReplacesTruncatedSequenceAtTheEnd) {
  EXPECT_EQ(utf8_to_utf16("ab\xE2\x82"), u"ab\uFFFD");
  EXPECT_EQ(utf8_to_utf16("\xF0\x9F\x98"), u"\uFFFD");
  EXPECT_EQ(utf8_to_utf16("\xC3"), u"\uFFFD");
}

TEST(Utf8ToUtf16, ReplacesBytesThatNeverAppear) {
  for (const char byte : std::string_view("\xC0\xC1\xF5\xF6\xF7\xF8\xFB\xFC\xFE\xFF")) {
    EXPECT_EQ(utf8_to_utf16(std::string{'a', byte, 'b'}), u"a\uFFFDb") << int(uint8_t(byte));
  }
}

TEST(Utf8ToUtf16, KeepsWellFormedText) {
  EXPECT_EQ(utf8_to_utf16(""), u"");
  EXPECT_EQ(utf8_to_utf16("Anna"), u"Anna");
  EXPECT_EQ(utf8_to_utf16("a\0b"s), u"a\0b"s);  // NUL is a character, not an end
  EXPECT_EQ(utf8_to_utf16("مرحبا"), u"مرحبا");
  EXPECT_EQ(utf8_to_utf16("ሰላም"), u"ሰላም");
  EXPECT_EQ(utf8_to_utf16("👩‍👧"), u"👩‍👧");
  // The limits of each length, and noncharacters, which are well-formed.
  EXPECT_EQ(utf8_to_utf16("\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80"),
            u"\u007F\u0080\u07FF\u0800\uD7FF\uE000");
  EXPECT_EQ(utf8_to_utf16("\xEF\xBF\xBE\xF0\x90\x80\x80\xF4\x8F\xBF\xBF"),
            u"\uFFFE\U00010000\U0010FFFF");
}

// Every string of up to four bytes drawn from the bytes where Table 3-7 changes
// (ASCII, the ends of each continuation range, each kind of first byte, the
// bytes that never appear) decodes as the table says.
TEST(Utf8ToUtf16, AgreesWithTable3_7OnEveryShortSequence) {
  constexpr std::array<uint8_t, 25> kBytes = {
      0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
      0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
  int mismatches = 0;
  std::string bytes;
  const auto visit = [&](auto&& self, int remaining) -> void {
    if (!bytes.empty()) {
      const std::u16string expected = reference_decode(bytes);
      if (utf8_to_utf16(bytes) != expected && ++mismatches <= 10) {
        std::string hex;
        for (const char b : bytes) {
          char digits[4];
          std::snprintf(digits, sizeof digits, "%02X ", static_cast<uint8_t>(b));
          hex += digits;
        }
        ADD_FAILURE() << "bytes " << hex;
      }
      EXPECT_EQ(is_valid_utf8(bytes), expected.find(kFFFD) == std::u16string::npos);
    }
    if (remaining == 0) return;
    for (const uint8_t b : kBytes) {
      bytes.push_back(static_cast<char>(b));
      self(self, remaining - 1);
      bytes.pop_back();
    }
  };
  visit(visit, 4);
  EXPECT_EQ(mismatches, 0);
}

TEST(Utf16ToUtf8, EncodesWellFormedText) {
  EXPECT_EQ(utf16_to_utf8(u""), "");
  EXPECT_EQ(utf16_to_utf8(u"Anna"), "Anna");
  EXPECT_EQ(utf16_to_utf8(u"سلام"), "سلام");
  EXPECT_EQ(utf16_to_utf8(u"\u007F\u0080\u07FF\u0800\uFFFF\U00010000\U0010FFFF"),
            "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF");
}

TEST(Utf16ToUtf8, ReplacesUnpairedSurrogates) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(utf16_to_utf8(u"a\xD83D"s + u"b"), "a" + fffd + "b");   // lone high
  EXPECT_EQ(utf16_to_utf8(u"a\xDE00"s + u"b"), "a" + fffd + "b");   // lone low
  EXPECT_EQ(utf16_to_utf8(u"a\xD83D"s), "a" + fffd);                // high at the end
  EXPECT_EQ(utf16_to_utf8(u"\xDE00\xD83D"s), fffd + fffd);          // pair in the wrong order
}

TEST(Utf16ToUtf8, RoundTripsWellFormedText) {
  for (const std::string_view text : {"", "Anna", "مرحبا Anna 123", "فارسی ۱۲۳", "ትግርኛ", "ქართული",
                                 "Україна", "👨‍👩‍👧‍👦 🇺🇦", "\xEF\xBF\xBE"}) {
    ASSERT_TRUE(is_valid_utf8(text)) << text;
    EXPECT_EQ(utf16_to_utf8(utf8_to_utf16(text)), text);
  }
}

// Whatever comes in, what goes back out is well-formed and decodes to the same.
TEST(Utf16ToUtf8, MakesIllFormedInputWellFormed) {
  for (const std::string& bytes :
       {"\xC0\xAF\xE0\x80\xBF\xF0\x81\x82\x41"s, "\xED\xA0\x80"s, "a\xF4\x91\x92\x93\xFF"s,
        "\xE1\x80\xE2\xF0\x91\x92\xF1\xBF"s, "\x80\xBF\x80"s, "\xF0\x9F\x98"s}) {
    ASSERT_FALSE(is_valid_utf8(bytes));
    const std::u16string decoded = utf8_to_utf16(bytes);
    const std::string encoded = utf16_to_utf8(decoded);
    EXPECT_TRUE(is_valid_utf8(encoded));
    EXPECT_EQ(utf8_to_utf16(encoded), decoded);
  }
}

TEST(Utf16ToUtf8Offsets, MapsEachUnitToTheByteOffsetOfItsCodePoint) {
  //                                       a  é  €  😀 (two units)
  EXPECT_EQ(utf16_to_utf8_offsets(u"aé€😀"), (std::vector<int32_t>{0, 1, 3, 6, 6, 10}));
  EXPECT_EQ(utf16_to_utf8_offsets(u""), std::vector<int32_t>{0});
}

// An unpaired surrogate is written as U+FFFD, three bytes, and the map agrees
// with what utf16_to_utf8 writes.
TEST(Utf16ToUtf8Offsets, AgreesWithTheEncoderOnEveryPrefix) {
  for (const std::u16string& text : {u"مرحبا Anna"s, u"👩‍👧 ok"s, u"a\xD83D"s + u"b", u"\xDE00\xD83D"s,
                                    u"x\xD83D"s}) {
    const std::vector<int32_t> offsets = utf16_to_utf8_offsets(text);
    ASSERT_EQ(offsets.size(), text.size() + 1);
    EXPECT_EQ(offsets.back(), static_cast<int32_t>(utf16_to_utf8(text).size()));
    for (size_t i = 0; i < text.size(); ++i) {
      const bool inside_pair = i > 0 && (text[i] & 0xFC00) == 0xDC00 &&
                               (text[i - 1] & 0xFC00) == 0xD800;
      if (inside_pair) {
        EXPECT_EQ(offsets[i], offsets[i - 1]) << "unit " << i;
      } else {
        EXPECT_EQ(offsets[i], static_cast<int32_t>(utf16_to_utf8(text.substr(0, i)).size()))
            << "unit " << i;
      }
    }
  }
}

TEST(IsValidUtf8, AcceptsOnlyWellFormedText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("a\0b"s));
  EXPECT_TRUE(is_valid_utf8("مرحبا 👋"));
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));          // overlong NUL
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));          // truncated
  EXPECT_FALSE(is_valid_utf8("\x80"));              // lone continuation
}

}  // namespace
}  // namespace ih::render
