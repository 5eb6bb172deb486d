// Pictures for people who cannot read well: a tile with a picture in colour
// and its label under it, and the yes and no icons. The pictures are emoji
// sequences drawn from Noto Color Emoji (the text engine falls back to it), so
// they look as people know them from their phones.
//
// Not thread-safe: UI thread only, between ImGui's NewFrame and Render.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "kiosk/screens/page.h"

namespace ih::kiosk {

// A tile at `r` showing `picture` as large as the tile leaves room for, with
// `label` (in the UI language, wrapped, centred) under it, and `note` (may be
// empty) smaller under that. On, it has the thick border and check mark of a
// page_toggle. Records it under `id`; true when released over it, unless the
// touch dragged a list.
bool picture_tile(PageContext& c, const std::string& id, std::string_view picture,
                  std::string_view label, bool on, Rect r, std::string_view note = {});

// The least height of a picture_tile `width` wide that shows each of `labels`
// whole (at the smallest size it draws words in) under a small picture and
// beside its speech button; infinite where a word of a label is wider than
// such a tile.
float picture_tile_least_height(PageContext& c, std::span<const std::string_view> labels,
                                float width);

// `picture` drawn `size` pixels high, centred on `centre`.
void draw_picture(PageContext& c, std::string_view picture, float size, ImVec2 centre);

// The yes and no of a question that needs no reading: a green disc with a
// tick, a red disc with a cross, each with `label` under it, as one button.
enum class Answer { Yes, No };
bool answer_button(PageContext& c, const char* id, Answer answer, std::string_view label, Rect r);

}  // namespace ih::kiosk
