// ichhelfe-text: lays out text with the kiosk's text engine and prints what it
// made, so that bidi, script runs, font fallback, shaping and line breaking can be
// looked at, diffed and kept as golden data without a screen.
//
//   ichhelfe-text [--width PX] [--size PX] [--lang TAG] [--dir auto|ltr|rtl]
//                 [--align start|end|center] [--fonts FILE] [--png FILE] [TEXT]
//
// TEXT is one paragraph (it may hold newlines; put "--" before a TEXT that starts
// with "-"). Without TEXT, each line of standard input is a paragraph of its own.
// The language defaults to "en". Each paragraph prints as one JSON object on one
// line (JSON Lines); `ichhelfe-text --lang ar "سلام Anna"` prints (glyphs cut short):
//
//   {"text":"سلام Anna","base_level":1,"width":141.25,"height":54.5,"missing_glyphs":0,
//    "lines":[{"range":[0,13],"base_level":1,"x":0.0,"width":141.25,"top":0.0,
//              "height":54.5,"baseline":34.203125,
//              "runs":[{"range":[9,13],"level":2,"direction":"ltr","script":"Latn",
//                       "language":"ar","font":"NotoSans-Regular.ttf","x":0.0,
//                       "width":77.953125,"glyphs":[{"id":36,"advance":20.453125,
//                       "x_offset":0.0,"y_offset":0.0,"cluster":9},...]},
//                      {"range":[0,9],"level":1,"direction":"rtl","script":"Arab",...}]}]}
//
// Text ranges [start, end) and clusters are byte offsets into the paragraph's UTF-8
// as given (ill-formed bytes are shown as U+FFFD in "text" and laid out as such).
// Lines hold their runs in visual order, left to right; a run's x is from its
// line's x, a line's x from the layout's left edge; y offsets point up. Lengths are
// pixels, rounded to 1/64 pixel (FreeType's unit) so that output diffs cleanly.
//
// Direction "auto" takes the first strong character, and when there is none, the
// direction of the language. The fonts file defaults to the kiosk's own.
//
// --png also draws the paragraphs, one under the other, black on white, with the
// kiosk's glyph atlas and the same pixel snapping as its drawing code (not through
// ImGui or SDL), 8 pixels of margin around them.
//
// Exit status: 0 on success, 2 for bad arguments or an unreadable fonts file, 1 if
// the output or the PNG cannot be written.
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <stb_image_write.h>

#include "i18n/language.h"
#include "render/font_collection.h"
#include "render/glyph_atlas.h"
#include "render/text_engine.h"
#include "render/utf.h"

namespace {

using ih::render::Align;
using ih::render::Direction;
using ih::render::Layout;
// Keys print in the order written, as documented above.
using json = nlohmann::ordered_json;

constexpr std::string_view kUsage =
    "usage: ichhelfe-text [--width PX] [--size PX] [--lang TAG] [--dir auto|ltr|rtl]\n"
    "                     [--align start|end|center] [--fonts FILE] [--png FILE] [TEXT]\n"
    "Lays out TEXT, or each line of standard input, and prints one JSON object per\n"
    "paragraph: lines, runs in visual order and glyphs, with UTF-8 byte offsets.\n"
    "--png FILE also draws them.\n";

struct Options {
  float width = std::numeric_limits<float>::infinity();
  float size = 32;
  std::string language = "en";
  std::string direction = "auto";
  Align align = Align::Start;
  std::string fonts = ICHHELFE_ASSETS_DIR "/fonts/fonts.conf";
  bool fonts_given = false;
  std::string png;
  bool help = false;
  std::optional<std::string> text;
};

std::optional<float> parse_pixels(std::string_view value) {
  float pixels = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), pixels);
  if (error != std::errc() || end != value.data() + value.size() || !std::isfinite(pixels) ||
      pixels <= 0) {
    return std::nullopt;
  }
  return pixels;
}

