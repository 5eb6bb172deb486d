#include "kiosk/screens/specimen.h"

#include <algorithm>
#include <cmath>
#include <span>

#include "i18n/language.h"
#include "kiosk/screens/page.h"

namespace ih::kiosk {

namespace {

// "Welcome! How can we help you?", as a person in the language would say it.
// Where the greeting has none of a script's special letters, the sentence was
// chosen to show them (Pashto ټ ښ ږ ګ ړ, Sorani ڕ ڵ ۆ ێ ە, Kurmanji ê î û ç ş,
// Ukrainian є і ї ґ).
constexpr SpecimenLine kGreetings[] = {
    {"de", "Willkommen! Wie können wir Ihnen helfen?"},
    {"en", "Welcome! How can we help you?"},
    {"ar", "أهلاً وسهلاً! كيف يمكننا مساعدتك؟"},
    {"fa", "خوش آمدید! چگونه می‌توانیم به شما کمک کنیم؟"},
    {"prs", "خوش آمدید! چطور می‌توانیم با شما کمک کنیم؟"},
    {"ps", "ټولو ته ښه راغلاست! موږ څنګه کولای شو له تاسو سره مرسته وکړو؟"},
    {"ckb", "ڕۆژباش، بەخێربێن! پێمان بڵێن چۆن یارمەتیتان بدەین."},
    {"kmr", "Roj baş, hûn bi xêr hatin! Em çawa dikarin alîkariya we bikin?"},
    {"tr", "Hoş geldiniz! Size nasıl yardımcı olabiliriz?"},
    {"ru", "Добро пожаловать! Чем мы можем вам помочь?"},
    {"uk", "Ґречно вітаємо! Чим ми можемо допомогти вам і вашій родині?"},
    {"so", "Ku soo dhowow! Sidee baan kuu caawin karnaa?"},
    {"ti", "እንቋዕ ብደሓን መጻእኩም! ብኸመይ ክንሕግዘኩም ንኽእል?"},
    {"am", "እንኳን ደህና መጡ! እንዴት ልንረዳዎት እንችላለን?"},
    {"ka", "კეთილი იყოს თქვენი მობრძანება! როგორ შეგვიძლია დაგეხმაროთ?"},
    {"ur", "خوش آمدید! ہم آپ کی کیسے مدد کر سکتے ہیں؟"},
};

// Lines where scripts and directions meet.
constexpr SpecimenLine kMixed[] = {
    // A German name and a phone number in Arabic. The number is isolated
    // (U+2066 … U+2069) so its groups keep their order in right-to-left text,
    // and its groups are joined by no-break spaces so a line never splits it.
    {"ar",
     "للمواعيد اتصلوا بالسيدة Anna Müller على الرقم 📞 \u2066+49\u00A0351\u00A01234567\u2069."},
    // A Latin place name inside Persian; the zero-width non-joiner keeps می
    // apart from خواهم without a space.
    {"fa", "می‌خواهم در Dresden یک کلاس زبان آلمانی پیدا کنم."},
    // Brackets and punctuation around right-to-left words in left-to-right text…
    {"en", "The words (שלום) and [سلام] both mean “peace”; «مرحبا!» means “hello!”"},
    // …and around left-to-right words in right-to-left text.
    {"ar", "اكتب اسمك (Name) ورقم هاتفك [Telefon]، ثم اضغط «إرسال»!"},
    {"ar",
     "يمكنك هنا أن تطلب المساعدة في زيارة الدوائر الرسمية، أو إيجاد شريك لتعلّم اللغة، "
     "أو موعد عند الطبيب، أو مترجم. اختر ما تحتاجه بلمس الصورة المناسبة، وسنرسل طلبك "
     "إلى متطوعين في مدينتك."},
};

constexpr float kLargestText = 34;
constexpr float kSmallestText = 18;

struct Geometry {
  float margin;
  float gutter;  // for the language tag, on the UI's start side
  float row_gap;
  int columns;
  float column_width;
  float text_width;  // column width without the gutter
};

Geometry geometry(ImVec2 size) {
  Geometry g;
  g.margin = metrics(size).tight_margin;
  g.gutter = 64;
  g.row_gap = 10;
  g.columns = size.x > size.y ? 2 : 1;
  g.column_width =
      (size.x - g.margin * static_cast<float>(g.columns + 1)) / static_cast<float>(g.columns);
  g.text_width = g.column_width - g.gutter;
  return g;
}

render::TextStyle style_for(const SpecimenLine& sample, float size) {
  return {size, sample.language,
          i18n::is_rtl(sample.language) ? render::Direction::Rtl : render::Direction::Ltr};
}

float section_height(render::TextEngine& engine, std::span<const SpecimenLine> samples, float size,
                     const Geometry& g) {
  float height = 0;
  for (const SpecimenLine& s : samples)
    height +=
        engine.layout(s.text, style_for(s, size), {.max_width = g.text_width})->height + g.row_gap;
  return height;
}

// The largest text size, in whole pixels, at which both sections fit.
float fit_text_size(render::TextEngine& engine, ImVec2 size) {
  const Geometry g = geometry(size);
  const float room = size.y - 2 * g.margin;
  for (float s = kLargestText; s > kSmallestText; s -= 1) {
    const float a = section_height(engine, kGreetings, s, g);
    const float b = section_height(engine, kMixed, s, g);
    if ((g.columns == 2 ? std::max(a, b) : a + b + g.row_gap * 2) <= room) return s;
  }
  return kSmallestText;
}

// One row: the tag in the gutter, on the baseline of the sample beside it.
void draw_row(render::UiContext& ui, const SpecimenLine& sample, ImVec2 at, float size,
              const Geometry& g) {
  const bool ui_rtl = ui.direction == render::Direction::Rtl;
  const render::TextStyle style = style_for(sample, size);
  const render::LabelOptions tag_options{
      .size = std::round(size * 0.6f),
      .language = "en",
      .direction = render::Direction::Ltr,
      .align = ui_rtl ? render::Align::End : render::Align::Start,
      .colour = ui.theme.muted_text};
  const float tag_width = g.gutter - 8;
  // The same layouts label() asks for, so these are cache hits.
  const auto text = ui.engine.layout(sample.text, style, {.max_width = g.text_width});
  const auto tag =
      ui.engine.layout(sample.language, {tag_options.size, "en", render::Direction::Ltr},
                       {.max_width = tag_width, .align = tag_options.align});
  const float shift = text->lines.empty() || tag->lines.empty()
                          ? 0
                          : std::round(text->lines[0].baseline() - tag->lines[0].baseline());

  ImGui::SetCursorScreenPos(ImVec2(ui_rtl ? at.x + g.text_width : at.x, at.y + shift));
  render::label(ui, sample.language, tag_width, tag_options);
  ImGui::SetCursorScreenPos(ImVec2(ui_rtl ? at.x : at.x + g.gutter, at.y));
  render::label(ui, sample.text, g.text_width,
                {.size = size, .language = style.language, .direction = style.direction});
}

float draw_section(render::UiContext& ui, std::span<const SpecimenLine> samples, ImVec2 at,
                   float size, const Geometry& g) {
  for (const SpecimenLine& sample : samples) {
    draw_row(ui, sample, at, size, g);
    at.y = ImGui::GetCursorScreenPos().y + g.row_gap;
  }
  return at.y;
}

}  // namespace

std::span<const SpecimenLine> specimen_greetings() {
  return kGreetings;
}
std::span<const SpecimenLine> specimen_mixed_lines() {
  return kMixed;
}

std::optional<Action> SpecimenView::draw_page(PageContext& c) {
  const ScreenFrame& frame = c.frame;
  if (frame.size.x != fitted_for_.x || frame.size.y != fitted_for_.y) {
    text_size_ = fit_text_size(frame.ui.engine, frame.size);
    fitted_for_ = frame.size;
  }
  const Geometry g = geometry(frame.size);
  const ImVec2 origin = c.area.min;
  const float left = origin.x + g.margin;
  const float top = origin.y + g.margin;
  const bool ui_rtl = frame.ui.direction == render::Direction::Rtl;
  if (g.columns == 2) {
    // Greetings in the UI's first column, mixed lines in the other.
    const float first = ui_rtl ? left + g.column_width + g.margin : left;
    const float second = ui_rtl ? left : left + g.column_width + g.margin;
    draw_section(frame.ui, kGreetings, ImVec2(first, top), text_size_, g);
    draw_section(frame.ui, kMixed, ImVec2(second, top), text_size_, g);
  } else {
    const float end = draw_section(frame.ui, kGreetings, ImVec2(left, top), text_size_, g);
    draw_section(frame.ui, kMixed, ImVec2(left, end + g.row_gap * 2), text_size_, g);
  }
  return std::nullopt;
}

}  // namespace ih::kiosk
