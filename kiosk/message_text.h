// Text that came from the server, made safe to show: messages and the names
// of helpers. Anything the platform relays was typed by someone else, may be
// broken, and may be made to mislead; the kiosk shows it without crashing,
// stalling, or letting it rearrange what stands around it.
//
// The rules, applied once when a message or a name enters the kiosk (the link
// calls these when it converts the network's replies, conversations.h):
//
//   - Ill-formed UTF-8 becomes U+FFFD, one per maximal ill-formed subpart
//     (Unicode 3.9), as the text engine decodes; so do noncharacters and
//     lone surrogates.
//   - NUL and the other control characters (C0, DEL, C1) are removed; CR LF,
//     CR, VT, FF, NEL and U+2028/2029 become a line feed, a tab a space. A
//     message keeps at most two line feeds in a row, a name none.
//   - Bidi controls that embed, override or isolate (U+202A–202E,
//     U+2066–2069) are removed: a message or a name cannot reach out of its
//     own paragraph or isolate, so "U+202E Anna" cannot reverse the text after
//     it. The marks (LRM, RLM, ALM) stay where they steer neutrals in text
//     that has strong letters (Persian writes them), but not before the first
//     strong letter, where they would pick the paragraph's direction, and
//     never two in a row.
//   - Other invisible format characters that serve no script (BOM,
//     interlinear annotations, the deprecated U+206A–206F) are removed; ZWJ
//     and ZWNJ stay (emoji sequences, Persian), and so do tag characters
//     (subdivision flags).
//   - A letter carries at most kMaxMarksPerLetter combining marks; more pile up
//     above and below the line and are removed.
//   - The text is cut at `max_graphemes` grapheme clusters (the platform's
//     limit; a server that sends more breaks the contract) and `cut` says so.
//
// Pure functions over ICU's character properties; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ih::kiosk {

// Combining marks kept on one letter: enough for Vietnamese, Ethiopic, Arabic
// with vowels and shadda, Hebrew with points.
inline constexpr int kMaxMarksPerLetter = 8;

// A text after the rules above.
struct SafeText {
  std::string text;     // well-formed UTF-8
  bool cut = false;     // the original had more than max_graphemes
  int32_t dropped = 0;  // characters removed (controls, bidi controls, marks)
};

// A message's text: paragraphs kept (at most two line feeds in a row),
// leading and trailing blank space removed. `max_graphemes` 0: no limit.
SafeText safe_message(std::string_view bytes, int32_t max_graphemes);

// A person's name: one line (every line break a space, spaces collapsed),
// trimmed. `max_graphemes` 0: no limit.
SafeText safe_name(std::string_view bytes, int32_t max_graphemes);

// The first `max_graphemes` grapheme clusters and at most `max_lines` lines of
// a safe text, cut at a grapheme boundary (an emoji family or a syllable is
// never split), for a preview that "Show more" opens. `cut` is false when
// the text is shorter than both.
struct Preview {
  std::string_view text;
  bool cut = false;
};
Preview preview(std::string_view safe, int32_t max_graphemes, int32_t max_lines);

// The direction of a safe text's first strong letter: how its bubble stands.
enum class TextDirection : uint8_t { Neutral, Ltr, Rtl };
TextDirection text_direction(std::string_view safe);

}  // namespace ih::kiosk
