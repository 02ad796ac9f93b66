// 20 realistic rules over 1,000,000 generated candidates: the compiled rule
// expressions against the same predicates as SQL over an in-memory SQLite
// table of the same rows, in the same run. See bench/README.md.
//
// Before timing anything, main() counts how many candidates pass each rule in
// four ways (Program::Test, Program::Run, one SQLite scan summing CASE
// expressions, one SQLite count(*) query per rule) and stops with exit code 1
// unless all four agree for every rule. Every timed pass checks its counts
// against those too.
#include <sqlite3.h>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "engine/rules/expression.h"

namespace {

using weighbridge::Date;
using weighbridge::EvidenceValue;
namespace rules = weighbridge::rules;

constexpr std::size_t kCandidates = 1'000'000;
constexpr std::uint64_t kSeed = 20260331;
constexpr std::uint16_t kAbsent = 0xFFFF;

// ---- the rules ----

struct BenchRule {
  const char* expression;  // the rule language
  const char* sql;         // the same predicate as an SQLite WHERE expression
};

// Lists are stored in SQLite as "|item|item|" (see Table::SqlText), so
// `contains` becomes instr(). Procurement values are constants in SQL: budget
// 250000, term_years 5.
constexpr BenchRule kRules[] = {
    {R"(evidence.hosting_region in ["UK", "EEA"])", "hosting_region IN ('UK', 'EEA')"},
    {R"(not evidence.open_api)", "NOT open_api"},
    {R"(evidence.patch_days > 30)", "patch_days > 30"},
    {R"(has(evidence.dpia_date) and evidence.dpia_date >= date("2025-04-01"))",
     "dpia_date IS NOT NULL AND dpia_date >= '2025-04-01'"},
    {R"(evidence.dspt in ["Standards Met", "Standards Exceeded"])",
     "dspt IN ('Standards Met', 'Standards Exceeded')"},
    {R"(evidence.cyber_essentials == "plus" or evidence.iso27001)",
     "cyber_essentials = 'plus' OR iso27001"},
    {R"(evidence.annual_cost / evidence.users <= 40)", "annual_cost / users <= 40"},
    {R"(evidence.uptime >= 99.5 and evidence.support_hours >= 40)",
     "uptime >= 99.5 AND support_hours >= 40"},
    {R"(evidence.wcag_level in ["AA", "AAA"] and has(evidence.accessibility_statement))",
     "wcag_level IN ('AA', 'AAA') AND accessibility_statement IS NOT NULL"},
    {R"(evidence.certifications contains "ISO 27001")",
     "instr(certifications, '|ISO 27001|') > 0"},
    {R"(evidence.export_formats contains "FHIR" or evidence.export_formats contains "CSV")",
     "instr(export_formats, '|FHIR|') > 0 OR instr(export_formats, '|CSV|') > 0"},
    {R"(evidence.annual_cost * procurement.term_years + evidence.setup_cost <= procurement.budget)",
     "annual_cost * 5 + setup_cost <= 250000"},
    {R"(evidence.hosting_region not in ["US", "CN"])", "hosting_region NOT IN ('US', 'CN')"},
    {R"(evidence.patch_days <= 14 or (evidence.patch_days <= 30 and evidence.cyber_essentials == "plus"))",
     "patch_days <= 14 OR (patch_days <= 30 AND cyber_essentials = 'plus')"},
    {R"(not has(evidence.dpo_name))", "dpo_name IS NULL"},
    {R"(evidence.users >= 50 and evidence.users <= 2000)", "users >= 50 AND users <= 2000"},
    {R"(evidence.annual_cost + evidence.setup_cost / procurement.term_years > 40000)",
     "annual_cost + setup_cost / 5 > 40000"},
    {R"(evidence.dcb0129 or not evidence.informs_care)", "dcb0129 OR NOT informs_care"},
    {R"(evidence.explains_decisions or not evidence.automated_decisions)",
     "explains_decisions OR NOT automated_decisions"},
    {R"(lower(evidence.dspt) == "standards met")", "lower(dspt) = 'standards met'"},
};
constexpr std::size_t kRuleCount = std::size(kRules);
using Counts = std::array<std::int64_t, kRuleCount>;

// ---- the candidates ----

// Candidates held by column, each value a 16-bit code into the column's
// dictionary of distinct values (kAbsent: not given). Facts hands out a
// pointer to the dictionary entry, so no value is built per read.
struct Table {
  std::vector<std::string> keys;               // sorted: column i is slot i in Names
  std::vector<rules::Type> types;
  std::vector<std::vector<EvidenceValue>> dictionaries;
  std::vector<std::map<EvidenceValue, std::uint16_t>> lookup;  // while generating
  std::vector<std::uint16_t> codes;            // row-major: codes[row * columns + column]

