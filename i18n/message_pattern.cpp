#include "i18n/message_pattern.h"

#include <unicode/messagepattern.h>
#include <unicode/parseerr.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace ih::i18n {

namespace {

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string utf8(const char16_t* s) {
  return utf8(icu::UnicodeString(s));
}

// What ICU's parse errors mean to a translator.
std::string describe(UErrorCode status) {
  switch (status) {
    case U_PATTERN_SYNTAX_ERROR:
      return "syntax error";
    case U_UNMATCHED_BRACES:
      return "unmatched braces";
    case U_DEFAULT_KEYWORD_MISSING:
      return "a plural or select has no 'other' form";
    case U_DUPLICATE_KEYWORD:
      return "a plural or select form is written twice";
    case U_ARGUMENT_TYPE_MISMATCH:
      return "an argument is used both by name and by number";
    case U_ILLEGAL_ARGUMENT_ERROR:
      return "not a valid message";
    default:
      return u_errorName(status);
  }
}

// The kind of value a simple argument of ICU type `type` takes; false for a type
// ICU does not know.
bool kind_of_simple_type(const icu::UnicodeString& type, ArgumentKind& kind) {
  if (type == u"number" || type == u"spellout" || type == u"ordinal" || type == u"duration") {
    kind = ArgumentKind::Number;
    return true;
  }
  if (type == u"date" || type == u"time") {
    kind = ArgumentKind::Date;
    return true;
  }
  return false;
}

// The plural keywords of the plural or selectordinal argument starting at part
// `start`, not looking into its sub-messages.
std::vector<std::string> plural_forms(const icu::MessagePattern& p, int32_t start) {
  std::vector<std::string> forms;
  const int32_t limit = p.getLimitPartIndex(start);
  for (int32_t i = start + 2; i < limit; ++i) {
    const icu::MessagePattern::Part& part = p.getPart(i);
    if (part.getType() == UMSGPAT_PART_TYPE_MSG_START) {
      i = p.getLimitPartIndex(i);
    } else if (part.getType() == UMSGPAT_PART_TYPE_ARG_SELECTOR) {
      const std::string keyword = utf8(p.getSubstring(part));
      if (!keyword.starts_with("=") &&
          std::find(forms.begin(), forms.end(), keyword) == forms.end())
        forms.push_back(keyword);
    }
  }
  return forms;
}

bool more_specific(ArgumentKind a, ArgumentKind b) {
  return b == ArgumentKind::Any && a != ArgumentKind::Any;
}

}  // namespace

std::string_view to_string(ArgumentKind kind) {
  switch (kind) {
    case ArgumentKind::Any:
      return "any";
    case ArgumentKind::Number:
      return "number";
    case ArgumentKind::Date:
      return "date";
    case ArgumentKind::Choice:
      return "select";
  }
  return "any";
}

const PatternArgument* PatternInfo::find(std::string_view name) const {
  for (const PatternArgument& a : arguments)
    if (a.name == name) return &a;
  return nullptr;
}

