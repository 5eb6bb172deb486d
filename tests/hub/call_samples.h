// What the hub's benchmarks measure of one kind of call: each answered
// call's latency and the number that failed; and the table they print of
// them, one row per kind and one for all: calls, calls/s, p50, p99, errors.
#pragma once

#include <algorithm>
#include <cstdio>
#include <vector>

namespace ih::test {

struct CallSamples {
  std::vector<double> ms;  // latency of each call answered 2xx, milliseconds
  int errors = 0;          // calls that failed or were not answered 2xx
};

// The value below which a fraction `p` (0..1) of `v` lies; 0 for none.
inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

// Prints `kinds` rows, named by `names`, and a row for all, over `seconds`.
inline void print_call_table(const char* const* names, const CallSamples* samples, int kinds,
                             double seconds) {
  CallSamples all;
  const auto row = [&](const char* name, const CallSamples& s) {
    std::printf("  %-24s %7zu calls %8.1f/s  p50 %7.2f ms  p99 %8.2f ms  errors %d\n", name,
                s.ms.size(), static_cast<double>(s.ms.size()) / seconds, percentile(s.ms, 0.5),
                percentile(s.ms, 0.99), s.errors);
  };
  for (int k = 0; k < kinds; ++k) {
    row(names[k], samples[k]);
    all.ms.insert(all.ms.end(), samples[k].ms.begin(), samples[k].ms.end());
    all.errors += samples[k].errors;
  }
  row("all", all);
}

}  // namespace ih::test