  std::size_t columns() const { return keys.size(); }
  const std::uint16_t* row(std::size_t r) const { return &codes[r * columns()]; }
};

// A deterministic generator: the same rows on every machine, since it uses
// only mt19937_64's output (the standard fixes it) and modulo.
class Generator {
 public:
  explicit Generator(std::uint64_t seed) : rng_(seed) {}
  std::uint64_t Below(std::uint64_t n) { return rng_() % n; }
  bool Chance(int percent) { return Below(100) < static_cast<std::uint64_t>(percent); }
  template <typename T, std::size_t N>
  const T& Pick(const T (&choices)[N]) { return choices[Below(N)]; }
  std::vector<std::string> Subset(const std::vector<std::string>& items) {
    std::vector<std::string> out;
    for (const std::string& item : items) {
      if (Chance(40)) out.push_back(item);
    }
    return out;
  }

 private:
  std::mt19937_64 rng_;
};

Table Generate() {
  const std::map<std::string, rules::Type> schema = {
      {"accessibility_statement", rules::Type::kText}, {"annual_cost", rules::Type::kNumber},
      {"automated_decisions", rules::Type::kBool},     {"certifications", rules::Type::kList},
      {"cyber_essentials", rules::Type::kText},        {"dcb0129", rules::Type::kBool},
      {"dpia_date", rules::Type::kDate},               {"dpo_name", rules::Type::kText},
      {"dspt", rules::Type::kText},                    {"explains_decisions", rules::Type::kBool},
      {"export_formats", rules::Type::kList},          {"hosting_region", rules::Type::kText},
      {"informs_care", rules::Type::kBool},            {"iso27001", rules::Type::kBool},
      {"open_api", rules::Type::kBool},                {"patch_days", rules::Type::kNumber},
      {"setup_cost", rules::Type::kNumber},            {"support_hours", rules::Type::kNumber},
      {"uptime", rules::Type::kNumber},                {"users", rules::Type::kNumber},
      {"wcag_level", rules::Type::kText},
  };
  Table table;
  for (const auto& [key, type] : schema) {
    table.keys.push_back(key);
    table.types.push_back(type);
  }
  table.dictionaries.resize(schema.size());
  table.lookup.resize(schema.size());
  table.codes.resize(kCandidates * schema.size());

  static const char* kRegions[] = {"UK", "UK", "UK", "EEA", "US", "IN", "CN"};
  static const char* kDspt[] = {"Standards Met", "Standards Exceeded", "Approaching Standards",
                                "Not Published", "standards met", "STANDARDS MET"};
  static const char* kCyber[] = {"none", "basic", "plus", "plus"};
  static const char* kWcag[] = {"A", "AA", "AA", "AAA", "none"};
  const std::vector<std::string> kCertifications = {"ISO 27001", "Cyber Essentials Plus", "DSPT",
                                                    "DCB0129", "ISO 9001"};
  const std::vector<std::string> kFormats = {"CSV", "FHIR", "JSON", "PDF", "XML"};

  Generator g(kSeed);
  for (std::size_t r = 0; r < kCandidates; ++r) {
    for (std::size_t c = 0; c < table.columns(); ++c) {
      const std::string& key = table.keys[c];
      std::uint16_t& code = table.codes[r * table.columns() + c];
      if (g.Chance(5)) {  // not given
        code = kAbsent;
        continue;
      }
      EvidenceValue value;
      if (table.types[c] == rules::Type::kBool) {
        value = g.Chance(60);
      } else if (key == "annual_cost") {
        value = 1000.0 * static_cast<double>(g.Below(121));
      } else if (key == "setup_cost") {
        value = 500.0 * static_cast<double>(g.Below(101));
      } else if (key == "users") {
        value = 25.0 * static_cast<double>(g.Below(201));  // 0 now and then: division by zero
      } else if (key == "patch_days") {
        value = static_cast<double>(g.Below(121));
      } else if (key == "support_hours") {
        value = static_cast<double>(g.Below(81));
      } else if (key == "uptime") {
        value = static_cast<double>(950 + g.Below(51)) / 10.0;  // 95.0 to 100.0
      } else if (key == "dpia_date") {
        value = Date{2023 + static_cast<int>(g.Below(4)), 1 + static_cast<int>(g.Below(12)),
                     1 + static_cast<int>(g.Below(28))};
      } else if (key == "hosting_region") {
        value = std::string(g.Pick(kRegions));
      } else if (key == "dspt") {
        value = std::string(g.Pick(kDspt));
      } else if (key == "cyber_essentials") {
        value = std::string(g.Pick(kCyber));
      } else if (key == "wcag_level") {
        value = std::string(g.Pick(kWcag));
      } else if (key == "accessibility_statement") {
        value = "https://example.org/accessibility/" + std::to_string(g.Below(1000));
      } else if (key == "dpo_name") {
        value = "Data Protection Officer " + std::to_string(g.Below(1000));
      } else if (key == "certifications") {
        value = g.Subset(kCertifications);
      } else {  // export_formats
        value = g.Subset(kFormats);
      }
      auto [it, added] = table.lookup[c].emplace(
          value, static_cast<std::uint16_t>(table.dictionaries[c].size()));
      if (added) table.dictionaries[c].push_back(value);
      code = it->second;
    }
  }
  table.lookup.clear();
  return table;
}

// ---- the rule engine's side ----

// One candidate: a row of codes, each looked up in its column's dictionary.
class RowFacts : public rules::Facts {
 public:
  RowFacts(const Table& table, const std::vector<EvidenceValue>& procurement)
      : table_(table), procurement_(procurement) {
    for (const auto& dictionary : table.dictionaries) dictionaries_.push_back(dictionary.data());
  }
  void set_row(std::size_t r) { row_ = table_.row(r); }