PatternInfo analyse_pattern(std::string_view pattern) {
  PatternInfo info;
  UParseError where{};
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size())));
  const icu::MessagePattern p(text, &where, status);
  if (U_FAILURE(status)) {
    info.error = describe(status);
    if (where.offset > 0) info.error += " at character " + std::to_string(where.offset);
    const std::string before = utf8(where.preContext), after = utf8(where.postContext);
    if (!before.empty() || !after.empty()) info.error += " near “" + before + after + "”";
    return info;
  }
  for (int32_t i = 0; i < p.countParts(); ++i) {
    const icu::MessagePattern::Part& part = p.getPart(i);
    if (part.getType() != UMSGPAT_PART_TYPE_ARG_START) continue;
    const icu::MessagePattern::Part& id = p.getPart(i + 1);
    if (id.getType() == UMSGPAT_PART_TYPE_ARG_NUMBER) {
      info.error = "numbered argument {" + utf8(p.getSubstring(id)) +
                   "}: arguments have names, such as {count}";
      return info;
    }
    PatternArgument argument;
    argument.name = utf8(p.getSubstring(id));
    switch (part.getArgType()) {
      case UMSGPAT_ARG_TYPE_NONE:
        break;
      case UMSGPAT_ARG_TYPE_SIMPLE: {
        const icu::UnicodeString type = p.getSubstring(p.getPart(i + 2));
        if (!kind_of_simple_type(type, argument.kind)) {
          info.error = "{" + argument.name + "} has the unknown type “" + utf8(type) +
                       "”; ICU knows number, date, time, plural, select, selectordinal, "
                       "spellout, ordinal and duration";
          return info;
        }
        break;
      }
      case UMSGPAT_ARG_TYPE_CHOICE:
        argument.kind = ArgumentKind::Number;
        break;
      case UMSGPAT_ARG_TYPE_SELECTORDINAL:
        argument.ordinal = true;
        [[fallthrough]];
      case UMSGPAT_ARG_TYPE_PLURAL:
        argument.kind = ArgumentKind::Number;
        argument.plural_forms = plural_forms(p, i);
        break;
      case UMSGPAT_ARG_TYPE_SELECT:
        argument.kind = ArgumentKind::Choice;
        break;
    }
    auto seen = std::find_if(info.arguments.begin(), info.arguments.end(),
                             [&](const PatternArgument& a) { return a.name == argument.name; });
    if (seen == info.arguments.end()) {
      info.arguments.push_back(std::move(argument));
      continue;
    }
    if (more_specific(argument.kind, seen->kind)) seen->kind = argument.kind;
    seen->ordinal |= argument.ordinal;
    for (std::string& form : argument.plural_forms)
      if (std::find(seen->plural_forms.begin(), seen->plural_forms.end(), form) ==
          seen->plural_forms.end())
        seen->plural_forms.push_back(std::move(form));
  }
  return info;
}

std::u16string rewrite_literal_text(
    std::u16string_view pattern,
    const std::function<std::u16string(std::u16string_view)>& rewrite) {
  UParseError where{};
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString text(pattern.data(), static_cast<int32_t>(pattern.size()));
  const icu::MessagePattern p(text, &where, status);
  if (U_FAILURE(status)) return std::u16string(pattern);

  std::u16string out;
  // Literal text is what lies between two parts while the innermost open
  // construct is a message; between the parts of an argument lie its name,
  // type, style and selectors.
  std::vector<UMessagePatternPartType> open;
  size_t at = 0;
  bool after_apostrophe = false;
  for (int32_t i = 0; i < p.countParts(); ++i) {
    const icu::MessagePattern::Part& part = p.getPart(i);
    const auto start = static_cast<size_t>(part.getIndex());
    const auto limit = static_cast<size_t>(part.getLimit());
    if (start > at) {
      std::u16string_view gap = pattern.substr(at, start - at);
      const bool literal = !open.empty() && open.back() == UMSGPAT_PART_TYPE_MSG_START;
      if (!literal) {
        out += gap;
      } else {
        // A quoting apostrophe means what it means only next to the character
        // it quotes ('{' or the pair ''), so the characters touching one stay
        // where they are and only the text between is rewritten.
        const bool before_apostrophe = part.getType() == UMSGPAT_PART_TYPE_SKIP_SYNTAX;
        const std::u16string_view head = gap.substr(0, after_apostrophe ? 1 : 0);
        gap.remove_prefix(head.size());
        const std::u16string_view tail =
            gap.substr(before_apostrophe && !gap.empty() ? gap.size() - 1 : gap.size());
        gap.remove_suffix(tail.size());
        out += head;
        if (!gap.empty()) out += rewrite(gap);
        out += tail;
      }
    }
    after_apostrophe = part.getType() == UMSGPAT_PART_TYPE_SKIP_SYNTAX;
    out += pattern.substr(start, limit - start);
    at = std::max(at, limit);
    switch (part.getType()) {
      case UMSGPAT_PART_TYPE_MSG_START:
      case UMSGPAT_PART_TYPE_ARG_START:
        open.push_back(part.getType());
        break;
      case UMSGPAT_PART_TYPE_MSG_LIMIT:
      case UMSGPAT_PART_TYPE_ARG_LIMIT:
        if (!open.empty()) open.pop_back();
        break;
      default:
        break;
    }
  }
  if (at < pattern.size()) out += pattern.substr(at);
  return out;
}

}  // namespace ih::i18n
