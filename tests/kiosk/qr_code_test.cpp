// QR codes of personal codes: the smallest version that holds them, the three
// finder patterns where a reader looks for them, and nothing left after wiping.
#include "kiosk/qr_code.h"

#include <gtest/gtest.h>

namespace ih::kiosk {
namespace {

// A finder pattern: a dark 7×7 ring, a light ring inside, a dark 3×3 centre.
bool finder_at(const QrCode& qr, int x0, int y0) {
  for (int y = 0; y < 7; ++y)
    for (int x = 0; x < 7; ++x) {
      const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
      const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
      if (qr.dark(x0 + x, y0 + y) != (ring || centre)) return false;
    }
  return true;
}

TEST(QrCodeTest, APersonalCodeFitsTheSmallestVersionWithItsFinderPatterns) {
  std::optional<QrCode> qr = make_qr("K7Q0-18SM");
  ASSERT_TRUE(qr);
  EXPECT_EQ(qr->size, 21) << "version 1: 21 × 21 modules, large on screen";
  EXPECT_TRUE(finder_at(*qr, 0, 0));
  EXPECT_TRUE(finder_at(*qr, qr->size - 7, 0));
  EXPECT_TRUE(finder_at(*qr, 0, qr->size - 7));
}

TEST(QrCodeTest, DifferentCodesGiveDifferentModules) {
  EXPECT_NE(make_qr("K7Q0-18SM")->modules, make_qr("K7Q0-18SN")->modules);
}

TEST(QrCodeTest, WipingEmptiesIt) {
  std::optional<QrCode> qr = make_qr("K7Q0-18SM");
  ASSERT_TRUE(qr);
  wipe_qr(*qr);
  EXPECT_EQ(qr->size, 0);
  EXPECT_TRUE(qr->modules.empty());
}

}  // namespace
}  // namespace ih::kiosk
