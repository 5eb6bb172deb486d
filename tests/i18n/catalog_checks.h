// Checks of a catalog's wording and typography, beyond what the loader checks
// (syntax, arguments, plural forms): that its key terms are the ones its
// glossary (i18n/po/glossary/<tag>.toml) names, that non-Latin text has no
// stray Latin letters, and that its punctuation, spaces and apostrophes are the
// ones its script and language write.
//
// Every check returns its findings, one per offending entry, each naming the
// catalog's file and line ("ar.po:57: …") so a translator can go straight
// there; an empty list means the catalog passes. Only messages are checked (not
// the header, not obsolete "#~" entries), drafts included: people see drafts.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "i18n/po_file.h"

namespace ih::i18n::checks {

// One key term of the kiosk and how a catalog says it.
struct GlossaryTerm {
  std::vector<std::string> en;  // the English word(s), whole words in the source, any case
  std::string say;              // the translation to use, for the translator
  // What a translation holds wherever its source has the term: stems and
  // inflected forms, compared without case. At least one must be there.
  std::vector<std::string> forms;
  std::vector<std::string> avoid;   // renderings that must not come back, compared exactly
  std::vector<std::string> except;  // sources whose translation may leave the term out
};

// The glossary of one catalog: its terms, and the conventions its checks read.
struct Glossary {
  std::string language;      // the catalog's tag, e.g. "ar"
  std::string address;       // the form of address, e.g. "formal (antum)"; for people
  std::string first_person;  // how "I …" buttons avoid a gender; for people
  std::vector<GlossaryTerm> terms;
  // Latin text that may stand inside a non-Latin catalog, e.g. "ichhelfe.jetzt".
  std::vector<std::string> latin_allowed;
  // Punctuation that takes a no-break space (U+202F or U+00A0) before it, as
  // French puts one before ? ! : ; and », and after «.
  std::vector<std::string> space_before;
  std::vector<std::string> space_after;
  // Letters that begin a suffix, never a word, so that a space before one cuts
  // a word in two (Sorani: ە ێ ۆ; a word that starts with a vowel takes ئ).
  std::vector<std::string> joins_word_before;
  // Characters the catalog does not write, each with what it writes instead:
  // Tigrinya's commas are ፣, never ፡ (the old word divider).
  std::vector<std::string> not_used;
};

struct GlossaryResult {
  Glossary glossary;
  std::string error;  // empty when the file was read; otherwise "file:line: what"
};

// Reads a glossary file (TOML, the format is described in i18n/po/glossary/README.md).
GlossaryResult read_glossary(const std::string& path);

// Each key term of `g` whose English appears in an entry's source is said with
// one of its forms in the translation, and none of its avoided renderings appears.
std::vector<std::string> check_terms(const PoFile& po, const Glossary& g, const std::string& name);

// No Latin letter in the literal text of a translation, apart from
// g.latin_allowed. For catalogs whose script is not Latin.
std::vector<std::string> check_latin_letters(const PoFile& po, const Glossary& g,
                                             const std::string& name);

// A plain space (U+0020) never stands before g.space_before or after g.space_after.
std::vector<std::string> check_no_break_spaces(const PoFile& po, const Glossary& g,
                                               const std::string& name);

// A catalog writes its apostrophes one way: ' (U+0027) or ’ (U+2019), not both.
// The finding names the entries of the rarer kind.
std::vector<std::string> check_apostrophes(const PoFile& po, const std::string& name);

// No space before a letter of g.joins_word_before.
std::vector<std::string> check_joined_suffixes(const PoFile& po, const Glossary& g,
                                               const std::string& name);

// No character of g.not_used in the literal text of a translation.
std::vector<std::string> check_unused_characters(const PoFile& po, const Glossary& g,
                                                 const std::string& name);

// Arabic-script text writes ؟ ، ؛ , not ASCII ? , ; (outside MessageFormat syntax).
std::vector<std::string> check_arabic_punctuation(const PoFile& po, const std::string& name);

// The literal text of a MessageFormat pattern: outside arguments and inside
// plural and select sub-messages, each stretch on a line of its own.
std::string literal_text(const std::string& pattern);

}  // namespace ih::i18n::checks
