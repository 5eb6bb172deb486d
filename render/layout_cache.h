// Cache of shaped paragraphs, keyed by text and style, each with the layouts made
// from it for the widths that were asked (a UI asks for one or two).
//
// Bounded by entry count with least-recently-used eviction. Counts hits and
// misses so tests can assert that a screen laid out twice shapes nothing the
// second time, and so the kiosk can print them at shutdown.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "render/paragraph.h"

namespace ih::render {

class LayoutCache {
 public:
  struct Stats {
    uint64_t shape_hits = 0;
    uint64_t shape_misses = 0;
    uint64_t layout_hits = 0;
    uint64_t layout_misses = 0;
    uint64_t evictions = 0;
  };

  explicit LayoutCache(size_t capacity) : capacity_(capacity) {}

  // The shaped paragraph for (text, style), or null; counts a hit or a miss.
  std::shared_ptr<const ShapedParagraph> find_shaped(std::string_view utf8, const TextStyle& style);
  void put_shaped(std::string_view utf8, std::shared_ptr<const ShapedParagraph> shaped);

  // A layout of the cached paragraph for `options`, or null; counts a hit or a miss.
  std::shared_ptr<const Layout> find_layout(std::string_view utf8, const TextStyle& style,
                                            const LayoutOptions& options);
  void put_layout(std::string_view utf8, const TextStyle& style,
                  std::shared_ptr<const Layout> layout);

  // Drops every entry. Entries still referenced elsewhere live on there.
  void clear();

  size_t size() const { return map_.size(); }
  const Stats& stats() const { return stats_; }

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const ShapedParagraph> shaped;
    std::vector<std::shared_ptr<const Layout>> layouts;  // most recent first, at most 4
  };
  using List = std::list<Entry>;

  static std::string make_key(std::string_view utf8, const TextStyle& style);
  Entry* touch(const std::string& key);

  size_t capacity_;
  List lru_;  // most recent first
  std::unordered_map<std::string_view, List::iterator> map_;  // views into Entry::key
  Stats stats_;
};

}  // namespace ih::render
