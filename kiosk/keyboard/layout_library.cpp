#include "kiosk/keyboard/layout_library.h"

#include <SDL_log.h>

#include <algorithm>
#include <cstdio>

namespace ih::kiosk::keyboard {

LayoutLibrary::LayoutLibrary(std::string dir, std::vector<std::string> ids, Log log)
    : dir_(std::move(dir)), ids_(std::move(ids)), log_(std::move(log)) {
  if (!log_) log_ = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
}

std::shared_ptr<const KeyboardLayout> LayoutLibrary::get(std::string_view id) {
  std::scoped_lock lock(mutex_);
  if (auto it = loaded_.find(id); it != loaded_.end()) return it->second;
  LayoutResult result = load_layout(dir_, id);
  for (const i18n::Diagnostic& d : result.errors) log_("keyboard: " + d.text());
  auto layout = std::make_shared<const KeyboardLayout>(std::move(result.layout));
  loaded_.emplace(std::string(id), layout);
  return layout;
}

std::vector<std::string> layout_ids(const i18n::LanguageRegistry& registry) {
  std::vector<std::string> ids;
  for (const i18n::Language* l : registry.spoken())
    if (!l->keyboard.empty() && std::find(ids.begin(), ids.end(), l->keyboard) == ids.end())
      ids.push_back(l->keyboard);
  return ids;
}

LayoutLibrary& shipped_layouts() {
  static LayoutLibrary library(default_keyboard_dir(),
                               layout_ids(i18n::shipped_registry().registry),
                               [](const std::string& line) { SDL_Log("%s", line.c_str()); });
  return library;
}

}  // namespace ih::kiosk::keyboard
