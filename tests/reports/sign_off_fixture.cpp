#include "tests/reports/sign_off_fixture.h"

#include <string>
#include <utility>

namespace weighbridge {
namespace {

Criterion MakeCriterion(std::string id, std::string parent, std::string title, Assess assess) {
  Criterion c;
  c.id = std::move(id);
  c.parent = std::move(parent);
  c.title = std::move(title);
  c.assess = assess;
  return c;
}

Candidate MakeCandidate(std::string id, std::string name, std::string supplier,
                        std::string access) {
  Candidate c;
  c.id = std::move(id);
  c.name = std::move(name);
  c.supplier = std::move(supplier);
  c.evidence["record_access"] = std::move(access);
  return c;
}

Score MakeScore(std::string candidate, std::string criterion, double value, std::string why,
                std::string ref) {
  Score s;
  s.evaluator = "e1";
  s.candidate = std::move(candidate);
  s.criterion = std::move(criterion);
  s.value = value;
  s.rationale = std::move(why);
  s.evidence_ref = std::move(ref);
  return s;
}

CriterionResult Line(std::string criterion, double score, double weight,
                     std::optional<double> scale) {
  CriterionResult r;
  r.criterion = std::move(criterion);
  r.score = score;
  r.weight = weight;
  r.contribution = weight * score;
  r.scale_value = scale;
  return r;
}

CandidateResult Result(std::string id, std::string name, std::optional<int> rank, double consent,
                       double access, double upkeep) {
  CandidateResult r;
  r.id = std::move(id);
  r.name = std::move(name);
  r.rank = rank;
  r.eligible = rank.has_value();
  r.criteria = {Line("care.consent", consent, 0.3, consent / 20),
                Line("care.access", access, 0.3, std::nullopt),
                Line("upkeep", upkeep, 0.4, upkeep / 20)};
  for (const CriterionResult& line : r.criteria) r.total += line.contribution;
  r.rules.push_back(
      RuleOutcome{"exclusion", "gate", "pass", "Not excluded by the authority.", "", {}});
  return r;
}

GroupSummary MakeGroup(std::string id, std::string title, int members,
                       std::vector<std::string> ranking) {
  GroupSummary g;
  g.id = std::move(id);
  g.title = std::move(title);
  g.weight = 0.5;
  g.members = members;
  g.ranking = std::move(ranking);
  return g;
}

}  // namespace

Procurement SignOffProcurement() {
  Procurement p;
  p.info.id = "case-management";
  p.info.title = "Case management";
  p.info.authority = "Example County Council";
  p.framework.id = "social-care";
  p.framework.version = "1.0";
  p.framework.scale.levels = {{1, "Poor", "Little of what was asked"},
                              {2, "Weak", "Some of what was asked, with large gaps"},
                              {3, "Satisfactory", "What was asked, with small gaps"},
                              {4, "Good", "All that was asked, shown in use"},
                              {5, "Excellent",
                               "All that was asked, shown in use by people who "
                               "draw on care"}};
  Criterion access =
      MakeCriterion("care.access", "care", "Access to own record", Assess::kEvidence);
  access.evidence = "record_access";
  access.value.kind = ValueKind::kLevels;
  access.value.levels = {{"none", 0}, {"partial", 60}, {"full", 100}};
  p.framework.tree = CriteriaTree(
      {MakeCriterion("care", kRootId, "Care", Assess::kBranch),
       MakeCriterion("care.consent", "care", "Consent and choice", Assess::kJudgement), access,
       MakeCriterion("upkeep", kRootId, "Ease of maintenance", Assess::kJudgement)});
  Candidate carelink = MakeCandidate("carelink", "CareLink Case Manager", "CareLink Ltd", "full");
  carelink.supplier_id = "GB-PPON-PCRL-1111-AAAA";
  carelink.address = "1 High Street, Cardiff";
  carelink.email = "bids@carelink.example";
  Candidate birch = MakeCandidate("birch", "Birch Care Record", "Birch Software Ltd", "none");
  birch.address = "2 Low Road, Swansea";
  Candidate oak = MakeCandidate("oak", "Oak Notes", "Oak Ltd", "full");
  oak.supplier_id = "GB-PPON-POAK-2222-BBBB";
  oak.address = "3 Mill Lane, Newport";
  oak.email = "bids@oak.example";
  oak.exclusion = Exclusion{"Late submission", "Received 14:07, after the 12:00 deadline."};
  p.candidates = {carelink, birch, oak};
  p.scores = {MakeScore("birch", "care.consent", 3.5, "Consent is recorded but not reviewed.",
                        "Section 4.2"),
              MakeScore("birch", "upkeep", 4.75, "Updates need no downtime", "Annex B")};
  return p;
}

Decision SignOffDecision() {
  Decision d;
  d.weights = {{"care", kRootId, 0.6, 0.6},
               {"care.consent", "care", 0.5, 0.3},
               {"care.access", "care", 0.5, 0.3},
               {"upkeep", kRootId, 0.4, 0.4}};
  d.candidates = {Result("carelink", "CareLink Case Manager", 1, 80, 100, 60),
                  Result("birch", "Birch Care Record", 2, 70, 0, 95),
                  Result("oak", "Oak Notes", std::nullopt, 0, 100, 50)};
  d.candidates[2].rules[0] = RuleOutcome{
      "exclusion",
      "gate",
      "fail",
      "Excluded by the authority: Late submission. Received 14:07, after the 12:00 deadline.",
      "",
      {}};
  d.ranking = {"carelink", "birch"};
  d.groups = {MakeGroup("ebe", "Experts by experience", 2, {"birch", "carelink"}),
              MakeGroup("staff", "Staff", 3, {"carelink", "birch"})};
  d.members.resize(5);
  return d;
}

}  // namespace weighbridge
