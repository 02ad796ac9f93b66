// Writing results so that a failure never leaves a half-written file.
#pragma once

#include <string>

namespace weighbridge::cli {

// Writes `text` to `path` ("-" or empty: standard output). The text goes to a
// temporary file beside `path` that is renamed over it only when complete.
// Returns false, with a message on stderr, when the file cannot be written.
bool WriteOutput(const std::string& path, const std::string& text);

}  // namespace weighbridge::cli
