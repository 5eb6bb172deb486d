// A QR code of a short text, for a person to photograph their personal code
// with their phone (WCAG 3.3.8: nothing to remember to log in again).
// libqrencode makes it; error correction level M, so a slightly blurred or
// glared photo still reads.
//
// The modules spell out a personal code: the caller wipes the code with
// wipe_qr() when the session ends. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ih::kiosk {

struct QrCode {
  int size = 0;                  // modules per side, without the quiet zone
  std::vector<uint8_t> modules;  // size × size, row by row; 1 is dark
  bool dark(int x, int y) const {
    return modules[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)];
  }
};

// The QR code of `text` as 8-bit data; nullopt if it does not fit.
std::optional<QrCode> make_qr(std::string_view text);

// Overwrites the modules and empties the code.
void wipe_qr(QrCode& code);

}  // namespace ih::kiosk
