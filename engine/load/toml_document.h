// Reading TOML text into a document, turning a syntax error into a
// diagnostic in plain words at the place it was found.
#pragma once

#include <optional>
#include <string>

#include <toml++/toml.h>

#include "engine/load/source_file.h"

namespace weighbridge {

// nullopt, with one diagnostic, when the text is not valid TOML.
std::optional<toml::table> ParseToml(const SourceFile& file, Diagnostics& diagnostics);

// toml++'s description of a syntax error, said for people who do not know
// TOML's grammar. Exposed for tests.
std::string PlainTomlError(const std::string& description);

}  // namespace weighbridge
