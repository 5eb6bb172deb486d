#include "kiosk/keyboard/keyboard.h"

#include <algorithm>
#include <limits>

namespace ih::kiosk::keyboard {

namespace {

constexpr int kChooserColumns = 4;
// A frame that comes late fires the repeats it missed, but no more than this
// many, so a stalled frame does not wipe a whole text.
constexpr int kMaxRepeatsPerFrame = 3;

const char* action_symbol(KeyAction action, ShiftState shift) {
  switch (action) {
    case KeyAction::Shift:
      return shift == ShiftState::Locked ? "⇪" : "⇧";
    case KeyAction::Backspace:
      return "⌫";
    case KeyAction::Symbols:
      return "?123";
    case KeyAction::Layout:
      return "🌐";
    case KeyAction::Left:
      return "←";
    case KeyAction::Right:
      return "→";
    case KeyAction::Done:
      return "✓";
    case KeyAction::Type:
    case KeyAction::Syllables:
    case KeyAction::Space:
    case KeyAction::Letters:
      break;
  }
  return "";
}

}  // namespace

bool same_target(const Target& a, const Target& b) {
  return a.kind == b.kind && a.key == b.key && a.text == b.text;
}

Keyboard::Keyboard(LayoutLibrary& library, KeyboardTiming timing)
    : library_(library),
      timing_(timing),
      layout_(std::make_shared<const KeyboardLayout>(builtin_latin_layout())) {}

// [SECTION] Layouts

void Keyboard::set_layout(std::shared_ptr<const KeyboardLayout> layout) {
  layout_ = std::move(layout);
  layer_ = Layer::Letters;
  shift_ = ShiftState::Off;
  chooser_ = false;
  picker_key_ = nullptr;
  popup_.reset();
  press_.reset();
  last_.reset();
  rebuild();
}

void Keyboard::follow(std::string_view id) {
  if (id == followed_) return;
  followed_ = std::string(id);
  set_layout(library_.get(id));
}

void Keyboard::choose(std::string_view id) {
  set_layout(library_.get(id));
}

void Keyboard::show(std::shared_ptr<const KeyboardLayout> layout) {
  set_layout(std::move(layout));
}

void Keyboard::reset() {
  set_layout(followed_.empty() ? layout_ : library_.get(followed_));
}

// [SECTION] What is shown

bool Keyboard::shift_applies() const {
  return layer_ == Layer::Letters && shift_ != ShiftState::Off && layout_->shift.empty();
}

const KeyLayer& Keyboard::shown_layer() const {
  if (layer_ == Layer::Symbols) return layout_->symbols;
  if (shift_ != ShiftState::Off && !layout_->shift.empty()) return layout_->shift;
  return layout_->letters;
}

std::string Keyboard::label_of(const Key& key) const {
  if (!key.label.empty()) return key.label;
  switch (key.action) {
    case KeyAction::Type:
      return shift_applies() && !key.shifted.empty() ? key.shifted : key.text;
    case KeyAction::Syllables:
      return key.forms.empty() ? std::string() : key.forms.front();
    case KeyAction::Space:
      return layout_->name;
    case KeyAction::Letters:
      return layout_->letters_label;
    default:
      return action_symbol(key.action, shift_);
  }
}

void Keyboard::arrange(ImVec2 screen) {
  if (screen.x == screen_.x && screen.y == screen_.y && !targets_.empty()) return;
  screen_ = screen;
  rebuild();
}

void Keyboard::rebuild() {
  targets_.clear();
  geometry_ = panel_geometry(screen_, *layout_);
  if (chooser_) {
    const std::vector<std::string>& ids = library_.ids();
    const std::vector<Rect> cells = place_grid(ids.size(), kChooserColumns, geometry_);
    for (size_t i = 0; i < ids.size(); ++i) {
      const auto l = library_.get(ids[i]);
      targets_.push_back({TargetKind::Layout, cells[i], nullptr, ids[i], l->name, l->language});
    }
    return;
  }
  float pitch = geometry_.key_height + geometry_.gap;
  for (const PlacedKey& p : place_layer(shown_layer(), geometry_, layout_->pad)) {
    targets_.push_back({TargetKind::Key, p.rect, p.key, {}, label_of(*p.key), layout_->language});
    if (p.key->width == 1) pitch = p.rect.width() + geometry_.gap;
  }
  if (picker_key_) {
    const std::vector<Rect> cells =
        place_cells(picker_key_->forms.size(), geometry_.strip.centre().x, geometry_.strip.min.y,
                    pitch, geometry_);
    for (size_t i = 0; i < cells.size(); ++i)
      targets_.push_back({TargetKind::Form, cells[i], nullptr, picker_key_->forms[i],
                          picker_key_->forms[i], layout_->language});
  }
  if (popup_) {
    // Beside the key, never over it: in the row above, or below the top row.
    const Rect& key = popup_->origin.rect;
    float top = key.min.y - geometry_.key_height - geometry_.gap;
    if (top < geometry_.keys.min.y) top = key.max.y + geometry_.gap;
    const std::vector<Rect> cells =
        place_cells(popup_->variants.size(), key.centre().x, top, pitch, geometry_);
    for (size_t i = 0; i < cells.size(); ++i)
      targets_.push_back({TargetKind::Variant, cells[i], nullptr, popup_->variants[i],
                          popup_->variants[i], layout_->language});
  }
}

const Target* Keyboard::target_at(ImVec2 at) const {
  for (auto t = targets_.rbegin(); t != targets_.rend(); ++t)
    if (t->rect.contains(at)) return &*t;
  return nullptr;
}

const Target* Keyboard::pressed() const {
  if (!press_ || press_->ignored) return nullptr;
  const Target* under = target_at(finger_);
  if (!under || !same_target(*under, press_->target)) return nullptr;
  return under;
}

bool Keyboard::lit(const Target& t) const {
  switch (t.kind) {
    case TargetKind::Key:
      if (t.key->action == KeyAction::Shift) return shift_ != ShiftState::Off;
      if (t.key->action == KeyAction::Syllables) return t.key == picker_key_;
      return popup_ && same_target(popup_->origin, t);
    case TargetKind::Layout:
      return t.text == layout_->id;
    case TargetKind::Form:
    case TargetKind::Variant:
      return false;
  }
  return false;
}

const Target* Keyboard::find(std::string_view text) const {
  for (const Target& t : targets_) {
    if (t.kind == TargetKind::Key && t.key->action == KeyAction::Type &&
        (t.key->text == text || (shift_applies() && t.key->shifted == text)))
      return &t;
    if (t.kind != TargetKind::Key && t.text == text) return &t;
    if (t.kind == TargetKind::Key && t.key->action == KeyAction::Syllables && t.label == text)
      return &t;
  }
  return nullptr;
}

const Target* Keyboard::find(KeyAction action) const {
  for (const Target& t : targets_)
    if (t.kind == TargetKind::Key && t.key->action == action) return &t;
  return nullptr;
}

// [SECTION] Touches

std::vector<Stroke> Keyboard::touch(const Touch& touch, double now) {
  std::vector<Stroke> out;
  finger_ = touch.at;
  if (touch.down && !was_down_)
    begin(touch.at, now);
  else if (touch.down)
    hold(touch.at, now, out);
  else if (was_down_)
    end(touch.at, now, out);
  was_down_ = touch.down;
  return out;
}

std::optional<double> Keyboard::next_deadline() const {
  if (!press_ || press_->ignored) return std::nullopt;
  const Key* key = press_->target.kind == TargetKind::Key ? press_->target.key : nullptr;
  if (!key) return std::nullopt;
  if (key->action == KeyAction::Backspace) return press_->next_repeat;
  const bool long_press_acts =
      key->action == KeyAction::Shift || (key->action == KeyAction::Type && !key->variants.empty());
  if (long_press_acts && !press_->long_fired) return press_->start + timing_.long_press;
  return std::nullopt;
}

void Keyboard::begin(ImVec2 at, double now) {
  const Target* hit = target_at(at);
  // Any touch outside an open variant row closes it and goes to what is under it.
  if (popup_ && (!hit || hit->kind != TargetKind::Variant)) {
    popup_.reset();
    rebuild();
    hit = target_at(at);
  }
  Press press;
  press.start = now;
  if (!hit) {
    press.ignored = true;
  } else {
    press.target = *hit;
    press.ignored =
        last_ && same_target(last_->first, *hit) && now - last_->second < timing_.double_tap;
    press.next_repeat = now + timing_.repeat_delay;
  }
  press_ = std::move(press);
}

void Keyboard::hold(ImVec2 at, double now, std::vector<Stroke>& out) {
  if (!press_ || press_->ignored || press_->target.kind != TargetKind::Key) return;
  Press& p = *press_;
  const Key& key = *p.target.key;
  const Target* under = target_at(at);
  const bool on_key = under && same_target(*under, p.target);
  if (key.action == KeyAction::Backspace) {
    if (!on_key) {
      // Slid off: no more repeats, even if the finger comes back.
      p.next_repeat = std::numeric_limits<double>::infinity();
      return;
    }
    for (int i = 0; i < kMaxRepeatsPerFrame && now >= p.next_repeat; ++i) {
      out.push_back({Stroke::Kind::Backspace, {}});
      p.repeated = true;
      p.next_repeat += timing_.repeat_interval;
    }
    if (now >= p.next_repeat) p.next_repeat = now + timing_.repeat_interval;
    return;
  }
  if (p.long_fired || now - p.start < timing_.long_press || !on_key) return;
  if (key.action == KeyAction::Shift) {
    p.long_fired = true;
    shift_ = ShiftState::Locked;
    rebuild();
  } else if (key.action == KeyAction::Type && !key.variants.empty()) {
    p.long_fired = true;
    open_variants(p.target);
  }
}

void Keyboard::open_variants(const Target& origin) {
  const Key& key = *origin.key;
  const bool upper = shift_applies() && key.shifted_variants.size() == key.variants.size();
  popup_ = Popup{origin, upper ? key.shifted_variants : key.variants};
  rebuild();
}

void Keyboard::end(ImVec2 at, double now, std::vector<Stroke>& out) {
  if (!press_) return;
  const Press p = std::move(*press_);
  press_.reset();
  if (p.ignored) return;
  const Target* hit = target_at(at);
  if (p.long_fired) {
    if (popup_ && same_target(popup_->origin, p.target)) {
      if (hit && hit->kind == TargetKind::Variant) {
        const Target variant = *hit;
        activate(variant, out);
        last_ = {variant, now};
      } else if (!hit || !same_target(*hit, p.target)) {
        popup_.reset();
        rebuild();
      }
    }
    return;
  }
  if (!hit || !same_target(*hit, p.target)) return;  // slid off: nothing
  if (p.target.kind == TargetKind::Key && p.target.key->action == KeyAction::Backspace &&
      p.repeated)
    return;
  const Target target = *hit;
  activate(target, out);
  last_ = {target, now};
}

void Keyboard::activate(const Target& target, std::vector<Stroke>& out) {
  const auto type = [&](std::string text) {
    out.push_back({Stroke::Kind::Text, std::move(text)});
    if (shift_ == ShiftState::Once) shift_ = ShiftState::Off;
  };
  switch (target.kind) {
    case TargetKind::Variant:
      popup_.reset();
      type(target.text);
      break;
    case TargetKind::Form:
      picker_key_ = nullptr;
      type(target.text);
      break;
    case TargetKind::Layout:
      // Choosing the layout already shown just closes the chooser.
      if (target.text != layout_->id) {
        choose(target.text);
        return;
      }
      chooser_ = false;
      break;
    case TargetKind::Key: {
      const Key& key = *target.key;
      if (key.action != KeyAction::Syllables) picker_key_ = nullptr;
      switch (key.action) {
        case KeyAction::Type:
          type(shift_applies() && !key.shifted.empty() ? key.shifted : key.text);
          break;
        case KeyAction::Syllables:
          picker_key_ = picker_key_ == &key ? nullptr : &key;
          break;
        case KeyAction::Shift:
          shift_ = shift_ == ShiftState::Off ? ShiftState::Once : ShiftState::Off;
          break;
        case KeyAction::Backspace:
          out.push_back({Stroke::Kind::Backspace, {}});
          break;
        case KeyAction::Space:
          type(" ");
          break;
        case KeyAction::Symbols:
          layer_ = Layer::Symbols;
          shift_ = ShiftState::Off;
          break;
        case KeyAction::Letters:
          layer_ = Layer::Letters;
          break;
        case KeyAction::Layout:
          chooser_ = true;
          break;
        case KeyAction::Left:
          out.push_back({Stroke::Kind::Left, {}});
          break;
        case KeyAction::Right:
          out.push_back({Stroke::Kind::Right, {}});
          break;
        case KeyAction::Done:
          out.push_back({Stroke::Kind::Done, {}});
          break;
      }
      break;
    }
  }
  rebuild();
}

}  // namespace ih::kiosk::keyboard
