// The cost object, ties and price in the machine contract, from a decision
// built here by hand.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "weighbridge/reports.h"

namespace weighbridge {
namespace {

using Json = nlohmann::ordered_json;
using KeyList = std::vector<std::string>;

KeyList Keys(const Json& object) {
  KeyList keys;
  for (const auto& item : object.items()) keys.push_back(item.key());
  return keys;
}

Procurement TwoBids() {
  Procurement p;
  p.info.id = "p";
  p.info.title = "P";
  p.info.currency = "GBP";
  p.info.term_years = 1;
  p.candidates.resize(2);
  p.candidates[0].id = "a";
  p.candidates[1].id = "b";
  return p;
}

// a: 1,000 in year 0 and 500 of support in year 1, discounted at 25%:
// present value 1,000 + 500 / 1.25 = 1,400. b gave no costs.
Decision Priced() {
  Decision d;
  CandidateResult a;
  a.id = "a";
  a.total = 70;
  a.rank = 1;
  a.quality = 80;
  CostResult cost;
  cost.whole_life = 1500;
  cost.present_value = 1400;
  cost.maintenance_share = 500.0 / 1500;
  cost.annual_mean = 1500;
  cost.by_year = {{0, 1000, 1000, {{"support", 0}, {"implementation", 1000}}},
                  {1, 500, 400, {{"support", 500}, {"implementation", 0}}}};
  cost.price_per_quality_point = 1400.0 / 80;
  cost.flags = {{"abnormally-low", "Far below the others.", {{"cost.present_value", 1400.0}}}};
  a.cost = cost;
  CandidateResult b;
  b.id = "b";
  b.total = 70;
  b.rank = 1;
  d.candidates = {a, b};
  d.ranking = {"a", "b"};
  d.ties = {{{"a", "b"}, {}, {{"a", "b"}}}};
  PriceSummary price;
  price.share = 0.4;
  price.method = "linear";
  price.scored = true;
  price.pool = {"a"};
  price.lowest = 1400;
  price.removals = {{"b", false, {"a"}}};
  price.winner = "";
  price.above = ShareSwitch{0.65, "b"};
  d.price = price;
  return d;
}

TEST_CASE("JSON: a cost object gives the contract's figures and every year by category",
          "[reports][cost]") {
  Json j = Json::parse(RenderJson(TwoBids(), Priced()));
  const Json& cost = j["candidates"][0]["cost"];
  CHECK(Keys(cost) == KeyList{"whole_life", "present_value", "maintenance_share", "annual_mean",
                              "by_year", "price_per_quality_point", "flags"});
  CHECK(cost["whole_life"] == 1500.0);
  CHECK(cost["present_value"] == 1400.0);
  CHECK(cost["maintenance_share"] == 500.0 / 1500);
  REQUIRE(cost["by_year"].size() == 2);
  CHECK(Keys(cost["by_year"][1]) == KeyList{"year", "undiscounted", "present_value", "by_category"});
  CHECK(cost["by_year"][1]["present_value"] == 400.0);
  CHECK(Keys(cost["by_year"][1]["by_category"]) == KeyList{"support", "implementation"});
  CHECK(cost["by_year"][1]["by_category"]["support"] == 500.0);
  CHECK(cost["price_per_quality_point"] == 17.5);
  REQUIRE(cost["flags"].size() == 1);
  CHECK(Keys(cost["flags"][0]) == KeyList{"flag", "reason", "values"});
  CHECK(cost["flags"][0]["values"]["cost.present_value"] == 1400.0);
  CHECK(j["candidates"][0]["quality"] == 80.0);
}

TEST_CASE("JSON: an undefined maintenance share or price per quality point is null",
          "[reports][cost]") {
  Decision d = Priced();
  d.candidates[0].cost->maintenance_share.reset();
  d.candidates[0].cost->price_per_quality_point.reset();
  Json j = Json::parse(RenderJson(TwoBids(), d));
  CHECK(j["candidates"][0]["cost"]["maintenance_share"].is_null());
  CHECK(j["candidates"][0]["cost"]["price_per_quality_point"].is_null());
  CHECK(j["candidates"][1]["cost"].is_null());
}

TEST_CASE("JSON: ties say what the tie-break did, and shared groups stay together",
          "[reports][cost]") {
  Json j = Json::parse(RenderJson(TwoBids(), Priced()));
  REQUIRE(j["ties"].size() == 1);
  CHECK(Keys(j["ties"][0]) == KeyList{"candidates", "decided_by", "order"});
  CHECK(j["ties"][0]["order"] == Json::parse(R"([["a", "b"]])"));
  CHECK(j["ties"][0]["decided_by"] == Json::array());
}

TEST_CASE("JSON: price gives its share, method, pool and cross-checks", "[reports][cost]") {
  Json j = Json::parse(RenderJson(TwoBids(), Priced()));
  const Json& price = j["price"];
  CHECK(Keys(price) == KeyList{"share", "method", "scored", "reason", "pool",
                               "lowest_present_value", "without_one_bid", "winner",
                               "winner_changes_below", "winner_changes_above"});
  CHECK(price["share"] == 0.4);
  CHECK(price["lowest_present_value"] == 1400.0);
  CHECK(price["without_one_bid"][0] ==
        Json::parse(R"({"removed": "b", "changes_order": false, "ranking": ["a"]})"));
  CHECK(price["winner"].is_null());
  CHECK(price["winner_changes_below"].is_null());
  CHECK(price["winner_changes_above"] == Json::parse(R"({"share": 0.65, "winner": "b"})"));
}

TEST_CASE("JSON: price is null when it has no share", "[reports][cost]") {
  Decision d = Priced();
  d.price.reset();
  CHECK(Json::parse(RenderJson(TwoBids(), d))["price"].is_null());
}

}  // namespace
}  // namespace weighbridge
