// What every page of the shell shares: the area it may draw in, the metrics
// that scale with the screen, and touch buttons that remember where they were
// drawn (so tests can touch them by name).
//
// The page model:
//   - A page is a free function, draw_<page>(PageContext&, …), called by the
//     shell (shell.h) once a frame while it is the current page. It draws into
//     c.area and returns the action a touch asked for, if any.
//   - It reads the application state (the session, the settings, StaffState,
//     the services' snapshots) through const references and never changes
//     it. Everything a person wants goes out as an Action (action.h): a kind,
//     and what they chose or typed as its payload (ChoseLanguage{tag},
//     ChangeSettings{settings}, Enrol{code, name}, …). A new page adds its
//     kinds (and a payload type, if it needs one) to action.h.
//   - The shell applies the action after the page has drawn: it changes the
//     state, starts slow work through the services and polls their futures,
//     overwrites what the payload held that was typed, and asks for a frame.
//     A page's change thus shows from the next frame on.
//   - What a page may change is its widgets' own state, as ImGui's widgets
//     do: the text in its fields, focus, the keyboard's layer, scrolling, a
//     form's step, the sizes it fitted (a forms struct the shell owns and
//     passes in, e.g. StaffForms, LanguagePicker). And it may write what it
//     needs of the frame: c.controls, c.frame.redraw_at, c.frame.ui.needs_frame.
//   - It never touches the network, the database or the configuration file,
//     and does not switch the language: the shell does, on the page's action.
//
// Not thread-safe: UI thread only, between ImGui's NewFrame and Render.
#pragma once

#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/action.h"
#include "kiosk/rect.h"
#include "kiosk/screen.h"
#include "render/touch.h"

