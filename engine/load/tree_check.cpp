#include "engine/load/tree_check.h"

#include <map>
#include <set>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>

#include "engine/load/suggest.h"

namespace weighbridge {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

// Reports an error quoting the line when its file is known.
// Records the first edge that closes a cycle (an edge back to a vertex still
// being visited), which is how depth-first search detects cycles.
struct CycleFinder : boost::default_dfs_visitor {
  std::vector<Edge>* back_edges;
  void back_edge(Edge e, const Graph&) { back_edges->push_back(e); }
};

// "a -> b -> a" for the cycle that the back edge from -> to closes, walking
// from `to` down the parent links until `from`.
std::string DescribeCycle(Vertex from, Vertex to, const std::vector<Criterion>& criteria,
                          const std::map<std::string, Vertex>& vertex_of) {
  std::string out = criteria[to].id;
  Vertex v = from;
  std::vector<std::string> reversed;
  while (v != to) {
    reversed.push_back(criteria[v].id);
    v = vertex_of.at(criteria[v].parent);
  }
  for (auto it = reversed.rbegin(); it != reversed.rend(); ++it) out += " -> " + *it;
  return out + " -> " + criteria[to].id;
}

}  // namespace

std::optional<CriteriaTree> CheckTree(const std::vector<Criterion>& criteria,
                                      const std::vector<const SourceFile*>& files,
                                      Diagnostics& diagnostics) {
  Reporter report(files, diagnostics);
  bool ok = true;
  std::map<std::string, Vertex> vertex_of;
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    const Criterion& c = criteria[i];
    auto [it, inserted] = vertex_of.emplace(c.id, i);
    if (!inserted) {
      const SourcePos& first = criteria[it->second].pos;
      report.Error(c.pos, "criterion '" + c.id + "' is declared twice (first at " + first.file + ":" +
                              std::to_string(first.line) + ")");
      ok = false;
    }
    ids.push_back(c.id);
  }
  if (!ok) return std::nullopt;

  // One vertex per criterion, plus the root; an edge from each parent to its child.
  const Vertex root = criteria.size();
  Graph graph(criteria.size() + 1);
  std::set<std::string> has_children;
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    const Criterion& c = criteria[i];
    if (c.parent == kRootId) {
      boost::add_edge(root, i, graph);
    } else if (auto it = vertex_of.find(c.parent); it != vertex_of.end()) {
      boost::add_edge(it->second, i, graph);
      has_children.insert(c.parent);
    } else {
      report.Error(c.parent_pos, "parent '" + c.parent + "' of criterion '" + c.id +
                                     "' is not a criterion" + DidYouMean(c.parent, ids));
      ok = false;
    }
  }
  std::vector<Edge> back_edges;
  CycleFinder finder;
  finder.back_edges = &back_edges;
  boost::depth_first_search(graph, boost::visitor(finder));
  std::set<std::string> reported;
  std::set<std::string> in_loop;
  for (const Edge& e : back_edges) {
    std::string cycle = DescribeCycle(boost::source(e, graph), boost::target(e, graph), criteria,
                                      vertex_of);
    const Criterion& closing = criteria[boost::target(e, graph)];
    for (Vertex v = boost::source(e, graph); in_loop.insert(criteria[v].id).second;) {
      v = vertex_of.at(criteria[v].parent);
    }
    if (reported.insert(closing.id).second) {
      report.Error(closing.parent_pos, "criteria form a loop, so none of them belongs under the top: " + cycle);
    }
    ok = false;
  }
  for (const Criterion& c : criteria) {
    if (in_loop.count(c.id)) continue;  // its shape is moot until the loop is broken
    bool leaf = !has_children.count(c.id);
    if (leaf && c.assess == Assess::kBranch) {
      report.Error(c.pos, "criterion '" + c.id +
                              "' has no sub-criteria, so it needs assess = \"judgement\" or "
                              "assess = \"evidence\"");
      ok = false;
    } else if (!leaf && c.assess != Assess::kBranch) {
      report.Error(c.assess_pos.line ? c.assess_pos : c.pos, "criterion '" + c.id +
                              "' has sub-criteria, so it is assessed through them and takes no "
                              "'assess'");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return CriteriaTree(criteria);
}

}  // namespace weighbridge
