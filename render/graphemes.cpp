#include "render/graphemes.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include "render/unicode_properties.h"

namespace ih::render {

GraphemeBreaker::GraphemeBreaker() {
  UErrorCode status = U_ZERO_ERROR;
  iterator_.reset(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) iterator_.reset();
}

GraphemeBreaker::~GraphemeBreaker() = default;

namespace {

// The common case without the iterator: text of characters whose
// Grapheme_Cluster_Break is Other, Extend, Control, CR or LF. Rules GB3-GB5 (no
// break inside CR LF; break around controls), GB9 (no break before Extend) and
// GB999 (break everywhere else) settle all of it; that covers most text of most
// scripts, combining marks, Arabic harakat and ZWNJ included. The property lookup
// is a trie read, far cheaper than running the iterator's rules. Anything else
// (ZWJ, regional indicators, Hangul, prepended and spacing marks) returns false
// and goes to the iterator. GraphemeBreakTest.txt checks both paths.
// `out` holds {0} and room for a boundary after every unit.
bool simple_clusters(std::u16string_view text, std::vector<TextIndex>& out) {
  const UnicodeProperties& properties = UnicodeProperties::get();
  const auto n = static_cast<int32_t>(text.size());
  out.resize(text.size() + 1);
  size_t count = 1;                  // boundaries so far; out[count - 1] is the last
  int32_t previous = U_GCB_CONTROL;  // so that text may not start by extending
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U16_NEXT(text.data(), i, n, c);
    const int32_t type = properties.grapheme_break(c);
    if (type == U_GCB_OTHER) {  // most characters: GB999 before them
      out[count++] = i;
      previous = type;
      continue;
    }
    const bool after_control =
        previous == U_GCB_CONTROL || previous == U_GCB_CR || previous == U_GCB_LF;
    if (type == U_GCB_LF && previous == U_GCB_CR) {
      out[count - 1] = i;  // GB3
    } else if (type == U_GCB_EXTEND && !after_control) {
      out[count - 1] = i;  // GB9
    } else if (type == U_GCB_EXTEND || type == U_GCB_CONTROL || type == U_GCB_CR ||
               type == U_GCB_LF) {
      out[count++] = i;
    } else {
      return false;
    }
    previous = type;
  }
  out.resize(count);
  return true;
}

}  // namespace

std::vector<TextIndex> GraphemeBreaker::boundaries(std::u16string_view text) {
  std::vector<TextIndex> out;
  out.reserve(text.size() + 1);
  out.push_back(0);
  if (text.empty()) return out;
  if (simple_clusters(text, out)) return out;
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