  const EvidenceValue* Evidence(rules::Key key) const override {
    std::uint16_t code = row_[key.slot];
    return code == kAbsent ? nullptr : dictionaries_[key.slot] + code;
  }
  std::optional<double> Score(rules::Key) const override { return std::nullopt; }
  double Total() const override { return 0; }
  const EvidenceValue* Procurement(rules::Key key) const override {
    return &procurement_[key.slot];
  }
  bool Passed(rules::Key) const override { return false; }
  // A block of rows at once: one virtual call per instruction per block.
  void EvidenceOfEach(rules::Key key, std::span<const rules::Facts* const> block,
                      const EvidenceValue** out) const override {
    const EvidenceValue* dictionary = dictionaries_[key.slot];
    for (std::size_t i = 0; i < block.size(); ++i) {
      const std::uint16_t code = static_cast<const RowFacts*>(block[i])->row_[key.slot];
      out[i] = code == kAbsent ? nullptr : dictionary + code;
    }
  }

 private:
  const Table& table_;
  const std::vector<EvidenceValue>& procurement_;
  std::vector<const EvidenceValue*> dictionaries_;  // by slot
  const std::uint16_t* row_ = nullptr;
};

struct Engine {
  rules::Names names;
  std::vector<EvidenceValue> procurement;  // by slot: budget, term_years
  std::vector<std::shared_ptr<const rules::Program>> programs;
};

Engine CompileRules(const Table& table) {
  Engine engine;
  for (std::size_t c = 0; c < table.columns(); ++c) {
    engine.names.evidence[table.keys[c]] = table.types[c];
  }
  engine.names.procurement = {{"budget", rules::Type::kNumber}, {"term_years", rules::Type::kNumber}};
  engine.procurement = {250000.0, 5.0};
  for (const BenchRule& rule : kRules) {
    rules::Compiled compiled = rules::Compile(rule.expression, engine.names);
    if (!compiled.program) {
      std::fprintf(stderr, "rule does not compile: %s\n  %s\n", rule.expression,
                   compiled.errors[0].message.c_str());
      std::exit(1);
    }
    engine.programs.push_back(compiled.program);
  }
  return engine;
}

// Every rule for every candidate, a candidate at a time as the pipeline runs
// them; `explain` records what each read, as a rule's outcome in a report would.
Counts RunEngine(const Table& table, const Engine& engine, bool explain) {
  Counts counts{};
  RowFacts facts(table, engine.procurement);
  for (std::size_t r = 0; r < kCandidates; ++r) {
    facts.set_row(r);
    for (std::size_t i = 0; i < kRuleCount; ++i) {
      rules::Truth truth = explain ? engine.programs[i]->Run(facts).truth()
                                   : engine.programs[i]->Test(facts);
      counts[i] += truth == rules::Truth::kTrue;
    }
  }
  return counts;
}

// Every rule for every candidate, in blocks of candidates: for each block,
// each rule's Program::TestMany over the whole block.
Counts RunEngineBlocks(const Table& table, const Engine& engine) {
  constexpr std::size_t kBlock = 256;
  Counts counts{};
  std::vector<RowFacts> facts(kBlock, RowFacts(table, engine.procurement));
  std::vector<const rules::Facts*> pointers;
  for (const RowFacts& f : facts) pointers.push_back(&f);
  std::vector<rules::Truth> outcomes(kBlock);
  for (std::size_t start = 0; start < kCandidates; start += kBlock) {
    const std::size_t n = std::min(kBlock, kCandidates - start);
    for (std::size_t i = 0; i < n; ++i) facts[i].set_row(start + i);
    for (std::size_t rule = 0; rule < kRuleCount; ++rule) {
      engine.programs[rule]->TestMany({pointers.data(), n}, {outcomes.data(), n});
      for (std::size_t i = 0; i < n; ++i) counts[rule] += outcomes[i] == rules::Truth::kTrue;
    }
  }
  return counts;
}

// Every rule for every candidate, a rule at a time, as the query-per-rule
// SQL does.
Counts RunEngineByRule(const Table& table, const Engine& engine) {
  Counts counts{};
  RowFacts facts(table, engine.procurement);
  for (std::size_t i = 0; i < kRuleCount; ++i) {
    const rules::Program& program = *engine.programs[i];
    std::int64_t passed = 0;
    for (std::size_t r = 0; r < kCandidates; ++r) {
      facts.set_row(r);
      passed += program.Test(facts) == rules::Truth::kTrue;
    }
    counts[i] = passed;
  }
  return counts;
}

// ---- SQLite's side ----

std::string SqlText(const EvidenceValue& value) {
  if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
    std::string out = "|";
    for (const std::string& item : *list) out += item + "|";
    return out;
  }
  if (const auto* date = std::get_if<Date>(&value)) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date->year, date->month, date->day);
    return buffer;
  }
  return std::get<std::string>(value);
}

