// Reading aloud as a person meets it: the page's speech button reads the
// page in the language's voice; a PIN, a phone number or a personal code
// being typed is never read; any touch stops speech, and so does the end of
// the session, which also sets the volume back; a language without a voice
// and a terminal without audio show no speech buttons.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kiosk/link.h"
#include "kiosk/screens/picture_tile.h"
#include "tests/kiosk/quick_pin_hash.h"
#include "tests/kiosk/shell_harness.h"

namespace ih::kiosk {
namespace {

using i18n::msg;
using testing::Harness;

// Speech that remembers what it was asked, and speaks until stopped.
struct FakeSpeech {
  struct Said {
    std::string text, voice;
  };
  std::vector<Said> said;
  int stops = 0;
  std::vector<float> volumes;
  bool speaking = false;

  SpeechServices services() {
    return {.say =
                [this](std::string text, const std::string& voice) {
                  said.push_back({std::move(text), voice});
                  speaking = true;
                },
            .stop =
                [this] {
                  ++stops;
                  speaking = false;
                },
            .speaking = [this] { return speaking; },
            .set_volume = [this](float v) { volumes.push_back(v); }};
  }
};

AccountServices rules_only() {
  AccountServices a;
  a.rules = field_rules();
  a.normalize_code = personal_code_rule();
  return a;
}

struct SpeechTest : ::testing::Test {
  explicit SpeechTest(Settings settings = {})
      : h(settings, ImVec2(1280, 800), rules_only(), speech.services()) {}
  void to_start(const std::string& language) {
    h.touch("attract");
    h.touch("tile-" + language);
    h.touch("accept");
    ASSERT_EQ(h.shell.page(), Page::Start);
  }
  // Touches the page's speech button, and returns what it said.
  std::string read_page() {
    const size_t before = speech.said.size();
    h.touch("speak-page");
    EXPECT_EQ(speech.said.size(), before + 1) << "the page was not read";
    if (speech.said.size() == before) return {};
    return speech.said.back().text;
  }
  std::string_view text(i18n::MessageId id) { return h.ui.strings().text(id); }

