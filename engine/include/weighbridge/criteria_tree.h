// The tree of criteria. Built and checked by the loader (ids unique, parents
// known, no cycles, leaves assessed and branches not); afterwards immutable.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "weighbridge/diagnostic.h"

namespace weighbridge {

// The id of the tree's top, never a criterion's.
inline constexpr const char* kRootId = "root";

// kPrice: the `price` leaf the engine adds when price has a share; it is
// scored from the bids' present values, never by evaluators or the panel.
enum class Assess { kBranch, kJudgement, kEvidence, kPrice };

// The nodes added under root when price has a share (weighbridge/costs.h).
inline constexpr const char* kPriceId = "price";
inline constexpr const char* kQualityId = "quality";

enum class ValueKind { kBoolean, kLinear, kPiecewise, kLevels };

// Maps an evidence value onto 0-100.
struct ValueFunction {
  ValueKind kind = ValueKind::kBoolean;
  double worst = 0;  // linear: the value scoring 0 (may be above best)
  double best = 0;   // linear: the value scoring 100
  std::vector<std::pair<double, double>> points;  // piecewise: (x, 0-100), x increasing
  std::map<std::string, double> levels;           // levels: evidence text -> 0-100
};

struct Criterion {
  std::string id;
  std::string parent;  // kRootId at the top level
  std::string title;
  std::string question;  // asked of suppliers; may be empty
  std::string guidance;  // what a 0, 3 and 5 look like; may be empty
  Assess assess = Assess::kBranch;
  std::string evidence;  // kEvidence: the candidates' evidence key it reads
  ValueFunction value;   // kEvidence: how that evidence scores
  // kJudgement: the lowest acceptable score on the evaluators' scale; below
  // it the built-in rule "minimum:<id>" fails the candidate.
  std::optional<double> minimum;
  SourcePos minimum_pos;  // where the minimum was given
  SourcePos pos;         // where it was declared
  SourcePos parent_pos;  // where its parent was named (pos when not named)
  SourcePos assess_pos;  // where `assess` was given (pos when not given)
  SourcePos evidence_pos;  // where its evidence key was named
};

class CriteriaTree {
 public:
  CriteriaTree() = default;
  // Precondition: `criteria` passed Build()'s checks (see load/tree_builder).
  // `criteria` are in declaration order; children keep that order.
  explicit CriteriaTree(std::vector<Criterion> criteria);

  // Every criterion, parents before children, siblings in declaration order.
  const std::vector<Criterion>& nodes() const { return nodes_; }
  // The leaves in the same order.
  const std::vector<std::string>& leaves() const { return leaves_; }
  // Null when `id` is not a criterion (kRootId is not one).
  const Criterion* Find(const std::string& id) const;
  // Children of `id` (kRootId for the top level), in declaration order.
  const std::vector<std::string>& Children(const std::string& id) const;
  bool IsLeaf(const std::string& id) const;
  // kRootId and every branch: the nodes whose children a panel weighs.
  std::vector<std::string> WeighedNodes() const;

 private:
  std::vector<Criterion> nodes_;
  std::vector<std::string> leaves_;
  std::map<std::string, std::size_t> index_;
  std::map<std::string, std::vector<std::string>> children_;
};

}  // namespace weighbridge
