#include "render/text_field.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "render/graphemes.h"
#include "render/text_draw.h"
#include "render/text_probe.h"
#include "render/touch.h"
#include "render/utf.h"
#include "render/widgets.h"

namespace ih::render {

namespace {

// [SECTION] Wiping
//
// Every text buffer of the field is written once, in full, and never edited in
// place: an edit builds a new buffer and wipes the old one before freeing it, so
// no stale characters hide beyond a string's size. Buffers are reserved large
// enough to live on the heap, where a move or a swap hands over the pointer
// instead of copying the characters (the small-string buffer would be copied).
constexpr size_t kMinCapacity = 32;

std::u16string make_buffer(size_t size) {
  std::u16string s;
  s.reserve(std::max(size, kMinCapacity));
  return s;
}

void wipe_bytes(void* data, size_t bytes) {
  if (data && bytes) explicit_bzero(data, bytes);
}

void wipe_string(std::u16string& s) {
  wipe_bytes(s.data(), s.size() * sizeof(char16_t));
  s.clear();
}

void wipe_glyphs(std::vector<Glyph>& glyphs) {
  // Glyph ids and clusters tell the text as well as its characters do.
  wipe_bytes(glyphs.data(), glyphs.size() * sizeof(Glyph));
  glyphs.clear();
}

void wipe_paragraph(ShapedParagraph& p) {
  wipe_string(p.text);
  for (ShapedRun& run : p.runs) wipe_glyphs(run.glyphs);
  p.runs.clear();
  wipe_bytes(p.advance_before.data(), p.advance_before.size() * sizeof(float));
  p.advance_before.clear();
  wipe_bytes(p.graphemes.data(), p.graphemes.size() * sizeof(TextIndex));
  p.graphemes.clear();
}

void wipe_layout(Layout& layout) {
  for (Line& line : layout.lines)
    for (LineRun& run : line.runs) wipe_glyphs(run.glyphs);
  layout.lines.clear();
}

// Characters a one-line field never takes: controls (newline, tab, escape…)
// and the line and paragraph separators.
bool refused(UChar32 c) {
  return u_charType(c) == U_CONTROL_CHAR || c == 0x2028 || c == 0x2029;
}

// Bytes `text` takes as UTF-8 (a surrogate pair is one 4-byte code point).
int64_t utf8_bytes(std::u16string_view text) {
  int64_t bytes = 0;
  for (const char16_t u : text) bytes += u < 0x80 ? 1 : u < 0x800 ? 2 : U16_IS_SURROGATE(u) ? 2 : 3;
  return bytes;
}

// `input` without refused characters.
std::u16string accepted(std::u16string_view input) {
  std::u16string out = make_buffer(input.size());
  const auto n = static_cast<int32_t>(input.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c = 0;
    U16_NEXT(input.data(), i, n, c);
    if (!refused(c))
      out.append(input.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
  }
  return out;
}

// text[0, at) + middle + text[from, end).
std::u16string spliced(std::u16string_view text, TextIndex at, std::u16string_view middle,
                       TextIndex from) {
  const auto a = static_cast<size_t>(at);
  const auto f = static_cast<size_t>(from);
  std::u16string out = make_buffer(a + middle.size() + (text.size() - f));
  out.append(text.substr(0, a));
  out.append(middle);
  out.append(text.substr(f));
  return out;
}

constexpr char16_t kBullet = u'\u2022';
constexpr float kSamePlace = 0.5f;  // pixels: carets closer than this stand in one place

// A place the caret can stand on the line: a layout x and the logical position
// (of what is shown) it stands for there.
struct Stop {
  float x;
  TextIndex index;
  bool strong;
};

std::vector<Stop> visual_stops(const Layout& layout) {
  std::vector<Stop> stops;
  for (const TextIndex index : layout.shaped->graphemes) {
    const Carets c = caret_at(layout, index);
    stops.push_back({c.strong.x, index, true});
    if (c.split()) stops.push_back({c.weak.x, index, false});
  }
  std::stable_sort(stops.begin(), stops.end(),
                   [](const Stop& a, const Stop& b) { return a.x < b.x; });
  return stops;
}

}  // namespace

TextField::TextField(TextEngine& engine, TextFieldOptions options)
    : engine_(engine), options_(std::move(options)) {
  commit(shape(make_buffer(0)), 0);
}

TextField::~TextField() {
  erase();
}

// [SECTION] Editing

TextStyle TextField::style() const {
  return {options_.text_size, options_.language, options_.direction};
}

std::shared_ptr<ShapedParagraph> TextField::shape(std::u16string text) {
  return engine_.shape_uncached(std::move(text), style());
}

void TextField::commit(std::shared_ptr<ShapedParagraph> shaped, TextIndex caret) {
  erase();
  shaped_ = std::move(shaped);
  // An edit can join the characters around the caret into one cluster (a
  // letter typed before a lone combining mark): the caret goes after it.
  const auto& g = shaped_->graphemes;
  const auto at = std::lower_bound(g.begin(), g.end(), caret);
  caret_ = at == g.end() ? static_cast<TextIndex>(shaped_->text.size()) : *at;
  visual_x_.reset();
  relayout();
  scroll_to_caret();
}

void TextField::relayout() {
  if (options_.masked) {
    std::u16string bullets = make_buffer(static_cast<size_t>(grapheme_count()));
    bullets.append(static_cast<size_t>(grapheme_count()), kBullet);
    shown_ = engine_.shape_uncached(std::move(bullets), style());
  } else {
    shown_ = shaped_;
  }
  layout_ = engine_.layout_uncached(shown_, {});
}

bool TextField::fits(const ShapedParagraph& candidate) const {
  const auto graphemes = static_cast<int32_t>(candidate.graphemes.size()) - 1;
  return (options_.max_graphemes <= 0 || graphemes <= options_.max_graphemes) &&
         (options_.max_bytes <= 0 || utf8_bytes(candidate.text) <= options_.max_bytes);
}

bool TextField::insert(std::string_view utf8) {
  std::u16string input = utf8_to_utf16(utf8);
  std::u16string taken = accepted(input);
  const bool dropped = taken.size() != input.size();
  wipe_string(input);
  if (taken.empty()) return !dropped;

  const std::u16string_view text = shaped_->text;
  auto candidate = shape(spliced(text, caret_, taken, caret_));
  if (fits(*candidate)) {
    commit(std::move(candidate), caret_ + static_cast<TextIndex>(taken.size()));
    wipe_string(taken);
    return !dropped;
  }
  // Too long: the most whole clusters of the input that fit, trying from the longest.
  wipe_paragraph(*candidate);
  std::vector<TextIndex> cuts = grapheme_boundaries(taken);
  cuts.pop_back();
  for (auto cut = cuts.rbegin(); cut != cuts.rend() && *cut > 0; ++cut) {
    const std::u16string_view part =
        std::u16string_view(taken).substr(0, static_cast<size_t>(*cut));
    candidate = shape(spliced(text, caret_, part, caret_));
    if (fits(*candidate)) {
      commit(std::move(candidate), caret_ + *cut);
      break;
    }
    wipe_paragraph(*candidate);
  }
  wipe_string(taken);
  return false;
}

bool TextField::delete_backward() {
  if (caret_ == 0) return false;
  const TextIndex from = previous_grapheme(*shaped_, caret_);
  commit(shape(spliced(shaped_->text, from, {}, caret_)), from);
  return true;
}

bool TextField::delete_forward() {
  if (caret_ >= static_cast<TextIndex>(shaped_->text.size())) return false;
  const TextIndex to = next_grapheme(*shaped_, caret_);
  commit(shape(spliced(shaped_->text, caret_, {}, to)), caret_);
  return true;
}

bool TextField::apply(FieldKey key) {
  const TextIndex before = caret_;
  const std::optional<float> before_x = visual_x_;
  switch (key) {
    case FieldKey::Left:
      return move_visually(false);
    case FieldKey::Right:
      return move_visually(true);
    case FieldKey::Home:
      caret_ = 0;
      break;
    case FieldKey::End:
      caret_ = static_cast<TextIndex>(shaped_->text.size());
      break;
    case FieldKey::Backspace:
      return delete_backward();
    case FieldKey::Delete:
      return delete_forward();
  }
  visual_x_.reset();
  scroll_to_caret();
  return caret_ != before || visual_x_ != before_x;
}

bool TextField::move_visually(bool right) {
  const float from = caret_x();
  const std::vector<Stop> stops = visual_stops(*layout_);
  // The nearest place beyond the caret in the direction of the arrow; of the
  // positions standing there, the one whose strong caret it is.
  std::optional<float> target;
  if (right) {
    for (const Stop& s : stops)
      if (s.x > from + kSamePlace) {
        target = s.x;
        break;
      }
  } else {
    for (auto s = stops.rbegin(); s != stops.rend(); ++s)
      if (s->x < from - kSamePlace) {
        target = s->x;
        break;
      }
  }
  if (!target) return false;
  const Stop* chosen = nullptr;
  for (const Stop& s : stops) {
    if (std::abs(s.x - *target) > kSamePlace) continue;
    if (!chosen || (s.strong && !chosen->strong)) chosen = &s;
  }
  caret_ = from_shown(chosen->index);
  visual_x_ = chosen->x;
  scroll_to_caret();
  return true;
}

void TextField::tap(float x, float y) {
  const float at = x - offset_;
  const TextIndex shown = hit_test(*layout_, at, y);
  caret_ = from_shown(shown);
  // The person touched one of the caret's two places: it shows there.
  const Carets c = caret_at(*layout_, shown);
  visual_x_ = std::abs(c.weak.x - at) < std::abs(c.strong.x - at) ? c.weak.x : c.strong.x;
  scroll_to_caret();
}

void TextField::set_text(std::string_view utf8) {
  std::u16string input = utf8_to_utf16(utf8);
  std::u16string taken = accepted(input);
  wipe_string(input);
  commit(shape(make_buffer(0)), 0);
  std::string copy = utf16_to_utf8(taken);
  wipe_string(taken);
  insert(copy);
  wipe_bytes(copy.data(), copy.size());
}

void TextField::set_language(std::string_view language, Direction direction) {
  if (language == options_.language && direction == options_.direction) return;
  options_.language = std::string(language);
  options_.direction = direction;
  const TextIndex caret = caret_;
  commit(shape(spliced(shaped_->text, 0, {}, 0)), caret);
}

void TextField::erase() {
  if (layout_ && !options_.masked) wipe_layout(*layout_);
  layout_.reset();
  shown_.reset();
  if (shaped_) wipe_paragraph(*shaped_);
  shaped_.reset();
  caret_ = 0;
  visual_x_.reset();
}

void TextField::wipe() {
  erase();
  offset_ = 0;
  // An empty field again, ready for the next person.
  commit(shape(make_buffer(0)), 0);
}

// [SECTION] State

std::string TextField::text() const {
  return utf16_to_utf8(shaped_->text);
}

int32_t TextField::grapheme_count() const {
  return static_cast<int32_t>(shaped_->graphemes.size()) - 1;
}

TextIndex TextField::to_shown(TextIndex index) const {
  if (!options_.masked) return index;
  const auto& g = shaped_->graphemes;
  return static_cast<TextIndex>(std::lower_bound(g.begin(), g.end(), index) - g.begin());
}

TextIndex TextField::from_shown(TextIndex index) const {
  if (!options_.masked) return index;
  const auto& g = shaped_->graphemes;
  return g[static_cast<size_t>(
      std::clamp<TextIndex>(index, 0, static_cast<TextIndex>(g.size()) - 1))];
}

// [SECTION] View

bool TextField::rtl() const {
  if (!layout_->lines.empty()) return layout_->lines.front().base_level & 1;
  return shown_->base_level & 1;
}

void TextField::set_view_width(float width) {
  if (width == view_width_) return;
  view_width_ = width;
  scroll_to_caret();
}

void TextField::scroll_by(float dx) {
  const float content = layout_->width;
  if (content <= view_width_) return;
  offset_ = std::clamp(offset_ + dx, view_width_ - content, 0.0f);
}

float TextField::caret_x() const {
  const Carets c = caret_at(*layout_, to_shown(caret_));
  if (visual_x_ && (std::abs(*visual_x_ - c.strong.x) <= kSamePlace ||
                    std::abs(*visual_x_ - c.weak.x) <= kSamePlace))
    return *visual_x_;
  return c.strong.x;
}

void TextField::scroll_to_caret() {
  const float content = layout_->width;
  if (content <= view_width_) {
    offset_ = rtl() ? view_width_ - content : 0;
    return;
  }
  const float x = caret_x();
  if (x + offset_ < 0) offset_ = -x;
  if (x + offset_ > view_width_) offset_ = view_width_ - x;
  offset_ = std::clamp(offset_, view_width_ - content, 0.0f);
}

FieldCaret TextField::caret_in_view() const {
  const Carets c = caret_at(*layout_, to_shown(caret_));
  const float x = caret_x();
  FieldCaret out;
  out.x = x + offset_;
  if (c.split())
    out.other_x = (std::abs(x - c.strong.x) <= kSamePlace ? c.weak.x : c.strong.x) + offset_;
  out.top = c.strong.top;
  out.bottom = c.strong.bottom;
  return out;
}

// [SECTION] Drawing

namespace {

constexpr float kMinHeight = kMinTouchTarget;
constexpr float kRounding = 8.0f;
constexpr float kBorder = 2.0f;
constexpr float kFocusedBorder = 4.0f;
constexpr float kCaretWidth = 3.0f;

}  // namespace

void fill_rounded_rect(ImDrawList& list, ImVec2 min, ImVec2 max, ImU32 colour, float radius) {
  radius = std::min({radius, (max.x - min.x) / 2, (max.y - min.y) / 2});
  // The parts overlap, which a translucent colour would show: ImGui fills those.
  const bool opaque = (colour & IM_COL32_A_MASK) == IM_COL32_A_MASK;
  if (radius < 1 || !opaque) {
    list.AddRectFilled(min, max, colour, std::max(radius, 0.0f));
    return;
  }
  // The bands reach one pixel into the corner squares, under the corners'
  // anti-aliased inner edges, so no seam shows where they meet.
  const float r = radius;
  list.AddRectFilled(ImVec2(min.x + r - 1, min.y), ImVec2(max.x - r + 1, max.y), colour);
  list.AddRectFilled(ImVec2(min.x, min.y + r - 1), ImVec2(min.x + r, max.y - r + 1), colour);
  list.AddRectFilled(ImVec2(max.x - r, min.y + r - 1), ImVec2(max.x, max.y - r + 1), colour);
  const ImVec2 centres[] = {ImVec2(min.x + r, min.y + r), ImVec2(max.x - r, min.y + r),
                            ImVec2(max.x - r, max.y - r), ImVec2(min.x + r, max.y - r)};
  constexpr float kQuarter = std::numbers::pi_v<float> / 2;
  for (int corner = 0; corner < 4; ++corner) {
    const float from = 2 * kQuarter + kQuarter * static_cast<float>(corner);
    list.PathLineTo(centres[corner]);
    list.PathArcTo(centres[corner], r, from, from + kQuarter);
    list.PathFillConvex(colour);
  }
}

void framed_box(ImDrawList& list, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 edge, float width,
                float radius) {
  const float half = width / 2;
  const ImVec2 inner_min(min.x + half, min.y + half);
  const ImVec2 inner_max(max.x - half, max.y - half);
  fill_rounded_rect(list, inner_min, inner_max, fill, radius);
  list.AddRect(inner_min, inner_max, edge, radius, 0, width);
}

bool text_field(UiContext& ui, const char* id, TextField& field, ImVec2 size,
                const TextFieldLook& look) {
  size.y = std::max(size.y, kMinHeight);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  const bool released = ImGui::InvisibleButton(id, size);
  field.set_view_width(std::max(0.0f, size.x - 2 * look.padding));

  // Whether the finger held on this field has dragged it: ImGui keeps the flag
  // under the field's id from the press to the release.
  const ImGuiIO& io = ImGui::GetIO();
  ImGuiStorage& storage = *ImGui::GetStateStorage();
  const ImGuiID dragged_id = ImGui::GetID(id);
  bool dragged = storage.GetBool(dragged_id, false);
  if (ImGui::IsItemActivated()) dragged = false;
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, kDragDistance)) {
    // The first frame of a drag moves by all the way the finger came.
    field.scroll_by(dragged ? io.MouseDelta.x : ImGui::GetMouseDragDelta().x);
    dragged = true;
    ui.needs_frame = true;
  }
  storage.SetBool(dragged_id, dragged);

