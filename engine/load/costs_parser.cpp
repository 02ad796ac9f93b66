#include "engine/load/costs_parser.h"

#include <cmath>
#include <set>

#include <fmt/core.h>

#include "engine/load/suggest.h"
#include "engine/load/wording.h"

namespace weighbridge {
namespace {

std::vector<std::string> CategoryNames() {
  std::vector<std::string> names;
  for (CostCategory category : AllCostCategories()) names.push_back(CostCategoryName(category));
  return names;
}

std::optional<CostCategory> Category(const std::string& name, const SourcePos& pos,
                                     const SourceFile& file, Diagnostics& diagnostics) {
  if (auto category = CostCategoryFromName(name)) return category;
  const std::vector<std::string> names = CategoryNames();
  std::string guess = DidYouMean(name, names);
  file.Error(diagnostics, pos,
             "unknown cost category '" + name + "'" +
                 (guess.empty() ? "; the categories are " + QuotedList(names) : guess));
  return std::nullopt;
}

// An amount of money: a finite number, 0 or more.
std::optional<double> Amount(const toml::node& node, const std::string& what,
                             const SourceFile& file, Diagnostics& diagnostics) {
  if (!node.is_number()) {
    file.Error(diagnostics, PosOf(file, node),
               "the cost for '" + what + "' should be a number, not " + TomlTypeName(node));
    return std::nullopt;
  }
  const double amount = *node.value<double>();
  if (!std::isfinite(amount)) {
    file.Error(diagnostics, PosOf(file, node), "the cost for '" + what + "' should be a finite number");
    return std::nullopt;
  }
  if (amount < 0) {
    file.Error(diagnostics, PosOf(file, node),
               fmt::format("the cost for '{}' cannot be negative (it is {})", what, amount));
    return std::nullopt;
  }
  return amount;
}

// { category = amount, ... }
bool ParseLines(const toml::table& lines, const SourceFile& file, Diagnostics& diagnostics,
                std::map<CostCategory, double>& out) {
  bool ok = true;
  for (auto&& [k, v] : lines) {
    const std::string name(k.str());
    auto category = Category(name, file.Pos(static_cast<int>(k.source().begin.line),
                                            static_cast<int>(k.source().begin.column)),
                             file, diagnostics);
    auto amount = Amount(v, name, file, diagnostics);
    if (category && amount) {
      out[*category] = *amount;
    } else {
      ok = false;
    }
  }
  return ok;
}

std::optional<PeriodicCost> ParsePeriodic(const toml::table& line, const SourceFile& file,
                                          Diagnostics& diagnostics, const std::string& candidate_id) {
  TomlTable table(line, file, diagnostics, "a periodic cost of candidate '" + candidate_id + "'");
  PeriodicCost out;
  out.pos = table.pos();
  auto name = table.Text("category", true);
  std::optional<CostCategory> category;
  if (name) category = Category(*name, table.PosOfValue("category"), file, diagnostics);
  std::optional<double> amount;
  if (const toml::node* node = table.Node("amount", true)) {
    amount = Amount(*node, name.value_or("amount"), file, diagnostics);
  }
  // 0 until a good interval is read. Longer than any term (at most 100 years)
  // means never, so it is held at 1000 to fit an int.
  int every_years = 0;
  if (auto every = table.WholeNumber("every_years", true)) {
    if (*every < 1) {
      file.Error(diagnostics, table.PosOfValue("every_years"),
                 "every_years should be a whole number of years, 1 or more");
    } else {
      every_years = *every > 1000 ? 1000 : static_cast<int>(*every);
    }
  }
  table.RejectUnknownKeys();
  if (!category || !amount || every_years == 0) return std::nullopt;
  out.category = *category;
  out.amount = *amount;
  out.every_years = every_years;
  return out;
}

// A rate as a fraction within [low, high]; `meaning` finishes the message.
std::optional<double> Rate(TomlTable& table, const std::string& key, double low, double high,
                           const std::string& meaning) {
  auto value = table.Number(key);
  if (value && (*value < low || *value > high)) {
    table.file().Error(table.diagnostics(), table.PosOfValue(key),
                       fmt::format("{} should be from {} to {} ({})", key, low, high, meaning));
    return std::nullopt;
  }
  return value;
}

// A ratio that must be above 1: the multiple of the lowest price at which a
// formula reaches 0.
std::optional<double> RatioAboveOne(TomlTable& table, const std::string& key) {
  auto value = table.Number(key);
  if (value && *value <= 1) {
    table.file().Error(table.diagnostics(), table.PosOfValue(key),
                       fmt::format("{} should be above 1: it is the multiple of the lowest price "
                                   "at which the price score reaches 0 (it is {})",
                                   key, *value));
    return std::nullopt;
  }
  return value;
}

std::optional<PriceMethod> Method(TomlTable& table) {
  auto name = table.Text("method");
  if (!name) return std::nullopt;
  std::vector<std::string> names;
  for (PriceMethod method : {PriceMethod::kLowestRelative, PriceMethod::kLinear,
                             PriceMethod::kDeductPerPercent, PriceMethod::kLog,
                             PriceMethod::kQualityOnly}) {
    if (*name == PriceMethodName(method)) return method;
    names.push_back(PriceMethodName(method));
  }
  table.file().Error(table.diagnostics(), table.PosOfValue("method"),
                     "price method '" + *name + "' is not one of " + QuotedList(names, "or") +
                         DidYouMean(*name, names));
  return std::nullopt;
}

}  // namespace

CandidateCosts ParseCandidateCosts(const toml::table& costs_table, const SourceFile& file,
                                   Diagnostics& diagnostics, const std::string& candidate_id) {
  TomlTable table(costs_table, file, diagnostics, "the costs of candidate '" + candidate_id + "'");
  CandidateCosts out;
  out.pos = table.pos();
  bool ok = true;
  const std::pair<const char*, std::map<CostCategory, double>*> tables[] = {
      {"one_off", &out.one_off},
      {"annual", &out.annual},
      {"per_user_annual", &out.per_user_annual},
      {"exit", &out.exit}};
  for (const auto& [key, lines] : tables) {
    if (const toml::node* node = table.Node(key)) {
      if (const toml::table* inner = node->as_table()) {
        ok = ParseLines(*inner, file, diagnostics, *lines) && ok;
      } else {
        file.Error(diagnostics, PosOf(file, *node),
                   std::string("'") + key + "' should be a table of category = amount, e.g. " +
                       "{ licence = 120000 }, not " + TomlTypeName(*node));
        ok = false;
      }
    }
  }
  if (const toml::array* periodic = table.Array("periodic")) {
    for (const toml::node& item : *periodic) {
      const toml::table* line = item.as_table();
      if (!line) {
        file.Error(diagnostics, PosOf(file, item),
                   "each periodic cost should be a table { category, amount, every_years }");
        ok = false;
        continue;
      }
      if (auto parsed = ParsePeriodic(*line, file, diagnostics, candidate_id)) {
        out.periodic.push_back(*parsed);
      } else {
        ok = false;
      }
    }
  }
  table.RejectUnknownKeys();
  out.refused_lines = !ok;
  return out;
}

CostSettings ParseCostSettings(const toml::table* costs_table, const SourceFile& file,
                               Diagnostics& diagnostics) {
  CostSettings out;
  if (!costs_table) return out;
  TomlTable table(*costs_table, file, diagnostics, "[costs]");
  out.pos = table.pos();
  // The Green Book's long-term rates run from 3.5% down to 1%; 20% would
  // already make year 7 count for a quarter of today, so anything above is
  // taken as a slip (3.5 for 0.035).
  if (auto rate = Rate(table, "discount_rate", 0, 0.2, "a real rate as a fraction: 0.035 is 3.5%")) {
    out.discount_rate = *rate;
  }
  if (auto uplift = Rate(table, "uplift", -0.5, 0.5, "a real yearly increase as a fraction: 0.02 is 2%")) {
    out.uplift = *uplift;
  }
  if (auto users = table.Number("users")) {
    out.users_pos = table.PosOfValue("users");
    if (*users < 0) {
      file.Error(diagnostics, out.users_pos, fmt::format("users cannot be negative (it is {})", *users));
    } else {
      out.users = *users;
    }
  }
  if (auto growth = Rate(table, "user_growth", -0.5, 1, "a yearly growth as a fraction: 0.05 is 5%")) {
    out.user_growth = *growth;
  }
  table.RejectUnknownKeys();
  return out;
}

PriceSettings ParsePriceSettings(const toml::table* price_table, const SourceFile& file,
                                 Diagnostics& diagnostics) {
  PriceSettings out;
  if (!price_table) return out;
  TomlTable table(*price_table, file, diagnostics, "[price]");
  out.pos = table.pos();
  out.share_pos = table.pos();
  if (auto share = Rate(table, "share", 0, 1, "price's share of the total: 0.3 is 30%")) {
    out.share = *share;
    out.share_pos = table.PosOfValue("share");
  }
  if (auto method = Method(table)) out.method = *method;
  if (auto ratio = RatioAboveOne(table, "zero_at_ratio")) out.zero_at_ratio = *ratio;
  if (auto points = table.Number("points_per_percent")) {
    if (*points <= 0) {
      file.Error(diagnostics, table.PosOfValue("points_per_percent"),
                 fmt::format("points_per_percent should be above 0 (it is {})", *points));
    } else {
      out.points_per_percent = *points;
    }
  }
  if (auto ratio = RatioAboveOne(table, "log_zero_at")) out.log_zero_at = *ratio;
  if (auto low = table.Number("abnormally_low")) {
    if (*low <= 0 || *low >= 1) {
      file.Error(diagnostics, table.PosOfValue("abnormally_low"),
                 fmt::format("abnormally_low should be above 0 and below 1: 0.3 flags a bid more "
                             "than 30% below the others (it is {})",
                             *low));
    } else {
      out.abnormally_low = *low;
    }
  }
  if (out.method == PriceMethod::kQualityOnly && out.share > 0) {
    file.Error(diagnostics, out.share_pos,
               fmt::format("method \"quality-only\" scores no price, so share should be 0 (it is "
                           "{})",
                           out.share));
    out.share = 0;
  }
  table.RejectUnknownKeys();
  return out;
}

std::optional<double> ParseBudget(TomlTable& header) {
  auto budget = header.Number("budget");
  if (budget && *budget <= 0) {
    header.file().Error(header.diagnostics(), header.PosOfValue("budget"),
                        fmt::format("budget should be above 0 (it is {})", *budget));
    return std::nullopt;
  }
  return budget;
}

std::vector<TieBreakStep> ParseTieBreak(TomlTable& header) {
  std::vector<TieBreakStep> out;
  const toml::array* list = header.Array("tie_break");
  if (!list) return out;
  const SourceFile& file = header.file();
  std::set<std::string> seen;
  for (const toml::node& item : *list) {
    const SourcePos pos = PosOf(file, item);
    const std::string* text = item.is_string() ? &item.as_string()->get() : nullptr;
    if (!text) {
      file.Error(header.diagnostics(), pos,
                 "each tie-break should be text in quotes: \"quality\", \"price\" or "
                 "\"criterion:<id>\"");
      continue;
    }
    TieBreakStep step;
    step.pos = pos;
    if (*text == "quality") {
      step.kind = TieBreakStep::Kind::kQuality;
    } else if (*text == "price") {
      step.kind = TieBreakStep::Kind::kPrice;
    } else if (text->rfind("criterion:", 0) == 0 && text->size() > 10) {
      step.kind = TieBreakStep::Kind::kCriterion;
      step.criterion = text->substr(10);
    } else {
      file.Error(header.diagnostics(), pos,
                 "'" + *text + "' is not a tie-break; write \"quality\", \"price\" or "
                 "\"criterion:<id>\"" + DidYouMean(*text, {"quality", "price"}));
      continue;
    }
    if (!seen.insert(*text).second) {
      file.Error(header.diagnostics(), pos, "tie-break '" + *text + "' is listed twice");
      continue;
    }
    out.push_back(std::move(step));
  }
  return out;
}

}  // namespace weighbridge