// Parses the command line; on error, returns a message for the user.
std::optional<std::string> parse_arguments(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") {
      if (i + 2 < argc) return "only one TEXT (quote it)";
      if (i + 1 < argc) options.text = argv[i + 1];
      break;
    }
    if (!arg.starts_with("-")) {
      if (options.text) return "only one TEXT (quote it)";
      options.text = std::string(arg);
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      options.help = true;
      continue;
    }
    // --name VALUE or --name=VALUE
    std::string_view value;
    const size_t equals = arg.find('=');
    if (equals != std::string_view::npos) {
      value = arg.substr(equals + 1);
      arg = arg.substr(0, equals);
    }
    static constexpr std::string_view kOptions[] = {"--width", "--size",  "--lang", "--dir",
                                                    "--align", "--fonts", "--png"};
    if (std::find(std::begin(kOptions), std::end(kOptions), arg) == std::end(kOptions)) {
      return "unknown option " + std::string(arg);
    }
    if (equals == std::string_view::npos) {
      if (i + 1 >= argc) return std::string(arg) + " needs a value";
      value = argv[++i];
    }
    if (arg == "--width" || arg == "--size") {
      const auto pixels = parse_pixels(value);
      if (!pixels) return std::string(arg) + " takes a positive number of pixels, not '" +
                          std::string(value) + "'";
      (arg == "--width" ? options.width : options.size) = *pixels;
    } else if (arg == "--lang") {
      if (value.empty()) return "--lang takes a BCP 47 tag, e.g. ar, fa-AF, ur";
      options.language = value;
    } else if (arg == "--dir") {
      if (value != "auto" && value != "ltr" && value != "rtl") {
        return "--dir takes auto, ltr or rtl, not '" + std::string(value) + "'";
      }
      options.direction = value;
    } else if (arg == "--align") {
      if (value == "start") {
        options.align = Align::Start;
      } else if (value == "end") {
        options.align = Align::End;
      } else if (value == "center") {
        options.align = Align::Center;
      } else {
        return "--align takes start, end or center, not '" + std::string(value) + "'";
      }
    } else if (arg == "--fonts") {
      options.fonts = value;
      options.fonts_given = true;
    } else {
      if (value.empty()) return "--png takes a file name";
      options.png = value;
    }
  }
  return std::nullopt;
}

// Pixels to 1/64 pixel, the precision of FreeType and of the layout's inputs.
double px(float value) { return std::round(static_cast<double>(value) * 64.0) / 64.0; }

// For each UTF-16 unit of the decoded paragraph, the byte offset in the input of
// the code point it belongs to (size + 1 entries). Ill-formed input decodes to one
// U+FFFD per maximal subpart, as the engine's utf8_to_utf16 does (Unicode 3.9);
// ICU's U8_NEXT follows the same rule.
std::vector<int32_t> byte_offsets(std::string_view utf8) {
  std::vector<int32_t> offsets;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    const int units = c < 0 ? 1 : U16_LENGTH(c);
    offsets.insert(offsets.end(), static_cast<size_t>(units), start);
  }
  offsets.push_back(n);
  return offsets;
}

json describe(const Layout& layout, ih::render::FontCollection& fonts,
              const std::vector<int32_t>& offset) {
  const auto& shaped = *layout.shaped;
  const auto range = [&](ih::render::TextRange r) {
    return json::array({offset[static_cast<size_t>(r.start)], offset[static_cast<size_t>(r.end)]});
  };
  json lines = json::array();
  for (const auto& line : layout.lines) {
    json runs = json::array();
    for (const auto& piece : line.runs) {
      const auto& run = shaped.runs[static_cast<size_t>(piece.run)];
      json glyphs = json::array();
      for (const auto& g : piece.glyphs) {
        glyphs.push_back({{"id", g.id},
                          {"advance", px(g.advance)},
                          {"x_offset", px(g.x_offset)},
                          {"y_offset", px(g.y_offset)},
                          {"cluster", offset[static_cast<size_t>(g.cluster)]}});
      }
      runs.push_back({{"range", range(piece.range)},
                      {"level", piece.level},
                      {"direction", piece.rtl() ? "rtl" : "ltr"},
                      {"script", uscript_getShortName(static_cast<UScriptCode>(run.script))},
                      {"language", run.language},
                      {"font", run.font == ih::render::kNoFont ? json() : json(fonts.face(run.font).file)},
                      {"x", px(piece.x)},
                      {"width", px(piece.width)},
                      {"glyphs", std::move(glyphs)}});
    }
    lines.push_back({{"range", range(line.range)},
                     {"base_level", line.base_level},
                     {"x", px(line.x)},
                     {"width", px(line.width)},
                     {"top", px(line.top)},
                     {"height", px(line.height)},
                     {"baseline", px(line.baseline())},
                     {"runs", std::move(runs)}});
  }
  return {{"text", ih::render::utf16_to_utf8(shaped.text)},
          {"base_level", shaped.base_level},
          {"width", px(layout.width)},
          {"height", px(layout.height)},
          {"missing_glyphs", shaped.missing_glyphs},
          {"lines", std::move(lines)}};
}

// Paragraphs drawn one under the other into an RGBA image.
class Canvas {
 public:
  static constexpr int kMargin = 8;

  explicit Canvas(ih::render::FontCollection& fonts) : atlas_(fonts) {}

  void add(std::shared_ptr<const Layout> layout) {
    width_ = std::max(width_, static_cast<int>(std::ceil(layout->box_width)));
    height_ += static_cast<int>(std::ceil(layout->height));
    layouts_.push_back(std::move(layout));
  }

  bool write_png(const std::string& path) {
    const int width = width_ + 2 * kMargin;
    const int height = height_ + 2 * kMargin;
    pixels_.assign(static_cast<size_t>(width) * static_cast<size_t>(height) * 4, 255);
    float top = kMargin;
    for (const auto& layout : layouts_) {
      draw(*layout, top, width, height);
      top += std::ceil(layout->height);
    }
    return stbi_write_png(path.c_str(), width, height, 4, pixels_.data(), width * 4) != 0;
  }