  const Layout& layout = field.layout();
  const float text_left = min.x + look.padding;
  const float text_top = std::round(min.y + (size.y - layout.height) / 2);
  if (released && !dragged) {
    field.tap(io.MousePos.x - text_left, io.MousePos.y - text_top);
    ui.needs_frame = true;
  }
  if (!ImGui::IsItemVisible()) return released;

  ImDrawList& list = *ImGui::GetWindowDrawList();
  const float border = look.focused ? kFocusedBorder : kBorder;
  framed_box(list, min, max, ui.theme.field, look.focused ? ui.theme.button : ui.theme.muted_text,
             border, kRounding);

  // The text may reach into the padding (a caret at the very end, a mark that
  // overhangs) but never over the border. A long text scrolls inside it.
  list.PushClipRect(ImVec2(min.x + border, min.y + border), ImVec2(max.x - border, max.y - border),
                    true);
  note_scroll_view(ImVec2(min.x + border, min.y + border), ImVec2(max.x - border, max.y - border),
                   true);
  if (field.empty() && !field.options().placeholder.empty()) {
    const TextFieldOptions& o = field.options();
    const auto placeholder =
        ui.engine.layout(o.placeholder, {o.text_size, o.language, o.direction});
    const float x = field.rtl() ? max.x - look.padding - placeholder->width : text_left;
    draw_layout(list, ui.atlas, *placeholder,
                ImVec2(std::round(x), std::round(min.y + (size.y - placeholder->height) / 2)),
                ui.theme.muted_text);
  }
  draw_layout(list, ui.atlas, layout, ImVec2(text_left + field.offset(), text_top), ui.theme.text);
  if (look.focused) {
    // The caret the person went to is a full bar; where the direction changes,
    // the caret's other place is a shorter bar, as in Pango.
    const FieldCaret caret = field.caret_in_view();
    const float x = std::round(text_left + caret.x - kCaretWidth / 2);
    list.AddRectFilled(ImVec2(x, text_top + caret.top),
                       ImVec2(x + kCaretWidth, text_top + caret.bottom), ui.theme.text);
    if (caret.other_x) {
      const float ox = std::round(text_left + *caret.other_x - 1);
      const float middle = text_top + (caret.top + caret.bottom) / 2;
      list.AddRectFilled(ImVec2(ox, middle), ImVec2(ox + 2, text_top + caret.bottom),
                         ui.theme.muted_text);
    }
  }
  list.PopClipRect();
  return released;
}

}  // namespace ih::render