void Check(int status, sqlite3* db, const char* what) {
  if (status != SQLITE_OK && status != SQLITE_DONE && status != SQLITE_ROW) {
    std::fprintf(stderr, "SQLite: %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
  }
}

sqlite3* LoadSqlite(const Table& table) {
  sqlite3* db = nullptr;
  Check(sqlite3_open(":memory:", &db), db, "open");
  std::string create = "CREATE TABLE c (";
  std::string insert = "INSERT INTO c VALUES (";
  for (std::size_t c = 0; c < table.columns(); ++c) {
    const char* type = table.types[c] == rules::Type::kNumber ? "REAL"
                       : table.types[c] == rules::Type::kBool ? "INTEGER"
                                                              : "TEXT";
    create += (c ? ", " : "") + table.keys[c] + " " + type;
    insert += c ? ", ?" : "?";
  }
  Check(sqlite3_exec(db, (create + ")").c_str(), nullptr, nullptr, nullptr), db, "create");
  Check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
  sqlite3_stmt* stmt = nullptr;
  Check(sqlite3_prepare_v2(db, (insert + ")").c_str(), -1, &stmt, nullptr), db, "prepare insert");
  for (std::size_t r = 0; r < kCandidates; ++r) {
    const std::uint16_t* row = table.row(r);
    for (std::size_t c = 0; c < table.columns(); ++c) {
      int at = static_cast<int>(c) + 1;
      if (row[c] == kAbsent) {
        sqlite3_bind_null(stmt, at);
        continue;
      }
      const EvidenceValue& value = table.dictionaries[c][row[c]];
      if (const bool* flag = std::get_if<bool>(&value)) {
        sqlite3_bind_int(stmt, at, *flag ? 1 : 0);
      } else if (const double* number = std::get_if<double>(&value)) {
        sqlite3_bind_double(stmt, at, *number);
      } else {
        std::string text = SqlText(value);
        sqlite3_bind_text(stmt, at, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
      }
    }
    Check(sqlite3_step(stmt), db, "insert");
    sqlite3_reset(stmt);
  }
  sqlite3_finalize(stmt);
  Check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
  return db;
}

// One pass over the table, as the engine makes: SUM(CASE WHEN p THEN 1 ELSE 0 END)
// counts the rows where p is true (false and NULL count 0).
Counts SqliteOneScan(sqlite3* db) {
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < kRuleCount; ++i) {
    sql += std::string(i ? ", " : "") + "SUM(CASE WHEN " + kRules[i].sql + " THEN 1 ELSE 0 END)";
  }
  sql += " FROM c";
  sqlite3_stmt* stmt = nullptr;
  Check(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), db, "prepare scan");
  Check(sqlite3_step(stmt), db, "scan");
  Counts counts{};
  for (std::size_t i = 0; i < kRuleCount; ++i) counts[i] = sqlite3_column_int64(stmt, static_cast<int>(i));
  sqlite3_finalize(stmt);
  return counts;
}

