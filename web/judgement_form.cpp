#include "web/judgement_form.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace weighbridge::web {
namespace {

std::optional<double> Number(const std::string& text) {
  std::string trimmed = text;
  while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
  while (!trimmed.empty() && trimmed.front() == ' ') trimmed.erase(trimmed.begin());
  double value = 0;
  auto [end, error] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), value);
  if (trimmed.empty() || error != std::errc() || end != trimmed.data() + trimmed.size() ||
      !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// "1/3" -> 1/3, "5" -> 5: one of PairAnswers().
double PairValue(const std::string& answer) {
  if (answer.rfind("1/", 0) == 0) return 1.0 / std::stod(answer.substr(2));
  return std::stod(answer);
}

std::string Field(const std::map<std::string, std::string>& fields, const std::string& name) {
  auto found = fields.find(name);
  return found == fields.end() ? std::string() : found->second;
}

// A plain number for the form: 40, 12.5.
std::string Plain(double value) {
  if (value == std::floor(value) && std::abs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  std::string text = std::to_string(value);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

void ReadNumbers(WeighMethod method, const std::vector<FormItem>& items,
                 const std::map<std::string, std::string>& fields, const Messages& messages,
                 FormReading& reading, Judgement& judgement) {
  double total = 0;
  double largest = 0;
  bool numbers_ok = true;
  for (const FormItem& item : items) {
    const std::string text = Field(fields, ValueField(item.id));
    std::optional<double> value = Number(text.empty() ? "0" : text);
    if (!value) {
      reading.problems.push_back(
          messages.Text("problem.not_a_number", {{"criterion", item.title}}));
      numbers_ok = false;
      continue;
    }
    if (*value < 0) {
      reading.problems.push_back(messages.Text("problem.negative", {{"criterion", item.title}}));
      numbers_ok = false;
      continue;
    }
    if (method == WeighMethod::kSwing && *value > 100) {
      reading.problems.push_back(messages.Text("problem.swing_range", {{"criterion", item.title}}));
      numbers_ok = false;
      continue;
    }
    total += *value;
    largest = std::max(largest, *value);
    judgement.values[item.id] = *value;
  }
  if (!numbers_ok) return;
  if (total == 0) {
    reading.problems.push_back(messages.Text("problem.all_zero"));
  } else if (method == WeighMethod::kPoints && std::abs(total - 100) > 1e-9) {
    reading.problems.push_back(messages.Text("problem.points_total", {{"total", Plain(total)}}));
  } else if (method == WeighMethod::kSwing && largest != 100) {
    reading.problems.push_back(messages.Text("problem.swing_top", {{"largest", Plain(largest)}}));
  }
}

void ReadPlaces(const std::vector<FormItem>& items,
                const std::map<std::string, std::string>& fields, const Messages& messages,
                FormReading& reading, Judgement& judgement) {
  std::map<long long, std::vector<std::string>> by_place;
  for (const FormItem& item : items) {
    std::optional<double> place = Number(Field(fields, ValueField(item.id)));
    if (!place || *place < 1 || *place != std::floor(*place) || *place > 1e9) {
      reading.problems.push_back(messages.Text("problem.rank_place", {{"criterion", item.title}}));
      continue;
    }
    by_place[static_cast<long long>(*place)].push_back(item.id);
  }
  for (auto& [place, ids] : by_place) judgement.order.push_back(ids);
}

void ReadPairs(const std::vector<FormItem>& items, const std::map<std::string, std::string>& fields,
               const Messages& messages, FormReading& reading, Judgement& judgement) {
  const std::vector<std::string>& answers = PairAnswers();
  for (std::size_t i = 0; i < items.size(); ++i) {
    for (std::size_t j = i + 1; j < items.size(); ++j) {
      const std::string answer = Field(fields, PairField(items[i].id, items[j].id));
      if (std::find(answers.begin(), answers.end(), answer) == answers.end()) {
        reading.problems.push_back(
            messages.Text("problem.pair_missing", {{"a", items[i].title}, {"b", items[j].title}}));
        continue;
      }
      judgement.pairs.push_back({items[i].id, items[j].id, PairValue(answer), {}});
    }
  }
}

}  // namespace

std::string ValueField(const std::string& id) { return "v:" + id; }

std::string PairField(const std::string& a, const std::string& b) { return "p:" + a + "/" + b; }

const std::vector<std::string>& PairAnswers() {
  static const std::vector<std::string> answers = {"9",   "7",   "5",   "3",  "1",
                                                   "1/3", "1/5", "1/7", "1/9"};
  return answers;
}

FormReading ReadJudgementForm(WeighMethod method, const std::string& member,
                              const std::string& node, const std::vector<FormItem>& items,
                              const std::map<std::string, std::string>& fields,
                              const Messages& messages) {
  FormReading reading;
  Judgement judgement;
  judgement.member = member;
  judgement.parent = node;
  judgement.method = method;
  switch (method) {
    case WeighMethod::kRank:
      ReadPlaces(items, fields, messages, reading, judgement);
      break;
    case WeighMethod::kPairwise:
      ReadPairs(items, fields, messages, reading, judgement);
      break;
    default:
      ReadNumbers(method, items, fields, messages, reading, judgement);
      break;
  }
  if (reading.problems.empty()) reading.judgement = judgement;
  return reading;
}

nlohmann::json JudgementTable(const Judgement& judgement) {
  nlohmann::json table = {{"member", judgement.member},
                          {"parent", judgement.parent},
                          {"method", WeighMethodName(judgement.method)}};
  switch (judgement.method) {
    case WeighMethod::kRank: {
      nlohmann::json order = nlohmann::json::array();
      for (const auto& tie : judgement.order) {
        if (tie.size() == 1) {
          order.push_back(tie.front());
        } else {
          order.push_back(tie);
        }
      }
      table["order"] = order;
      break;
    }
    case WeighMethod::kPairwise: {
      nlohmann::json pairs = nlohmann::json::object();
      for (const Comparison& c : judgement.pairs) {
        const std::string key = c.a + "/" + c.b;
        if (c.value >= 1) {
          pairs[key] = static_cast<long long>(std::lround(c.value));
        } else {
          pairs[key] = "1/" + std::to_string(std::lround(1 / c.value));
        }
      }
      table["pairs"] = pairs;
      break;
    }
    default: {
      nlohmann::json values = nlohmann::json::object();
      for (const auto& [id, value] : judgement.values) values[id] = value;
      table[judgement.method == WeighMethod::kDirect ? "weights" : "points"] = values;
      break;
    }
  }
  return table;
}

std::map<std::string, std::string> FieldsOfTable(const nlohmann::json& table, WeighMethod method,
                                                 const std::vector<FormItem>& items) {
  std::map<std::string, std::string> fields;
  if (!table.is_object() || table.value("method", "") != WeighMethodName(method)) return fields;
  if (method == WeighMethod::kRank) {
    const nlohmann::json order = table.value("order", nlohmann::json::array());
    for (std::size_t place = 0; place < order.size(); ++place) {
      const nlohmann::json& at = order[place];
      for (const nlohmann::json& id : at.is_array() ? at : nlohmann::json::array({at})) {
        if (id.is_string()) fields[ValueField(id.get<std::string>())] = std::to_string(place + 1);
      }
    }
  } else if (method == WeighMethod::kPairwise) {
    const nlohmann::json pairs = table.value("pairs", nlohmann::json::object());
    for (std::size_t i = 0; i < items.size(); ++i) {
      for (std::size_t j = i + 1; j < items.size(); ++j) {
        // Stored either way round: a/b = x, or b/a = x (then a/b = 1/x).
        double value = 0;
        for (int turn = 0; turn < 2 && value == 0; ++turn) {
          const std::string key =
              turn == 0 ? items[i].id + "/" + items[j].id : items[j].id + "/" + items[i].id;
          if (!pairs.contains(key)) continue;
          const nlohmann::json& given = pairs[key];
          double x = 0;
          if (given.is_number()) x = given.get<double>();
          if (given.is_string()) {
            const std::string text = given.get<std::string>();
            const std::size_t slash = text.find('/');
            x = slash == std::string::npos ? std::atof(text.c_str())
                                           : std::atof(text.substr(0, slash).c_str()) /
                                                 std::atof(text.substr(slash + 1).c_str());
          }
          if (x > 0) value = turn == 0 ? x : 1 / x;
        }
        for (const std::string& answer : PairAnswers()) {
          if (value > 0 && std::abs(std::log(PairValue(answer) / value)) < 1e-9) {
            fields[PairField(items[i].id, items[j].id)] = answer;
          }
        }
      }
    }
  } else {
    const nlohmann::json values = table.value(method == WeighMethod::kDirect ? "weights" : "points",
                                              nlohmann::json::object());
    for (const FormItem& item : items) {
      if (values.contains(item.id) && values[item.id].is_number()) {
        fields[ValueField(item.id)] = Plain(values[item.id].get<double>());
      }
    }
  }
  return fields;
}

}  // namespace weighbridge::web
