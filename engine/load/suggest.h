// "Did you mean ...?" suggestions by edit distance, for misspelt ids and keys.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace weighbridge {

// Edit distance between two strings: insertions, deletions, substitutions
// and swaps of two neighbouring characters each cost 1.
int EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a likely
// misspelling (distance at most a third of the word's length, and at least 1
// edit allowed); empty otherwise.
std::string Suggest(std::string_view word, const std::vector<std::string>& candidates);

// ", did you mean 'x'?" or "" — appended to a message.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace weighbridge
