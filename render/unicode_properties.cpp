#include "render/unicode_properties.h"

namespace ih::render {

const UnicodeProperties& UnicodeProperties::get() {
  static const UnicodeProperties properties;
  return properties;
}

UnicodeProperties::~UnicodeProperties() {
  for (auto& block : blocks_) delete[] block.load();
}

UnicodeProperties::Values UnicodeProperties::look_up(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return {.script = static_cast<uint16_t>(U_SUCCESS(status) ? script : USCRIPT_COMMON),
          .bidi_class = static_cast<uint8_t>(u_charDirection(c)),
          .grapheme_break =
              static_cast<uint8_t>(u_getIntPropertyValue(c, UCHAR_GRAPHEME_CLUSTER_BREAK)),
          .line_break = static_cast<uint8_t>(u_getIntPropertyValue(c, UCHAR_LINE_BREAK))};
}

const UnicodeProperties::Values* UnicodeProperties::fill(size_t block) const {
  auto* values = new Values[kBlockSize];
  const auto first = static_cast<UChar32>(block << kBlockBits);
  for (size_t i = 0; i < kBlockSize; ++i) values[i] = look_up(first + static_cast<UChar32>(i));
  const Values* expected = nullptr;
  if (blocks_[block].compare_exchange_strong(expected, values, std::memory_order_acq_rel))
    return values;
  delete[] values;  // another thread filled it first
  return expected;
}

}  // namespace ih::render
