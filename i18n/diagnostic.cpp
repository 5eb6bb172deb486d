#include "i18n/diagnostic.h"

#include <algorithm>

namespace ih::i18n {

std::string Diagnostic::text() const {
  std::string out = origin;
  if (line > 0) out += ":" + std::to_string(line);
  out += severity == Severity::Error ? ": error: " : ": warning: ";
  out += what;
  return out;
}

bool has_error(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; });
}

}  // namespace ih::i18n
