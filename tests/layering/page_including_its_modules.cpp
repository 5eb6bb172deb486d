// A page that includes only what its layer may see: builds (tests/CMakeLists.txt).
#include "i18n/direction.h"
#include "kiosk/screens/page.h"
#include "render/text_draw.h"

namespace ih::kiosk {

int page_including_its_modules() {
  return sizeof(PageContext) > 0 ? 1 : 0;
}

}  // namespace ih::kiosk
