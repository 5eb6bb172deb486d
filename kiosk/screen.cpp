#include "kiosk/screen.h"

#include "kiosk/screens/languages.h"
#include "kiosk/screens/specimen.h"

namespace ih::kiosk {

std::unique_ptr<Screen> make_screen(std::string_view name) {
  if (name == "specimen") return std::make_unique<SpecimenScreen>();
  if (name == "languages") return std::make_unique<LanguagesScreen>();
  return nullptr;
}

std::vector<std::string_view> screen_names() {
  return {"specimen", "languages"};
}

}  // namespace ih::kiosk
