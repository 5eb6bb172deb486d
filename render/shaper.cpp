#include "render/shaper.h"

#include <hb.h>
#include <unicode/uscript.h>

namespace ih::render {

float shape_run(const ShapeRequest& request, const FontFace& face, hb_buffer_t* buffer,
                std::vector<Glyph>& out) {
  hb_buffer_clear_contents(buffer);
  const auto context_length = static_cast<int>(request.context.size());
  const unsigned offset = static_cast<unsigned>(request.range.start - request.context_start);
  hb_buffer_add_utf16(buffer, reinterpret_cast<const uint16_t*>(request.context.data()),
                      context_length, offset, request.range.size());
  hb_buffer_set_direction(buffer, request.rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_buffer_set_script(buffer, hb_script_from_string(
                                   uscript_getShortName(static_cast<UScriptCode>(request.script)), -1));
  hb_buffer_set_language(buffer, hb_language_from_string(request.language.data(),
                                                         static_cast<int>(request.language.size())));
  hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  unsigned flags = HB_BUFFER_FLAG_DEFAULT;
  if (offset == 0) flags |= HB_BUFFER_FLAG_BOT;
  if (offset + static_cast<unsigned>(request.range.size()) == request.context.size())
    flags |= HB_BUFFER_FLAG_EOT;
  hb_buffer_set_flags(buffer, static_cast<hb_buffer_flags_t>(flags));
  hb_shape(face.hb, buffer, nullptr, 0);

  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
  const float scale = request.size / static_cast<float>(face.units_per_em);
  float advance = 0;
  out.reserve(out.size() + count);
  for (unsigned i = 0; i < count; ++i) {
    Glyph g;
    g.id = info[i].codepoint;
    g.advance = static_cast<float>(pos[i].x_advance) * scale;
    g.x_offset = static_cast<float>(pos[i].x_offset) * scale;
    g.y_offset = static_cast<float>(pos[i].y_offset) * scale;
    g.cluster = static_cast<TextIndex>(info[i].cluster) + request.context_start;
    g.unsafe_to_break = (hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0;
    advance += g.advance;
    out.push_back(g);
  }
  return advance;
}

}  // namespace ih::render
