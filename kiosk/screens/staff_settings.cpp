// The staff settings page (staff.h): the languages the picker offers, the
// idle and warning times, the screen's orientation, the volume of reading
// aloud, large text and the reach band. Each touch returns ChangeSettings with the settings as they
// are to be, which the shell applies at once; Save returns SaveSettings.
#include <algorithm>
#include <cmath>
#include <vector>

#include "i18n/language.h"
#include "kiosk/screens/staff_pages.h"
#include "render/text_draw.h"

namespace ih::kiosk::staff {

namespace {

using i18n::msg;

// The values the − and + of the idle and warning times step through; a value
// from the file between two steps goes to the next one.
constexpr int64_t kIdleSteps[] = {10,  20,  30,  45,  60,   90,   120,  180, 240,
                                  300, 450, 600, 900, 1200, 1800, 2700, 3600};
constexpr int64_t kWarningSteps[] = {20, 25, 30, 40, 45, 60, 90, 120, 180, 240, 300, 450, 600};

// The least share of their size the labels beside the languages are drawn at.
constexpr float kSmallestStaffShare = 0.4f;

// The next value of `steps` above (`up`) or below `value`, or `value` at the end.
int64_t step(std::span<const int64_t> steps, int64_t value, bool up) {
  if (up) {
    for (const int64_t v : steps)
      if (v > value) return v;
  } else {
    for (auto it = steps.rbegin(); it != steps.rend(); ++it)
      if (*it < value) return *it;
  }
  return value;
}

// A label in the body size over `column` at `y`; returns the y below it.
float column_label(PageContext& c, std::string_view text, i18n::Span column, float y, float size) {
  ImGui::SetCursorScreenPos(ImVec2(column.left, y));
  render::label(c.frame.ui, text, column.width, {.size = size});
  return ImGui::GetCursorScreenPos().y;
}

// − value + on one row `h` high at `y`, with `value` as text; which of the
// two a touch released, if any (true: +).
std::optional<bool> stepper(PageContext& c, const char* id, std::string_view value,
                            i18n::Span column, float y, float h) {
  render::UiContext& ui = c.frame.ui;
  const std::string minus_id = std::string(id) + "-minus";
  const std::string plus_id = std::string(id) + "-plus";
  std::optional<bool> up;
  // − at the start, + at the end of a row as wide as the column allows, up to
  // four buttons' widths of room for the value between them.
  const float row = std::min(column.width, h * 6);
  const i18n::Span box{i18n::at_start(c.direction(), column, row), row};
  const float mx = i18n::at_start(c.direction(), box, h);
  const float px = i18n::at_end(c.direction(), box, h);
  // U+2212 MINUS SIGN: as wide as the plus, unlike a hyphen.
  if (page_button(c, minus_id.c_str(), "\u2212", {ImVec2(mx, y), ImVec2(mx + h, y + h)}))
    up = false;
  if (page_button(c, plus_id.c_str(), "+", {ImVec2(px, y), ImVec2(px + h, y + h)})) up = true;
  readable(c, value);
  const auto layout = ui.engine.layout(value, {c.m.body, ui.language, ui.direction},
                                       {.max_width = row - 2 * h, .align = render::Align::Center});
  render::draw_layout(*ImGui::GetWindowDrawList(), ui.atlas, *layout,
                      ImVec2(box.left + h, std::round(y + (h - layout->height) / 2)),
                      ui.theme.text);
  return up;
}

// A time stepped through `steps`: the value a touch chose, if any.
std::optional<std::chrono::seconds> time_stepper(PageContext& c, const char* id,
                                                 std::chrono::seconds value,
                                                 std::span<const int64_t> steps, i18n::Span column,
                                                 float y, float h) {
  const std::string text = c.frame.strings.format(
      // TRANSLATORS: A time in seconds on the staff settings page, e.g. "90 seconds".
      msg("{seconds, plural, one {# second} other {# seconds}}"), {{"seconds", value.count()}});
  const std::optional<bool> up = stepper(c, id, text, column, y, h);
  if (!up) return std::nullopt;
  return std::chrono::seconds(step(steps, value.count(), *up));
}

// Shows or hides `tag` on the picker. Empty means every language: hiding one
// lists all the others, and listing all of them empties the list again. The
// last language shown stays; false when that was refused.
bool toggle_language(Settings& settings, const std::vector<const i18n::Language*>& spoken,
                     const std::string& tag) {
  std::vector<std::string>& shown = settings.languages_shown;
  if (shown.empty())
    for (const i18n::Language* l : spoken) shown.push_back(l->tag);
  const auto it = std::find(shown.begin(), shown.end(), tag);
  if (it != shown.end()) {
    if (shown.size() == 1) return false;
    shown.erase(it);
  } else {
    // In the picker's order.
    std::vector<std::string> ordered;
    for (const i18n::Language* l : spoken)
      if (l->tag == tag || std::find(shown.begin(), shown.end(), l->tag) != shown.end())
        ordered.push_back(l->tag);
    shown = std::move(ordered);
  }
  if (shown.size() == spoken.size()) shown.clear();
  return true;
}

}  // namespace

std::optional<Action> draw_settings(PageContext& c, const StaffState& s, StaffForms& forms,
                                    const Settings& settings) {
  const i18n::Localizer& str = c.frame.strings;
  render::UiContext& ui = c.frame.ui;
  const float y =
      // TRANSLATORS: Heading of the staff page with the terminal's settings.
      page_heading(c, str.text(msg("Terminal settings")), c.area.min.y + c.m.margin) + c.m.gap / 2;
  const i18n::Span box = content(c);
  const bool wide = landscape(c);
  const float bottom = content_bottom(c);
  // Landscape: the languages at the start, the rest at the end; portrait:
  // one under the other.
  const i18n::Span languages_column =
      wide ? i18n::cell(c.direction(), box, 0, 2, c.m.gap * 2) : box;
  const i18n::Span other_column = wide ? i18n::cell(c.direction(), box, 1, 2, c.m.gap * 2) : box;
  float control_h = std::max(render::kMinTouchTarget, std::round(c.m.button * 0.62f));
  const float tile_gap = std::max(kTargetGap, std::round(c.m.gap / 2));
  const float label_gap = std::round(c.m.gap / 3);
  // What a touch asked for: the settings as they are to be, or a refusal.
  std::optional<Action> action;
  const auto change = [&](Settings next) {
    // The payload is put in place, not converted from a temporary: GCC 12 at
    // -O2 takes the temporary variant for uninitialised (a false alarm).
    action.emplace(Action::ChangeSettings);
    action->data.emplace<Settings>(std::move(next));
  };

  // The labels are measured first: the height left is shared out after them.
  // TRANSLATORS: Staff settings: which languages the language picker offers.
  const std::string_view languages_label = str.text(msg("Languages offered"));
  // TRANSLATORS: Staff settings: seconds without a touch before the idle warning.
  const std::string_view idle_label = str.text(msg("Time without a touch before the warning"));
  // TRANSLATORS: Staff settings: seconds the idle warning counts down before
  // the session ends and everything is erased.
  const std::string_view warning_label = str.text(msg("Countdown of the warning"));
  // TRANSLATORS: Staff settings: how the screen is turned.
  const std::string_view orientation_label = str.text(msg("Screen orientation"));
  const auto height_of = [&](std::string_view text, i18n::Span column, float size) {
    return ui.engine.layout(text, {size, ui.language, ui.direction}, {.max_width = column.width})
        ->height;
  };
  // The volume's row needs no label (a loudspeaker says what it is). Side
  // by side, it ends the languages' column, whose tiles make room; one
  // under the other, it is among the rest.
  const int other_rows = wide ? 4 : 5;
  // Three labels and the rows of controls, without the gaps between them.
  const auto others_at = [&](float size) {
    return height_of(idle_label, other_column, size) +
           height_of(warning_label, other_column, size) +
           height_of(orientation_label, other_column, size) + 3 * label_gap +
           static_cast<float>(other_rows) * control_h;
  };
  // Beside the languages, the rest has the column's height: where tall
  // labels (Nastaliq) would not leave it, the rows come down to 64 pixels,
  // then the labels are drawn smaller. Urdu at 1280×800 needs them under
  // half their size; staff read them at arm's length, and never for long.
  float label_size = c.m.body;
  const float gaps = static_cast<float>(other_rows - 1) * kTargetGap;
  if (wide && others_at(label_size) + gaps > bottom - y) {
    control_h = render::kMinTouchTarget;
    label_size = std::round(
        c.m.body * share_that_fits(
                       [&](float share) {
                         return others_at(std::round(c.m.body * share)) + gaps <= bottom - y;
                       },
                       kSmallestStaffShare));
  }
  const float others = others_at(label_size);

  // [The languages] in as few columns as let every tile be 64 pixels high.
  const std::vector<const i18n::Language*> spoken = str.registry().spoken();
  float ly = column_label(c, languages_label, languages_column, y, c.m.body) + label_gap;
  const float room =
      wide ? bottom - ly - control_h - c.m.gap
           : bottom - ly - c.m.gap - others - static_cast<float>(other_rows - 1) * c.m.gap;
  const int count = static_cast<int>(spoken.size());
  int columns = 3;
  const auto rows_of = [&](int n) { return (count + n - 1) / n; };
  while (columns < 6 && rows_of(columns) * (render::kMinTouchTarget + tile_gap) - tile_gap > room)
    ++columns;
  const int rows = rows_of(columns);
  const float tile_h =
      std::clamp((room - (rows - 1) * tile_gap) / rows, render::kMinTouchTarget, control_h);
  for (int i = 0; i < count; ++i) {
    const i18n::Span x =
        i18n::cell(c.direction(), languages_column, i % columns, columns, tile_gap);
    const float t = ly + static_cast<float>(i / columns) * (tile_h + tile_gap);
    const std::string& tag = spoken[static_cast<size_t>(i)]->tag;
    const bool on = settings.languages_shown.empty() ||
                    std::find(settings.languages_shown.begin(), settings.languages_shown.end(),
                              tag) != settings.languages_shown.end();
    if (toggle(c, "lang-" + tag, spoken[static_cast<size_t>(i)]->name, tag, on,
               {ImVec2(x.left, t), ImVec2(x.right(), t + tile_h)})) {
      Settings next = settings;
      if (toggle_language(next, spoken, tag))
        change(std::move(next));
      else
        action = Action::LastLanguageStays;
    }
  }
  ly += static_cast<float>(rows) * (tile_h + tile_gap) - tile_gap;

  // [The rest] with gaps that share out the height left.
  float oy = wide ? y : ly + c.m.gap;
  const float item_gap = std::clamp((bottom - oy - others) / static_cast<float>(other_rows - 1),
                                    kTargetGap, std::max(kTargetGap, c.m.gap));
  oy = column_label(c, idle_label, other_column, oy, label_size) + label_gap;
  if (const auto v =
          time_stepper(c, "idle", settings.idle_after, kIdleSteps, other_column, oy, control_h)) {
    Settings next = settings;
    next.idle_after = *v;
    change(std::move(next));
  }
  oy += control_h + item_gap;
  oy = column_label(c, warning_label, other_column, oy, label_size) + label_gap;
  if (const auto v = time_stepper(c, "warning", settings.warning_for, kWarningSteps, other_column,
                                  oy, control_h)) {
    Settings next = settings;
    next.warning_for = *v;
    change(std::move(next));
  }
  oy += control_h + item_gap;
  oy = column_label(c, orientation_label, other_column, oy, label_size) + label_gap;
  struct Choice {
    const char* id;
    std::string_view text;
    Orientation value;
  };
  const Choice choices[] = {
      // TRANSLATORS: Screen orientation: as the display reports it.
      {"orientation-auto", str.text(msg("Automatic")), Orientation::Auto},
      // TRANSLATORS: Screen orientation: wider than high.
      {"orientation-landscape", str.text(msg("Landscape")), Orientation::Landscape},
      // TRANSLATORS: Screen orientation: higher than wide.
      {"orientation-portrait", str.text(msg("Portrait")), Orientation::Portrait},
  };
  for (int i = 0; i < 3; ++i) {
    const i18n::Span x = i18n::cell(c.direction(), other_column, i, 3, tile_gap);
    if (toggle(c, choices[i].id, choices[i].text, {}, settings.orientation == choices[i].value,
               {ImVec2(x.left, oy), ImVec2(x.right(), oy + control_h)}) &&
        settings.orientation != choices[i].value) {
      Settings next = settings;
      next.orientation = choices[i].value;
      change(std::move(next));
    }
  }
  oy += control_h + item_gap;
  // U+1F50A SPEAKER WITH THREE SOUND WAVES: the volume of reading aloud.
  const float vy = wide ? bottom - control_h : oy;
  if (const auto up =
          stepper(c, "volume", "\U0001F50A " + str.formats().percent(settings.speech_volume),
                  wide ? languages_column : other_column, vy, control_h)) {
    Settings next = settings;
    next.speech_volume =
        std::clamp(settings.speech_volume + (*up ? 10 : -10), kLeastVolume, kMostVolume);
    // Staff hear the new volume: the value is read at it.
    if (c.speech) {
      c.speech->asked = str.formats().percent(next.speech_volume);
      // Named by the value, so that a touch that stops one sample does not
      // keep the next from being read.
      c.speech->asked_by = "volume " + std::to_string(next.speech_volume);
    }
    change(std::move(next));
  }
  if (!wide) oy += control_h + item_gap;

  // [Large text] [Reach band], side by side
  const float switch_w = std::min((other_column.width - tile_gap) / 2, control_h * 6);
  const float lx = i18n::at_start(c.direction(), other_column, switch_w);
  // TRANSLATORS: Staff settings: a switch for larger text in every session.
  if (toggle(c, "large-text", str.text(msg("Large text")), {}, settings.large_text,
             {ImVec2(lx, oy), ImVec2(lx + switch_w, oy + control_h)})) {
    Settings next = settings;
    next.large_text = !settings.large_text;
    change(std::move(next));
  }
  const float rx = i18n::at_start(c.direction(), other_column, switch_w, switch_w + tile_gap);
  // TRANSLATORS: Staff settings: a switch that keeps every button in the
  // lower part of a tall (portrait) screen, within reach of people seated.
  if (toggle(c, "reach-band", str.text(msg("Buttons low")), {}, settings.reach_band,
             {ImVec2(rx, oy), ImVec2(rx + switch_w, oy + control_h)})) {
    Settings next = settings;
    next.reach_band = !settings.reach_band;
    change(std::move(next));
  }

  if (s.last_language)
    // TRANSLATORS: Staff settings: the touch tried to hide the only language left.
    say(forms, c, str.text(msg("At least one language stays on offer.")), true);
  else if (s.saved && s.saved->empty())
    // TRANSLATORS: Staff settings: after Save.
    say(forms, c, str.text(msg("Saved.")));
  else if (s.saved)
    // TRANSLATORS: Staff settings: the file could not be written; {reason} is
    // technical, in English.
    say(forms, c, str.format(msg("Not saved: {reason}"), {{"reason", *s.saved}}), true);
  else if (s.changed)
    // TRANSLATORS: Staff settings: changes take effect at once; Save keeps them.
    say(forms, c, str.text(msg("Changes apply now. Save keeps them after a restart.")));

  if (page_button(c, "back", str.text(msg("Back")), bottom_button(c, 0)))
    return Action{Action::ShowStaffPage, StaffPage::Menu};
  // TRANSLATORS: Button: write the settings into the terminal's configuration.
  if (page_button(c, "save", str.text(msg("Save")), bottom_button(c, 1)))
    return Action::SaveSettings;
  return action;
}

}  // namespace ih::kiosk::staff
