// Where the shipped data files are: the language list, the catalogs, the
// keyboards, the categories and the font configuration.
//
// An installed program finds them beside itself, in <prefix>/share/ichhelfe,
// <prefix> being the folder above the one that holds the program
// (/usr/bin/ichhelfe-kiosk → /usr/share/ichhelfe). A package installs them
// there, and a copy installed under another prefix (cmake --install --prefix)
// finds its own. A program run from its build tree has no such folder and reads
// the source checkout's files, whose paths are compiled in.
//
// Thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace ih::i18n {

// The name of the data folder under <prefix>/share.
inline constexpr std::string_view kDataFolder = "ichhelfe";

// <prefix>/share/ichhelfe for the program file `executable`, if that folder
// exists; otherwise empty.
std::string installed_data_dir(const std::filesystem::path& executable);

// The same for the running program (/proc/self/exe), looked up once.
const std::string& installed_data_dir();

// `name` (a file or folder such as "keyboards" or "fonts/fonts.conf") inside
// `data_dir`, or `build_tree_path` when `data_dir` is empty.
std::string data_path(const std::string& data_dir, std::string_view name,
                      std::string_view build_tree_path);

// data_path() with the running program's installed_data_dir().
std::string data_path(std::string_view name, std::string_view build_tree_path);

}  // namespace ih::i18n
