#include "kiosk/speech/speech_text.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace ih::speech {

std::string describe(TextProblem problem) {
  switch (problem) {
    case TextProblem::none:
      return "the text can be spoken";
    case TextProblem::invalid_utf8:
      return "the text is not valid UTF-8";
    case TextProblem::nul_byte:
      return "the text contains a NUL character";
    case TextProblem::too_long:
      return "the text is longer than the " + std::to_string(kMaxTextBytes) +
             " bytes spoken at once";
  }
  return "unknown text problem";
}

TextProblem prepare_for_speech(std::string_view utf8, std::string& out) {
  wipe_text(out);
  if (utf8.size() > kMaxTextBytes) return TextProblem::too_long;
  out.reserve(utf8.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    const TextProblem problem = c < 0    ? TextProblem::invalid_utf8
                                : c == 0 ? TextProblem::nul_byte
                                         : TextProblem::none;
    if (problem != TextProblem::none) {
      wipe_text(out);
      return problem;
    }
    if (u_isdigit(c)) {
      out.push_back(static_cast<char>('0' + u_charDigitValue(c)));
    } else {
      out.append(utf8.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
  }
  return TextProblem::none;
}

void wipe_text(std::string& s) {
  // explicit_bzero, unlike memset, is not removed when the buffer is dead.
  explicit_bzero(s.data(), s.capacity());
  s.clear();
  s.shrink_to_fit();
}

}  // namespace ih::speech
