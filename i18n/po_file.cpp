#include "i18n/po_file.h"

#include <gettext-po.h>
#include <sys/mman.h>
#include <unistd.h>

// AddressSanitizer, as gcc and as clang say it.
#if defined(__SANITIZE_ADDRESS__)
#define IH_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IH_ADDRESS_SANITIZER 1
#endif
#endif
#if defined(IH_ADDRESS_SANITIZER)
#include <sanitizer/lsan_interface.h>
#endif

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>

namespace ih::i18n {

namespace {

// A file with this many problems is not worth listing further.
constexpr size_t kMaxDiagnostics = 20;

// libgettextpo's error callbacks carry no user data, so the reader in progress
// is found through this. Reading is not reentrant anyway (see po_file.h).
struct Collector {
  std::string origin;
  std::vector<Diagnostic> diagnostics;
  size_t suppressed = 0;
  bool failed = false;

  void add(int severity, size_t line, const char* text) {
    const bool error = severity != PO_SEVERITY_WARNING;
    failed |= error;
    if (diagnostics.size() >= kMaxDiagnostics) {
      ++suppressed;
      return;
    }
    std::string what = text ? text : "unknown problem";
    while (!what.empty() && what.back() == '\n') what.pop_back();
    diagnostics.push_back({origin, line == static_cast<size_t>(-1) ? 0 : static_cast<int>(line),
                           error ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning,
                           std::move(what)});
  }
};

thread_local Collector* current = nullptr;

// libgettextpo asks that this not return for PO_SEVERITY_FATAL_ERROR. When
// reading, it raises that only after memory ran out or after too many errors,
// and po_file_read sets the error limit out of reach; returning lets the reader
// finish and report the file as unusable rather than ending the kiosk.
void on_error(int severity, po_message_t, const char*, size_t line, size_t, int, const char* text) {
  if (current) current->add(severity, line, text);
}

void on_error2(int severity, po_message_t, const char*, size_t line1, size_t, int,
               const char* text1, po_message_t, const char*, size_t line2, size_t, int,
               const char* text2) {
  if (!current) return;
  current->add(severity, line1, text1);
  current->add(PO_SEVERITY_WARNING, line2, text2);
}

// The line of each entry's msgstr (or msgstr[0]), in file order, found by
// looking at the lines the way the PO lexer does: keywords may be indented, and
// obsolete entries start with "#~". libgettextpo does not tell where an entry is.
std::vector<int> msgstr_lines(std::string_view text) {
  std::vector<int> lines;
  int number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    ++number;
    start = end + 1;
    auto skip_blanks = [&] {
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    };
    skip_blanks();
    if (line.starts_with("#~")) {
      line.remove_prefix(2);
      skip_blanks();
    }
    if (!line.starts_with("msgstr")) continue;
    line.remove_prefix(6);
    if (line.starts_with("[0]")) line.remove_prefix(3);
    if (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '"'))
      lines.push_back(number);
  }
  return lines;
}

std::string header_field(const char* header, const char* field) {
  if (!header) return {};
  char* value = po_header_field(header, field);
  if (!value) return {};
  std::string out(value);
  std::free(value);
  return out;
}

std::string charset_of(const std::string& content_type) {
  const size_t at = content_type.find("charset=");
  if (at == std::string::npos) return {};
  std::string charset = content_type.substr(at + 8);
  const size_t end = charset.find_first_of("; \t");
  if (end != std::string::npos) charset.resize(end);
  return charset;
}

struct FileCloser {
  void operator()(struct po_file* f) const { po_file_free(f); }
};
struct IteratorCloser {
  void operator()(struct po_message_iterator* i) const { po_message_iterator_free(i); }
};

std::string or_empty(const char* s) {
  return s ? s : "";
}

// Some of libgettextpo's getters return strings they allocated for the caller
// though their header says const char*: the domain header always (or null),
// the extracted comments unless there are none (then a literal "").
std::string take_header(const char* s) {
  std::string out = or_empty(s);
  std::free(const_cast<char*>(s));
  return out;
}
std::string take_comments(const char* s) {
  std::string out = or_empty(s);
  if (s && *s) std::free(const_cast<char*>(s));
  return out;
}

