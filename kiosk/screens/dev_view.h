// The developer views of --screen (specimen, keyboard, keyboard-pin,
// languages): each is a page like the shell's, drawn alone over the whole
// screen by DevView, with no shell behind it.
//
// A view is a struct that keeps its own widgets' state (its fields, its
// keyboard, the sizes it fitted) and has
//   std::optional<Action> draw_page(PageContext& c);
// The one action a view may return is ChoseLanguage, which DevView applies
// itself by switching the UI language; there is no session to change.
//
// DevView<View> is also a View, so tests reach a view's state (its fields, its
// keyboard, where it drew them) through the screen.
//
// Not thread-safe: the UI thread owns it.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>

#include "kiosk/screens/page.h"

namespace ih::kiosk {

// One frame of `page` over the whole screen, its controls into `controls`;
// applies the ChoseLanguage it returns.
void draw_dev_view(ScreenFrame& frame, std::map<std::string, Rect, std::less<>>& controls,
                   const std::function<std::optional<Action>(PageContext&)>& page);

template <class View>
class DevView : public Screen, public View {
 public:
  template <class... Args>
  explicit DevView(Args&&... args) : View(std::forward<Args>(args)...) {}

  void draw(ScreenFrame& frame) override {
    draw_dev_view(frame, controls_, [this](PageContext& c) { return View::draw_page(c); });
  }

  // Every control drawn in the last frame, by id.
  const std::map<std::string, Rect, std::less<>>& controls() const { return controls_; }

 private:
  std::map<std::string, Rect, std::less<>> controls_;
};

}  // namespace ih::kiosk
