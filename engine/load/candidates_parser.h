// candidates.toml (or one file of candidates/): [[candidate]] tables.
#pragma once

#include <vector>

#include "engine/load/source_file.h"
#include "weighbridge/candidate.h"

namespace weighbridge {

// Appends the file's candidates to `out`, in file order. Whether ids are
// unique across files, and evidence types agree, is checked by CrossCheck().
// Returns false when the file is not valid TOML (nothing appended).
bool ParseCandidates(const SourceFile& file, Diagnostics& diagnostics, std::vector<Candidate>& out);

}  // namespace weighbridge
