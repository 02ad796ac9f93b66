// The machine contract: keys present, in a fixed order, with the decision's
// numbers exactly as given. The procurement and decision are built here by
// hand, so these tests hold whatever the engine computes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "weighbridge/reports.h"

namespace weighbridge {
namespace {

using Json = nlohmann::ordered_json;

Criterion MakeCriterion(std::string id, std::string parent, std::string title, Assess assess,
                        std::string evidence = {}) {
  Criterion c;
  c.id = std::move(id);
  c.parent = std::move(parent);
  c.title = std::move(title);
  c.assess = assess;
  c.evidence = std::move(evidence);
  return c;
}

CandidateResult MakeResult(std::string id, std::string name, double total,
                           std::optional<int> rank) {
  CandidateResult r;
  r.id = std::move(id);
  r.name = std::move(name);
  r.total = total;
  r.rank = rank;
  r.eligible = rank.has_value();
  return r;
}

CriterionResult MakeLine(std::string criterion, double score, double weight, double contribution,
                         std::string basis, std::optional<double> scale_value = std::nullopt) {
  CriterionResult r;
  r.criterion = std::move(criterion);
  r.score = score;
  r.weight = weight;
  r.contribution = contribution;
  r.basis = std::move(basis);
  r.scale_value = scale_value;
  return r;
}

MemberSummary MakeMember(std::string id, std::string method, std::optional<double> cr) {
  MemberSummary m;
  m.id = std::move(id);
  m.group = "ebe";
  m.method = std::move(method);
  m.consistency_ratio = cr;
  m.judgements = 2;
  return m;
}

// One branch with one judged leaf, and one evidence leaf at the top; two
// candidates, the second not eligible; one group of two members.
Procurement MakeProcurement() {
  Procurement p;
  p.info.id = "cms-2026";
  p.info.title = "Case management system";
  p.info.authority = "Example County Council";
  p.info.reference = "ECC-2026-014";
  p.info.currency = "GBP";
  p.info.term_years = 7;
  p.framework.id = "social-care-digital";
  p.framework.version = "1.0.0";
  p.framework.title = "Digital products for social care";
  p.framework.scale.min = 0;
  p.framework.scale.max = 5;
  p.framework.scale.moderation_threshold = 2;
  p.framework.tree =
      CriteriaTree({MakeCriterion("rights", kRootId, "Rights", Assess::kBranch),
                    MakeCriterion("rights.consent", "rights", "Consent", Assess::kJudgement),
                    MakeCriterion("api", kRootId, "Open API", Assess::kEvidence, "open_api")});
  p.candidates.resize(2);
  p.candidates[0].id = "carelink";
  p.candidates[0].name = "CareLink Case Manager";
  p.candidates[0].supplier = "CareLink Ltd";
  p.candidates[1].id = "oak";
  p.candidates[1].name = "Oak Notes";
  p.candidates[1].supplier = "Oak Ltd";
  p.input_hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  return p;
}

// CareLink: 0.7 x 80 + 0.3 x 100 = 56 + 30 = 86, ranked 1.
// Oak: 0.7 x 50 + 0.3 x 0 = 35, not eligible.
Decision MakeDecision() {
  Decision d;
  d.weights = {{"rights", "root", 0.7, 0.7},
               {"rights.consent", "rights", 1, 0.7},
               {"api", "root", 0.3, 0.3}};
  d.unjudged = {{"rights", "nobody on the panel weighed it"}};  // as if it had two children
  CandidateResult carelink = MakeResult("carelink", "CareLink Case Manager", 86, 1);
  carelink.criteria = {MakeLine("rights.consent", 80, 0.7, 56, "consensus", 4),
                       MakeLine("api", 100, 0.3, 30, "evidence")};
  CandidateResult oak = MakeResult("oak", "Oak Notes", 35, std::nullopt);
  oak.complete = false;
  oak.criteria = {MakeLine("rights.consent", 50, 0.7, 35, "mean of 2 evaluators", 2.5),
                  MakeLine("api", 0, 0.3, 0, "no evidence")};
  oak.missing_evidence = {"api"};
  oak.unscored = {"rights.consent"};
  d.candidates = {carelink, oak};
  d.ranking = {"carelink"};
  d.members = {MakeMember("m1", "points", std::nullopt), MakeMember("m2", "pairwise", 0.04)};
  GroupSummary group;
  group.id = "ebe";
  group.title = "Experts by experience";
  group.weight = 1;
  group.members = 2;
  // The map holds the weights alphabetically; the JSON keeps the tree's order.
  group.weights = {{"api", 0.3}, {"rights", 0.7}, {"rights.consent", 1}};
  group.ranking = {"carelink"};
  d.groups = {group};
  ModerationNeed need;
  need.candidate = "oak";
  need.criterion = "rights.consent";
  need.scores = {{"e1", 1}, {"e2", 4}};
  need.spread = 3;
  d.moderation = {need};
  return d;
}

std::vector<std::string> Keys(const Json& object) {
  std::vector<std::string> keys;
  for (const auto& item : object.items()) keys.push_back(item.key());
  return keys;
}

using KeyList = std::vector<std::string>;

TEST_CASE("JSON: top-level keys come in a fixed order", "[reports]") {
  Json j = Json::parse(RenderJson(MakeProcurement(), MakeDecision()));
  CHECK(Keys(j) == KeyList{"procurement", "framework", "weights", "unjudged", "candidates",
                           "ranking", "ties", "price", "panel", "moderation", "sensitivity",
                           "input_hash"});
  CHECK(j["input_hash"] == "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
}

TEST_CASE("JSON: is pretty-printed with two spaces and ends in a newline", "[reports]") {
  std::string text = RenderJson(MakeProcurement(), MakeDecision());
  CHECK(text.starts_with("{\n  \"procurement\": {\n    \"id\": \"cms-2026\",\n"));
  CHECK(text.ends_with(
      "  \"input_hash\": \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"\n"
      "}\n"));
}

TEST_CASE("JSON: procurement and framework carry their ids, titles and scale", "[reports]") {
  Json j = Json::parse(RenderJson(MakeProcurement(), MakeDecision()));
  CHECK(Keys(j["procurement"]) ==
        KeyList{"id", "title", "authority", "reference", "currency", "term_years"});
  CHECK(j["procurement"]["id"] == "cms-2026");
  CHECK(j["procurement"]["title"] == "Case management system");
  CHECK(j["procurement"]["term_years"] == 7);
  CHECK(Keys(j["framework"]) == KeyList{"id", "version", "title", "scale"});
  CHECK(j["framework"]["version"] == "1.0.0");
  CHECK(Keys(j["framework"]["scale"]) == KeyList{"min", "max", "moderation_threshold"});
  CHECK(j["framework"]["scale"]["max"] == 5.0);
  CHECK(j["framework"]["scale"]["moderation_threshold"] == 2.0);
}

TEST_CASE("JSON: a term of 0 years is null, meaning not given", "[reports]") {
  Procurement p = MakeProcurement();
  p.info.term_years = 0;
  Json j = Json::parse(RenderJson(p, MakeDecision()));
  CHECK(j["procurement"]["term_years"].is_null());
}

TEST_CASE("JSON: every node's weight, with parent root at the top", "[reports]") {
  Json j = Json::parse(RenderJson(MakeProcurement(), MakeDecision()));
  REQUIRE(j["weights"].size() == 3);
  CHECK(Keys(j["weights"][0]) == KeyList{"criterion", "parent", "local", "global"});
  CHECK(j["weights"][0]["criterion"] == "rights");
  CHECK(j["weights"][0]["parent"] == "root");
  CHECK(j["weights"][1]["parent"] == "rights");
  CHECK(j["weights"][1]["local"] == 1.0);
  CHECK(j["weights"][1]["global"] == 0.7);
  REQUIRE(j["unjudged"].size() == 1);
  CHECK(Keys(j["unjudged"][0]) == KeyList{"node", "reason"});
  CHECK(j["unjudged"][0]["node"] == "rights");
  CHECK(j["unjudged"][0]["reason"] == "nobody on the panel weighed it");
}

TEST_CASE("JSON: candidates keep their keys in order, with a null cost when none was given",
          "[reports]") {
  Json j = Json::parse(RenderJson(MakeProcurement(), MakeDecision()));
  REQUIRE(j["candidates"].size() == 2);
  const Json& carelink = j["candidates"][0];
  CHECK(Keys(carelink) == KeyList{"id", "name", "supplier", "eligible", "complete", "total", "rank",
                                  "criteria", "rules", "caps", "missing_evidence", "unscored",
                                  "quality", "cost"});
  CHECK(carelink["cost"].is_null());
  CHECK(carelink["name"] == "CareLink Case Manager");
  CHECK(carelink["supplier"] == "CareLink Ltd");
  CHECK(carelink["eligible"] == true);
  CHECK(carelink["total"] == 86.0);
  CHECK(carelink["rank"] == 1);
  CHECK(carelink["rules"] == Json::array());
  CHECK(j["ranking"] == Json::parse(R"(["carelink"])"));
}

TEST_CASE("JSON: an ineligible candidate has a null rank and lists what it lacks", "[reports]") {
  Json j = Json::parse(RenderJson(MakeProcurement(), MakeDecision()));
  const Json& oak = j["candidates"][1];
  CHECK(oak["eligible"] == false);
  CHECK(oak["complete"] == false);
  CHECK(oak["rank"].is_null());
  CHECK(oak["missing_evidence"] == Json::parse(R"(["api"])"));
  CHECK(oak["unscored"] == Json::parse(R"(["rights.consent"])"));
}

TEST_CASE("JSON: criteria give score, weight and contribution as decided", "[reports]") {
  Json j = Json::parse(RenderJson(MakeProcurement(), MakeDecision()));
  const Json& criteria = j["candidates"][0]["criteria"];
  REQUIRE(criteria.size() == 2);
  CHECK(Keys(criteria[0]) ==
        KeyList{"criterion", "score", "weight", "contribution", "basis", "scale_value"});
  CHECK(criteria[0]["criterion"] == "rights.consent");
  CHECK(criteria[0]["score"] == 80.0);
  CHECK(criteria[0]["weight"] == 0.7);
  CHECK(criteria[0]["contribution"] == 56.0);
  CHECK(criteria[0]["basis"] == "consensus");
  CHECK(criteria[0]["scale_value"] == 4.0);
  // An evidence criterion has no score on the evaluators' scale: no key.
  CHECK(Keys(criteria[1]) == KeyList{"criterion", "score", "weight", "contribution", "basis"});
  CHECK(criteria[1]["contribution"] == 30.0);
}

TEST_CASE("JSON: numbers are written exactly, never rounded", "[reports]") {
  Decision d = MakeDecision();
  d.candidates[0].total = 0.1 + 0.2;  // 0.30000000000000004
  d.groups[0].weight = 1.0 / 3;
  std::string text = RenderJson(MakeProcurement(), d);
  CHECK(text.find("\"total\": 0.30000000000000004,") != std::string::npos);
  CHECK(text.find("\"weight\": 0.3333333333333333,") != std::string::npos);
  Json j = Json::parse(text);
  CHECK(j["candidates"][0]["total"].get<double>() == 0.1 + 0.2);
  CHECK(j["panel"]["groups"][0]["weight"].get<double>() == 1.0 / 3);
}

TEST_CASE("JSON: panel members with a null consistency ratio when unset", "[reports]") {
  Json j = Json::parse(RenderJson(MakeProcurement(), MakeDecision()));
  const Json& members = j["panel"]["members"];
  REQUIRE(members.size() == 2);
  CHECK(Keys(members[0]) == KeyList{"id", "group", "method", "consistency_ratio", "judgements"});
  CHECK(members[0]["method"] == "points");
  CHECK(members[0]["consistency_ratio"].is_null());
  CHECK(members[1]["consistency_ratio"] == 0.04);
}

TEST_CASE("JSON: groups give their weights in the tree's order and their ranking", "[reports]") {
  Json j = Json::parse(RenderJson(MakeProcurement(), MakeDecision()));
  REQUIRE(j["panel"]["groups"].size() == 1);
  const Json& group = j["panel"]["groups"][0];
  CHECK(Keys(group) == KeyList{"id", "title", "weight", "members", "weights", "ranking"});
  CHECK(group["weight"] == 1.0);
  CHECK(group["members"] == 2);
  CHECK(Keys(group["weights"]) == KeyList{"rights", "rights.consent", "api"});
  CHECK(group["weights"]["api"] == 0.3);
  CHECK(group["ranking"] == Json::parse(R"(["carelink"])"));
}

TEST_CASE("JSON: moderation needs list each evaluator's score and the spread", "[reports]") {
  Json j = Json::parse(RenderJson(MakeProcurement(), MakeDecision()));
  REQUIRE(j["moderation"].size() == 1);
  const Json& need = j["moderation"][0];
  CHECK(Keys(need) == KeyList{"candidate", "criterion", "scores", "spread"});
  CHECK(need["candidate"] == "oak");
  CHECK(Keys(need["scores"]) == KeyList{"e1", "e2"});
  CHECK(need["scores"]["e2"] == 4.0);
  CHECK(need["spread"] == 3.0);
}

TEST_CASE("JSON: the same inputs give the same bytes", "[reports]") {
  CHECK(RenderJson(MakeProcurement(), MakeDecision()) ==
        RenderJson(MakeProcurement(), MakeDecision()));
}

}  // namespace
}  // namespace weighbridge
