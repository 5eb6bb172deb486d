#include "kiosk/options.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "i18n/data_dir.h"
#include "kiosk/screen.h"

namespace ih::kiosk {

namespace {

constexpr int kMinSide = 64;
constexpr int kMaxSide = 16384;

bool parse_size(std::string_view text, int& width, int& height) {
  const size_t x = text.find('x');
  if (x == std::string_view::npos) return false;
  auto number = [](std::string_view s, int& out) {
    if (s.empty()) return false;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && out >= kMinSide && out <= kMaxSide;
  };
  return number(text.substr(0, x), width) && number(text.substr(x + 1), height);
}

// BCP 47 in the shape the kiosk uses: a 2–3 letter language, then subtags of
// 2–8 letters or digits ("fa-AF", "sr-Latn"). Whether fonts and strings exist
// for it is decided later.
bool plausible_language_tag(std::string_view tag) {
  size_t start = 0;
  for (int part = 0; start <= tag.size(); ++part) {
    size_t end = tag.find('-', start);
    if (end == std::string_view::npos) end = tag.size();
    const std::string_view sub = tag.substr(start, end - start);
    const bool letters =
        std::all_of(sub.begin(), sub.end(), [](unsigned char c) { return std::isalpha(c); });
    const bool alnum =
        std::all_of(sub.begin(), sub.end(), [](unsigned char c) { return std::isalnum(c); });
    if (part == 0 ? !(letters && sub.size() >= 2 && sub.size() <= 3)
                  : !(alnum && sub.size() >= 2 && sub.size() <= 8))
      return false;
    start = end + 1;
  }
  return true;
}

bool ends_with_png(std::string_view path) {
  if (path.size() < 5) return false;
  std::string ext(path.substr(path.size() - 4));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext == ".png";
}

std::string known_screens() {
  std::string out;
  for (std::string_view name : screen_names()) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

}  // namespace

std::string default_fonts_file() {
  return i18n::data_path("fonts/fonts.conf", ICHHELFE_ASSETS_DIR "/fonts/fonts.conf");
}

std::string usage() {
  return "usage: ichhelfe-kiosk [--windowed WxH] [--screen NAME] [--lang TAG] [--fonts FILE] "
         "[--config FILE]\n"
         "                      [--enrol CODE]\n"
         "       ichhelfe-kiosk --hash-staff-pin\n"
         "       ichhelfe-kiosk --screenshot FILE.png --screen NAME [--lang TAG] [--size WxH] "
         "[--fonts FILE] [--config FILE]\n"
         "\n"
         "  --windowed WxH     a window of W by H pixels instead of full screen\n"
         "  --screen NAME      the screen to show (" +
         known_screens() +
         "; default shell)\n"
         "  --lang TAG         the UI language, a BCP 47 tag such as de, ar, prs, uk (default: "
         "the\n"
         "                     configuration's, de unless set)\n"
         "  --fonts FILE       the font configuration (default " +
         default_fonts_file() +
         ")\n"
         "  --config FILE      the TOML configuration (default $ICHHELFE_KIOSK_CONFIG, then\n"
         "                     /etc/ichhelfe/kiosk.toml; see assets/config/kiosk.toml)\n"
         "  --enrol CODE       enrol the terminal with this code from the hub at start, unless\n"
         "                     it is enrolled already (staff mode can do it too)\n"
         "  --hash-staff-pin   read a staff PIN (4 to 8 digits) on standard input and print\n"
         "                     the Argon2id hash that staff.pin_hash takes\n"
         "  --screenshot FILE  draw one frame without a display, write it as PNG and exit\n"
         "  --size WxH         the screenshot's size (default 1920x1080)\n"
         "  --help             show this text\n";
}

OptionsResult parse_options(const std::vector<std::string_view>& args) {
  OptionsResult result;
  Options& o = result.options;
  o.fonts = default_fonts_file();
  bool windowed = false, sized = false, screen_given = false;
  auto fail = [&](std::string message) {
    result.error = std::move(message);
    return result;
  };

  for (size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg == "--help" || arg == "-h") {
      o.help = true;
      continue;
    }
    if (arg == "--hash-staff-pin") {
      o.hash_staff_pin = true;
      continue;
    }
    if (arg != "--windowed" && arg != "--screen" && arg != "--lang" && arg != "--fonts" &&
        arg != "--screenshot" && arg != "--size" && arg != "--config" && arg != "--enrol")
      return fail("unknown argument '" + std::string(arg) + "'");
    if (i + 1 >= args.size()) return fail(std::string(arg) + " needs a value");
    const std::string_view value = args[++i];
    if (arg == "--windowed" || arg == "--size") {
      if (!parse_size(value, o.width, o.height))
        return fail(std::string(arg) + " '" + std::string(value) +
                    "': expected WIDTHxHEIGHT, each " + std::to_string(kMinSide) + " to " +
                    std::to_string(kMaxSide) + ", e.g. 1080x1920");
      (arg == "--windowed" ? windowed : sized) = true;
    } else if (arg == "--screen") {
      const auto names = screen_names();
      if (std::find(names.begin(), names.end(), value) == names.end())
        return fail("--screen '" + std::string(value) +
                    "': no such screen; known: " + known_screens());
      o.screen = std::string(value);
      screen_given = true;
    } else if (arg == "--lang") {
      if (!plausible_language_tag(value))
        return fail("--lang '" + std::string(value) +
                    "': expected a BCP 47 tag such as de, ar, prs, fa-AF");
      o.language = std::string(value);
    } else if (arg == "--config") {
      if (value.empty()) return fail("--config needs a file name");
      o.config = std::string(value);
    } else if (arg == "--enrol") {
      if (value.empty()) return fail("--enrol needs the enrolment code from the hub");
      o.enrol = std::string(value);
    } else if (arg == "--fonts") {
      if (value.empty()) return fail("--fonts needs a file name");
      o.fonts = std::string(value);
    } else {
      if (!ends_with_png(value))
        return fail("--screenshot '" + std::string(value) + "': the file must end in .png");
      o.screenshot = std::string(value);
    }
  }

  if (o.help) return result;
  if (o.screenshot.empty()) {
    if (sized) return fail("--size is for --screenshot; for a window use --windowed WxH");
    o.fullscreen = !windowed;
  } else {
    if (windowed) return fail("--windowed does not apply to --screenshot; use --size WxH");
    if (!screen_given)
      return fail("--screenshot needs --screen NAME (known: " + known_screens() + ")");
    o.fullscreen = false;
  }
  return result;
}

}  // namespace ih::kiosk
