#include "render/graphemes.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utext.h>

namespace ih::render {

GraphemeBreaker::GraphemeBreaker() {
  UErrorCode status = U_ZERO_ERROR;
  iterator_.reset(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) iterator_.reset();
}

GraphemeBreaker::~GraphemeBreaker() = default;

namespace {

// Text whose every character has Grapheme_Cluster_Break=Other breaks before each
// character (rule GB999): most words of most scripts. The property lookup is a
// trie read, far cheaper than running the iterator's rules.
bool every_code_point_is_a_cluster(std::u16string_view text, std::vector<TextIndex>& out) {
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U16_NEXT(text.data(), i, n, c);
    if (u_getIntPropertyValue(c, UCHAR_GRAPHEME_CLUSTER_BREAK) != U_GCB_OTHER) return false;
    out.push_back(i);
  }
  return true;
}

}  // namespace

std::vector<TextIndex> GraphemeBreaker::boundaries(std::u16string_view text) {
  std::vector<TextIndex> out;
  out.reserve(text.size() + 1);
  out.push_back(0);
  if (text.empty()) return out;
  if (every_code_point_is_a_cluster(text, out)) return out;
  out.resize(1);
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUChars(&utext, reinterpret_cast<const UChar*>(text.data()),
                   static_cast<int64_t>(text.size()), &status);
  if (iterator_ && U_SUCCESS(status)) {
    iterator_->setText(&utext, status);
  }
  if (!iterator_ || U_FAILURE(status)) {
    // Without ICU data every code unit is its own cluster, surrogate pairs kept whole.
    for (size_t i = 1; i <= text.size(); ++i) {
      if (i < text.size() && (text[i] & 0xFC00) == 0xDC00) continue;
      out.push_back(static_cast<TextIndex>(i));
    }
    utext_close(&utext);
    return out;
  }
  for (int32_t b = iterator_->next(); b != icu::BreakIterator::DONE; b = iterator_->next()) {
    out.push_back(b);
  }
  utext_close(&utext);
  return out;
}

std::vector<TextIndex> grapheme_boundaries(std::u16string_view text) {
  GraphemeBreaker breaker;
  return breaker.boundaries(text);
}

}  // namespace ih::render
