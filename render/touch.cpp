#include "render/touch.h"

namespace ih::render {

namespace {

// The control that acted last, per ImGui context. One finger bounces on one
// control, so the last one is all a bounce can repeat.
struct LastAct {
  const ImGuiContext* context = nullptr;
  ImGuiID id = 0;
  double at = 0;
};
thread_local LastAct last_act;

TargetProbe* probe = nullptr;  // UI thread only, as drawing is

}  // namespace

TargetProbe::TargetProbe() {
  probe = this;
}
TargetProbe::~TargetProbe() {
  if (probe == this) probe = nullptr;
}

void note_touch_target(const char* id, ImVec2 min, ImVec2 max) {
  if (!probe) return;
  const ImDrawList& list = *ImGui::GetWindowDrawList();
  probe->placed.push_back({id, min, max, list.GetClipRectMin(), list.GetClipRectMax()});
}

bool touch_dragged() {
  const ImGuiIO& io = ImGui::GetIO();
  return (io.MouseDown[0] || io.MouseReleased[0]) &&
         io.MouseDragMaxDistanceSqr[0] > kDragDistance * kDragDistance;
}

Touch touch_target(const char* id, ImVec2 min, ImVec2 size) {
  note_touch_target(id, min, ImVec2(min.x + size.x, min.y + size.y));
  ImGui::SetCursorScreenPos(min);
  const bool released = ImGui::InvisibleButton(id, size);
  const bool dragged = touch_dragged();
  Touch t;
  t.pressed = ImGui::IsItemActive() && ImGui::IsItemHovered() && !dragged;
  if (!released || dragged) return t;
  const ImGuiContext* context = ImGui::GetCurrentContext();
  const ImGuiID item = ImGui::GetID(id);  // the id InvisibleButton gave the item
  const double now = ImGui::GetTime();
  // A context made where an old one was starts its clock at 0 again: only a
  // release after the last one can be its bounce.
  const bool bounce = last_act.context == context && last_act.id == item && now >= last_act.at &&
                      now - last_act.at < kBounceSeconds;
  last_act = {context, item, now};
  t.acted = !bounce;
  return t;
}

}  // namespace ih::render
