// Any bytes as a server's problem details (RFC 9457), the way the sync engine
// reads a refusal before it keeps it as a dead letter. Nothing may crash or
// throw, and what is kept must be field names only: never a value a person
// entered, whatever the server put in `errors`.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "net/replies.h"

namespace {

void require(bool condition, const char* promise) {
  if (condition) return;
  std::fprintf(stderr, "broken promise: %s\n", promise);
  std::abort();
}

bool is_name_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.';
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ih::net;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const auto problem = parse_problem(body);
  if (!problem) return 0;
  require(problem->status >= 100 && problem->status <= 599, "problem status is HTTP");
  require(problem->fields.size() <= kMaxProblemFields, "a bounded number of fields");
  for (const auto& field : problem->fields) {
    require(!field.empty() && field.size() <= kMaxFieldName, "a field name of bounded length");
    for (const char c : field) require(is_name_character(c), "a field name, not a value");
  }
  return 0;
}
