#include "kiosk/screens/dev_view.h"

namespace ih::kiosk {

void draw_dev_view(ScreenFrame& frame, std::map<std::string, Rect, std::less<>>& controls,
                   const std::function<std::optional<Action>(PageContext&)>& page) {
  controls.clear();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  PageContext c{frame,
                {origin, ImVec2(origin.x + frame.size.x, origin.y + frame.size.y)},
                metrics(frame.size),
                Clock::now(),
                controls};
  const std::optional<Action> a = page(c);
  if (a && a->kind == Action::ChoseLanguage && a->get<std::string>() != frame.strings.language()) {
    frame.switch_language = a->get<std::string>();
    frame.ui.needs_frame = true;
  }
}

}  // namespace ih::kiosk
