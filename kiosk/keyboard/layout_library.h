// The keyboard layouts the kiosk offers, read from their files on first use
// and kept for the life of the program (they are not personal).
//
// A layout file that cannot be read or is refused is reported once, through
// the log, with every error naming the file and the key; its id then gives the
// built-in Latin layout, so a person can always type.
//
// One library serves the whole kiosk (shipped_layouts()); get() may be called
// from any thread.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/language_registry.h"
#include "kiosk/keyboard/keyboard_layout.h"

namespace ih::kiosk::keyboard {

class LayoutLibrary {
 public:
  using Log = std::function<void(const std::string&)>;

  // Layouts `ids` (the chooser's order) from the files in `dir`. Without a
  // `log`, problems go to standard error.
  LayoutLibrary(std::string dir, std::vector<std::string> ids, Log log = {});

  // The layout `id` (never null).
  std::shared_ptr<const KeyboardLayout> get(std::string_view id);
  // Every layout offered, in order.
  const std::vector<std::string>& ids() const { return ids_; }

 private:
  std::string dir_;
  std::vector<std::string> ids_;
  Log log_;
  std::mutex mutex_;  // guards loaded_
  std::map<std::string, std::shared_ptr<const KeyboardLayout>, std::less<>> loaded_;
};

// The layouts of the languages in `registry`: each spoken language's keyboard,
// once, in the language picker's order.
std::vector<std::string> layout_ids(const i18n::LanguageRegistry& registry);

// The layouts of the shipped languages (i18n::shipped_registry()) from
// default_keyboard_dir(), problems to the SDL log: the one library every
// keyboard of the kiosk reads from, made on the first call.
LayoutLibrary& shipped_layouts();

}  // namespace ih::kiosk::keyboard
