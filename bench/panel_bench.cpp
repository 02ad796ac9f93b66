// The panel at scale: 100,000 members, each comparing ten criteria two at a
// time (every pair), in four groups. Run by bench/run_panel.sh, which makes
// the input with bench/panel_data.py and runs bench/panel_numpy.py, the same
// computation vectorised with numpy, in the same run.
//
//   panel_bench FOLDER [GOOGLE BENCHMARK FLAGS...]
//
// Parsing (panel.csv through the engine's own reader, then each judgement's
// pairs into a 10 x 10 matrix) is timed once and printed on its own, as
// "parse_seconds". The benchmarks then time, on the parsed panel:
//   BM_EigenCrAggregate  what panel_numpy.py does, on one thread and on two
//                        (the members split in two halves): each member's principal
//                        eigenvector (engine/weigh/ahp.h, power iteration to
//                        1e-12) and consistency ratio, then each group's mean
//                        of its members' weights and the panel's mean of the
//                        groups' (groups equal).
//   BM_WeighPanel        the engine's whole weighing step, WeighPanel(): the
//                        above plus, per member, the comparison furthest from
//                        the others (a least squares solve without it), and
//                        the bookkeeping the reports need. More work than the
//                        numpy script does; shown for the record.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <algorithm>
#include <map>
#include <sstream>
#include <thread>

#include "engine/load/panel_csv.h"
#include "engine/weigh/ahp.h"
#include "engine/weigh/judgement_weights.h"
#include "engine/weigh/panel_weights.h"

namespace weighbridge {
namespace {

constexpr int kCriteria = 10;
constexpr int kGroups = 4;

struct Data {
  CriteriaTree tree;
  Panel panel;
  std::vector<double> matrices;  // member k's matrix at k * 100, row-major
  std::vector<int> group_of;     // member k's group index
};

Data& TheData() {
  static Data data;
  return data;
}

CriteriaTree Tree() {
  std::vector<Criterion> criteria;
  for (int i = 0; i < kCriteria; ++i) {
    Criterion c;
    c.id = "c" + std::to_string(i);
    c.parent = kRootId;
    c.title = c.id;
    c.assess = Assess::kJudgement;
    criteria.push_back(c);
  }
  return CriteriaTree(criteria);
}

// Reads FOLDER/panel.csv into TheData(); returns the seconds it took, or -1.
double Parse(const std::string& folder) {
  std::ifstream in(folder + "/panel.csv", std::ios::binary);
  if (!in) return -1;
  std::ostringstream text;
  text << in.rdbuf();
  const auto start = std::chrono::steady_clock::now();
  Data& d = TheData();
  d.tree = Tree();
  for (int g = 0; g < kGroups; ++g) {
    d.panel.groups.push_back({"g" + std::to_string(g), "", 1, GroupRole::kUnset, {}, {}, {}});
  }
  Diagnostics diagnostics;
  ParsePanelCsv(SourceFile("panel.csv", text.str()), &d.tree, diagnostics, d.panel);
  if (diagnostics.has_errors()) {
    std::cerr << diagnostics.ToString();
    return -1;
  }
  const std::vector<std::string>& children = d.tree.Children(kRootId);
  std::map<std::string, int> group_of;  // member -> group index ("g2" -> 2)
  for (const Member& m : d.panel.members) group_of[m.id] = std::stoi(m.group.substr(1));
  d.matrices.assign(d.panel.judgements.size() * kCriteria * kCriteria, 0.0);
  for (std::size_t k = 0; k < d.panel.judgements.size(); ++k) {
    double* a = &d.matrices[k * kCriteria * kCriteria];
    for (int i = 0; i < kCriteria; ++i) a[i * kCriteria + i] = 1;
    for (const PairEntry& e : PairEntries(d.panel.judgements[k], children)) {
      a[e.i * kCriteria + e.j] = e.value;
      a[e.j * kCriteria + e.i] = 1 / e.value;
    }
    d.group_of.push_back(group_of.at(d.panel.judgements[k].member));
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

struct Result {
  std::vector<double> panel;  // the panel's weights
  double cr_sum = 0;
  int above = 0;  // consistency ratios above 0.1
};

// With `threads` > 1 the members are split into that many contiguous runs,
// each through PrincipalEigenBatch on its own thread: every member's result
// is the same whichever run it falls in.
Result EigenCrAggregate(const Data& d, int threads) {
  const std::size_t members = d.group_of.size();
  std::vector<double> sums(kGroups * kCriteria, 0.0);
  std::vector<int> counts(kGroups, 0);
  Result out;
  std::vector<double> w(members * kCriteria), lambda(members);
  const std::size_t nn = kCriteria * kCriteria;
  const std::size_t per = (members + threads - 1) / threads;
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    const std::size_t first = std::min(members, t * per);
    const std::size_t count = std::min(members, first + per) - first;
    workers.emplace_back([&, first, count] {
      PrincipalEigenBatch(d.matrices.data() + first * nn, kCriteria, count,
                          w.data() + first * kCriteria, lambda.data() + first);
    });
  }
  for (std::thread& worker : workers) worker.join();
  const double random_index = RandomIndex(kCriteria);
  for (std::size_t k = 0; k < members; ++k) {
    const double cr = (lambda[k] - kCriteria) / (kCriteria - 1) / random_index;
    out.cr_sum += cr;
    out.above += cr > 0.1;
    double* group = &sums[d.group_of[k] * kCriteria];
    for (int i = 0; i < kCriteria; ++i) group[i] += w[k * kCriteria + i];
    ++counts[d.group_of[k]];
  }
  out.panel.assign(kCriteria, 0.0);
  for (int g = 0; g < kGroups; ++g) {
    for (int i = 0; i < kCriteria; ++i) out.panel[i] += sums[g * kCriteria + i] / counts[g];
  }
  for (double& x : out.panel) x /= kGroups;
  return out;
}

void BM_EigenCrAggregate(benchmark::State& state) {
  for (auto _ : state) {
    Result r = EigenCrAggregate(TheData(), static_cast<int>(state.range(0)));
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(TheData().group_of.size()));
}
BENCHMARK(BM_EigenCrAggregate)->ArgName("threads")->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_WeighPanel(benchmark::State& state) {
  for (auto _ : state) {
    PanelWeights w = WeighPanel(TheData().tree, TheData().panel);
    benchmark::DoNotOptimize(w);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(TheData().group_of.size()));
}
BENCHMARK(BM_WeighPanel)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

}  // namespace
}  // namespace weighbridge

int main(int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') {
    std::cerr << "usage: panel_bench FOLDER [benchmark flags]\n";
    return 2;
  }
  const double seconds = weighbridge::Parse(argv[1]);
  if (seconds < 0) {
    std::cerr << "panel_bench: cannot read " << argv[1] << "/panel.csv\n";
    return 2;
  }
  std::printf("parse_seconds %.6f\n", seconds);
  const weighbridge::Result r = weighbridge::EigenCrAggregate(weighbridge::TheData(), 1);
  std::printf("panel_weights");
  for (double x : r.panel) std::printf(" %.15f", x);
  std::printf("\ncheck_cr_sum %.9f\ncheck_above_0.1 %d\n", r.cr_sum, r.above);
  std::fflush(stdout);
  argv[1] = argv[0];
  ++argv;
  --argc;
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
