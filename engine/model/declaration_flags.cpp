#include <algorithm>
#include <cctype>

#include "weighbridge/declarations.h"
#include "weighbridge/procurement.h"

namespace weighbridge {
namespace {

// Lower case, without surrounding spaces: "CareLink Ltd " and "carelink ltd"
// name the same supplier. A declaration is typed by a person, not copied.
std::string Folded(const std::string& text) {
  auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  auto last = text.find_last_not_of(" \t");
  std::string out = text.substr(first, last - first + 1);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool FromSupplier(const Candidate& candidate, const std::string& supplier) {
  return (!candidate.supplier.empty() && Folded(candidate.supplier) == Folded(supplier)) ||
         (!candidate.supplier_id.empty() && candidate.supplier_id == supplier);
}

const PersonDeclarations* Find(const std::vector<PersonDeclarations>& all,
                               const std::string& person) {
  for (const PersonDeclarations& d : all) {
    if (d.person == person) return &d;
  }
  return nullptr;
}

int CountScores(const Procurement& p, const std::string& evaluator, const std::string* candidate) {
  return static_cast<int>(std::count_if(p.scores.begin(), p.scores.end(), [&](const Score& s) {
    return s.evaluator == evaluator && (!candidate || s.candidate == *candidate);
  }));
}

}  // namespace

std::optional<DeclarationFlags> FlagDeclarations(const Procurement& p) {
  if (!p.declarations) return std::nullopt;
  const std::vector<PersonDeclarations>& all = *p.declarations;
  DeclarationFlags flags;
  std::vector<std::string> evaluators;  // in order of their first score
  for (const Score& s : p.scores) {
    if (std::find(evaluators.begin(), evaluators.end(), s.evaluator) == evaluators.end()) {
      evaluators.push_back(s.evaluator);
    }
  }
  for (const std::string& evaluator : evaluators) {
    const PersonDeclarations* declared = Find(all, evaluator);
    if (!declared) {
      flags.undeclared_evaluators.push_back({evaluator, CountScores(p, evaluator, nullptr)});
      continue;
    }
    for (const Candidate& candidate : p.candidates) {
      int scores = CountScores(p, evaluator, &candidate.id);
      if (scores == 0) continue;
      for (const std::string& supplier : declared->interests) {
        if (!FromSupplier(candidate, supplier)) continue;
        flags.interest_scores.push_back({evaluator, supplier, candidate.id, scores});
        break;  // one line per candidate, however the supplier was written
      }
    }
  }
  for (const Member& member : p.panel.members) {
    const PersonDeclarations* declared = Find(all, member.id);
    if (!declared) {
      flags.undeclared_members.push_back(member.id);
      continue;
    }
    for (const std::string& supplier : declared->interests) {
      MemberInterest interest{member.id, supplier, {}};
      for (const Candidate& candidate : p.candidates) {
        if (FromSupplier(candidate, supplier)) interest.candidates.push_back(candidate.id);
      }
      flags.member_interests.push_back(std::move(interest));
    }
  }
  return flags;
}

}  // namespace weighbridge
