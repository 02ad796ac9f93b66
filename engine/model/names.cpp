// Plain-words names of enumerations, shared by the loader and the reports.
#include "weighbridge/candidate.h"
#include "weighbridge/panel.h"

namespace weighbridge {

std::string EvidenceTypeName(const EvidenceValue& value) {
  switch (value.index()) {
    case 0: return "true or false";
    case 1: return "number";
    case 2: return "text";
    case 3: return "list of texts";
    default: return "date";
  }
}

const char* RuleKindName(RuleKind kind) {
  switch (kind) {
    case RuleKind::kGate: return "gate";
    case RuleKind::kRequire: return "require";
    case RuleKind::kCap: return "cap";
    case RuleKind::kFlag: return "flag";
  }
  return "gate";
}

const char* WeighMethodName(WeighMethod method) {
  switch (method) {
    case WeighMethod::kPairwise: return "pairwise";
    case WeighMethod::kPoints: return "points";
    case WeighMethod::kRank: return "rank";
    case WeighMethod::kSwing: return "swing";
    case WeighMethod::kDirect: return "direct";
  }
  return "points";
}

}  // namespace weighbridge
