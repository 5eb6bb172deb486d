#include "tests/i18n/catalog_checks.h"

#include <toml++/toml.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

#include <algorithm>

#include "i18n/message_pattern.h"

namespace ih::i18n::checks {
namespace {

std::u16string to_u16(std::string_view s) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  return std::u16string(u.getBuffer(), static_cast<size_t>(u.length()));
}

std::string to_u8(std::u16string_view s) {
  std::string out;
  icu::UnicodeString(s.data(), static_cast<int32_t>(s.size())).toUTF8String(out);
  return out;
}

std::string folded(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size())).foldCase().toUTF8String(out);
  return out;
}

// The entries a check reads: messages with a translation.
std::vector<const PoEntry*> messages(const PoFile& po) {
  std::vector<const PoEntry*> out;
  for (const PoEntry& e : po.entries)
    if (!e.obsolete && !e.source.empty() && !e.translation.empty()) out.push_back(&e);
  return out;
}

std::string where(const std::string& name, const PoEntry& e) {
  return name + ":" + std::to_string(e.line) + ": ";
}

bool is_ascii_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// `word` as a whole word in `text`, ASCII case ignored (sources are English).
bool has_word(std::string_view text, std::string_view word) {
  const std::string t = folded(text), w = folded(word);
  for (size_t at = t.find(w); at != std::string::npos; at = t.find(w, at + 1)) {
    const bool starts = at == 0 || !is_ascii_word_char(t[at - 1]);
    const bool ends = at + w.size() == t.size() || !is_ascii_word_char(t[at + w.size()]);
    if (starts && ends) return true;
  }
  return false;
}

std::vector<std::string> strings(const toml::table& t, std::string_view key) {
  std::vector<std::string> out;
  if (const toml::node* n = t.get(key)) {
    if (const auto* s = n->as_string()) out.push_back(s->get());
    if (const toml::array* a = n->as_array())
      for (const toml::node& item : *a)
        if (const auto* s = item.as_string()) out.push_back(s->get());
  }
  return out;
}

std::string text(const toml::table& t, std::string_view key) {
  return t[key].value_or(std::string());
}

}  // namespace

std::string literal_text(const std::string& pattern) {
  std::u16string out;
  rewrite_literal_text(to_u16(pattern), [&](std::u16string_view stretch) {
    out += stretch;
    out += u'\n';
    return std::u16string(stretch);
  });
  return to_u8(out);
}

GlossaryResult read_glossary(const std::string& path) {
  GlossaryResult r;
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    r.error =
        path + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description());
    return r;
  }
  Glossary& g = r.glossary;
  g.language = text(root, "language");
  g.address = text(root, "address");
  g.first_person = text(root, "first_person");
  g.latin_allowed = strings(root, "latin_allowed");
  if (const toml::table* t = root["typography"].as_table()) {
    g.space_before = strings(*t, "space_before");
    g.space_after = strings(*t, "space_after");
    g.joins_word_before = strings(*t, "joins_word_before");
    g.not_used = strings(*t, "not_used");
  }
  if (const toml::array* terms = root["term"].as_array()) {
    for (const toml::node& node : *terms) {
      const toml::table* t = node.as_table();
      if (!t) continue;
      GlossaryTerm term{strings(*t, "en"), text(*t, "say"), strings(*t, "forms"),
                        strings(*t, "avoid"), strings(*t, "except")};
      if (term.en.empty() || term.forms.empty()) {
        r.error =
            path + ":" + std::to_string(t->source().begin.line) + ": a term needs `en` and `forms`";
        return r;
      }
      g.terms.push_back(std::move(term));
    }
  }
  if (g.language.empty()) r.error = path + ": no `language`";
  return r;
}

std::vector<std::string> check_terms(const PoFile& po, const Glossary& g, const std::string& name) {
  std::vector<std::string> findings;
  for (const PoEntry* e : messages(po)) {
    const std::string translation = folded(e->translation);
    for (const GlossaryTerm& term : g.terms) {
      for (const std::string& avoid : term.avoid)
        if (e->translation.find(avoid) != std::string::npos)
          findings.push_back(where(name, *e) + "“" + avoid + "” for “" + term.en.front() +
                             "”; the glossary says “" + term.say + "”");
      const bool in_source = std::any_of(term.en.begin(), term.en.end(),
                                         [&](const auto& w) { return has_word(e->source, w); });
      if (!in_source) continue;
      if (std::find(term.except.begin(), term.except.end(), e->source) != term.except.end())
        continue;
      const bool said = std::any_of(term.forms.begin(), term.forms.end(), [&](const auto& f) {
        return translation.find(folded(f)) != std::string::npos;
      });
      if (!said)
        findings.push_back(where(name, *e) + "“" + term.en.front() + "” is not “" + term.say +
                           "” here: " + e->translation);
    }
  }
  return findings;
}

