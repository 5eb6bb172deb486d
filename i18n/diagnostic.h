// A problem found in a data file (a catalog, the language list), said the way
// compilers say it, so that an editor can jump to it:
//
//   i18n/po/ar.po:42: error: the translation uses {name}, which the source has not
#pragma once

#include <string>
#include <vector>

namespace ih::i18n {

struct Diagnostic {
  enum class Severity { Warning, Error };
  std::string origin;  // the file, as it was named when read
  int line = 0;        // 1-based; 0 when not known
  Severity severity = Severity::Error;
  std::string what;

  // "origin:line: error: what", or "origin: warning: what" without a line.
  std::string text() const;
};

// True when one of `diagnostics` is an error.
bool has_error(const std::vector<Diagnostic>& diagnostics);

}  // namespace ih::i18n
