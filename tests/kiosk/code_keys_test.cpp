// Codes and phone numbers on keys made for them: a personal code is typed on
// one layer of capitals and digits, with no switching (it took five switches on
// the full Latin keyboard), and the phone pad has the "+" of a country code.
#include <gtest/gtest.h>

#include <string>

#include "kiosk/link.h"
#include "tests/kiosk/shell_harness.h"

namespace ih::kiosk {
namespace {

using testing::Harness;

// Touches the key labelled `text` on the keyboard's current layer; fails if
// it is not there (a layer switch would be needed).
void touch_key(Harness& h, keyboard::Keyboard& keys, const std::string& text) {
  const keyboard::Target* key = keys.find(text);
  ASSERT_NE(key, nullptr) << "\"" << text << "\" is not on the layer shown";
  h.touch_at(key->rect.centre());
}

TEST(CodeKeysTest, APersonalCodeIsTypedOnOneLayerWithoutSwitching) {
  AccountServices accounts;
  accounts.normalize_code = personal_code_rule();
  Harness h({}, ImVec2(1920, 1080), accounts);
  h.touch("attract");
  h.touch("tile-ar");
  h.touch("accept");
  h.touch("have-code");
  ASSERT_EQ(h.shell.page(), Page::Login);
  keyboard::Keyboard& keys = h.shell.keys().keys(KeysKind::Code, h.ui.strings());
  // Every symbol a code can hold, on the layer shown, in an Arabic session too.
  for (const char* symbol :
       {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F", "G",
        "H", "J", "K", "M", "N", "P", "Q", "R", "S", "T", "V", "W", "X", "Y", "Z", "-"})
    EXPECT_NE(keys.find(symbol), nullptr) << symbol;
  for (const char* symbol : {"K", "7", "Q", "0", "-", "1", "8", "S", "M"})
    touch_key(h, keys, symbol);
  EXPECT_EQ(h.shell.login_form().code(), "K7Q0-18SM");
  h.touch("next");
  EXPECT_EQ(h.shell.login_form().step(), LoginForm::Step::Pin);
}

TEST(CodeKeysTest, ThePhonePadHasAPlusForTheCountryCode) {
  Harness h;
  h.touch("attract");
  h.touch("tile-de");
  h.touch("accept");
  h.touch("new");
  ProfileForm& form = h.shell.profile_form();
  h.type(KeysKind::Letters, "Amal");
  h.touch("next");
  h.touch("language-de");
  h.touch("next");
  h.touch("place-0");
  h.touch("next");
  ASSERT_EQ(form.step(), ProfileForm::Step::Phone);
  keyboard::Keyboard& pad = h.shell.keys().keys(KeysKind::Phone, h.ui.strings());
  for (const char* key : {"+", "4", "9", "1", "7", "6"}) touch_key(h, pad, key);
  EXPECT_EQ(form.profile({}).phone, "+49176");
}

}  // namespace
}  // namespace ih::kiosk
