// The platform's field rules at the kiosk: the profile's fields take their
// limits and checks from api/field_rules.h through the link (field_rules()),
// so what the form lets a person queue is what the hub takes. A 41st letter
// of a name does nothing, a grapheme stuffed with combining marks stops at the
// byte limit, and letters typed on a physical keyboard into the phone number
// or the PIN are refused at Next with the reason, before anything is queued.
#include "api/field_rules.h"

#include <SDL.h>
#include <gtest/gtest.h>

#include "kiosk/link.h"
#include "tests/kiosk/shell_harness.h"

namespace ih::kiosk {
namespace {

using testing::Harness;
using Step = ProfileForm::Step;
using Problem = ProfileForm::Problem;

struct Queued {
  std::vector<NewProfile> profiles;
  AccountServices services() {
    AccountServices s;
    s.create_account = [this](const NewProfile& p) -> std::optional<PersonSession> {
      profiles.push_back(p);
      return PersonSession{"K7Q0-18SM", "token-1", "lane-1", {}};
    };
    s.normalize_code = personal_code_rule();
    s.rules = field_rules();
    return s;
  }
};

// Text as a physical keyboard sends it (SDL_TEXTINPUT), one piece per event,
// all before the next frame.
void type_physically(Harness& h, const std::vector<std::string>& pieces) {
  for (const std::string& piece : pieces) h.ui.add_input({piece, 0});
  h.frame();
}

void to_profile(Harness& h) {
  h.touch("attract");
  h.touch("tile-de");
  h.touch("accept");
  h.touch("new");
  ASSERT_EQ(h.shell.page(), Page::Profile);
}

std::string typed_name(Harness& h) {
  return h.shell.profile_form().profile(h.shell.settings()).display_name;
}

TEST(FieldRulesTest, TheKiosksRulesAreThePlatformsOwn) {
  const FieldRules r = field_rules();
  EXPECT_EQ(r.name.limits.min_graphemes, api::kDisplayName.min_graphemes);
  EXPECT_EQ(r.name.limits.max_graphemes, api::kDisplayName.max_graphemes);
  EXPECT_EQ(r.name.limits.max_bytes, api::kDisplayName.max_bytes);
  EXPECT_EQ(r.phone.limits.max_graphemes, api::kMaxPhoneCharacters);
  EXPECT_EQ(r.pin.limits.min_graphemes, api::kMinPinDigits);
  EXPECT_EQ(r.pin.limits.max_graphemes, api::kMaxPinDigits);
  EXPECT_EQ(r.max_languages, api::kMaxLanguages);
  EXPECT_EQ(r.name.check(std::string(41, 'a')), FieldIssue::TooLong);
  EXPECT_EQ(r.phone.check("0351 abc"), FieldIssue::BadCharacter);
  EXPECT_EQ(r.pin.check("12a4"), FieldIssue::BadCharacter);
  EXPECT_EQ(r.pin.check("123"), FieldIssue::TooShort);
  EXPECT_EQ(r.pin.check("1234"), std::nullopt);
}

TEST(FieldRulesTest, AFortyFirstLetterOfANameDoesNothingAndFortyAreQueued) {
  Queued net;
  Harness h({}, ImVec2(1920, 1080), net.services());
  to_profile(h);
  // On the on-screen keyboard, key by key.
  h.type(KeysKind::Letters, std::string(41, 'a'));
  EXPECT_EQ(typed_name(h), std::string(40, 'a')) << "the 41st key changed nothing";
  h.touch("next");
  ASSERT_EQ(h.shell.profile_form().step(), Step::Languages);
  h.touch("language-de");
  h.touch("next");
  h.touch("place-0");
  h.touch("next");
  h.touch("next");  // no phone
  h.type(KeysKind::Digits, "2468");
  h.touch("next");
  h.type(KeysKind::Digits, "2468");
  h.touch("next");
  ASSERT_EQ(net.profiles.size(), 1u);
  EXPECT_EQ(net.profiles[0].display_name, std::string(40, 'a'));
  EXPECT_EQ(api::check_display_name(net.profiles[0].display_name), std::nullopt);
}

TEST(FieldRulesTest, APhysicalKeyboardCannotTypePastFortyGraphemesOrTheByteLimit) {
  Queued net;
  Harness h({}, ImVec2(1920, 1080), net.services());
  to_profile(h);
  // 39 Georgian letters, then a Tigrinya syllable, then one more of each.
  std::vector<std::string> pieces(39, "ნ");
  pieces.push_back("ሰ");
  pieces.push_back("ሰ");
  type_physically(h, pieces);
  EXPECT_EQ(api::count_graphemes(typed_name(h)), 40);
  EXPECT_EQ(typed_name(h).substr(39 * 3), "ሰ") << "the 41st grapheme was left out";

  // One more combining mark at a time grows the last grapheme, never the
  // count, until the next would pass the name's bytes.
  type_physically(h, std::vector<std::string>(1300, "\u0301"));
  const std::string name = typed_name(h);
  EXPECT_EQ(api::count_graphemes(name), 40);
  EXPECT_LE(name.size(), static_cast<size_t>(api::kDisplayName.max_bytes));
  EXPECT_GT(name.size() + 2, static_cast<size_t>(api::kDisplayName.max_bytes))
      << "marks were taken up to the limit";
  EXPECT_EQ(api::check_display_name(name), std::nullopt) << "what the field holds the hub takes";
  h.touch("next");
  EXPECT_EQ(h.shell.profile_form().step(), Step::Languages);
}

TEST(FieldRulesTest, LettersInThePhoneNumberOrThePinAreRefusedAtNextWithTheReason) {
  Queued net;
  Harness h({}, ImVec2(1920, 1080), net.services());
  to_profile(h);
  h.type(KeysKind::Letters, "amal");
  h.touch("next");
  h.touch("language-de");
  h.touch("next");
  h.touch("place-0");
  h.touch("next");
  ProfileForm& form = h.shell.profile_form();
  ASSERT_EQ(form.step(), Step::Phone);

  type_physically(h, {"0351 ", "abc"});
  h.touch("next");
  EXPECT_EQ(form.step(), Step::Phone);
  EXPECT_EQ(form.problem(), Problem::PhoneBadCharacter);
  for (int i = 0; i < 3; ++i) h.ui.add_input({{}, SDLK_BACKSPACE});
  h.frame();
  h.type(KeysKind::Phone, "123");
  h.touch("next");
  ASSERT_EQ(form.step(), Step::Pin);

  type_physically(h, {"12a4"});
  h.touch("next");
  EXPECT_EQ(form.step(), Step::Pin);
  EXPECT_EQ(form.problem(), Problem::PinNotDigits);
  EXPECT_TRUE(net.profiles.empty()) << "nothing is queued before every answer is usable";
}

}  // namespace
}  // namespace ih::kiosk
