#include "engine/cost/price_checks.h"

#include <cmath>

namespace weighbridge {
namespace {

using Groups = std::vector<std::vector<std::string>>;

std::vector<Standing> StandingsOf(const std::vector<CandidateResult>& candidates,
                                  const std::string& removed = "") {
  std::vector<Standing> out;
  for (const CandidateResult& c : candidates) {
    out.push_back({c.id, c.total, c.eligible && c.id != removed});
  }
  return out;
}

// The ranking as groups sharing a rank, best first, leaving out `removed`.
Groups GroupsOf(const std::vector<Standing>& standings, const Ranks& ranks,
                const std::string& removed) {
  Groups out;
  std::optional<int> last;
  for (const std::string& id : ranks.ranking) {
    if (id == removed) continue;
    std::optional<int> rank;
    for (std::size_t i = 0; i < standings.size(); ++i) {
      if (standings[i].id == id) rank = ranks.rank[i];
    }
    if (out.empty() || rank != last) out.emplace_back();
    out.back().push_back(id);
    last = rank;
  }
  return out;
}

std::vector<PoolRemoval> Removals(const Procurement& p, const LocalWeights& local,
                                  const GlobalWeights& global,
                                  const std::vector<CandidateResult>& measured,
                                  const ScoredRound& round, const TieBreakRanks& ranks,
                                  double tolerance) {
  const std::vector<Standing> standings = StandingsOf(round.candidates);
  std::vector<PoolRemoval> out;
  for (const std::string& id : round.pool) {
    bool first = false;
    for (std::size_t i = 0; i < standings.size(); ++i) {
      first = first || (standings[i].id == id && ranks.ranks.rank[i] == 1);
    }
    if (first) continue;
    const ScoredRound again = ScoreRound(p, local, global, measured, {id});
    const std::vector<Standing> without = StandingsOf(again.candidates, id);
    const TieBreakRanks reranked = RankWithTieBreak(without, again.keys, p.tie_break, tolerance);
    PoolRemoval removal;
    removal.removed = id;
    removal.ranking = reranked.ranks.ranking;
    removal.changes_order =
        GroupsOf(standings, ranks.ranks, id) != GroupsOf(without, reranked.ranks, "");
    out.push_back(std::move(removal));
  }
  return out;
}

double PriceScoreOf(const CandidateResult& c) {
  for (const CriterionResult& r : c.criteria) {
    if (r.criterion == kPriceId) return r.score;
  }
  return 0;
}

// Each candidate's total as a line in the share s: s x P + (1 - s) x Q. Two
// lines meet at most once, so the winner holds between the nearest meeting
// points below and above the current share.
void Switches(const std::vector<CandidateResult>& candidates, const TieBreakRanks& ranks,
              double share, double tolerance, PriceSummary& out) {
  const CandidateResult* winner = nullptr;
  int firsts = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (ranks.ranks.rank[i] == 1) {
      winner = &candidates[i];
      ++firsts;
    }
  }
  if (firsts != 1) return;
  out.winner = winner->id;
  const double wp = PriceScoreOf(*winner);
  double lead_below = 0;
  double lead_above = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const CandidateResult& c = candidates[i];
    if (&c == winner || !ranks.ranks.rank[i]) continue;
    const double dq = c.quality - winner->quality;
    const double dp = PriceScoreOf(c) - wp;
    if (std::fabs(dq - dp) <= tolerance) continue;  // parallel: they never meet
    const double meet = dq / (dq - dp);
    if (dq > tolerance && meet >= 0 && meet <= share + tolerance) {
      // Better on quality: ahead at every share below the meeting point.
      if (!out.below || meet > out.below->share + tolerance ||
          (std::fabs(meet - out.below->share) <= tolerance && dq > lead_below)) {
        out.below = ShareSwitch{meet, c.id};
        lead_below = dq;
      }
    }
    if (dp > tolerance && meet <= 1 && meet >= share - tolerance) {
      // Better on price: ahead at every share above the meeting point.
      if (!out.above || meet < out.above->share - tolerance ||
          (std::fabs(meet - out.above->share) <= tolerance && dp > lead_above)) {
        out.above = ShareSwitch{meet, c.id};
        lead_above = dp;
      }
    }
  }
}

}  // namespace

PriceSummary SummarisePrice(const Procurement& procurement, const LocalWeights& local,
                            const GlobalWeights& global,
                            const std::vector<CandidateResult>& measured, const ScoredRound& round,
                            const TieBreakRanks& ranks, double tolerance) {
  PriceSummary out;
  out.share = procurement.price.share;
  out.method = PriceMethodName(procurement.price.method);
  out.scored = round.price_scored;
  out.reason = round.unscored_reason;
  out.pool = round.pool;
  out.lowest = round.lowest;
  if (!round.price_scored) return out;
  out.removals = Removals(procurement, local, global, measured, round, ranks, tolerance);
  Switches(round.candidates, ranks, procurement.price.share, tolerance, out);
  return out;
}

}  // namespace weighbridge
