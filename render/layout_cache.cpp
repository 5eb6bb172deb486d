#include "render/layout_cache.h"

#include <cstring>

namespace ih::render {

namespace {
constexpr size_t kLayoutsPerEntry = 4;
}

std::string LayoutCache::make_key(std::string_view utf8, const TextStyle& style) {
  std::string key;
  key.reserve(utf8.size() + 8 + style.language.size());
  key.append(utf8);
  key.push_back('\0');
  char size_bytes[sizeof style.size];
  std::memcpy(size_bytes, &style.size, sizeof size_bytes);
  key.append(size_bytes, sizeof size_bytes);
  key.push_back(static_cast<char>(style.direction));
  key.append(style.language);
  return key;
}

LayoutCache::Entry* LayoutCache::touch(const std::string& key) {
  auto it = map_.find(key);
  if (it == map_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return &*it->second;
}

std::shared_ptr<const ShapedParagraph> LayoutCache::find_shaped(std::string_view utf8,
                                                                const TextStyle& style) {
  Entry* entry = touch(make_key(utf8, style));
  if (!entry || !entry->shaped) {
    ++stats_.shape_misses;
    return nullptr;
  }
  ++stats_.shape_hits;
  return entry->shaped;
}

void LayoutCache::put_shaped(std::string_view utf8, std::shared_ptr<const ShapedParagraph> shaped) {
  std::string key = make_key(utf8, shaped->style);
  if (Entry* entry = touch(key)) {
    entry->shaped = std::move(shaped);
    entry->layouts.clear();
    return;
  }
  if (capacity_ == 0) return;
  lru_.push_front(Entry{std::move(key), std::move(shaped), {}});
  map_.emplace(lru_.front().key, lru_.begin());
  while (lru_.size() > capacity_) {
    map_.erase(lru_.back().key);
    lru_.pop_back();
    ++stats_.evictions;
  }
}

std::shared_ptr<const Layout> LayoutCache::find_layout(std::string_view utf8,
                                                       const TextStyle& style,
                                                       const LayoutOptions& options) {
  if (Entry* entry = touch(make_key(utf8, style))) {
    for (const auto& layout : entry->layouts) {
      if (layout->options == options) {
        ++stats_.layout_hits;
        return layout;
      }
    }
  }
  ++stats_.layout_misses;
  return nullptr;
}

void LayoutCache::put_layout(std::string_view utf8, const TextStyle& style,
                             std::shared_ptr<const Layout> layout) {
  Entry* entry = touch(make_key(utf8, style));
  if (!entry) return;
  entry->layouts.insert(entry->layouts.begin(), std::move(layout));
  if (entry->layouts.size() > kLayoutsPerEntry) entry->layouts.pop_back();
}

void LayoutCache::clear() {
  map_.clear();
  lru_.clear();
}

}  // namespace ih::render
