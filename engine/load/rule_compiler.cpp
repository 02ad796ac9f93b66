#include "engine/load/rule_compiler.h"

#include <cstdlib>
#include <map>
#include <queue>
#include <set>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <fmt/core.h>

#include "engine/load/suggest.h"
#include "engine/rules/expression.h"

namespace weighbridge {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

const SourceFile* FileOf(const std::vector<const SourceFile*>& files, const SourcePos& pos) {
  for (const SourceFile* file : files) {
    if (file->name() == pos.file) return file;
  }
  return nullptr;
}

// The names a condition may read, from what the procurement holds.
rules::Names NamesFor(const Procurement& p, const std::vector<RuleDraft>& drafts) {
  rules::Names names;
  for (const Candidate& candidate : p.candidates) {
    for (const auto& [key, value] : candidate.evidence) {
      names.evidence.emplace(key, static_cast<rules::Type>(value.index()));
    }
  }
  for (const Criterion& c : p.framework.tree.nodes()) names.criteria.insert(c.id);
  for (const RuleDraft& d : drafts) names.rules.insert(d.rule.id);
  for (const std::string& id : BuiltInRuleIds(p.framework.tree)) names.rules.insert(id);
  for (const char* key : {"id", "title", "authority", "reference", "currency"}) {
    names.procurement.emplace(key, rules::Type::kText);
  }
  names.procurement.emplace("term_years", rules::Type::kNumber);
  if (p.budget) {
    names.procurement.emplace("budget", rules::Type::kNumber);
    names.rules.insert("budget");  // the built-in gate
  }
  return names;
}

bool CheckIds(const std::vector<RuleDraft>& drafts, const CriteriaTree& tree, Reporter& report) {
  std::map<std::string, const RuleDraft*> seen;
  const std::vector<std::string> built_in = BuiltInRuleIds(tree);
  bool ok = true;
  for (const RuleDraft& d : drafts) {
    const std::string& id = d.rule.id;
    bool reserved = id == "exclusion" || id == "budget" || id.rfind("minimum:", 0) == 0;
    if (reserved) {
      report.Error(d.rule.pos, "'" + id + "' is the name of a built-in rule; choose another id");
      ok = false;
    } else if (auto [it, inserted] = seen.emplace(id, &d); !inserted) {
      report.Error(d.rule.pos, fmt::format("rule '{}' is declared twice (first at {}:{})", id,
                                           it->second->rule.pos.file, it->second->rule.pos.line));
      ok = false;
    }
  }
  return ok;
}

void CheckTargetAndKeys(const RuleDraft& d, const Procurement& p, const rules::Names& names,
                        Reporter& report) {
  const CriteriaTree& tree = p.framework.tree;
  // An absent target was reported by the parser.
  if (d.rule.kind == RuleKind::kCap && !d.rule.target.empty() && d.rule.target != "total" &&
      !tree.Find(d.rule.target)) {
    std::vector<std::string> ids{"total"};
    for (const Criterion& c : tree.nodes()) ids.push_back(c.id);
    report.Error(d.target_pos, "a cap's target should be a criterion id or \"total\"; '" +
                                   d.rule.target + "' is neither" + DidYouMean(d.rule.target, ids));
  }
  std::vector<std::string> keys;
  for (const auto& [key, type] : names.evidence) keys.push_back(key);
  for (std::size_t i = 0; i < d.rule.evidence.size(); ++i) {
    const std::string& key = d.rule.evidence[i];
    if (names.evidence.count(key)) continue;
    report.Error(d.evidence_pos[i],
                 "no candidate gives evidence '" + key + "'" + DidYouMean(key, keys));
  }
}

std::shared_ptr<const rules::Program> CompileCondition(const RuleDraft& d, const rules::Names& names,
                                                       const std::vector<const SourceFile*>& files,
                                                       Reporter& report) {
  rules::Compiled compiled = rules::Compile(d.rule.condition, names);
  for (const rules::CompileError& error : compiled.errors) {
    const SourceFile* file = FileOf(files, d.condition_pos);
    SourcePos pos = file ? PositionInString(*file, d.condition_pos, error.offset) : d.condition_pos;
    report.Error(pos, "in rule '" + d.rule.id + "': " + error.message);
  }
  return compiled.program;
}

// True when `upper` is `lower` or a criterion above it.
bool AtOrAbove(const CriteriaTree& tree, const std::string& upper, const std::string& lower) {
  for (std::string id = lower; !id.empty() && id != kRootId;) {
    if (id == upper) return true;
    const Criterion* c = tree.Find(id);
    id = c ? c->parent : "";
  }
  return false;
}

// True when a cap on `target` changes what score(`read`) returns: the cap
// scales every leaf under the target, so the target, every criterion under
// it and every criterion above it.
bool CapChangesScore(const CriteriaTree& tree, const std::string& target, const std::string& read) {
  return AtOrAbove(tree, read, target) || AtOrAbove(tree, target, read);
}

// Does `later` have to run after `earlier`?
bool RunsAfter(const Rule& later, const Rule& earlier, std::size_t later_index,
               std::size_t earlier_index, const CriteriaTree& tree) {
  const rules::Program* program = later.program.get();
  if (program && program->reads_rules().count(earlier.id)) return true;
  if (earlier.kind != RuleKind::kCap) return false;
  if (program && program->reads_total()) return true;
  if (program) {
    for (const std::string& read : program->reads_scores()) {
      if (earlier.target != "total" && CapChangesScore(tree, earlier.target, read)) return true;
    }
  }
  // A cap reads its own target's score as it applies: caps on overlapping
  // targets keep the order they were declared in.
  if (later.kind == RuleKind::kCap && later_index > earlier_index) {
    if (later.target == "total") return true;
    if (earlier.target != "total" && CapChangesScore(tree, earlier.target, later.target)) return true;
  }
  return false;
}

// Records the search tree (each vertex's predecessor) and the edges that
// close a loop, so a loop can be named in full.
struct LoopFinder : boost::default_dfs_visitor {
  std::vector<Edge>* found;
  std::vector<std::size_t>* predecessor;
  void tree_edge(Edge e, const Graph& g) { (*predecessor)[boost::target(e, g)] = boost::source(e, g); }
  void back_edge(Edge e, const Graph&) { found->push_back(e); }
};

// Declaration order, moved only as far as dependencies demand (Kahn's
// algorithm taking the earliest-declared ready rule each time).
std::vector<Rule> Order(std::vector<Rule> rules, const CriteriaTree& tree, Reporter& report) {
  const std::size_t n = rules.size();
  Graph graph(n);
  std::vector<int> waiting(n, 0);
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < n; ++b) {
      if (a != b && RunsAfter(rules[b], rules[a], b, a, tree)) {
        boost::add_edge(a, b, graph);
        ++waiting[b];
      }
    }
    if (rules[a].program && rules[a].program->reads_rules().count(rules[a].id)) {
      report.Error(rules[a].pos, "rule '" + rules[a].id + "' reads its own outcome: " +
                                     rules[a].id + " -> " + rules[a].id);
      return {};
    }
  }
  std::vector<Edge> back;
  std::vector<std::size_t> predecessor(n, n);
  LoopFinder visitor;
  visitor.found = &back;
  visitor.predecessor = &predecessor;
  boost::depth_first_search(graph, boost::visitor(visitor));
  if (!back.empty()) {
    // The back edge u -> v closes the loop v -> ... -> u -> v along the search tree.
    const std::size_t u = boost::source(back[0], graph), v = boost::target(back[0], graph);
    // Named in the direction of reading: each rule reads (depends on) the next.
    std::vector<std::string> loop{rules[v].id};
    for (std::size_t w = u; w != v && w < n; w = predecessor[w]) loop.push_back(rules[w].id);
    std::string named;
    for (const std::string& id : loop) named += id + " -> ";
    report.Error(rules[v].pos, std::string("rules depend on each other in a loop, so ") +
                                   (loop.size() == 2 ? "neither" : "none of them") +
                                   " can run first: " + named + rules[v].id);
    return {};
  }
  std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> ready;
  for (std::size_t i = 0; i < n; ++i) {
    if (waiting[i] == 0) ready.push(i);
  }
  std::vector<Rule> out;
  while (!ready.empty()) {
    std::size_t next = ready.top();
    ready.pop();
    out.push_back(rules[next]);
    for (auto [e, end] = boost::out_edges(next, graph); e != end; ++e) {
      if (--waiting[boost::target(*e, graph)] == 0) ready.push(boost::target(*e, graph));
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> BuiltInRuleIds(const CriteriaTree& tree) {
  std::vector<std::string> ids{"exclusion"};
  for (const Criterion& c : tree.nodes()) {
    if (c.minimum) ids.push_back("minimum:" + c.id);
  }
  return ids;
}

SourcePos PositionInString(const SourceFile& file, const SourcePos& string_start,
                           std::size_t offset) {
  int line_no = string_start.line;
  std::string line = file.Line(line_no);
  // Find the opening quote at the start column (columns count characters).
  std::size_t byte = 0;
  for (int column = 1; byte < line.size() && column < string_start.column; ++byte) {
    if ((static_cast<unsigned char>(line[byte]) & 0xC0) != 0x80) ++column;
  }
  if (byte >= line.size() || (line[byte] != '\'' && line[byte] != '"')) return string_start;
  const bool basic = line[byte] == '"';
  const bool multi_line = line.compare(byte, 3, std::string(3, line[byte])) == 0;
  byte += multi_line ? 3 : 1;
  int column = string_start.column + (multi_line ? 3 : 1);
  // TOML drops a line break straight after an opening triple quote.
  if (multi_line && byte >= line.size()) {
    line = file.Line(++line_no);
    byte = 0;
    column = 1;
  }
  for (std::size_t decoded = 0; decoded < offset;) {
    if (byte >= line.size()) {
      if (!multi_line) break;
      line = file.Line(++line_no);  // the line break is one byte of the text
      byte = 0;
      column = 1;
      ++decoded;
      continue;
    }
    std::size_t width = 1, produced = 1;
    if (basic && line[byte] == '\\' && byte + 1 < line.size()) {
      const char kind = line[byte + 1];
      width = kind == 'u' ? 6 : kind == 'U' ? 10 : 2;
      if (kind == 'u' || kind == 'U') {
        // The escape stands for one character: as many UTF-8 bytes as it needs.
        unsigned long code = std::strtoul(line.substr(byte + 2, width - 2).c_str(), nullptr, 16);
        produced = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      }
    }
    for (std::size_t i = 0; i < width && byte < line.size(); ++i, ++byte) {
      if ((static_cast<unsigned char>(line[byte]) & 0xC0) != 0x80) ++column;
    }
    decoded += produced;
  }
  return {string_start.file, line_no, column};
}

std::vector<Rule> CompileRules(std::vector<RuleDraft> drafts, const Procurement& procurement,
                               const std::vector<const SourceFile*>& files,
                               Diagnostics& diagnostics) {
  Reporter report(files, diagnostics);
  if (!CheckIds(drafts, procurement.framework.tree, report)) return {};
  const rules::Names names = NamesFor(procurement, drafts);
  std::vector<Rule> compiled;
  bool ok = true;
  for (RuleDraft& d : drafts) {
    std::size_t before = diagnostics.all().size();
    CheckTargetAndKeys(d, procurement, names, report);
    // An absent or empty condition was reported by the parser already.
    if (d.rule.condition.find_first_not_of(" \t\r\n") != std::string::npos) {
      d.rule.program = CompileCondition(d, names, files, report);
    }
    ok = ok && diagnostics.all().size() == before;
    compiled.push_back(std::move(d.rule));
  }
  if (!ok) return {};
  return Order(std::move(compiled), procurement.framework.tree, report);
}

}  // namespace weighbridge
