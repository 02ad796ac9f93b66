// The files the server needs at run time, compiled in by web/embed_files.cmake
// (the pages' templates, their style sheet and the message catalogues), so
// that `weighbridge serve` reads no file but the workspace.
#pragma once

#include <map>
#include <string>

namespace weighbridge::web {

// File name without its extension (e.g. "layout", "en") -> the file's text.
const std::map<std::string, std::string>& WebFiles();

}  // namespace weighbridge::web
