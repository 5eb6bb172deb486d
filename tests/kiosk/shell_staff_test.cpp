// Staff mode inside the shell: its door on the attract screen (only where a
// staff PIN is set), the PIN, registering someone at the staff member's side,
// and the end of staff mode wiping what was typed.
#include <gtest/gtest.h>
#include <sodium.h>

#include <cstring>

#include "render/text_field.h"
#include "tests/kiosk/quick_pin_hash.h"
#include "tests/kiosk/shell_harness.h"

namespace ih::kiosk {
namespace {

using testing::Harness;

Settings with_staff_pin(const char* pin) {
  Settings s;
  s.staff_pin_hash = testing::quick_pin_hash(pin);
  return s;
}

// Types `pin` into staff mode's PIN field and opens it.
void open_with(Harness& h, const char* pin) {
  ASSERT_EQ(h.shell.page(), Page::Staff);
  render::TextField* field = h.shell.staff_forms()->field("staff-pin");
  ASSERT_NE(field, nullptr);
  field->insert(pin);
  h.touch("staff-open");
}

TEST(ShellStaffTest, WithoutAStaffPinThereIsNoDoor) {
  Harness h;
  EXPECT_EQ(h.shell.controls().count("staff"), 0u);
}

TEST(ShellStaffTest, TheDoorOpensStaffModeAndRegisteringHandsOverToTheLanguagePicker) {
  Harness h(with_staff_pin("2468"));
  ASSERT_EQ(h.shell.controls().count("staff"), 1u);
  h.touch("staff");
  ASSERT_EQ(h.shell.page(), Page::Staff);
  EXPECT_EQ(h.shell.staff()->page, StaffPage::Pin);
  open_with(h, "2468");
  ASSERT_EQ(h.shell.staff()->page, StaffPage::Menu);
  h.touch("menu-register");
  EXPECT_EQ(h.shell.page(), Page::Languages);
  EXPECT_EQ(h.shell.staff(), nullptr) << "staff mode ends when the person's session begins";
  EXPECT_EQ(h.shell.staff_forms(), nullptr);
  EXPECT_TRUE(h.shell.session().active);
  EXPECT_EQ(h.shell.stack(), (std::vector<Page>{Page::Attract, Page::Languages}));
}

TEST(ShellStaffTest, AWrongPinKeepsStaffModeShutAndEndingItForgetsTheTry) {
  Harness h(with_staff_pin("2468"));
  h.touch("staff");
  open_with(h, "1111");
  EXPECT_EQ(h.shell.staff()->page, StaffPage::Pin);
  h.touch("end-session");
  EXPECT_EQ(h.shell.page(), Page::Attract);
  EXPECT_EQ(h.shell.staff(), nullptr);
  EXPECT_EQ(h.shell.staff_forms(), nullptr);
}

TEST(ShellStaffTest, LeavingStaffModeReturnsToTheAttractScreen) {
  Harness h(with_staff_pin("2468"));
  h.touch("staff");
  open_with(h, "2468");
  h.touch("menu-leave");
  EXPECT_EQ(h.shell.page(), Page::Attract);
  EXPECT_FALSE(h.shell.session().active);
}

TEST(ShellStaffTest, ASettingStaffChangeAppliesToTheNextSessionAtOnce) {
  Harness h(with_staff_pin("2468"), ImVec2(1080, 1920));
  h.touch("staff");
  open_with(h, "2468");
  h.touch("menu-settings");
  ASSERT_EQ(h.shell.staff()->page, StaffPage::Settings);
  h.touch("reach-band");
  EXPECT_TRUE(h.shell.settings().reach_band);
  h.touch("back");
  ASSERT_EQ(h.shell.staff()->page, StaffPage::Menu);
  h.touch("menu-leave");
  ASSERT_EQ(h.shell.page(), Page::Attract);
  h.touch("attract");
  EXPECT_GE(h.shell.controls().at("end-session").min.y, 1920 * 0.4f - 1)
      << "the next session keeps its controls low";
}

}  // namespace
}  // namespace ih::kiosk