// libgettextpo 0.21 never frees a copy of the file name its lexer makes, nor
// a few strings of a file with syntax errors: tens of bytes per catalog read,
// and a catalog is read once per language. Not ours to fix; under
// AddressSanitizer the leak checker is told not to count them.
struct GettextLeaksIgnored {
#if defined(IH_ADDRESS_SANITIZER)
  GettextLeaksIgnored() {
    __lsan_disable();
  }
  ~GettextLeaksIgnored() {
    __lsan_enable();
  }
#endif
};

}  // namespace

PoFile parse_po(std::string_view text, std::string_view origin) {
  PoFile out;
  Collector collector{std::string(origin), {}, 0, false};

  // libgettextpo reads only from a named file. An anonymous file in memory
  // keeps this free of temporary files and of races between processes.
  const int fd = memfd_create("po", MFD_CLOEXEC);
  if (fd < 0) {
    out.diagnostics.push_back({collector.origin, 0, Diagnostic::Severity::Error,
                               "cannot make a file in memory to read it from"});
    return out;
  }
  size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = write(fd, text.data() + written, text.size() - written);
    if (n <= 0) break;
    written += static_cast<size_t>(n);
  }
  if (written < text.size()) {
    close(fd);
    out.diagnostics.push_back(
        {collector.origin, 0, Diagnostic::Severity::Error, "cannot copy it to memory to read it"});
    return out;
  }
  lseek(fd, 0, SEEK_SET);
  const std::string path = "/proc/self/fd/" + std::to_string(fd);

  const po_xerror_handler handler{on_error, on_error2};
  current = &collector;
  std::unique_ptr<struct po_file, FileCloser> file;
  {
    [[maybe_unused]] const GettextLeaksIgnored ignored;
    file.reset(po_file_read(path.c_str(), &handler));
  }
  current = nullptr;
  close(fd);
  if (!file) {
    collector.add(PO_SEVERITY_ERROR, 0, "cannot be read");
  } else {
    const char* raw_header = po_file_domain_header(file.get(), nullptr);
    const bool has_header = raw_header != nullptr;
    const std::string header = take_header(raw_header);
    out.charset = charset_of(header_field(header.c_str(), "Content-Type"));
    out.language = header_field(header.c_str(), "Language");
    // CHARSET is what a template says before anyone chose; the kiosk reads
    // every catalog as UTF-8 and checks each string.
    if (has_header && !out.charset.empty() && out.charset != "UTF-8" && out.charset != "utf-8" &&
        out.charset != "CHARSET") {
      collector.failed = true;
      collector.diagnostics.push_back(
          {collector.origin, 0, Diagnostic::Severity::Error,
           "the header says charset=" + out.charset + "; catalogs must be UTF-8"});
    }
  }
  if (collector.suppressed > 0)
    collector.diagnostics.push_back(
        {collector.origin, 0, Diagnostic::Severity::Error,
         "and " + std::to_string(collector.suppressed) + " more problems"});
  out.diagnostics = std::move(collector.diagnostics);
  if (!file || collector.failed) return out;

  std::unique_ptr<struct po_message_iterator, IteratorCloser> messages(
      po_message_iterator(file.get(), nullptr));
  while (po_message_t m = po_next_message(messages.get())) {
    PoEntry e;
    const char* context = po_message_msgctxt(m);
    e.has_context = context != nullptr;
    e.context = or_empty(context);
    e.source = or_empty(po_message_msgid(m));
    e.gettext_plural = po_message_msgid_plural(m) != nullptr;
    e.translation =
        or_empty(e.gettext_plural ? po_message_msgstr_plural(m, 0) : po_message_msgstr(m));
    e.fuzzy = po_message_is_fuzzy(m) != 0;
    e.obsolete = po_message_is_obsolete(m) != 0;
    e.comments = take_comments(po_message_extracted_comments(m));
    out.entries.push_back(std::move(e));
  }
  // Entries and msgstr lines pair up in order; if the counts disagree (a file
  // whose layout this scan misreads), no line is better than a wrong one.
  const std::vector<int> lines = msgstr_lines(text);
  if (lines.size() == out.entries.size())
    for (size_t i = 0; i < lines.size(); ++i) out.entries[i].line = lines[i];
  out.usable = true;
  return out;
}

PoFile read_po(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    PoFile out;
    out.diagnostics.push_back({path, 0, Diagnostic::Severity::Error, "cannot open the file"});
    return out;
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parse_po(text, path);
}

}  // namespace ih::i18n
