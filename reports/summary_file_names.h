// File names for the assessment summaries, made from candidate ids. Ids are
// the user's text, so a name must never be a path or a hidden file, and two
// ids that clean up alike must not overwrite each other.
#pragma once

#include <string>
#include <vector>

namespace weighbridge {

// One name per id, in the same order: "assessment-summary-<slug>.md", where
// the slug is the id lower-cased (ASCII), with each run of characters outside
// [a-z0-9-_.] (slashes, spaces, any non-ASCII byte) replaced by one '-', cut
// to 80 characters, without a '-' at either end, and "candidate" when
// nothing is left. A name already
// given gets "-2", "-3" ... before ".md", the first free one. Never fails.
std::vector<std::string> SummaryFileNames(const std::vector<std::string>& ids);

}  // namespace weighbridge