namespace ih::kiosk {

// Sizes in pixels, from the screen's shorter side, so 1280×800, 1920×1080 and
// 1080×1920 all look alike: the one set of sizes every page, staff mode and
// the developer views take theirs from. Large text makes text a third larger
// and buttons and fields a fifth.
struct Metrics {
  float margin;
  float gap;
  float title;       // text size of headings
  float body;        // text size of running text
  float button;      // height of a main button, and its label's size × 2.5
  float small;       // text size of captions: a count, a hint, a name translated
  float field;       // height of a text field on a form
  float field_text;  // text size in it
  // Pages that must show many things at once (the language picker's 18
  // tiles, the specimen's 30 lines) frame them tighter.
  float tight_margin;
  float tight_gap;
  float tight_title;
  float bar;  // height of the shell's status bar, the same with large text
};
Metrics metrics(ImVec2 screen, bool large_text = false);

// Reading aloud, as pages take part in it (the shell owns it and speaks;
// services.h's SpeechServices). A page's words go into `words` as the page_*
// functions draw them: headings, running text, notes, button and tile labels,
// messages; never a text field's content, a PIN, a phone number or a personal
// code, which are drawn otherwise. A speech button a page draws (a tile's, a
// message's) puts what it reads into `asked`.
struct PageSpeech {
  bool buttons = false;  // speech can be heard in the UI language: draw speech buttons
  std::vector<std::string> words;
  std::optional<std::string> asked;
  std::string asked_by;  // the id of the button that asked
};

struct PageContext {
  ScreenFrame& frame;
  Rect area;  // where the page draws, below the shell's status bar
  Metrics m;
  Clock::time_point now;
  // Every button drawn this frame, by id.
  std::map<std::string, Rect, std::less<>>& controls;
  // Null: nothing is read aloud (developer views, tests of one widget).
  PageSpeech* speech = nullptr;
  i18n::Direction direction() const { return frame.strings.direction(); }
};

// Adds `text` to what the page's speech button reads (PageSpeech::words).
void readable(PageContext& c, std::string_view text);

// A speech button at `r` (a loudspeaker), recorded under `id`: released over
// it, it asks for `text` to be read aloud (PageSpeech::asked). Drawn only
// where speech can be heard; returns whether it was.
bool speech_button(PageContext& c, const std::string& id, std::string_view text, Rect r);

// speech_button() in two halves, for a button that lies on a control drawn
// after it is placed (a picture tile's): placed first, so that a touch on it
// is its own and not the control's, and drawn over the control. nullopt when
// no speech buttons are drawn.
std::optional<render::Touch> place_speech_button(PageContext& c, const std::string& id,
                                                 std::string_view text, Rect r);
void draw_speech_button(PageContext& c, Rect r, bool pressed);

// A main button at `r`; records it under `id`; true on release over it.
bool page_button(PageContext& c, const char* id, std::string_view text, Rect r);

// The width a page_button() needs for `text` on one line, padding included.
float page_button_label_width(PageContext& c, std::string_view text);

// A heading at the start of the area's content width, from `y`; returns the y
// below it.
float page_heading(PageContext& c, std::string_view text, float y);

// Running text over the content width from `y`; returns the y below it. It
// ends above `bottom`, drawn smaller if it must (render::fit_label).
float page_text(PageContext& c, std::string_view text, float y, float size,
                std::optional<ImU32> colour = {},
                float bottom = std::numeric_limits<float>::infinity());

// A tile that is on or off (a language spoken, a place), with `text` in
// `language` (empty: the UI language's). On, it has a thick border and a check
// mark in its top end corner, not only another colour. Records it under `id`;
// true when released over it, unless the touch dragged a list (see
// scroll_list).
// A tile too small for the mark (`mark` false) shows "on" by its thick border.
bool page_toggle(PageContext& c, const std::string& id, std::string_view text,
                 std::string_view language, bool on, Rect r, bool mark = true);

// How wide a page_toggle with a check mark must be for a label of
// `label_width` pixels to fit on one line.
float toggle_width(const PageContext& c, float label_width);

// A vertical list shown in `view` that holds `content_height` pixels: a finger
// dragging inside it scrolls it. `offset` (pixels scrolled, the caller's state)
// is kept within the content. Call before drawing the list's items at
// y - offset, between ImGui::PushClipRect(view) and PopClipRect so that only
// what is visible can be touched.
void scroll_list(PageContext& c, const Rect& view, float content_height, float& offset);

// How a grid of tiles is laid out: `columns` wide, rows `tile_height` high.
struct GridShape {
  int columns;
  float tile_height;
};

// The shape that shows all `count` tiles in `view` at once, so nothing hides
// below the edge: `preferred` if it fits, else lower tiles (down to 64 px, to
// what a line of body text needs, and to what `least_height` says a tile of a
// given width needs, if given), else more columns as long as a tile stays
// `min_width` wide; when nothing fits, `preferred`, and the grid scrolls.
GridShape fit_grid(const PageContext& c, const Rect& view, size_t count, GridShape preferred,
                   float min_width, const std::function<float(float)>& least_height = {});

// A grid of `count` tiles of `shape`, filled from the start edge row by row,
// shown in `view` and scrolled by a drag (scroll_list, with `offset` the
// caller's state). When it holds more than the view, a scroll bar along the
// end edge says so (and takes its width from the tiles). Calls
// `tile(i, rect)` for each, clipped to the view.
void scroll_grid(PageContext& c, const Rect& view, size_t count, GridShape shape, float& offset,
                 const std::function<void(size_t, const Rect&)>& tile);

// A short line in the muted colour, or in the error colour with a warning sign
// when `error` (not colour alone); returns the y below it. It ends above
// `bottom`, drawn smaller if it must.
float page_note(PageContext& c, std::string_view text, float y, bool error,
                float bottom = std::numeric_limits<float>::infinity());

// Text of a page drawn as one block with others (page_blocks).
struct PageBlock {
  std::string_view text;
  float size;                   // pixels per em, before fitting
  std::optional<ImU32> colour;  // default: the theme's text colour
  float gap_after;              // pixels below it
};
// The share of a portrait screen's height the reach band keeps controls in
// (Settings::reach_band): on a 55" screen hung 0.5 m above the floor, its
// lower 60 % ends near 1.2 m.
inline constexpr float kReachBand = 0.6f;

// The least gap between two touch targets, in pixels, so that a finger meant
// for one does not land on the other (../PRODUCT.md, "Touch").
inline constexpr float kTargetGap = 8;

// The least share of their sizes that page_blocks() draws text at.
inline constexpr float kSmallestShare = 0.5f;

// The largest share of a full size, from 1 down in tenths to `least`, at
// which `fits` holds; `least` when none does. Tenths keep a page to a few
// layouts a frame, and all shrinking text steps alike.
float share_that_fits(const std::function<bool(float share)>& fits, float least = kSmallestShare);

// `blocks` one under the other from `y`, over the content width, ending above
// `bottom`: where they would not fit, all are drawn smaller together in
// tenths, down to kSmallestShare (a small screen with large text). Returns
// the y below them.
float page_blocks(PageContext& c, std::span<const PageBlock> blocks, float y,
                  float bottom = std::numeric_limits<float>::infinity());

// A step's question (a heading) from `y`, and under it a note (a hint, or an
// error with its sign when `error`; none when empty), ending above `bottom`
// (page_blocks). Returns the y below them.
float page_question(PageContext& c, std::string_view question, std::string_view note, bool error,
                    float y, float bottom = std::numeric_limits<float>::infinity());

// How many unread messages there are, in the locale's digits, in a rounded
// badge at the end of `row`, `inset` from its edge, vertically centred on
// `centre_y`. Returns its width. On a button (`on_button`) its colours are
// the button's the other way round, so it stands out there too.
float count_badge(PageContext& c, int64_t count, i18n::Span row, float inset, float centre_y,
                  bool on_button = false);

// The content width of the area, inside its margins.
i18n::Span content(const PageContext& c);

}  // namespace ih::kiosk
