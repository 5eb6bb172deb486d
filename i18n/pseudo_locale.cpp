#include "i18n/pseudo_locale.h"

#include <unicode/unistr.h>

#include "i18n/message_pattern.h"

namespace ih::i18n {

namespace {

// A–Z and a–z, each with a mark above or below (Latin-1, Latin Extended-A and
// -B, Latin Extended Additional: all in Noto Sans).
constexpr char16_t kUpper[] = u"ÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";
constexpr char16_t kLower[] = u"áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýž";
static_assert(std::size(kUpper) == 27 && std::size(kLower) == 27);

bool is_vowel(char16_t c) {
  switch (c) {
    case u'a':
    case u'e':
    case u'i':
    case u'o':
    case u'u':
    case u'y':
    case u'A':
    case u'E':
    case u'I':
    case u'O':
    case u'U':
    case u'Y':
      return true;
    default:
      return false;
  }
}

char16_t accented(char16_t c) {
  if (c >= u'A' && c <= u'Z') return kUpper[c - u'A'];
  if (c >= u'a' && c <= u'z') return kLower[c - u'a'];
  return c;
}

std::u16string accents(std::u16string_view text) {
  std::u16string out;
  out.reserve(text.size() * 3 / 2);
  for (const char16_t c : text) {
    out += accented(c);
    // Doubling the vowels lengthens English text by about a third, spread
    // through every word, so wrapping changes as it will in longer languages.
    if (is_vowel(c)) out += accented(static_cast<char16_t>(c | 0x20));
  }
  return out;
}

bool is_space(char16_t c) {
  return c == u' ' || c == u'\n' || c == u'\t';
}

std::u16string bidi(std::u16string_view text) {
  constexpr char16_t kRightToLeftOverride = u'\u202E';
  constexpr char16_t kPopDirectionalFormatting = u'\u202C';
  std::u16string out;
  size_t i = 0;
  while (i < text.size()) {
    if (is_space(text[i])) {
      out += text[i++];
      continue;
    }
    size_t end = i;
    while (end < text.size() && !is_space(text[end])) ++end;
    out += kRightToLeftOverride;
    out += text.substr(i, end - i);
    out += kPopDirectionalFormatting;
    i = end;
  }
  return out;
}

}  // namespace

std::string pseudo_translate(std::string_view pattern, PseudoRewrite rewrite) {
  if (rewrite == PseudoRewrite::None) return std::string(pattern);
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size())));
  const std::u16string_view view(source.getBuffer(), static_cast<size_t>(source.length()));
  std::u16string out;
  if (rewrite == PseudoRewrite::Accents) {
    out = u"[" + rewrite_literal_text(view, accents) + u"]";
  } else {
    out = u"\u200F" + rewrite_literal_text(view, bidi);
  }
  std::string utf8;
  icu::UnicodeString(out.data(), static_cast<int32_t>(out.size())).toUTF8String(utf8);
  return utf8;
}

}  // namespace ih::i18n
