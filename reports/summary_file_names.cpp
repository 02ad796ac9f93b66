#include "reports/summary_file_names.h"

#include <set>

namespace weighbridge {
namespace {

// The fixed prefix keeps the name from starting with '.' (hidden, or "..")
// and the fixed suffix keeps a trailing '.' from mattering, so only the
// characters in between need cleaning.
std::string Slug(const std::string& id) {
  constexpr std::size_t kMaxSlug = 80;  // well under every file system's 255
  std::string slug;
  bool replaced = false;
  for (char c : id) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool safe =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (safe) {
      slug += c;
      replaced = false;
    } else if (!replaced) {
      slug += '-';
      replaced = true;
    }
    if (slug.size() >= kMaxSlug) break;
  }
  // A dash left at either end by a replaced character says nothing.
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  while (!slug.empty() && slug.front() == '-') slug.erase(0, 1);
  return slug.empty() ? "candidate" : slug;
}

}  // namespace

std::vector<std::string> SummaryFileNames(const std::vector<std::string>& ids) {
  std::vector<std::string> names;
  std::set<std::string> taken;
  for (const std::string& id : ids) {
    const std::string stem = "assessment-summary-" + Slug(id);
    std::string name = stem + ".md";
    for (int n = 2; taken.count(name); ++n) name = stem + "-" + std::to_string(n) + ".md";
    taken.insert(name);
    names.push_back(name);
  }
  return names;
}

}  // namespace weighbridge
