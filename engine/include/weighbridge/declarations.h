// Conflict-of-interest declarations, and the scores and panel members they
// flag for the approver's attention. The Procurement Act 2023, s.81, asks the
// authority to find conflicts of anyone who influences the decision:
// evaluators who score and panel members who weigh alike.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace weighbridge {

struct Procurement;

// What one person has declared, as the workspace holds it (the text of a
// declaration is personal data and stays in the workspace).
struct PersonDeclarations {
  std::string person;                  // pseudonymous id, as in scores or the panel
  std::vector<std::string> roles;      // "evaluator" and/or "member", as declared; sorted
  std::vector<std::string> interests;  // the suppliers named, sorted; empty: declared none
};

// Every score of an evaluator who made no declaration.
struct UndeclaredEvaluator {
  std::string evaluator;
  int scores = 0;  // how many scores they gave, over all candidates
};

// An evaluator's scores on a candidate whose supplier they declared an interest in.
struct InterestScores {
  std::string evaluator;
  std::string supplier;   // as declared
  std::string candidate;  // its id
  int scores = 0;         // how many scores they gave that candidate
};

// A panel member's declared interest.
struct MemberInterest {
  std::string member;
  std::string supplier;                 // as declared
  std::vector<std::string> candidates;  // ids of candidates from that supplier, file order
};

struct DeclarationFlags {
  std::vector<UndeclaredEvaluator> undeclared_evaluators;  // in order of their first score
  std::vector<InterestScores> interest_scores;  // by evaluator (first score), then candidate
  std::vector<std::string> undeclared_members;  // panel members, in file order
  std::vector<MemberInterest> member_interests;  // by member (file order), then supplier
  bool any() const {
    return !undeclared_evaluators.empty() || !interest_scores.empty() ||
           !undeclared_members.empty() || !member_interests.empty();
  }
};

// The flags for `procurement`, or nothing when it carries no declarations
// (Procurement::declarations unset: it was not evaluated from a workspace).
// A declared supplier matches a candidate whose `supplier` is the same text
// ignoring case and surrounding spaces, or whose `supplier_id` is the same.
std::optional<DeclarationFlags> FlagDeclarations(const Procurement& procurement);

}  // namespace weighbridge
