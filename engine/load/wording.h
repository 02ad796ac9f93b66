// Small helpers for writing messages in plain English.
#pragma once

#include <string>
#include <vector>

namespace weighbridge {

// "'a'", "'a' and 'b'", "'a', 'b' and 'c'" (or "or" in place of "and").
std::string QuotedList(const std::vector<std::string>& items, const std::string& last_joiner = "and");

}  // namespace weighbridge
