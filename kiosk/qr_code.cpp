#include "kiosk/qr_code.h"

#include <qrencode.h>
#include <string.h>

#include <string>

namespace ih::kiosk {

std::optional<QrCode> make_qr(std::string_view text) {
  // libqrencode takes a C string; the copy is wiped below.
  std::string data(text);
  QRcode* made = QRcode_encodeString8bit(data.c_str(), 0, QR_ECLEVEL_M);
  explicit_bzero(data.data(), data.size());
  if (!made) return std::nullopt;
  QrCode code;
  code.size = made->width;
  const size_t count = static_cast<size_t>(made->width) * static_cast<size_t>(made->width);
  code.modules.resize(count);
  // Bit 0 of each byte is the module's colour; the others say what it is for.
  for (size_t i = 0; i < count; ++i) code.modules[i] = made->data[i] & 1;
  explicit_bzero(made->data, count);
  QRcode_free(made);
  return code;
}

void wipe_qr(QrCode& code) {
  explicit_bzero(code.modules.data(), code.modules.size());
  code.modules.clear();
  code.modules.shrink_to_fit();
  code.size = 0;
}

}  // namespace ih::kiosk
