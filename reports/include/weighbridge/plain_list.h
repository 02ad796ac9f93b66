// A list written in words, the one way for reports and for the messages of
// the command line and the workspace alike: "a", "a and b", "a, b and c".
#pragma once

#include <string>
#include <vector>

namespace weighbridge {

// "a", "a and b", "a, b and c" (no serial comma); "" for no items.
std::string JoinPlainList(const std::vector<std::string>& items);

}  // namespace weighbridge
