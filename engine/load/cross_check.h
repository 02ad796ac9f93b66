// Checks across files, once each has been parsed: candidate ids unique,
// evidence types agree between candidates and with the criteria that read
// them, and every judgement criterion is scored for every candidate.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/load/source_file.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// `files` lets diagnostics quote lines; `written` holds every (candidate,
// criterion) pair scores.toml mentions, kept or refused. Reports into
// `diagnostics`.
void CrossCheck(const Procurement& procurement,
                const std::set<std::pair<std::string, std::string>>& written,
                const std::vector<const SourceFile*>& files, Diagnostics& diagnostics);

}  // namespace weighbridge
