#include "kiosk/screen.h"

#include "kiosk/screens/specimen.h"

namespace ih::kiosk {

std::unique_ptr<Screen> make_screen(std::string_view name) {
  if (name == "specimen") return std::make_unique<SpecimenScreen>();
  return nullptr;
}

std::vector<std::string_view> screen_names() {
  return {"specimen"};
}

}  // namespace ih::kiosk
