// Reading gettext PO files (and their template, the POT file) with GNU
// libgettextpo, the library msgfmt and msgmerge themselves are built on. This
// layer knows PO syntax only; what the strings mean is catalog.h's business.
//
// Not thread-safe: libgettextpo reports problems through process-wide state.
// Call from one thread (the UI thread loads catalogs).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "i18n/diagnostic.h"

namespace ih::i18n {

// One entry of a PO file, header and obsolete entries included.
struct PoEntry {
  std::string context;      // msgctxt; empty when there is none
  std::string source;       // msgid
  std::string translation;  // msgstr; msgstr[0] for a gettext plural entry
  bool has_context = false;
  bool fuzzy = false;
  bool obsolete = false;        // "#~" entries that msgmerge keeps for translators
  bool gettext_plural = false;  // has msgid_plural
  int line = 0;                 // of its msgstr in the file; 0 if not known
  std::string comments;         // extracted comments ("#." lines), e.g. notes for translators
};

struct PoFile {
  std::vector<PoEntry> entries;  // in file order; empty when `usable` is false
  std::string charset;           // from the header's Content-Type; empty without a header
  std::string language;          // from the header's Language field
  std::vector<Diagnostic> diagnostics;
  // False when the file is not valid PO (libgettextpo found an error) or not
  // UTF-8: then none of its entries can be trusted.
  bool usable = false;
};

// Parses PO text. `origin` names it in diagnostics.
PoFile parse_po(std::string_view text, std::string_view origin);

// Reads and parses a PO file; diagnostics name it by `path`.
PoFile read_po(const std::string& path);

}  // namespace ih::i18n
