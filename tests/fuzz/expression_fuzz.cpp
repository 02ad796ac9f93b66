// libFuzzer target for the rule expression language: compiles any input
// against fixed names and, when it compiles, runs it for two fixed candidates
// (one that gave everything, one that gave nothing). Besides crashes and
// sanitizer reports, it traps when a promise of expression.h is broken:
// exactly one error, inside the text, with a message; Test() agreeing with
// Run(), and TestMany() agreeing with Test(); a reason exactly when the outcome is missing.
//
// Built only with -DWEIGHBRIDGE_FUZZ=ON (tests/fuzz/CMakeLists.txt).
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "engine/rules/expression.h"

namespace {

using weighbridge::Date;
using weighbridge::EvidenceValue;
using namespace weighbridge::rules;

Names FuzzNames() {
  Names names;
  names.evidence = {{"hosting_region", Type::kText}, {"open_api", Type::kBool},
                    {"patch_days", Type::kNumber},   {"dpia_date", Type::kDate},
                    {"certifications", Type::kList}, {"users", Type::kNumber},
                    {"cyber-essentials", Type::kText}, {"dspt.status", Type::kText}};
  names.criteria = {"price", "rights", "rights.consent"};
  names.rules = {"uk-hosting", "security-evidence"};
  names.procurement = {{"budget", Type::kNumber}, {"term_years", Type::kNumber}};
  return names;
}

class FuzzFacts : public Facts {
 public:
  explicit FuzzFacts(bool full) {
    if (!full) return;
    evidence_ = {{"hosting_region", std::string("UK")},
                 {"open_api", true},
                 {"patch_days", 0.0},  // zero, for divisions
                 {"dpia_date", Date{2026, 2, 28}},
                 {"certifications", std::vector<std::string>{"ISO 27001", ""}},
                 {"users", -1e308},
                 {"cyber-essentials", std::string("Pl\xC3\xBCs")},
                 // A value of another type than Names says: read as missing.
                 {"dspt.status", 3.0}};
    procurement_ = {{"budget", 1e6}};
    scores_ = {{"price", 100.0}, {"rights.consent", 0.0}};
  }
  const EvidenceValue* Evidence(Key key) const override { return Find(evidence_, key); }
  std::optional<double> Score(Key criterion) const override {
    auto it = scores_.find(std::string(criterion.name));
    if (it == scores_.end()) return std::nullopt;
    return it->second;
  }
  double Total() const override { return 55.5; }
  const EvidenceValue* Procurement(Key key) const override { return Find(procurement_, key); }
  bool Passed(Key rule) const override { return rule.name == "uk-hosting"; }

 private:
  static const EvidenceValue* Find(const std::map<std::string, EvidenceValue>& map, Key key) {
    auto it = map.find(std::string(key.name));
    return it == map.end() ? nullptr : &it->second;
  }
  std::map<std::string, EvidenceValue> evidence_;
  std::map<std::string, EvidenceValue> procurement_;
  std::map<std::string, double> scores_;
};

void Check(bool promise) {
  if (!promise) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Names names = FuzzNames();
  static const FuzzFacts full(true);
  static const FuzzFacts empty(false);

  std::string_view text(reinterpret_cast<const char*>(data), size);
  Compiled compiled = Compile(text, names);
  if (!compiled.program) {
    Check(compiled.errors.size() == 1);
    const CompileError& error = compiled.errors[0];
    Check(error.offset <= size && !error.message.empty() && error.message.back() != '.');
    return 0;
  }
  Check(compiled.errors.empty());
  for (const FuzzFacts* facts : {&full, &empty}) {
    RunResult run = compiled.program->Run(*facts);
    Check(compiled.program->Test(*facts) == run.truth());
    Check((run.truth() == Truth::kMissing) == !run.missing_reason.empty());
    for (const auto& [name, value] : run.read) Check(!name.empty() && !FormatValue(value).empty());
  }
  // The batch form agrees with one at a time, in every position of a block.
  const Facts* many[] = {&full, &empty, &full};
  Truth outcomes[3];
  compiled.program->TestMany(many, outcomes);
  for (int i = 0; i < 3; ++i) Check(outcomes[i] == compiled.program->Test(*many[i]));
  return 0;
}