std::vector<std::string> check_latin_letters(const PoFile& po, const Glossary& g,
                                             const std::string& name) {
  std::vector<std::string> findings;
  for (const PoEntry* e : messages(po)) {
    std::string literal = literal_text(e->translation);
    for (const std::string& allowed : g.latin_allowed)
      for (size_t at = literal.find(allowed); at != std::string::npos;
           at = literal.find(allowed, at))
        literal.replace(at, allowed.size(), " ");
    const std::u16string text = to_u16(literal);
    for (size_t i = 0; i < text.size();) {
      UChar32 c;
      U16_NEXT(text.data(), i, text.size(), c);
      UErrorCode status = U_ZERO_ERROR;
      if (u_isalpha(c) && uscript_getScript(c, &status) == USCRIPT_LATIN) {
        findings.push_back(where(name, *e) + "Latin letters in “" + e->translation + "”");
        break;
      }
    }
  }
  return findings;
}

std::vector<std::string> check_no_break_spaces(const PoFile& po, const Glossary& g,
                                               const std::string& name) {
  std::vector<std::string> findings;
  for (const PoEntry* e : messages(po)) {
    const std::string literal = literal_text(e->translation);
    bool found = false;
    for (const std::string& p : g.space_before)
      found = found || literal.find(" " + p) != std::string::npos;
    for (const std::string& p : g.space_after)
      found = found || literal.find(p + " ") != std::string::npos;
    if (found)
      findings.push_back(
          where(name, *e) +
          "a breakable space beside high punctuation (use U+202F): " + e->translation);
  }
  return findings;
}

std::vector<std::string> check_apostrophes(const PoFile& po, const std::string& name) {
  std::vector<const PoEntry*> straight, curly;
  for (const PoEntry* e : messages(po)) {
    const std::string literal = literal_text(e->translation);
    if (literal.find('\'') != std::string::npos) straight.push_back(e);
    if (literal.find("’") != std::string::npos) curly.push_back(e);
  }
  std::vector<std::string> findings;
  if (straight.empty() || curly.empty()) return findings;
  const bool fewer_straight = straight.size() <= curly.size();
  for (const PoEntry* e : fewer_straight ? straight : curly)
    findings.push_back(where(name, *e) + (fewer_straight ? "'" : "’") + " where " +
                       std::to_string((fewer_straight ? curly : straight).size()) +
                       " other entries write " + (fewer_straight ? "’" : "'") + ": " +
                       e->translation);
  return findings;
}

std::vector<std::string> check_joined_suffixes(const PoFile& po, const Glossary& g,
                                               const std::string& name) {
  std::vector<std::string> findings;
  for (const PoEntry* e : messages(po)) {
    const std::string literal = literal_text(e->translation);
    const bool cut =
        std::any_of(g.joins_word_before.begin(), g.joins_word_before.end(),
                    [&](const auto& s) { return literal.find(" " + s) != std::string::npos; });
    if (cut) findings.push_back(where(name, *e) + "a suffix cut off by a space: " + e->translation);
  }
  return findings;
}

std::vector<std::string> check_unused_characters(const PoFile& po, const Glossary& g,
                                                 const std::string& name) {
  std::vector<std::string> findings;
  for (const PoEntry* e : messages(po)) {
    const std::string literal = literal_text(e->translation);
    for (const std::string& c : g.not_used)
      if (literal.find(c) != std::string::npos) {
        findings.push_back(where(name, *e) + "“" + c +
                           "”, which this catalog does not use: " + e->translation);
        break;
      }
  }
  return findings;
}

std::vector<std::string> check_arabic_punctuation(const PoFile& po, const std::string& name) {
  std::vector<std::string> findings;
  for (const PoEntry* e : messages(po)) {
    const std::string literal = literal_text(e->translation);
    if (literal.find_first_of("?,;") != std::string::npos)
      findings.push_back(where(name, *e) +
                         "ASCII ? , or ; where Arabic script writes ؟ ، ؛ : " + e->translation);
  }
  return findings;
}

}  // namespace ih::i18n::checks
