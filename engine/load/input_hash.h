// A fingerprint of every input, so a report can say exactly what it was
// computed from and anyone can check a copy of the inputs is the same.
#pragma once

#include <string>
#include <vector>

#include "engine/load/source_file.h"

namespace weighbridge {

// SHA-256, as 64 lowercase hex digits, over each file's label and bytes in
// the order given. Labels are names relative to the procurement folder, so
// the hash does not depend on where the folder sits.
std::string InputHash(const std::vector<std::pair<std::string, const SourceFile*>>& labelled_files);

}  // namespace weighbridge