// SELECT count(*) FROM c WHERE p, once per rule: 20 passes over the table.
Counts SqliteQueryPerRule(sqlite3* db) {
  Counts counts{};
  for (std::size_t i = 0; i < kRuleCount; ++i) {
    std::string sql = std::string("SELECT count(*) FROM c WHERE ") + kRules[i].sql;
    sqlite3_stmt* stmt = nullptr;
    Check(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), db, "prepare count");
    Check(sqlite3_step(stmt), db, "count");
    counts[i] = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
  }
  return counts;
}

// ---- the run ----

struct World {
  Table table;
  Engine engine;
  sqlite3* db = nullptr;
  Counts expected{};
};
World* world = nullptr;

void CheckCounts(benchmark::State& state, const Counts& counts) {
  if (counts != world->expected) state.SkipWithError("pass counts differ from the agreed counts");
}

void BM_RuleEngine(benchmark::State& state) {
  for (auto _ : state) CheckCounts(state, RunEngine(world->table, world->engine, false));
  state.counters["evaluations/s"] = benchmark::Counter(
      static_cast<double>(kCandidates * kRuleCount), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_RuleEngineTestMany(benchmark::State& state) {
  for (auto _ : state) CheckCounts(state, RunEngineBlocks(world->table, world->engine));
  state.counters["evaluations/s"] = benchmark::Counter(
      static_cast<double>(kCandidates * kRuleCount), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_RuleEngineByRule(benchmark::State& state) {
  for (auto _ : state) CheckCounts(state, RunEngineByRule(world->table, world->engine));
  state.counters["evaluations/s"] = benchmark::Counter(
      static_cast<double>(kCandidates * kRuleCount), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_RuleEngineExplained(benchmark::State& state) {
  for (auto _ : state) CheckCounts(state, RunEngine(world->table, world->engine, true));
  state.counters["evaluations/s"] = benchmark::Counter(
      static_cast<double>(kCandidates * kRuleCount), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_SqliteOneScan(benchmark::State& state) {
  for (auto _ : state) CheckCounts(state, SqliteOneScan(world->db));
  state.counters["evaluations/s"] = benchmark::Counter(
      static_cast<double>(kCandidates * kRuleCount), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_SqliteQueryPerRule(benchmark::State& state) {
  for (auto _ : state) CheckCounts(state, SqliteQueryPerRule(world->db));
  state.counters["evaluations/s"] = benchmark::Counter(
      static_cast<double>(kCandidates * kRuleCount), benchmark::Counter::kIsIterationInvariantRate);
}

BENCHMARK(BM_RuleEngineTestMany)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_RuleEngine)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_RuleEngineByRule)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_RuleEngineExplained)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SqliteOneScan)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SqliteQueryPerRule)->Unit(benchmark::kMillisecond)->UseRealTime();

// Prints the usual table and remembers each benchmark's median, so that the
// ratios can be printed at the end of the same run.
class MedianReporter : public benchmark::ConsoleReporter {
 public:
  std::map<std::string, double> medians;  // benchmark name -> median ms per pass
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.run_type == Run::RT_Aggregate && run.aggregate_name == "median") {
        medians[run.run_name.function_name] = run.GetAdjustedRealTime();
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }
};

bool AgreeOnCounts() {
  Counts test = RunEngine(world->table, world->engine, false);
  Counts run = RunEngine(world->table, world->engine, true);
  Counts scan = SqliteOneScan(world->db);
  Counts per_rule = SqliteQueryPerRule(world->db);
  std::printf("%-4s %10s %10s %10s %10s  %s\n", "rule", "Test", "Run", "SQL scan", "SQL each",
              "expression");
  bool agree = true;
  for (std::size_t i = 0; i < kRuleCount; ++i) {
    bool same = test[i] == run[i] && run[i] == scan[i] && scan[i] == per_rule[i];
    agree = agree && same;
    std::printf("%-4zu %10lld %10lld %10lld %10lld  %s%s\n", i + 1,
                static_cast<long long>(test[i]), static_cast<long long>(run[i]),
                static_cast<long long>(scan[i]), static_cast<long long>(per_rule[i]),
                kRules[i].expression, same ? "" : "   <-- DIFFERENT");
  }
  world->expected = test;
  return agree;
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  World built;
  world = &built;
  std::printf("generating %zu candidates (seed %llu) ...\n", kCandidates,
              static_cast<unsigned long long>(kSeed));
  built.table = Generate();
  built.engine = CompileRules(built.table);
  std::printf("loading them into an in-memory SQLite table ...\n");
  built.db = LoadSqlite(built.table);
  if (!AgreeOnCounts()) {
    std::fprintf(stderr, "the rule engine and SQLite disagree on pass counts\n");
    return 1;
  }
  std::printf("all four agree on every rule's pass count\n\n");

  MedianReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  auto median = [&](const char* name) {
    auto it = reporter.medians.find(name);
    return it == reporter.medians.end() ? 0.0 : it->second;
  };
  double many = median("BM_RuleEngineTestMany"), single = median("BM_RuleEngine");
  double by_rule = median("BM_RuleEngineByRule"), explained = median("BM_RuleEngineExplained");
  double scan = median("BM_SqliteOneScan"), per_rule = median("BM_SqliteQueryPerRule");
  if (many > 0 && single > 0 && scan > 0 && per_rule > 0) {
    double sqlite = std::min(scan, per_rule);
    std::printf("\nmedians, ms per pass of %zu rules x %zu candidates (speed-up over SQLite's faster way):\n",
                kRuleCount, kCandidates);
    auto line = [&](const char* what, double ms) {
      if (ms > 0) std::printf("  %-38s %9.1f ms  %5.1fx\n", what, ms, sqlite / ms);
    };
    line("rule engine, TestMany() in blocks", many);
    line("rule engine, Test() per candidate", single);
    line("rule engine, Test() a rule at a time", by_rule);
    line("rule engine, Run() with values read", explained);
    line("SQLite, one scan summing CASEs", scan);
    line("SQLite, a count(*) query per rule", per_rule);
  } else {
    std::printf("\n(run with --benchmark_repetitions=N to print medians and the ratio)\n");
  }
  sqlite3_close(built.db);
  return 0;
}
