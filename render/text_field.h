// A one-line text field on the text engine: where a person types a name, a
// short request, a reply or a PIN, in any script and direction.
//
// TextField is the editing model. It holds the text (UTF-16, as layouts count)
// and a caret that always stands on a grapheme-cluster boundary (ICU, through
// the ShapedParagraph the field shapes after every edit). Editing has no
// selection: insert at the caret, delete one grapheme cluster backwards or
// forwards. The caret moves visually with Left and Right (the way the arrow
// points on screen, across changes of direction) and logically with Home and
// End; a tap places it through hit testing. Where the direction changes, one
// logical position shows in two places (caret.h): the field remembers which of
// the two the person went to, so the next step goes on from there.
//
// What the field shows is one line, never wrapped: the text, or one bullet per
// grapheme in masked mode (a PIN is never drawn, shaped for display or laid
// out as itself). Its paragraph direction comes from the first strong
// character, else from the language (TextFieldOptions::direction). Content
// wider than the view scrolls so the caret stays in view; content that fits is
// aligned to the start of its direction.
//
// The text is personal data. The field shapes and lays it out itself, outside
// the engine's shared cache, and wipe() (also run by the destructor) overwrites
// every buffer of the field that held it: the text, its shaped paragraph and
// the buffers an edit replaced, before they are freed.
//
// text_field() draws a field with ImGui and places the caret on a tap; the
// model itself needs no ImGui and is tested without it.
//
// Not thread-safe: the UI thread owns a field. It borrows the engine, which must
// outlive it.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "render/caret.h"
#include "render/text_engine.h"
#include "render/widgets.h"

namespace ih::render {

// The editing keys of a physical keyboard (and of the on-screen keyboard's
// arrow keys).
enum class FieldKey : uint8_t { Left, Right, Home, End, Backspace, Delete };

struct TextFieldOptions {
  std::string language = {};              // BCP 47: shaping and locale forms
  Direction direction = Direction::Auto;  // Auto or AutoRtl: the language's default
  float text_size = 40.0f;                // pixels per em
  int32_t max_graphemes = 0;              // longest text in grapheme clusters; 0: no limit
  int32_t max_bytes = 0;                  // longest text in bytes of UTF-8; 0: no limit
  bool masked = false;                    // shows bullets, never the text
  std::string placeholder = {};           // shown while empty (not personal)
};

// Where to draw the caret, in pixels from the view's left edge and the line's top.
struct FieldCaret {
  float x = 0;                   // the caret the person went to
  std::optional<float> other_x;  // the second place of a split caret
  float top = 0;
  float bottom = 0;
};

class TextField {
 public:
  TextField(TextEngine& engine, TextFieldOptions options);
  ~TextField();
  TextField(const TextField&) = delete;
  TextField& operator=(const TextField&) = delete;

  // [SECTION] Editing

  // Inserts `utf8` at the caret and moves the caret after it. Ill-formed UTF-8
  // becomes U+FFFD; control characters and line and paragraph separators are
  // dropped (the field has one line). With a maximum length (in graphemes or
  // bytes, TextFieldOptions), as many whole grapheme clusters of `utf8` as fit
  // are inserted; a combining mark that would grow a cluster past the byte
  // limit is left out too. Returns false if anything was left out.
  bool insert(std::string_view utf8);
  // Deletes the grapheme cluster before (after) the caret; false if there is none.
  bool delete_backward();
  bool delete_forward();
  // Moves the caret (Left, Right, Home, End) or deletes (Backspace, Delete).
  // Returns whether anything changed.
  bool apply(FieldKey key);
  // Places the caret at the point (x, y) of the view, in pixels from its left
  // edge and the line's top: the nearest grapheme boundary, on the side of the
  // tapped letter that was touched.
  void tap(float x, float y);
  // Replaces the text (caret at its logical end).
  void set_text(std::string_view utf8);
  // Shapes the text for another language (the person switched keyboards): its
  // locale forms, and the direction an empty field takes. The caret stays.
  void set_language(std::string_view language, Direction direction);
  // Overwrites every buffer that held the text, then empties the field.
  void wipe();

  // [SECTION] State

