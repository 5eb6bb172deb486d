#include "hub/towns.h"

#include <cmath>
#include <string>

namespace ih::hub {
namespace {

constexpr Town kTowns[] = {
    {"Dresden", 51.0504, 13.7373},
    {"Leipzig", 51.3397, 12.3731},
    {"Chemnitz", 50.8278, 12.9214},
    {"Zwickau", 50.7189, 12.4961},
    {"Plauen", 50.4950, 12.1383},
    {"Görlitz", 51.1528, 14.9872},
    {"Freiberg", 50.9119, 13.3428},
    {"Bautzen", 51.1814, 14.4242},
    {"Pirna", 50.9622, 13.9403},
    {"Meißen", 51.1636, 13.4775},
    {"Riesa", 51.3079, 13.2940},
    {"Hoyerswerda", 51.4378, 14.2450},
    {"Radebeul", 51.1033, 13.6700},
    {"Freital", 51.0017, 13.6489},
    {"Döbeln", 51.1194, 13.1117},
    {"Torgau", 51.5603, 13.0061},
    {"Grimma", 51.2386, 12.7253},
    {"Markkleeberg", 51.2775, 12.3686},
    {"Delitzsch", 51.5256, 12.3428},
    {"Zittau", 50.8964, 14.8072},
    {"Annaberg-Buchholz", 50.5797, 13.0061},
    {"Aue", 50.5867, 12.7008},
    {"Kamenz", 51.2683, 14.0939},
    {"Oschatz", 51.3003, 13.1072},
    {"Eilenburg", 51.4597, 12.6331},
    {"Glauchau", 50.8167, 12.5439},
};

// ASCII case folding is enough: the names differ in ASCII letters, and "ö",
// "ß" are compared as the same UTF-8 bytes.
std::string fold(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (static_cast<unsigned char>(c) & 0x80);
}

}  // namespace

const Town* find_town(std::string_view text) {
  const std::string haystack = fold(text);
  const Town* best = nullptr;
  for (const Town& town : kTowns) {
    const std::string needle = fold(town.name);
    // Whole words only: "Aue" must not match "Auerbach" or "Trauer".
    for (size_t at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + 1)) {
      const size_t end = at + needle.size();
      const bool starts = at == 0 || !is_letter(haystack[at - 1]);
      const bool ends = end == haystack.size() || !is_letter(haystack[end]);
      if (starts && ends && (!best || town.name.size() > best->name.size())) best = &town;
    }
  }
  return best;
}

std::optional<int> distance_km(std::string_view a, std::string_view b) {
  const Town* ta = find_town(a);
  const Town* tb = find_town(b);
  if (!ta || !tb) {
    if (!ta && !tb && fold(a) == fold(b)) return 0;
    return std::nullopt;
  }
  constexpr double kRadians = 3.14159265358979323846 / 180.0;
  const double dlat = (tb->latitude - ta->latitude) * kRadians;
  const double dlon = (tb->longitude - ta->longitude) * kRadians;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(ta->latitude * kRadians) * std::cos(tb->latitude * kRadians) *
                       std::sin(dlon / 2) * std::sin(dlon / 2);
  return static_cast<int>(std::lround(2 * 6371.0 * std::asin(std::sqrt(h))));
}

}  // namespace ih::hub
