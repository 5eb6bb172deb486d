// The keyboard layout files: every language's layout loads, has the letters its
// language needs, shows every label with real glyphs, and can type its own
// sample; a broken file is refused with errors that name the file and the key,
// and the built-in Latin layout takes its place.
#include "kiosk/keyboard/keyboard_layout.h"

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>

#include "i18n/language_registry.h"
#include "kiosk/keyboard/ethiopic.h"
#include "kiosk/keyboard/layout_library.h"
#include "render/graphemes.h"
#include "render/text_engine.h"
#include "render/utf.h"

namespace ih::kiosk::keyboard {
namespace {

const i18n::LanguageRegistry& registry() {
  static const i18n::RegistryResult loaded = i18n::load_registry(i18n::default_registry_file());
  return loaded.registry;
}

render::TextEngine& engine() {
  static std::unique_ptr<render::FontCollection> fonts = render::FontCollection::from_file(
      std::string(ICHHELFE_SOURCE_DIR) + "/assets/fonts/fonts.conf");
  static render::TextEngine e(*fonts);
  return e;
}

// Everything a layout can type: key texts, upper-case letters, variants, syllables.
std::set<std::string> typeable(const KeyboardLayout& l) {
  std::set<std::string> out;
  for (const KeyLayer* layer : {&l.letters, &l.shift, &l.symbols})
    for (const KeyRow& row : layer->rows)
      for (const Key& k : row) {
        if (!k.text.empty()) out.insert(k.text);
        if (!k.shifted.empty()) out.insert(k.shifted);
        out.insert(k.variants.begin(), k.variants.end());
        out.insert(k.shifted_variants.begin(), k.shifted_variants.end());
        out.insert(k.forms.begin(), k.forms.end());
        if (k.action == KeyAction::Space) out.insert(" ");
      }
  return out;
}

std::vector<std::string> graphemes_of(const std::string& utf8) {
  const std::u16string text = render::utf8_to_utf16(utf8);
  const std::vector<render::TextIndex> b = render::grapheme_boundaries(text);
  std::vector<std::string> out;
  for (size_t i = 0; i + 1 < b.size(); ++i)
    out.push_back(render::utf16_to_utf8(std::u16string_view(text).substr(
        static_cast<size_t>(b[i]), static_cast<size_t>(b[i + 1] - b[i]))));
  return out;
}

class LayoutFileTest : public ::testing::TestWithParam<std::string> {
 protected:
  LayoutResult load() const { return load_layout(default_keyboard_dir(), GetParam()); }
};

TEST_P(LayoutFileTest, LoadsWithoutErrors) {
  const LayoutResult r = load();
  for (const i18n::Diagnostic& d : r.errors) ADD_FAILURE() << d.text();
  EXPECT_EQ(r.layout.id, GetParam());
  EXPECT_FALSE(r.layout.name.empty());
  EXPECT_FALSE(r.layout.sample.empty());
  EXPECT_FALSE(r.layout.symbols.empty());
}

TEST_P(LayoutFileTest, EveryLabelAndEveryTypedTextHasItsGlyphs) {
  const KeyboardLayout l = load().layout;
  std::set<std::string> shown = typeable(l);
  for (const KeyLayer* layer : {&l.letters, &l.shift, &l.symbols})
    for (const KeyRow& row : layer->rows)
      for (const Key& k : row)
        if (!k.label.empty()) shown.insert(k.label);
  shown.insert(l.name);
  shown.insert(l.sample);
  shown.insert(l.letters_label);
  shown.erase(" ");
  shown.erase("\u200c");
  for (const std::string& s : shown) {
    const auto shaped = engine().shape(s, {40, l.language});
    EXPECT_EQ(shaped->missing_glyphs, 0) << GetParam() << ": «" << s << "»";
  }
}

TEST_P(LayoutFileTest, CanTypeItsOwnSample) {
  const KeyboardLayout l = load().layout;
  const std::set<std::string> keys = typeable(l);
  for (const std::string& g : graphemes_of(l.sample)) {
    // A letter with a mark (Arabic with a hamza above) may come from two keys.
    bool found = keys.count(g) > 0;
    if (!found) {
      const std::u16string units = render::utf8_to_utf16(g);
      found = true;
      for (char16_t u : units) found &= keys.count(render::utf16_to_utf8(std::u16string(1, u))) > 0;
    }
    EXPECT_TRUE(found) << GetParam() << " cannot type «" << g << "» of its sample";
  }
}

INSTANTIATE_TEST_SUITE_P(EveryLanguage, LayoutFileTest, ::testing::ValuesIn(layout_ids(registry())),
                         [](const auto& info) { return info.param; });

TEST(LayoutFilesTest, EverySpokenLanguageHasAKeyboardFile) {
  for (const i18n::Language* l : registry().spoken()) {
    EXPECT_FALSE(l->keyboard.empty()) << l->tag;
    EXPECT_TRUE(load_layout(default_keyboard_dir(), l->keyboard).ok()) << l->tag;
  }
  EXPECT_EQ(layout_ids(registry()).size(), 16u);  // Dari shares Persian's, Amharic Tigrinya's
}

// The letters the product brief names, and those each alphabet cannot do without.
struct Needs {
  const char* layout;
  const char* letters;  // each must be typeable
};

class LayoutLettersTest : public ::testing::TestWithParam<Needs> {};

TEST_P(LayoutLettersTest, HasTheLettersItsLanguageNeeds) {
  const Needs n = GetParam();
  const std::set<std::string> keys = typeable(load_layout(default_keyboard_dir(), n.layout).layout);
  for (const std::string& g : graphemes_of(n.letters))
    EXPECT_TRUE(keys.count(g)) << n.layout << " lacks «" << g << "»";
}

INSTANTIATE_TEST_SUITE_P(
    Alphabets, LayoutLettersTest,
    ::testing::Values(Needs{"de", "abcdefghijklmnopqrstuvwxyzäöüßÄÖÜ"},
                      Needs{"en", "abcdefghijklmnopqrstuvwxyz"},
                      Needs{"tr", "abcçdefgğhıijklmnoöprsştuüvyzİIĞŞÇÖÜ"},
                      Needs{"kmr", "abcçdeêfghiîjklmnopqrsştuûvwxyzÇÊÎŞÛ"},
                      Needs{"so", "abcdefghijklmnoqrstuwxy'"},
                      Needs{"es", "abcdefghijklmnñopqrstuvwxyzáéíóúüÑ"},
                      Needs{"fr", "abcdefghijklmnopqrstuvwxyzàâæçéèêëîïôœùûüÿ'"},
                      Needs{"ar", "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة"},
                      Needs{"fa", "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"},
                      Needs{"ps", "ابپتټثجځچڅحخدډذرړزږژسشښصضطظعغفقکګلمنڼوهیېۍيئ"},
                      Needs{"ckb", "ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێ"},
                      Needs{"ur", "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیے"},
                      Needs{"uk", "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяЇЄІҐ'"},
                      Needs{"ru", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"},
                      Needs{"ka", "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ"},
                      Needs{"ethiopic", "ሀለሐመሠረሰሸቀቐበቨተቸኀነኘአከኸወዐዘዠየደጀገጠጨጰጸፀፈፐ።፣"}),
    [](const auto& info) { return std::string(info.param.layout); });

TEST(LayoutFilesTest, PersianHasAZeroWidthNonJoinerKeyThatSaysWhatItIs) {
  const KeyboardLayout fa = load_layout(default_keyboard_dir(), "fa").layout;
  bool found = false;
  for (const Key& k : fa.letters.rows.back())
    if (k.text == "\u200c") {
      found = true;
      EXPECT_EQ(k.label, "نیم\u200cفاصله");
    }
  EXPECT_TRUE(found);
}

// [SECTION] Ethiopic syllables

TEST(EthiopicTest, ASeriesIsItsSevenOrdersAndItsLabialisedForm) {
  EXPECT_EQ(ethiopic_syllables(U'ሰ'),
            (std::vector<std::string>{"ሰ", "ሱ", "ሲ", "ሳ", "ሴ", "ስ", "ሶ", "ሷ"}));
  EXPECT_EQ(ethiopic_syllables(U'ሀ').back(), "ሇ");  // hoa
}

TEST(EthiopicTest, TheExceptionsFollowTheBlock) {
  // Labiovelars: five forms, the first and places 2–5.
  EXPECT_EQ(ethiopic_syllables(U'ቈ'), (std::vector<std::string>{"ቈ", "ቊ", "ቋ", "ቌ", "ቍ"}));
  EXPECT_EQ(ethiopic_syllables(U'ጐ').size(), 5u);
  // Seven orders and no eighth.
  EXPECT_EQ(ethiopic_syllables(U'ዐ').size(), 7u);
  EXPECT_EQ(ethiopic_syllables(U'ኸ').size(), 7u);
  // Not the first syllable of a series, or past the series.
  EXPECT_FALSE(is_ethiopic_series(U'ሱ'));
  EXPECT_FALSE(is_ethiopic_series(U'ፘ'));
  EXPECT_FALSE(is_ethiopic_series(U'a'));
  EXPECT_TRUE(ethiopic_syllables(U'ሱ').empty());
}

// [SECTION] Broken files

struct Broken {
  const char* name;
  const char* json;
  const char* error;  // a part of the first error's text
};
void PrintTo(const Broken& b, std::ostream* os) {
  *os << b.name;
}

class BrokenLayoutTest : public ::testing::TestWithParam<Broken> {};

TEST_P(BrokenLayoutTest, IsRefusedWithAnErrorNamingTheFileAndTheKey) {
  const Broken b = GetParam();
  const LayoutResult r = parse_layout(b.json, "assets/keyboards/xx.json", "xx");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors.front().text().find(b.error), std::string::npos) << r.errors.front().text();
  for (const i18n::Diagnostic& d : r.errors)
    EXPECT_EQ(d.text().rfind("assets/keyboards/xx.json", 0), 0u) << d.text();
  EXPECT_NE(r.errors.back().text().find("built-in Latin layout"), std::string::npos);
  // A person can still type.
  EXPECT_EQ(r.layout.id, "latin");
  EXPECT_FALSE(r.layout.letters.empty());
}

#define LETTERS(rows) "{\"name\": \"X\", \"language\": \"de\", \"letters\": [" rows "]}"
#define LAST_ROW "[{\"action\": \"backspace\"}, {\"action\": \"space\"}]"

INSTANTIATE_TEST_SUITE_P(
    Files, BrokenLayoutTest,
    ::testing::Values(
        Broken{"NotJson", "{\"name\": \"X\",\n \"letters\": [", "xx.json:2: error:"},
        Broken{"NotAnObject", "[1, 2]", "a layout is an object"},
        Broken{"UnknownAction", LETTERS("[\"a\", {\"action\": \"shfit\"}], " LAST_ROW),
               "letters, row 1, key 2 (\"shfit\"): unknown action"},
        Broken{"UnknownField", LETTERS("[\"a\", {\"text\": \"b\", \"lable\": \"B\"}], " LAST_ROW),
               "letters, row 1, key 2 (\"b\"): unknown field \"lable\""},
        Broken{"TwoKinds", LETTERS("[{\"text\": \"b\", \"action\": \"space\"}], " LAST_ROW),
               "letters, row 1, key 1 (\"b\"): needs exactly one of"},
        Broken{"EmptyText", LETTERS("[\"a\", \"\"], " LAST_ROW),
               "letters, row 1, key 2 (\"\"): the text is empty"},
        Broken{"ControlCharacter", LETTERS("[\"a\\n\"], " LAST_ROW),
               "letters, row 1, key 1 (\"a\n\"): the text holds a control character"},
        Broken{"BadWidth", LETTERS("[{\"text\": \"a\", \"width\": 20}], " LAST_ROW),
               "letters, row 1, key 1 (\"a\"): \"width\" is a number from 0.5 to 8"},
        Broken{"RowTooWide",
               LETTERS("[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\",\"l\","
                       "\"m\",\"n\",\"o\"], " LAST_ROW),
               "letters, row 1: is 15 keys wide"},
        Broken{"VariantsWithoutText",
               LETTERS("[{\"action\": \"space\", \"variants\": [\"x\"]}], " LAST_ROW),
               "letters, row 1, key 1 (\"space\"): only a key with \"text\" has variants"},
        Broken{"NotASyllable", LETTERS("[{\"syllables\": [\"ሱ\"]}], " LAST_ROW),
               "letters, row 1, key 1: \"syllables\" holds \"ሱ\", which is not the first syllable"},
        Broken{"NoBackspace", LETTERS("[\"a\", {\"action\": \"space\"}]"),
               "letters: has no \"backspace\" key"},
        Broken{"NoLetters", "{\"name\": \"X\", \"language\": \"de\"}", "has no \"letters\" layer"},
        Broken{"BadLanguage",
               "{\"name\": \"X\", \"language\": \"d e\", \"letters\": [" LAST_ROW "]}",
               "\"language\" is not a BCP 47 tag"},
        Broken{"TooManyRows", LETTERS("[\"a\"],[\"b\"],[\"c\"],[\"d\"],[\"e\"],[\"f\"]," LAST_ROW),
               "letters: a list of 1 to 6 rows"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(BrokenLayoutTest, AMissingFileOrABadNameGivesTheLatinLayout) {
  const LayoutResult missing = load_layout(default_keyboard_dir(), "xx");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.errors.front().text().find("xx.json"), std::string::npos);
  EXPECT_EQ(missing.layout.id, "latin");
  const LayoutResult escape = load_layout(default_keyboard_dir(), "../languages");
  ASSERT_FALSE(escape.ok());
  EXPECT_EQ(escape.layout.id, "latin");
}

TEST(BrokenLayoutTest, TheLibraryReportsABrokenFileOnceAndKeepsTheLatinLayout) {
  std::vector<std::string> log;
  LayoutLibrary library(default_keyboard_dir(), {"xx"},
                        [&](const std::string& l) { log.push_back(l); });
  EXPECT_EQ(library.get("xx")->id, "latin");
  EXPECT_EQ(library.get("xx")->id, "latin");
  ASSERT_FALSE(log.empty());
  const size_t lines = log.size();
  library.get("xx");
  EXPECT_EQ(log.size(), lines);
  EXPECT_NE(log.front().find("keyboard: "), std::string::npos);
}

TEST(BuiltinLayoutTest, TheLatinLayoutTypesEverything) {
  const KeyboardLayout l = builtin_latin_layout();
  const std::set<std::string> keys = typeable(l);
  for (const std::string& g : graphemes_of("abcdefghijklmnopqrstuvwxyzäöüßéçñğşıİ0123456789"))
    EXPECT_TRUE(keys.count(g)) << g;
}

}  // namespace
}  // namespace ih::kiosk::keyboard