  // A copy of the text as UTF-8 (personal data: the caller wipes its copy).
  std::string text() const;
  const std::u16string& text16() const { return shaped_->text; }
  // The caret's logical position in text16(), a grapheme boundary.
  TextIndex caret() const { return caret_; }
  int32_t grapheme_count() const;
  bool empty() const { return shaped_->text.empty(); }
  const TextFieldOptions& options() const { return options_; }

  // [SECTION] View

  // Sets how wide the visible part of the line is; keeps the caret in view.
  void set_view_width(float width);
  // Scrolls the line `dx` pixels to the right (a finger dragging it), within
  // its ends. The caret may leave the view; the next edit brings it back.
  void scroll_by(float dx);
  float view_width() const { return view_width_; }
  // What is shown (the text or its bullets), laid out on one line.
  const Layout& layout() const { return *layout_; }
  // Where the layout's left edge is, in pixels from the view's left edge
  // (negative when scrolled).
  float offset() const { return offset_; }
  // True when what is shown reads right to left (also the placeholder's side).
  bool rtl() const;
  FieldCaret caret_in_view() const;

 private:
  // A grapheme boundary of what is shown ↔ one of the text (they differ when masked).
  TextIndex to_shown(TextIndex index) const;
  TextIndex from_shown(TextIndex index) const;
  TextStyle style() const;
  // Whether `candidate` keeps within the field's lengths (graphemes and bytes).
  bool fits(const ShapedParagraph& candidate) const;
  // Shapes `text` as a candidate for the field's text; the caller keeps or wipes it.
  std::shared_ptr<ShapedParagraph> shape(std::u16string text);
  // Makes `shaped` the field's text and lays out what is shown.
  void commit(std::shared_ptr<ShapedParagraph> shaped, TextIndex caret);
  void relayout();
  // Overwrites and drops the text's buffers and its layout.
  void erase();
  void scroll_to_caret();
  // The layout x the caret stands at (strong, or the place the person went to).
  float caret_x() const;
  bool move_visually(bool right);

  TextEngine& engine_;
  TextFieldOptions options_;
  std::shared_ptr<ShapedParagraph> shaped_;  // the text, shaped: its grapheme boundaries
  std::shared_ptr<ShapedParagraph> shown_;   // of the bullets when masked, else shaped_
  std::shared_ptr<Layout> layout_;           // of shown_
  TextIndex caret_ = 0;
  std::optional<float> visual_x_;  // layout x the caret was moved or tapped to
  float view_width_ = 0;
  float offset_ = 0;
};

// [SECTION] Drawing

struct TextFieldLook {
  bool focused = false;   // draws the caret and a thicker border
  float padding = 16.0f;  // between the border and the text, pixels
};

// Fills a rounded rectangle as three rectangles and four small corner fans.
// ImGui fills one as a fan of long thin triangles, and SDL's software renderer
// tests every pixel of each triangle's bounding box, which is nearly the whole
// rectangle: for a field or a row of keys that costs milliseconds a frame on a
// terminal without a GPU. Corners stay anti-aliased. Translucent colours are
// left to ImGui's own fill (the parts overlap by a pixel).
void fill_rounded_rect(ImDrawList& list, ImVec2 min, ImVec2 max, ImU32 colour, float radius);

// A box from `min` to `max`: filled with `fill` inside a border of `width`
// pixels in `edge`, rounded by `radius` along the border's middle line. The
// fill stops under that middle line: filled to the box's own edge, its
// corners stood half a pixel outside the border's curve and showed there as
// a pale fringe, so the border looked thicker at its corners than along its
// sides.
void framed_box(ImDrawList& list, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 edge, float width,
                float radius);

// Draws `field` at ImGui's cursor in a box of `size` pixels (at least 64 high)
// and moves the cursor below it. A touch released over the field places the
// caret where it was released; the function then returns true (so the screen
// can focus the field). A finger dragged sideways scrolls a line longer than
// the field instead, and places no caret. The caret does not blink: a kiosk
// draws frames only when something changes. `id` must be unique in the window.
bool text_field(UiContext& ui, const char* id, TextField& field, ImVec2 size,
                const TextFieldLook& look);

}  // namespace ih::render
