// Whole-life cost and price through the loader and Evaluate(), on small
// procurement folders written to a temporary folder. Every expected number is
// worked out in the comments. One-off costs fall in year 0, where discounting
// changes nothing, so a bid's present value is simply what it wrote.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "weighbridge/evaluate.h"
#include "weighbridge/load.h"

namespace weighbridge {
namespace {
namespace fs = std::filesystem;

// A procurement folder with one judgement criterion `q` (0-5, under quality
// when price has a share) and no panel. Tests add the rest.
class PriceFolder {
 public:
  PriceFolder() {
    path_ = fs::temp_directory_path() /
            ("weighbridge-price-test-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::remove_all(path_);
    fs::create_directories(path_);
    Write("framework.toml",
          "[framework]\nid = \"f\"\nversion = \"1\"\ntitle = \"F\"\n"
          "[[criterion]]\nid = \"q\"\ntitle = \"Quality of care\"\nassess = \"judgement\"\n");
    Write("panel.toml", "");
  }
  ~PriceFolder() { fs::remove_all(path_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(path_ / name) << text;
  }
  // procurement.toml: `extra` goes inside [procurement]; `tables` after it.
  void Procurement(const std::string& extra, const std::string& tables = "") {
    Write("procurement.toml", "[procurement]\nid = \"p\"\ntitle = \"P\"\ncurrency = \"GBP\"\n"
                              "framework = \"framework.toml\"\nterm_years = 1\n" +
                                  extra + "\n" + tables);
  }
  // Candidates, each with a one-off cost and a consensus score on q.
  void Bids(const std::vector<std::tuple<std::string, double, double>>& bids) {
    std::string candidates;
    std::string scores;
    for (const auto& [id, cost, q] : bids) {
      candidates += "[[candidate]]\nid = \"" + id + "\"\nname = \"" + id + "\"\n" +
                    "[candidate.costs]\none_off = { implementation = " + std::to_string(cost) +
                    " }\n\n";
      scores += "[[consensus]]\ncandidate = \"" + id + "\"\ncriterion = \"q\"\nvalue = " +
                std::to_string(q) + "\n\n";
    }
    Write("candidates.toml", candidates);
    Write("scores.toml", scores);
  }
  ProcurementLoad Load() const { return LoadProcurement(path_, {}); }
  Decision Evaluated() const {
    ProcurementLoad load = Load();
    INFO(load.diagnostics.ToString());
    REQUIRE(load.procurement);
    return Evaluate(*load.procurement);
  }

 private:
  fs::path path_;
};

const CandidateResult& Of(const Decision& d, const std::string& id) {
  for (const CandidateResult& c : d.candidates) {
    if (c.id == id) return c;
  }
  FAIL("no candidate " << id);
  return d.candidates.front();
}

double PriceOf(const CandidateResult& c) {
  for (const CriterionResult& r : c.criteria) {
    if (r.criterion == "price") return r.score;
  }
  return -1;
}

const RuleOutcome* RuleOf(const CandidateResult& c, const std::string& rule) {
  for (const RuleOutcome& o : c.rules) {
    if (o.rule == rule) return &o;
  }
  return nullptr;
}

TEST_CASE("Price: root gets price and quality, set by the procurement, not the panel",
          "[price][evaluate]") {
  PriceFolder f;
  f.Procurement("", "[price]\nshare = 0.25\n");
  f.Bids({{"x", 100, 3}});
  const Decision d = f.Evaluated();
  REQUIRE(d.weights.size() == 3);
  CHECK(d.weights[0].criterion == "quality");
  CHECK(d.weights[0].local == Approx(0.75));
  CHECK(d.weights[1].criterion == "q");
  CHECK(d.weights[1].parent == "quality");
  CHECK(d.weights[1].global == Approx(0.75));
  CHECK(d.weights[2].criterion == "price");
  CHECK(d.weights[2].local == Approx(0.25));
  CHECK(d.unjudged.empty());  // nobody weighs root, and nobody is meant to
  // Only bid, so the lowest: price 100. Total 0.75 x 60 + 0.25 x 100 = 70.
  CHECK(Of(d, "x").total == Approx(70));
  CHECK(Of(d, "x").quality == Approx(60));
}

TEST_CASE("Price: a panel judgement on root weighs quality's children; so does one on quality",
          "[price][evaluate]") {
  PriceFolder f;
  f.Write("framework.toml",
          "[framework]\nid = \"f\"\nversion = \"1\"\ntitle = \"F\"\n"
          "[[criterion]]\nid = \"q\"\ntitle = \"Q\"\nassess = \"judgement\"\n"
          "[[criterion]]\nid = \"r\"\ntitle = \"R\"\nassess = \"judgement\"\n");
  f.Procurement("", "[price]\nshare = 0.4\n");
  f.Write("candidates.toml",
          "[[candidate]]\nid = \"x\"\nname = \"X\"\n[candidate.costs]\nannual = { licence = 1 }\n");
  f.Write("scores.toml", "[[consensus]]\ncandidate = \"x\"\ncriterion = \"q\"\nvalue = 1\n"
                         "[[consensus]]\ncandidate = \"x\"\ncriterion = \"r\"\nvalue = 1\n");
  // Two groups: one judges "root", the other "quality"; both land on quality.
  f.Write("panel.toml",
          "[[group]]\nid = \"g1\"\n[[group]]\nid = \"g2\"\n"
          "[[member]]\nid = \"m1\"\ngroup = \"g1\"\n[[member]]\nid = \"m2\"\ngroup = \"g2\"\n"
          "[[judgement]]\nmember = \"m1\"\nparent = \"root\"\nmethod = \"points\"\n"
          "points = { q = 80, r = 20 }\n"
          "[[judgement]]\nmember = \"m2\"\nparent = \"quality\"\nmethod = \"points\"\n"
          "points = { q = 40, r = 60 }\n");
  const Decision d = f.Evaluated();
  // q: (0.8 + 0.4) / 2 = 0.6 locally, 0.6 x 0.6 = 0.36 globally; r: 0.4, 0.24.
  REQUIRE(d.weights.size() == 4);
  CHECK(d.weights[1].criterion == "q");
  CHECK(d.weights[1].local == Approx(0.6));
  CHECK(d.weights[1].global == Approx(0.36));
  CHECK(d.weights[2].global == Approx(0.24));
  // Each group's own weights keep price and quality at the procurement's.
  for (const GroupSummary& g : d.groups) {
    CHECK(g.weights.at("price") == Approx(0.4));
    CHECK(g.weights.at("quality") == Approx(0.6));
  }
}

TEST_CASE("Price: a panel cannot weigh price", "[price][load]") {
  PriceFolder f;
  f.Procurement("", "[price]\nshare = 0.4\n");
  f.Bids({{"x", 100, 3}});
  f.Write("panel.toml",
          "[[group]]\nid = \"g\"\n[[member]]\nid = \"m\"\ngroup = \"g\"\n"
          "[[judgement]]\nmember = \"m\"\nparent = \"root\"\nmethod = \"points\"\n"
          "points = { price = 30, q = 70 }\n");
  const ProcurementLoad load = f.Load();
  CHECK_FALSE(load.procurement);
  CHECK(load.diagnostics.ToString().find(
            "'price' is not directly under 'quality'; the criteria weighed there are 'q'") !=
        std::string::npos);
}

// x: cost 100, q 4 (80). y: cost 80, q 2.5 (50). z: cost 50, q 1 (20).
// Gate must-q (score("q") >= 40) reads no price: z fails it, so z is outside
// the pool. Gate strong-total (total >= 76) reads the total, so it does not
// decide the pool. Pool {x, y}, lowest 80 (y). Lowest-relative, share 0.5:
//   x: 80 / 100 x 100 = 80, total 0.5 x 80 + 0.5 x 80 = 80: passes strong-total
//   y: 100, total 0.5 x 100 + 0.5 x 50 = 75: fails strong-total, still in the pool
//   z: 80 / 50 x 100 = 160, clamped to 100 (cheaper than the pool's lowest)
void PoolFolder(PriceFolder& f) {
  f.Procurement("", "[price]\nshare = 0.5\n"
                    "[[rule]]\nid = \"must-q\"\nkind = \"gate\"\npass_if = 'score(\"q\") >= 40'\n"
                    "[[rule]]\nid = \"strong-total\"\nkind = \"gate\"\npass_if = 'total >= 76'\n");
  f.Bids({{"x", 100, 4}, {"y", 80, 2.5}, {"z", 50, 1}});
}

TEST_CASE("Price: the pool leaves out bids failing must-haves that do not read price",
          "[price][evaluate]") {
  PriceFolder f;
  PoolFolder(f);
  const Decision d = f.Evaluated();
  REQUIRE(d.price);
  CHECK(d.price->pool == std::vector<std::string>{"x", "y"});
  CHECK(*d.price->lowest == Approx(80));
  CHECK(PriceOf(Of(d, "x")) == Approx(80));
  CHECK(PriceOf(Of(d, "y")) == Approx(100));
  CHECK(PriceOf(Of(d, "z")) == Approx(100));
  CHECK(Of(d, "x").total == Approx(80));
  CHECK(Of(d, "y").total == Approx(75));
  CHECK_FALSE(Of(d, "y").eligible);
  CHECK_FALSE(Of(d, "z").eligible);
  CHECK(d.ranking == std::vector<std::string>{"x"});
  // Without y, x alone sets the lowest: 100, total 90. The others (x) keep
  // their order.
  REQUIRE(d.price->removals.size() == 1);
  CHECK(d.price->removals[0].removed == "y");
  CHECK_FALSE(d.price->removals[0].changes_order);
  CHECK(d.price->removals[0].ranking == std::vector<std::string>{"x"});
}

TEST_CASE("Price: with no bid in the pool price is not scored, and the reason says why",
          "[price][evaluate]") {
  PriceFolder f;
  f.Procurement("", "[price]\nshare = 0.5\n"
                    "[[rule]]\nid = \"must-q\"\nkind = \"gate\"\npass_if = 'score(\"q\") >= 90'\n");
  f.Bids({{"x", 100, 4}, {"y", 80, 2.5}});
  const Decision d = f.Evaluated();
  REQUIRE(d.price);
  CHECK_FALSE(d.price->scored);
  CHECK(d.price->pool.empty());
  CHECK(d.price->reason ==
        "no bid passed every must-have that does not depend on price, so there is no lowest "
        "price to score against");
  CHECK(PriceOf(Of(d, "x")) == 0);
  CHECK(Of(d, "x").criteria.back().basis.starts_with("not scored: no bid passed"));
  CHECK(d.ranking.empty());
}

// w: q 5 (100), cost 300. m: q 3 (60), cost 150. n: q 1 (20), cost 100.
// Share 0.5, lowest-relative, lowest 100 (n):
//   w 100/300 x 100 = 33.33, total 16.67 + 50 = 66.67
//   m 66.67, total 33.33 + 30 = 63.33
//   n 100, total 50 + 10 = 60
// Without n the lowest is 150: w 50 -> 75, m 100 -> 80: m overtakes w.
// Without m: the lowest is still n's; nothing moves.
// Shares: w against m meets where s x 33.33 + (1 - s) x 100 = s x 66.67 +
// (1 - s) x 60, i.e. s = 40 / (40 + 33.33) = 6/11; against n, s = 80 / (80 +
// 66.67) = 6/11 as well. Beyond 6/11 n is further ahead (a bigger price lead).
void SwayFolder(PriceFolder& f) {
  f.Procurement("", "[price]\nshare = 0.5\n");
  f.Bids({{"w", 300, 5}, {"m", 150, 3}, {"n", 100, 1}});
}

TEST_CASE("Price: says when leaving out one losing bid changes the others' order",
          "[price][evaluate]") {
  PriceFolder f;
  SwayFolder(f);
  const Decision d = f.Evaluated();
  CHECK(d.ranking == std::vector<std::string>{"w", "m", "n"});
  CHECK(Of(d, "w").total == Approx(200.0 / 3));
  CHECK(Of(d, "m").total == Approx(190.0 / 3));
  CHECK(Of(d, "n").total == Approx(60));
  REQUIRE(d.price->removals.size() == 2);
  CHECK(d.price->removals[0].removed == "m");
  CHECK_FALSE(d.price->removals[0].changes_order);
  CHECK(d.price->removals[0].ranking == std::vector<std::string>{"w", "n"});
  CHECK(d.price->removals[1].removed == "n");
  CHECK(d.price->removals[1].changes_order);
  CHECK(d.price->removals[1].ranking == std::vector<std::string>{"m", "w"});
}

TEST_CASE("Price: the shares at which the winner would change", "[price][evaluate]") {
  PriceFolder f;
  SwayFolder(f);
  const Decision d = f.Evaluated();
  CHECK(d.price->winner == "w");
  CHECK_FALSE(d.price->below);  // w has the best quality: nothing overtakes it below
  REQUIRE(d.price->above);
  CHECK(d.price->above->share == Approx(6.0 / 11));
  CHECK(d.price->above->winner == "n");
}

TEST_CASE("Price: a losing bid's own winner-change share when quality leads", "[price][evaluate]") {
  // a: q 2 (40), cost 100; b: q 5 (100), cost 400. Share 0.8:
  //   a: 100, total 80 + 8 = 88; b: 25, total 20 + 20 = 40. a wins.
  //   They meet where s x 100 + (1 - s) x 40 = s x 25 + (1 - s) x 100:
  //   60 (1 - s) = 75 s, s = 60 / 135 = 4/9. Below 44.4%, b would win.
  PriceFolder f;
  f.Procurement("", "[price]\nshare = 0.8\n");
  f.Bids({{"a", 100, 2}, {"b", 400, 5}});
  const Decision d = f.Evaluated();
  CHECK(d.price->winner == "a");
  REQUIRE(d.price->below);
  CHECK(d.price->below->share == Approx(4.0 / 9));
  CHECK(d.price->below->winner == "b");
  CHECK_FALSE(d.price->above);
}

TEST_CASE("Budget: a whole-life cost above the budget fails the built-in gate, naming the "
          "amount over",
          "[price][evaluate]") {
  PriceFolder f;
  f.Procurement("budget = 150000\n",
                "[[rule]]\nid = \"within\"\nkind = \"flag\"\nwhen = 'not passed(\"budget\")'\n"
                "because = \"Over budget.\"\n");
  f.Bids({{"x", 100000, 3}, {"y", 162499.6, 3}});
  const Decision d = f.Evaluated();
  const RuleOutcome* x = RuleOf(Of(d, "x"), "budget");
  REQUIRE(x);
  CHECK(x->kind == "gate");
  CHECK(x->outcome == "pass");
  CHECK(x->reason == "The whole-life cost of £100,000 is within the budget of £150,000.");
  const RuleOutcome* y = RuleOf(Of(d, "y"), "budget");
  REQUIRE(y);
  CHECK(y->outcome == "fail");
  CHECK(y->reason == "The whole-life cost of £162,500 is £12,500 over the budget of £150,000.");
  CHECK(std::get<double>(y->values[0].second) == Approx(162499.6));
  CHECK_FALSE(Of(d, "y").eligible);
  CHECK(RuleOf(Of(d, "y"), "within")->outcome == "flag");
  CHECK(RuleOf(Of(d, "x"), "within")->outcome == "pass");
}

TEST_CASE("Costs: cost figures can be read by rules and by evidence criteria", "[price][evaluate]") {
  PriceFolder f;
  f.Write("framework.toml",
          "[framework]\nid = \"f\"\nversion = \"1\"\ntitle = \"F\"\n"
          "[[criterion]]\nid = \"q\"\ntitle = \"Q\"\nassess = \"judgement\"\n"
          "[[criterion]]\nid = \"upkeep\"\ntitle = \"Funded upkeep\"\nassess = \"evidence\"\n"
          "evidence = \"cost.maintenance_share\"\nvalue = { type = \"linear\", worst = 0, "
          "best = 0.5 }\n");
  f.Procurement("", "[costs]\ndiscount_rate = 0\n"
                    "[[rule]]\nid = \"dear\"\nkind = \"flag\"\n"
                    "when = 'cost.whole_life > 1000 and cost.annual_mean > 0'\n");
  // x: one-off 600 and support 200 a year: whole-life 800 over one year,
  //    maintenance share 200 / 800 = 0.25 -> (0.25 - 0) / 0.5 x 100 = 50.
  // y: licence 1,200 a year: whole-life 1,200, share 0 -> 0; flagged dear.
  f.Write("candidates.toml",
          "[[candidate]]\nid = \"x\"\nname = \"X\"\n[candidate.costs]\n"
          "one_off = { training = 600 }\nannual = { support = 200 }\n"
          "[[candidate]]\nid = \"y\"\nname = \"Y\"\n[candidate.costs]\nannual = { licence = 1200 }\n");
  f.Write("scores.toml", "[[consensus]]\ncandidate = \"x\"\ncriterion = \"q\"\nvalue = 1\n"
                         "[[consensus]]\ncandidate = \"y\"\ncriterion = \"q\"\nvalue = 1\n");
  const Decision d = f.Evaluated();
  CHECK(Of(d, "x").criteria[1].score == Approx(50));
  CHECK(Of(d, "y").criteria[1].score == Approx(0));
  CHECK(RuleOf(Of(d, "x"), "dear")->outcome == "pass");
  const RuleOutcome* dear = RuleOf(Of(d, "y"), "dear");
  CHECK(dear->outcome == "flag");
  REQUIRE(dear->values.size() == 2);
  CHECK(dear->values[0].first == "cost.whole_life");
  CHECK(std::get<double>(dear->values[0].second) == Approx(1200));
  CHECK(!d.price);  // no share: no price branch
}

TEST_CASE("Costs: a bid far below the others is flagged abnormally low only with two others",
          "[price][evaluate]") {
  PriceFolder f;
  f.Procurement("");
  // Two bids: z's 100 is far below x's 1,000, but one other bid is no mean.
  f.Bids({{"x", 1000, 3}, {"z", 100, 3}});
  CHECK(Of(f.Evaluated(), "z").cost->flags.empty());
  // Three: z against the mean of x and y, (1,000 + 1,000) / 2 = 1,000; 100 is
  // 90% below, more than 30%. x against (1,000 + 100) / 2 = 550: not below.
  f.Bids({{"x", 1000, 3}, {"y", 1000, 3}, {"z", 100, 3}});
  const Decision d = f.Evaluated();
  REQUIRE(Of(d, "z").cost->flags.size() == 1);
  const CostFlag& flag = Of(d, "z").cost->flags[0];
  CHECK(flag.flag == "abnormally-low");
  CHECK(flag.reason.starts_with("The present value, £100, is 90.0% below the mean of the other "
                                "eligible bids, £1,000 (a bid more than 30% below is flagged)."));
  CHECK(Of(d, "x").cost->flags.empty());
}

TEST_CASE("Costs: a threshold of 0.95 lets a bid 90% below pass unflagged", "[price][evaluate]") {
  PriceFolder f;
  f.Procurement("", "[price]\nabnormally_low = 0.95\n");
  f.Bids({{"x", 1000, 3}, {"y", 1000, 3}, {"z", 100, 3}});
  CHECK(Of(f.Evaluated(), "z").cost->flags.empty());
}

TEST_CASE("Costs: without [costs], Green Book 3.5% and no uplift", "[price][evaluate]") {
  PriceFolder f;
  f.Procurement("term_years = 2\n");
  f.Write("procurement.toml", "[procurement]\nid = \"p\"\ntitle = \"P\"\n"
                              "framework = \"framework.toml\"\nterm_years = 2\n");
  f.Write("candidates.toml", "[[candidate]]\nid = \"x\"\nname = \"X\"\n[candidate.costs]\n"
                             "annual = { licence = 1071.225 }\n");
  f.Write("scores.toml", "[[consensus]]\ncandidate = \"x\"\ncriterion = \"q\"\nvalue = 1\n");
  // 1,071.225 in years 1 and 2, no uplift: 1,071.225 / 1.035 = 1,035 and
  // 1,071.225 / 1.071225 = 1,000.
  const CostResult& cost = *Of(f.Evaluated(), "x").cost;
  CHECK(cost.by_year[1].present_value == Approx(1035));
  CHECK(cost.by_year[2].present_value == Approx(1000));
  CHECK(cost.whole_life == Approx(2142.45));
}

TEST_CASE("Costs: price per quality point, undefined when quality is 0", "[price][evaluate]") {
  PriceFolder f;
  f.Procurement("");
  f.Bids({{"x", 1200, 3}, {"y", 500, 0}});
  const Decision d = f.Evaluated();
  CHECK(*Of(d, "x").cost->price_per_quality_point == Approx(20));  // 1,200 / 60
  CHECK_FALSE(Of(d, "y").cost->price_per_quality_point);
}

TEST_CASE("Price: quality-only shows the costs and scores no price", "[price][evaluate]") {
  PriceFolder f;
  f.Procurement("", "[price]\nmethod = \"quality-only\"\n");
  f.Bids({{"x", 1200, 3}, {"y", 500, 2}});
  const Decision d = f.Evaluated();
  CHECK_FALSE(d.price);
  CHECK(d.weights.size() == 1);
  CHECK(Of(d, "x").total == Approx(60));
  CHECK(Of(d, "x").cost->whole_life == Approx(1200));
}

TEST_CASE("Tie-break: price breaks a tie on total in favour of the lower present value",
          "[price][evaluate]") {
  PriceFolder f;
  f.Procurement("tie_break = [\"price\"]\n");
  f.Bids({{"x", 1200, 3}, {"y", 500, 3}, {"z", 500, 3}});
  const Decision d = f.Evaluated();
  // All total 60. y and z are cheaper than x: ranks 1, 1 and 3.
  CHECK(*Of(d, "y").rank == 1);
  CHECK(*Of(d, "z").rank == 1);
  CHECK(*Of(d, "x").rank == 3);
  CHECK(d.ranking == std::vector<std::string>{"y", "z", "x"});
  REQUIRE(d.ties.size() == 1);
  CHECK(d.ties[0].decided_by == std::vector<std::string>{"price"});
  CHECK(d.ties[0].order == std::vector<std::vector<std::string>>{{"y", "z"}, {"x"}});
}

TEST_CASE("Price: the same inputs give the same decision", "[price][evaluate]") {
  PriceFolder f;
  SwayFolder(f);
  const Decision a = f.Evaluated();
  const Decision b = f.Evaluated();
  for (std::size_t i = 0; i < a.candidates.size(); ++i) {
    CHECK(a.candidates[i].total == b.candidates[i].total);
    CHECK(a.candidates[i].cost->present_value == b.candidates[i].cost->present_value);
  }
  CHECK(a.price->above->share == b.price->above->share);
}

}  // namespace
}  // namespace weighbridge
