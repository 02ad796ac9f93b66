// Plain-words names of the panel's options.
#include "weighbridge/panel.h"

namespace weighbridge {

const char* WithinGroupName(WithinGroup within) {
  switch (within) {
    case WithinGroup::kMean: return "mean";
    case WithinGroup::kGeometric: return "geometric";
    case WithinGroup::kJudgements: return "judgements";
  }
  return "mean";
}

}  // namespace weighbridge
