// Towns in Saxony with the coordinates of their centres: what "distance" means
// to the matcher. A request or helper names a town in free text ("Dresden",
// "Erstaufnahme Chemnitz, Adalbert-Stifter-Weg"); the longest town name found
// in it wins.
#pragma once

#include <optional>
#include <string_view>

namespace ih::hub {

struct Town {
  std::string_view name;
  double latitude;
  double longitude;
};

// The town named in `text`, case-insensitively, or nullptr.
const Town* find_town(std::string_view text);

// Whole kilometres between the towns two texts name; 0 for the same text when
// neither names a known town; nullopt when the distance cannot be known.
std::optional<int> distance_km(std::string_view a, std::string_view b);

}  // namespace ih::hub
