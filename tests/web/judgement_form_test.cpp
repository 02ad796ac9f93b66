// The weighing form's fields read as a judgement, each way of weighing, with
// the problems a person would be shown. Expected values are worked by hand.
#include "web/judgement_form.h"

#include <catch2/catch.hpp>

namespace weighbridge::web {
namespace {

const std::vector<FormItem> kItems = {
    {"rights", "Rights"}, {"records", "Records"}, {"upkeep", "Upkeep"}};

FormReading Read(WeighMethod method, const std::map<std::string, std::string>& fields) {
  return ReadJudgementForm(method, "m1", "root", kItems, fields, Messages::English());
}

TEST_CASE("points that add up to 100 become the judgement's values", "[web]") {
  FormReading reading =
      Read(WeighMethod::kPoints, {{"v:rights", "50"}, {"v:records", " 30 "}, {"v:upkeep", "20"}});
  REQUIRE(reading.problems.empty());
  REQUIRE(reading.judgement);
  CHECK(reading.judgement->values.at("records") == 30);
  CHECK(JudgementTable(*reading.judgement) ==
        nlohmann::json::parse(R"({"member": "m1", "parent": "root", "method": "points",
                                  "points": {"rights": 50.0, "records": 30.0, "upkeep": 20.0}})"));
}

TEST_CASE("points: a total other than 100, a word and a negative number are each said plainly",
          "[web]") {
  // 50 + 30 + 0 (left empty) = 80.
  FormReading short_total = Read(WeighMethod::kPoints, {{"v:rights", "50"}, {"v:records", "30"}});
  CHECK_FALSE(short_total.judgement);
  CHECK(short_total.problems ==
        std::vector<std::string>{"Your points add up to 80. They must add up to 100."});
  FormReading typed =
      Read(WeighMethod::kPoints, {{"v:rights", "lots"}, {"v:records", "-5"}, {"v:upkeep", "105"}});
  CHECK(typed.problems == std::vector<std::string>{
                              "Write a whole number or a number with a decimal point for Rights.",
                              "The number for Records cannot be below 0."});
}

TEST_CASE("swing: the largest must be 100, the others 0 to 100", "[web]") {
  CHECK(Read(WeighMethod::kSwing, {{"v:rights", "80"}, {"v:records", "40"}, {"v:upkeep", "10"}})
            .problems == std::vector<std::string>{"Give the thing that matters most to you 100. "
                                                  "The largest number now is 80."});
  CHECK(Read(WeighMethod::kSwing, {{"v:rights", "100"}, {"v:records", "140"}}).problems ==
        std::vector<std::string>{"The number for Records must be from 0 to 100."});
  FormReading good = Read(WeighMethod::kSwing, {{"v:rights", "100"}, {"v:records", "12.5"}});
  REQUIRE(good.judgement);
  CHECK(good.judgement->values.at("records") == 12.5);
  CHECK(good.judgement->values.at("upkeep") == 0);
}

TEST_CASE("direct: any numbers, at least one above 0", "[web]") {
  CHECK(Read(WeighMethod::kDirect, {{"v:rights", "0"}}).problems ==
        std::vector<std::string>{"Give at least one thing more than 0."});
  FormReading good = Read(WeighMethod::kDirect, {{"v:rights", "0.7"}, {"v:upkeep", "0.3"}});
  REQUIRE(good.judgement);
  CHECK(JudgementTable(*good.judgement)["weights"] ==
        nlohmann::json::parse(R"({"rights": 0.7, "records": 0.0, "upkeep": 0.3})"));
}

TEST_CASE("rank: places from 1, equal places tie, in the order of the places", "[web]") {
  FormReading reading =
      Read(WeighMethod::kRank, {{"v:rights", "2"}, {"v:records", "1"}, {"v:upkeep", "2"}});
  REQUIRE(reading.judgement);
  CHECK(JudgementTable(*reading.judgement)["order"] ==
        nlohmann::json::parse(R"(["records", ["rights", "upkeep"]])"));
  CHECK(Read(WeighMethod::kRank, {{"v:rights", "1.5"}, {"v:records", "0"}, {"v:upkeep", "1"}})
            .problems == std::vector<std::string>{"Give Rights a place: a whole number from 1.",
                                                  "Give Records a place: a whole number from 1."});
}

TEST_CASE("pairwise: every pair answered, B's side as a fraction", "[web]") {
  std::map<std::string, std::string> fields = {{"p:rights/records", "3"},
                                               {"p:rights/upkeep", "1/5"}};
  CHECK(Read(WeighMethod::kPairwise, fields).problems ==
        std::vector<std::string>{"Say which matters more: Records or Upkeep."});
  fields["p:records/upkeep"] = "1";
  FormReading reading = Read(WeighMethod::kPairwise, fields);
  REQUIRE(reading.judgement);
  REQUIRE(reading.judgement->pairs.size() == 3);
  CHECK(reading.judgement->pairs[1].value == Approx(0.2));
  CHECK(JudgementTable(*reading.judgement)["pairs"] ==
        nlohmann::json::parse(
            R"({"rights/records": 3, "rights/upkeep": "1/5", "records/upkeep": 1})"));
  // An answer that is not one of the nine is no answer.
  fields["p:records/upkeep"] = "4";
  CHECK(Read(WeighMethod::kPairwise, fields).problems.size() == 1);
}

TEST_CASE("a stored judgement fills the form again, either way round", "[web]") {
  // "upkeep/rights" = 5 is rights/upkeep = 1/5; "records/rights" = "1/3" is rights/records = 3.
  nlohmann::json stored = nlohmann::json::parse(
      R"({"member": "m1", "parent": "root", "method": "pairwise",
          "pairs": {"records/rights": "1/3", "upkeep/rights": 5, "records/upkeep": 1}})");
  std::map<std::string, std::string> fields = FieldsOfTable(stored, WeighMethod::kPairwise, kItems);
  CHECK(fields == std::map<std::string, std::string>{{"p:rights/records", "3"},
                                                     {"p:rights/upkeep", "1/5"},
                                                     {"p:records/upkeep", "1"}});
  nlohmann::json ranked =
      nlohmann::json::parse(R"({"method": "rank", "order": ["records", ["rights", "upkeep"]]})");
  CHECK(
      FieldsOfTable(ranked, WeighMethod::kRank, kItems) ==
      std::map<std::string, std::string>{{"v:records", "1"}, {"v:rights", "2"}, {"v:upkeep", "2"}});
  // Made another way: the form starts empty rather than guess.
  CHECK(FieldsOfTable(ranked, WeighMethod::kPoints, kItems).empty());
}

}  // namespace
}  // namespace weighbridge::web