  FakeSpeech speech;
  Harness h;
};

TEST_F(SpeechTest, ThePageIsReadInTheVoiceOfItsLanguage) {
  to_start("ar");
  const std::string said = read_page();
  EXPECT_EQ(speech.said.back().voice, "ar");
  EXPECT_NE(said.find(text(msg("I am new"))), std::string::npos) << said;
  EXPECT_NE(said.find(text(msg("I have a code"))), std::string::npos) << said;
  // The page first, then the status bar's words.
  EXPECT_LT(said.find(text(msg("I am new"))), said.find(text(msg("Exit")))) << said;
  EXPECT_EQ(h.shell.page(), Page::Start) << "reading changes nothing";
}

TEST_F(SpeechTest, DariIsReadByThePersianVoice) {
  to_start("prs");
  read_page();
  ASSERT_FALSE(speech.said.empty());
  EXPECT_EQ(speech.said.back().voice, "fa");
}

TEST_F(SpeechTest, APhoneNumberOrAPinBeingTypedIsNeverRead) {
  to_start("uk");
  h.touch("new");
  h.type(KeysKind::Letters, "амаль");
  h.touch("next");
  h.touch("language-uk");
  h.touch("next");
  h.touch("place-1");
  h.touch("next");
  ASSERT_EQ(h.shell.profile_form().step(), ProfileForm::Step::Phone);
  h.type(KeysKind::Phone, "0176555194");
  EXPECT_EQ(read_page().find("555194"), std::string::npos);
  h.touch("next");
  ASSERT_EQ(h.shell.profile_form().step(), ProfileForm::Step::Pin);
  h.type(KeysKind::Digits, "739164");
  const std::string said = read_page();
  EXPECT_EQ(said.find("739164"), std::string::npos) << said;
  EXPECT_EQ(said.find("7 3 9"), std::string::npos) << said;
  EXPECT_NE(said.find(text(msg("Next"))), std::string::npos) << "the page itself is read: " << said;
}

TEST_F(SpeechTest, APersonalCodeAndItsPinAreNeverRead) {
  to_start("de");
  h.touch("have-code");
  h.type(KeysKind::Code, "K7Q0-18SM");
  EXPECT_EQ(read_page().find("18SM"), std::string::npos);
  h.touch("next");
  h.type(KeysKind::Digits, "8264");
  EXPECT_EQ(read_page().find("8264"), std::string::npos);
}

TEST_F(SpeechTest, AnyTouchStopsSpeech) {
  to_start("de");
  read_page();
  ASSERT_TRUE(speech.speaking);
  const int stops = speech.stops;
  h.touch("large-text");
  EXPECT_FALSE(speech.speaking);
  EXPECT_GT(speech.stops, stops);
  EXPECT_EQ(speech.said.size(), 1u) << "the other touch only stopped it";
}

TEST_F(SpeechTest, TheSpeechButtonTouchedAgainStopsItsSpeech) {
  to_start("de");
  read_page();
  h.touch("speak-page");
  EXPECT_FALSE(speech.speaking);
  EXPECT_EQ(speech.said.size(), 1u);
  // A third touch reads again.
  read_page();
  EXPECT_TRUE(speech.speaking);
}

TEST_F(SpeechTest, TheEndOfTheSessionStopsSpeechAndSetsTheVolumeBack) {
  to_start("de");
  read_page();
  speech.volumes.clear();
  h.touch("end-session");
  EXPECT_EQ(h.shell.page(), Page::Attract);
  EXPECT_FALSE(speech.speaking);
  ASSERT_FALSE(speech.volumes.empty());
  EXPECT_FLOAT_EQ(speech.volumes.back(), Settings{}.speech_volume / 100.0f);
}

TEST_F(SpeechTest, AnIdleSessionEndsSilent) {
  to_start("de");
  read_page();
  const Settings s;
  h.now += s.idle_after + s.warning_for + std::chrono::seconds(1);
  h.frame();
  EXPECT_EQ(h.shell.page(), Page::Attract);
  EXPECT_FALSE(speech.speaking);
}

TEST_F(SpeechTest, ALanguageWithoutAVoiceShowsNoSpeechButton) {
  for (const char* language : {"ps", "ckb", "ti", "so"}) {
    SCOPED_TRACE(language);
    to_start(language);
    EXPECT_FALSE(h.shell.controls().contains("speak-page"));
    h.touch("end-session");
  }
  to_start("am");
  EXPECT_TRUE(h.shell.controls().contains("speak-page")) << "Amharic has a voice";
}

// Staff set the volume: they hear the new one at once, it is what every
// session starts from, and what a session changed goes back to it.
TEST(StaffVolumeTest, StaffHearTheNewVolumeAndEverySessionStartsAtIt) {
  Settings settings;
  settings.staff_pin_hash = testing::quick_pin_hash("2468");
  FakeSpeech speech;
  Harness h(settings, ImVec2(1280, 800), rules_only(), speech.services());
  ASSERT_FALSE(speech.volumes.empty());
  EXPECT_FLOAT_EQ(speech.volumes.back(), 0.8f) << "the kiosk starts at the settings' volume";
  h.touch("staff");
  h.shell.staff_forms()->field("staff-pin")->insert("2468");
  h.touch("staff-open");
  h.touch("menu-settings");
  ASSERT_EQ(h.shell.staff()->page, StaffPage::Settings);
  h.touch("volume-plus");
  EXPECT_EQ(h.shell.settings().speech_volume, 90);
  EXPECT_FLOAT_EQ(speech.volumes.back(), 0.9f);
  ASSERT_FALSE(speech.said.empty());
  EXPECT_EQ(speech.said.back().text, h.ui.strings().formats().percent(90))
      << "the new volume is read at itself";
  h.touch("volume-minus");
  h.touch("volume-minus");
  EXPECT_EQ(h.shell.settings().speech_volume, 70);
  EXPECT_EQ(speech.said.size(), 3u) << "each touch is heard, though the last was still speaking";
  h.touch("back");
  h.touch("menu-leave");
  ASSERT_EQ(h.shell.page(), Page::Attract);
  EXPECT_FLOAT_EQ(speech.volumes.back(), 0.7f);
}

TEST(SpeechWithoutAudioTest, ATerminalWithoutAudioShowsNoSpeechButton) {
  Harness h({}, ImVec2(1280, 800), rules_only());
  h.touch("attract");
  h.touch("tile-ar");
  h.touch("accept");
  ASSERT_EQ(h.shell.page(), Page::Start);
  for (const auto& [id, r] : h.shell.controls()) EXPECT_NE(id.rfind("speak", 0), 0u) << id;
}

// A picture tile's speech button reads the tile, and does not choose it.
TEST(PictureTileSpeechTest, ATilesSpeechButtonReadsItsLabelAndDoesNotChooseIt) {
  Ui ui({std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf", "uk"}, nullptr);
  ui.io().DisplaySize = ImVec2(1280, 800);
  PageSpeech speech;
  speech.buttons = true;
  bool chosen = false;
  struct OneTile : Screen {
    PageSpeech& speech;
    bool& chosen;
    std::map<std::string, Rect, std::less<>> controls;
    OneTile(PageSpeech& s, bool& c) : speech(s), chosen(c) {}
    void draw(ScreenFrame& frame) override {
      controls.clear();
      PageContext c{frame,  {ImVec2(0, 0), frame.size}, metrics(frame.size), Clock::now(), controls,
                    &speech};
      chosen |= picture_tile(c, "doctor", "🩺", "Лікар", false,
                             {ImVec2(100, 100), ImVec2(400, 400)}, "з перекладачем");
    }
  } tile(speech, chosen);
  ui.io().DeltaTime = 0.1f;
  ui.build_frame(tile);
  ASSERT_TRUE(tile.controls.contains("speak doctor"));
  const ImVec2 at = tile.controls["speak doctor"].centre();
  ui.io().MousePos = at;
  ui.io().MouseDown[0] = true;
  ui.build_frame(tile);
  ui.io().MouseDown[0] = false;
  ui.build_frame(tile);
  ASSERT_TRUE(speech.asked.has_value());
  EXPECT_EQ(*speech.asked, "Лікар. з перекладачем");
  EXPECT_FALSE(chosen) << "the touch was the speech button's";
  // The page's words hold the tile's too.
  EXPECT_NE(std::find(speech.words.begin(), speech.words.end(), "Лікар"), speech.words.end());
}

}  // namespace
}  // namespace ih::kiosk
