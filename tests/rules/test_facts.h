// Facts and Names for the expression tests: the names every rules test
// compiles against, and one candidate's values held in maps.
#pragma once

#include <iterator>
#include <map>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "engine/rules/expression.h"

namespace weighbridge::rules::testing {

// The names the tests (and tests/rules/bad_expressions.txt) use.
inline Names TestNames() {
  Names names;
  names.evidence = {{"hosting_region", Type::kText}, {"open_api", Type::kBool},
                    {"patch_days", Type::kNumber},   {"dpia_date", Type::kDate},
                    {"certifications", Type::kList}, {"users", Type::kNumber},
                    {"annual_cost", Type::kNumber},  {"cyber-essentials", Type::kText},
                    {"dspt.status", Type::kText}};
  names.criteria = {"price", "rights", "interoperability"};
  names.rules = {"uk-hosting", "security-evidence"};
  names.procurement = {{"budget", Type::kNumber}, {"term_years", Type::kNumber}};
  return names;
}

// One candidate's values, looked up by name. It also checks that every slot
// it is asked for is the name's position in TestNames(), and counts reads.
class TestFacts : public Facts {
 public:
  std::map<std::string, EvidenceValue> evidence;
  std::map<std::string, double> scores;
  double total = 0;
  std::map<std::string, EvidenceValue> procurement;
  std::set<std::string> passed;

  mutable int reads = 0;        // calls of any method
  mutable bool slots_ok = true;  // every Key's slot matched its name

  const EvidenceValue* Evidence(Key key) const override {
    Check(names_.evidence, key);
    return Find(evidence, key.name);
  }
  std::optional<double> Score(Key criterion) const override {
    Check(names_.criteria, criterion);
    auto it = scores.find(std::string(criterion.name));
    if (it == scores.end()) return std::nullopt;
    return it->second;
  }
  double Total() const override {
    ++reads;
    return total;
  }
  const EvidenceValue* Procurement(Key key) const override {
    Check(names_.procurement, key);
    return Find(procurement, key.name);
  }
  bool Passed(Key rule) const override {
    Check(names_.rules, rule);
    return passed.count(std::string(rule.name)) > 0;
  }

 private:
  template <typename Container>
  void Check(const Container& container, Key key) const {
    ++reads;
    auto it = container.find(std::string(key.name));
    if (it == container.end() ||
        static_cast<std::size_t>(std::distance(container.begin(), it)) != key.slot) {
      slots_ok = false;
    }
  }
  static const EvidenceValue* Find(const std::map<std::string, EvidenceValue>& map,
                                   std::string_view name) {
    auto it = map.find(std::string(name));
    return it == map.end() ? nullptr : &it->second;
  }

  Names names_ = TestNames();
};

// Compiles `text` against TestNames(), failing the test if it does not compile.
inline std::shared_ptr<const Program> Build(std::string_view text) {
  Compiled compiled = Compile(text, TestNames());
  if (!compiled.errors.empty()) {
    FAIL("'" << text << "' does not compile: " << compiled.errors[0].message);
  }
  return compiled.program;
}

// Runs `text` for `facts`, checking that Test() agrees with Run().
inline RunResult RunText(std::string_view text, const Facts& facts) {
  std::shared_ptr<const Program> program = Build(text);
  RunResult result = program->Run(facts);
  CHECK(program->Test(facts) == result.truth());
  return result;
}

inline Truth TruthOf(std::string_view text, const Facts& facts) {
  return RunText(text, facts).truth();
}

// The compile error of `text`, as "offset: message"; "compiles" if there is none.
inline std::string ErrorOf(std::string_view text) {
  Compiled compiled = Compile(text, TestNames());
  if (compiled.errors.empty()) return "compiles";
  return std::to_string(compiled.errors[0].offset) + ": " + compiled.errors[0].message;
}

}  // namespace weighbridge::rules::testing
