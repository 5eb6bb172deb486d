// Reading aloud in the shell (shell.h): the page's speech button in the
// status bar, speaking what speech buttons ask for, and silence at every touch
// and at the end of every session.
#include <algorithm>
#include <cmath>

#include "i18n/language_registry.h"
#include "kiosk/screens/picture_tile.h"
#include "kiosk/shell.h"
#include "kiosk/wipe.h"

namespace ih::kiosk {

namespace {

// The page's words as one text, a pause after each: a label or heading
// without a sentence's end of its own gets a full stop, which every voice
// reads as the end of a clause.
std::string joined(const std::vector<std::string>& words) {
  constexpr std::string_view kEnds[] = {".", "?", "!", ":", "…", "؟", "۔", "።", "፧"};
  std::string text;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    text += w;
    const bool ended = std::any_of(std::begin(kEnds), std::end(kEnds),
                                   [&](std::string_view e) { return w.ends_with(e); });
    text += ended ? "\n" : ".\n";
  }
  return text;
}

}  // namespace

void Shell::stop_speech_on_touch() {
  if (!ImGui::IsMouseClicked(0) || !options_.speech.stop) return;
  const bool speaking = options_.speech.speaking && options_.speech.speaking();
  stopped_by_touch_ = speaking ? speaking_for_ : std::string();
  speaking_for_.clear();
  options_.speech.stop();
}

bool Shell::can_speak(const ScreenFrame& frame, std::string* voice) const {
  if (!options_.speech.say) return false;
  const i18n::Language* language = frame.strings.registry().find(frame.strings.language());
  if (!language || language->voice.empty()) return false;
  if (voice) *voice = language->voice;
  return true;
}

void Shell::finish_speech(const ScreenFrame& frame) {
  if (!session_.active) {
    // None began, or it ended this frame (end_session() silenced it):
    // nothing of it is read or kept.
    wipe(page_words_);
    wipe(speech_.words);
    speech_ = {};
    return;
  }
  std::string voice;
  if (speech_.asked && speech_.asked_by != stopped_by_touch_ && can_speak(frame, &voice)) {
    options_.speech.say(*speech_.asked, voice);
    speaking_for_ = speech_.asked_by;
  }
  if (speech_.asked) {
    // A touch's release ends its say: the next touch starts afresh.
    stopped_by_touch_.clear();
    wipe(*speech_.asked);
  }
  wipe(page_words_);
  page_words_ = std::move(speech_.words);
  speech_ = {};
}

bool Shell::draw_page_speech(PageContext& c, Rect r) {
  if (!options_.speech.say) return false;
  if (!speech_.buttons) {
    // No voice reads this language well enough (assets/languages.json): a
    // loudspeaker struck through, U+1F507, says so without words, where the
    // button would be; it takes no touch.
    draw_picture(c, "\U0001F507", std::round(r.width() * 0.6f), r.centre());
    return true;
  }
  // The page's words are joined only when asked for, not every frame.
  speech_button(c, "speak-page", {}, r);
  if (speech_.asked && speech_.asked_by == "speak-page") speech_.asked = joined(page_words_);
  return true;
}

void Shell::set_speech_volume() {
  if (options_.speech.set_volume)
    options_.speech.set_volume(static_cast<float>(options_.settings.speech_volume) / 100.0f);
}

void Shell::reset_speech() {
  if (options_.speech.stop) options_.speech.stop();
  set_speech_volume();
  wipe(page_words_);
  if (speech_.asked) wipe(*speech_.asked);
  wipe(speech_.words);
  speaking_for_.clear();
  stopped_by_touch_.clear();
}

}  // namespace ih::kiosk
