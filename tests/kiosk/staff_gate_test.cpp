// The staff PIN: right opens, wrong waits a growing time, repeated failures
// lock the gate for the configured time whatever is typed, and no PIN
// configured means no staff mode.
#include "kiosk/staff_gate.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <cstring>

#include "tests/kiosk/quick_pin_hash.h"

namespace ih::kiosk {
namespace {

using namespace std::chrono_literals;

TEST(StaffGateTest, TheRightPinOpens) {
  StaffGate gate(testing::quick_pin_hash("482913"), 5, 300s);
  EXPECT_EQ(gate.try_pin("482913", Clock::time_point{}).verdict, GateVerdict::Open);
}

TEST(StaffGateTest, EachWrongPinMakesTheNextTryWaitLonger) {
  StaffGate gate(testing::quick_pin_hash("482913"), 5, 300s);
  Clock::time_point t{};
  GateAnswer a = gate.try_pin("000000", t);
  EXPECT_EQ(a.verdict, GateVerdict::Wrong);
  EXPECT_EQ(a.tries_left, 4);
  EXPECT_EQ(a.wait, 1s);
  // Too soon: not even checked, so the right PIN does not open either.
  EXPECT_EQ(gate.try_pin("482913", t + 500ms).verdict, GateVerdict::Waiting);
  t += 1s;
  a = gate.try_pin("111111", t);
  EXPECT_EQ(a.verdict, GateVerdict::Wrong);
  EXPECT_EQ(a.wait, 2s);
  t += 2s;
  EXPECT_EQ(gate.try_pin("482913", t).verdict, GateVerdict::Open);
  // A right PIN resets the count.
  EXPECT_EQ(gate.try_pin("000000", t).tries_left, 4);
}

TEST(StaffGateTest, RepeatedFailuresLockTheGate) {
  StaffGate gate(testing::quick_pin_hash("482913"), 3, 300s);
  Clock::time_point t{};
  for (int i = 0; i < 2; ++i) {
    const GateAnswer a = gate.try_pin("999999", t);
    EXPECT_EQ(a.verdict, GateVerdict::Wrong);
    t += a.wait;
  }
  const GateAnswer locked = gate.try_pin("999999", t);
  EXPECT_EQ(locked.verdict, GateVerdict::Waiting);
  EXPECT_EQ(locked.tries_left, 0);
  EXPECT_EQ(locked.wait, 300s);
  // During the lockout the right PIN is refused unchecked.
  EXPECT_EQ(gate.try_pin("482913", t + 299s).verdict, GateVerdict::Waiting);
  EXPECT_EQ(gate.wait(t + 299s), 1s);
  EXPECT_EQ(gate.try_pin("482913", t + 300s).verdict, GateVerdict::Open);
}

TEST(StaffGateTest, WithoutAConfiguredPinStaffModeIsOff) {
  StaffGate gate("", 5, 300s);
  EXPECT_EQ(gate.try_pin("", Clock::time_point{}).verdict, GateVerdict::Disabled);
  EXPECT_EQ(gate.try_pin("1234", Clock::time_point{}).verdict, GateVerdict::Disabled);
}

}  // namespace
}  // namespace ih::kiosk
