#include "kiosk/message_text.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <cstring>
#include <memory>

#include "render/utf.h"

namespace ih::kiosk {

namespace {

constexpr UChar32 kReplacement = 0xFFFD;

bool is_line_break(UChar32 c) {
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 ||
         c == 0x2029;
}

// Embeddings, overrides and isolates: they reach beyond their own text.
bool is_bidi_scope(UChar32 c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// LRM, RLM, ALM: they steer neutrals and pick a paragraph's direction.
bool is_bidi_mark(UChar32 c) {
  return c == 0x200E || c == 0x200F || c == 0x061C;
}

// Invisible format characters no script needs in a chat message.
bool is_stray_format(UChar32 c) {
  return c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB) || (c >= 0x206A && c <= 0x206F);
}

bool is_mark(UChar32 c) {
  const int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK;
}

bool is_strong(UChar32 c) {
  const UCharDirection d = u_charDirection(c);
  return d == U_LEFT_TO_RIGHT || d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC;
}

void append(std::string& out, UChar32 c) {
  // c is a scalar value here (replaced or checked before), so it always fits.
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, c);
  out.append(buffer, static_cast<size_t>(length));
}

// One ICU character iterator per thread: making one costs more than cutting
// a message.
icu::BreakIterator* graphemes() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    return U_SUCCESS(status) ? std::move(made) : nullptr;
  }();
  return iterator.get();
}

// Bytes of UTF-8 that the UTF-16 units before `end` of well-formed `text` take.
size_t utf8_length(std::u16string_view text, size_t end) {
  size_t bytes = 0;
  for (size_t i = 0; i < end; ++i) {
    const char16_t u = text[i];
    if (u < 0x80) {
      bytes += 1;
    } else if (u < 0x800) {
      bytes += 2;
    } else if (U16_IS_LEAD(u) && i + 1 < end) {
      bytes += 4;
      ++i;
    } else {
      bytes += 3;
    }
  }
  return bytes;
}

// The byte offset of well-formed `utf8` after its first `count` grapheme
// clusters and `max_lines` lines (0: no limit on lines), or its end. ICU
// iterates over a UTF-16 copy made here, not over UTF-8 (whose UText keeps
// converted chunks in buffers of its own): the copy is personal text and is
// overwritten before it is freed.
size_t grapheme_end(std::string_view utf8, int32_t count, int32_t max_lines) {
  std::u16string text = render::utf8_to_utf16(utf8);
  size_t end = utf8.size();
  icu::BreakIterator* it = graphemes();
  UText ut = UTEXT_INITIALIZER;
  UErrorCode status = U_ZERO_ERROR;
  utext_openUChars(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  if (it && U_SUCCESS(status)) {
    it->setText(&ut, status);
    int32_t seen = 0;
    int32_t lines = 1;
    for (int32_t at = it->first(), next = it->next();
         U_SUCCESS(status) && next != icu::BreakIterator::DONE; at = next, next = it->next()) {
      if (seen == count ||
          (text[static_cast<size_t>(at)] == u'\n' && max_lines > 0 && ++lines > max_lines)) {
        end = utf8_length(text, static_cast<size_t>(at));
        break;
      }
      ++seen;
    }
  }
  utext_close(&ut);
  explicit_bzero(text.data(), text.capacity() * sizeof(char16_t));
  return end;
}

SafeText clean(std::string_view bytes, int32_t max_graphemes, bool one_line) {
  SafeText result;
  std::string& out = result.text;
  out.reserve(bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  bool seen_strong = false;
  bool last_was_mark = false;  // a bidi mark was the last character kept
  int marks = 0;               // combining marks on the current letter
  int breaks = 0;              // line feeds pending (a message) since the last character
  bool space = false;          // a space pending
  int32_t code_points = 0;
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT_OR_FFFD(s, i, length, c);
    if (U_IS_UNICODE_NONCHAR(c)) c = kReplacement;
    if (is_line_break(c)) {
      // CR LF is one break.
      if (c == '\r' && i < length && s[i] == '\n') ++i;
      if (one_line)
        space = true;
      else
        ++breaks;
      continue;
    }
    if (c == '\t' || (one_line && u_isUWhiteSpace(c) && c != 0x00A0 && c != 0x202F)) {
      space = true;
      continue;
    }
    if (u_charType(c) == U_CONTROL_CHAR || is_bidi_scope(c) || is_stray_format(c)) {
      ++result.dropped;
      continue;
    }
    if (is_bidi_mark(c) && (!seen_strong || last_was_mark)) {
      ++result.dropped;
      continue;
    }
    if (is_mark(c)) {
      if (++marks > kMaxMarksPerLetter) {
        ++result.dropped;
        continue;
      }
    } else {
      marks = 0;
    }
    if (c == ' ') {
      // A run of spaces is one space; none at the start or the end.
      space = true;
      continue;
    }
    // Pending blank space is written only before something visible: none at
    // the start, none at the end.
    if (!out.empty()) {
      if (breaks > 0) {
        out.append(breaks > 1 ? "\n\n" : "\n");
        code_points += breaks > 1 ? 2 : 1;
      } else if (space) {
        out.push_back(' ');
        ++code_points;
      }
    }
    breaks = 0;
    space = false;
    seen_strong = seen_strong || is_strong(c);
    last_was_mark = is_bidi_mark(c);
    append(out, c);
    ++code_points;
  }
  // A grapheme cluster holds at least one code point: fewer code points than
  // the limit need no counting.
  if (max_graphemes > 0 && code_points > max_graphemes) {
    const size_t end = grapheme_end(out, max_graphemes, 0);
    if (end < out.size()) {
      out.resize(end);
      while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
      result.cut = true;
    }
  }
  return result;
}

}  // namespace

SafeText safe_message(std::string_view bytes, int32_t max_graphemes) {
  return clean(bytes, max_graphemes, false);
}

SafeText safe_name(std::string_view bytes, int32_t max_graphemes) {
  return clean(bytes, max_graphemes, true);
}

Preview preview(std::string_view safe, int32_t max_graphemes, int32_t max_lines) {
  const size_t end = grapheme_end(safe, max_graphemes > 0 ? max_graphemes : INT32_MAX, max_lines);
  if (end >= safe.size()) return {safe, false};
  std::string_view shown = safe.substr(0, end);
  while (!shown.empty() && (shown.back() == ' ' || shown.back() == '\n')) shown.remove_suffix(1);
  return {shown, true};
}

TextDirection text_direction(std::string_view safe) {
  const auto* s = reinterpret_cast<const uint8_t*>(safe.data());
  const auto length = static_cast<int32_t>(safe.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT_OR_FFFD(s, i, length, c);
    const UCharDirection d = u_charDirection(c);
    if (d == U_LEFT_TO_RIGHT) return TextDirection::Ltr;
    if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC) return TextDirection::Rtl;
  }
  return TextDirection::Neutral;
}

}  // namespace ih::kiosk
