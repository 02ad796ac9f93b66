// A panel member's weighing form: the fields each way of weighing shows, and
// what the posted fields say, as the judgement formats.md's [[judgement]]
// would hold, or as problems in plain words.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "web/messages.h"
#include "weighbridge/panel.h"

namespace weighbridge::web {

// One criterion on the form: a child of the node being weighed.
struct FormItem {
  std::string id;
  std::string title;
};

// Field names: "v:ID" holds a criterion's number (points, swing, direct) or
// place (rank); "p:A/B" a pair's answer, A before B in the criteria's order,
// one of PairAnswers().
std::string ValueField(const std::string& id);
std::string PairField(const std::string& a, const std::string& b);

// The answers to "which matters more?", strongest for A first: "9", "7",
// "5", "3", "1" (the same), "1/3", "1/5", "1/7", "1/9" (B matters more).
const std::vector<std::string>& PairAnswers();

struct FormReading {
  std::optional<Judgement> judgement;  // when every field was right
  std::vector<std::string> problems;   // otherwise, each in plain words
};

// Reads the posted `fields` of a form weighing `items` (the children of
// `node`, in order) by `method`. Points must add up to 100; swing gives the
// largest 100 and the others 0 to 100; direct takes any numbers, at least one
// above 0; rank takes a whole place from 1 for each; pairwise needs every pair.
FormReading ReadJudgementForm(WeighMethod method, const std::string& member,
                              const std::string& node, const std::vector<FormItem>& items,
                              const std::map<std::string, std::string>& fields,
                              const Messages& messages);

// The judgement as a [[judgement]] table (JSON), to store in the workspace.
nlohmann::json JudgementTable(const Judgement& judgement);

// The fields that show `table` (a stored [[judgement]] table) on a form of
// `method` for `items`; none when it was made another way.
std::map<std::string, std::string> FieldsOfTable(const nlohmann::json& table, WeighMethod method,
                                                 const std::vector<FormItem>& items);

}  // namespace weighbridge::web
