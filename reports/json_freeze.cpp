#include "reports/json_freeze.h"

namespace weighbridge {

nlohmann::ordered_json FixedMethodJson(const Procurement& procurement) {
  using Json = nlohmann::ordered_json;
  const MethodFreeze& freeze = *procurement.freeze;
  Json out = Json::object();
  out["at"] = freeze.at;
  out["who"] = freeze.who;
  out["note"] = freeze.note;
  out["method_hash"] = freeze.method_hash;
  // Shares of the total, as the report's other weights are; the engine used
  // exactly these (tenths of a percent / 1000).
  out["weights"] = Json::object();
  for (const std::string& leaf : procurement.framework.tree.leaves()) {
    auto it = freeze.published_tenths.find(leaf);
    const long long tenths = it == freeze.published_tenths.end() ? 0 : it->second;
    out["weights"][leaf] = static_cast<double>(tenths) / 1000.0;
  }
  out["amendments"] = Json::array();
  for (const MethodAmendment& a : freeze.amendments) {
    out["amendments"].push_back({{"at", a.at},
                                 {"who", a.who},
                                 {"reason", a.reason},
                                 {"old_method_hash", a.old_method_hash},
                                 {"method_hash", a.method_hash},
                                 {"changed", a.changed}});
  }
  return out;
}

}  // namespace weighbridge
