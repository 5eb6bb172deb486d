// Searching this process's memory for personal text that should be gone: the
// needles are kept masked (XOR kMask) so the test itself holds no clear copy.
// The same scan as shell_test.cpp's, for the pages that keep text of their own.
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <string.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ih::kiosk::testing {

inline constexpr uint8_t kMask = 0x5A;

// UTF-16LE of an ASCII string, masked.
inline std::vector<uint8_t> masked16(const std::vector<uint8_t>& ascii_masked) {
  std::vector<uint8_t> out;
  for (uint8_t b : ascii_masked) {
    out.push_back(b);
    out.push_back(0 ^ kMask);
  }
  return out;
}

// Every writable mapping (heap, stacks, anonymous memory, libraries' data)
// searched through /proc/self/mem for the masked needles, in chunks that
// overlap by a needle's length. Mappings above 1 GiB are AddressSanitizer's
// shadow. Returns, for each match, which needle and the mapping it is in.
inline std::vector<std::string> find_in_memory(const std::vector<std::vector<uint8_t>>& needles) {
  constexpr uint64_t kChunk = 16 << 20;
  constexpr uint64_t kLargest = uint64_t{1} << 30;
  size_t longest = 0;
  for (const auto& needle : needles) longest = std::max(longest, needle.size());
  std::vector<std::string> found;
  std::ifstream maps("/proc/self/maps");
  const int mem = open("/proc/self/mem", O_RDONLY);
  EXPECT_GE(mem, 0);
  std::vector<uint8_t> buffer(kChunk + longest);
  std::string line;
  while (std::getline(maps, line)) {
    std::istringstream in(line);
    std::string range, perms;
    in >> range >> perms;
    if (perms.size() < 2 || perms[0] != 'r' || perms[1] != 'w') continue;
    if (line.find("[vvar") != std::string::npos) continue;
    const uint64_t start = std::stoull(range.substr(0, range.find('-')), nullptr, 16);
    const uint64_t end = std::stoull(range.substr(range.find('-') + 1), nullptr, 16);
    if (end - start > kLargest) continue;
    for (uint64_t at = start; at < end; at += kChunk) {
      const uint64_t want = std::min<uint64_t>(kChunk + longest, end - at);
      const ssize_t got = pread(mem, buffer.data(), want, static_cast<off_t>(at));
      if (got <= 0) continue;
      // Masked as the needles are, then searched with memmem.
      for (ssize_t i = 0; i < got; ++i) buffer[static_cast<size_t>(i)] ^= kMask;
      for (size_t n = 0; n < needles.size(); ++n) {
        const auto& needle = needles[n];
        const uint8_t* from = buffer.data();
        const uint8_t* const last = buffer.data() + got;
        while (const void* hit =
                   memmem(from, static_cast<size_t>(last - from), needle.data(), needle.size())) {
          const auto* at_hit = static_cast<const uint8_t*>(hit);
          // A match in the overlap is found again in the next chunk.
          if (static_cast<uint64_t>(at_hit - buffer.data()) < kChunk)
            found.push_back("needle " + std::to_string(n) + " in " + line);
          from = at_hit + 1;
        }
      }
    }
  }
  explicit_bzero(buffer.data(), buffer.size());
  close(mem);
  return found;
}

}  // namespace ih::kiosk::testing