 private:
  // Places glyphs as render/text_draw.cpp does: pen positions unrounded, each
  // glyph's bitmap snapped to whole pixels, baselines rounded.
  void draw(const Layout& layout, float top, int width, int height) {
    const auto& shaped = *layout.shaped;
    for (const auto& line : layout.lines) {
      const float baseline = std::round(top + line.baseline());
      for (const auto& piece : line.runs) {
        const ih::render::FontId font = shaped.runs[static_cast<size_t>(piece.run)].font;
        if (font == ih::render::kNoFont) continue;
        float pen = kMargin + line.x + piece.x;
        for (const auto& g : piece.glyphs) {
          const float x = pen + g.x_offset;
          pen += g.advance;
          const ih::render::AtlasGlyph glyph = atlas_.glyph(font, g.id, shaped.style.size);
          if (!glyph.visible()) continue;
          const int x0 = static_cast<int>(std::round(x)) + glyph.left;
          const int y0 = static_cast<int>(baseline - std::round(g.y_offset)) - glyph.top;
          blend(glyph, x0, y0, width, height);
        }
      }
    }
  }

  // Straight-alpha "over": outline glyphs are white coverage masks drawn black;
  // colour glyphs keep their colours.
  void blend(const ih::render::AtlasGlyph& glyph, int x0, int y0, int width, int height) {
    const uint8_t* page = atlas_.pixels(glyph.page);
    const int pitch = atlas_.page_size() * 4;
    for (int y = 0; y < glyph.rect.h; ++y) {
      if (y0 + y < 0 || y0 + y >= height) continue;
      for (int x = 0; x < glyph.rect.w; ++x) {
        if (x0 + x < 0 || x0 + x >= width) continue;
        const uint8_t* src = page + (glyph.rect.y + y) * pitch + (glyph.rect.x + x) * 4;
        uint8_t* dst = &pixels_[(static_cast<size_t>(y0 + y) * static_cast<size_t>(width) +
                                 static_cast<size_t>(x0 + x)) * 4];
        const int alpha = src[3];
        for (int c = 0; c < 3; ++c) {
          const int colour = glyph.color ? src[c] : 0;
          dst[c] = static_cast<uint8_t>((colour * alpha + dst[c] * (255 - alpha) + 127) / 255);
        }
      }
    }
  }

  ih::render::GlyphAtlas atlas_;
  std::vector<std::shared_ptr<const Layout>> layouts_;
  std::vector<uint8_t> pixels_;
  int width_ = 0;
  int height_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (const auto error = parse_arguments(argc, argv, options)) {
    std::fprintf(stderr, "ichhelfe-text: %s\n%s", error->c_str(), kUsage.data());
    return 2;
  }
  if (options.help) {
    std::fputs(kUsage.data(), stdout);
    return 0;
  }

  std::unique_ptr<ih::render::FontCollection> fonts;
  if (options.fonts_given) {
    // A fonts file asked for by name must be the one used.
    auto config = ih::render::load_font_config(options.fonts);
    if (!config.ok()) {
      std::fprintf(stderr, "ichhelfe-text: %s\n", config.error.c_str());
      return 2;
    }
    fonts = std::make_unique<ih::render::FontCollection>(std::move(config.config));
  } else {
    fonts = ih::render::FontCollection::from_file(options.fonts);
  }
  ih::render::TextEngine engine(*fonts);

  ih::render::TextStyle style;
  style.size = options.size;
  style.language = options.language;
  style.direction = options.direction == "ltr"   ? Direction::Ltr
                    : options.direction == "rtl" ? Direction::Rtl
                    : ih::i18n::is_rtl(options.language) ? Direction::AutoRtl
                                                         : Direction::Auto;
  const ih::render::LayoutOptions layout_options{.max_width = options.width,
                                                 .align = options.align};

  std::optional<Canvas> canvas;
  if (!options.png.empty()) canvas.emplace(*fonts);

  const auto print = [&](std::string_view paragraph) {
    const auto layout = engine.layout(paragraph, style, layout_options);
    const std::vector<int32_t> offsets = byte_offsets(paragraph);
    if (offsets.size() != layout->shaped->text.size() + 1) {
      std::fprintf(stderr, "ichhelfe-text: the engine decoded the text to %zu units, not %zu\n",
                   layout->shaped->text.size(), offsets.size() - 1);
      std::exit(1);
    }
    const json out = describe(*layout, *fonts, offsets);
    std::cout << out.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    if (canvas) canvas->add(layout);
  };

  if (options.text) {
    print(*options.text);
  } else {
    for (std::string line; std::getline(std::cin, line);) {
      if (line.ends_with('\r')) line.pop_back();  // a file saved with CRLF line ends
      print(line);
    }
  }
  if (canvas && !canvas->write_png(options.png)) {
    std::fprintf(stderr, "ichhelfe-text: cannot write %s\n", options.png.c_str());
    return 1;
  }
  return std::cout.good() ? 0 : 1;
}
