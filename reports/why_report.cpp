// `weighbridge why`: why one candidate ranks above another, as the criteria
// that make up the difference between their totals. The arithmetic is in
// point_differences.cpp; this file only words it.
#include <cmath>
#include <string>
#include <vector>

#include "reports/markdown_text.h"
#include "reports/number_format.h"
#include "reports/point_differences.h"
#include "weighbridge/reports.h"

namespace weighbridge {
namespace {

const CandidateResult* FindResult(const Decision& decision, const std::string& id) {
  for (const CandidateResult& c : decision.candidates) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

// Points for people: one decimal, and never "0.0" for a difference that is
// not nothing, which would read as "no difference".
std::string Points(double points) {
  std::string text = FormatOneDecimal(std::fabs(points));
  return text == "0.0" ? "less than 0.1" : text;
}

class WhyWriter {
 public:
  WhyWriter(const Procurement& p, const CandidateResult& a, const CandidateResult& b)
      : p_(p), a_(a), b_(b), a_name_(Name(a)), b_name_(Name(b)) {}

  std::string Render() {
    Heading();
    Standing();
    TotalsSentence();
    const std::vector<PointDifference> lines = PointDifferences(a_, b_);
    out_ +=
        "Each criterion gives a product its weight times its score, in points out of 100. "
        "Below, the points are given as " +
        Possessive(a_name_) + " against " + Possessive(b_name_) + ".\n\n";
    Group(lines, 0, "In " + Possessive(a_name_) + " favour");
    Group(lines, 1, "In " + Possessive(b_name_) + " favour");
    Equal(lines);
    Sum(lines);
    return out_;
  }

 private:
  static std::string Name(const CandidateResult& c) {
    return c.name.empty() ? Escape(c.id) : Escape(c.name);
  }

  std::string Title(const std::string& id) const {
    if (const Criterion* c = p_.framework.tree.Find(id); c && !c->title.empty()) {
      return Escape(c->title);
    }
    if (id == kPriceId) return "Price";
    if (id == "total") return "The cap on the total";
    return Escape(id);
  }

  bool BothRanked() const { return a_.rank && b_.rank; }

  void Heading() {
    if (BothRanked() && *a_.rank < *b_.rank) {
      out_ += "# Why " + a_name_ + " ranks above " + b_name_ + "\n\n";
    } else if (BothRanked() && *b_.rank < *a_.rank) {
      out_ += "# " + b_name_ + " ranks above " + a_name_ + "\n\n";
    } else {
      out_ += "# " + a_name_ + " and " + b_name_ + "\n\n";
    }
  }

  // Where each stands: their ranks, or why one is not ranked at all.
  void Standing() {
    if (BothRanked()) {
      std::string ranks = std::to_string(*a_.rank) + " and " + std::to_string(*b_.rank);
      if (*a_.rank == *b_.rank) {
        out_ += a_name_ + " and " + b_name_ + " share rank " + std::to_string(*a_.rank) +
                ": their totals are the same and the tie-break does not separate them.\n\n";
        return;
      }
      bool a_first = *a_.rank < *b_.rank;
      const std::string& first = a_first ? a_name_ : b_name_;
      const std::string& second = a_first ? b_name_ : a_name_;
      out_ += first + " ranks above " + second + ": they are ranked " +
              (a_first ? ranks : std::to_string(*b_.rank) + " and " + std::to_string(*a_.rank));
      if (std::fabs(a_.total - b_.total) <= kPointTolerance) {
        out_ += ", by the tie-break declared before scoring, as their totals are the same";
      }
      out_ += ".\n\n";
      return;
    }
    for (const CandidateResult* c : {&a_, &b_}) {
      const std::string& name = c == &a_ ? a_name_ : b_name_;
      if (c->rank) {
        out_ += name + " is ranked " + std::to_string(*c->rank) + ".\n\n";
      } else {
        out_ += name + " is not eligible, so it is not ranked" + FailedReasons(*c) + ".\n\n";
      }
    }
  }

  // ": reason; reason", from the rules it failed; "" when none is recorded.
  static std::string FailedReasons(const CandidateResult& c) {
    std::string reasons;
    for (const RuleOutcome& rule : c.rules) {
      if (rule.outcome != "fail" || rule.reason.empty()) continue;
      reasons += (reasons.empty() ? ": " : "; ") + Escape(WithoutFullStop(rule.reason));
    }
    return reasons;
  }

  void TotalsSentence() {
    double gap = a_.total - b_.total;
    std::string a_total = FormatOneDecimal(a_.total);
    std::string b_total = FormatOneDecimal(b_.total);
    if (std::fabs(gap) <= kPointTolerance) {
      out_ += a_name_ + " and " + b_name_ + " both scored " + a_total +
              " out of 100, so the differences on the criteria below balance out.\n\n";
      return;
    }
    const std::string& ahead = gap > 0 ? a_name_ : b_name_;
    out_ += a_name_ + " scored " + a_total + " out of 100 and " + b_name_ + " scored " + b_total +
            ": " + ahead + " is " + Points(gap) +
            " points ahead, and the differences on the criteria below add up to that.\n\n";
  }

  // One side's lines (0: A's favour, 1: B's), largest first, under a heading.
  void Group(const std::vector<PointDifference>& lines, int side, const std::string& heading) {
    std::string items;
    for (const PointDifference& line : lines) {
      bool in_a = line.difference > kPointTolerance;
      bool in_b = line.difference < -kPointTolerance;
      if ((side == 0 && !in_a) || (side == 1 && !in_b)) continue;
      items += "- " + Title(line.criterion) + ": " + Points(line.difference) + " points (" +
               FormatOneDecimal(line.a) + " against " + FormatOneDecimal(line.b) + CapNote(line) +
               ")\n";
    }
    if (items.empty()) return;
    out_ += "## " + heading + "\n\n" + items + "\n";
  }

  void Equal(const std::vector<PointDifference>& lines) {
    std::vector<std::string> titles;
    for (const PointDifference& line : lines) {
      if (std::fabs(line.difference) <= kPointTolerance) titles.push_back(Title(line.criterion));
    }
    if (titles.empty()) return;
    out_ += "## No difference\n\n" + JoinPlainList(titles) + ": the same points for both.\n\n";
  }

  // Which caps lowered a line, so that a difference made by a rule rather
  // than by a score is not mistaken for one.
  std::string CapNote(const PointDifference& line) const {
    std::string note;
    auto add = [&note](const std::string& name, const std::vector<std::string>& caps) {
      if (caps.empty()) return;
      std::vector<std::string> quoted;
      for (const std::string& cap : caps) quoted.push_back("'" + Escape(cap) + "'");
      note += "; " + Possessive(name) + " lowered by the cap" + (caps.size() > 1 ? "s " : " ") +
              JoinPlainList(quoted);
    };
    add(a_name_, line.a_capped_by);
    add(b_name_, line.b_capped_by);
    return note;
  }

  // The arithmetic, so that a reader can check that the lines make the gap.
  void Sum(const std::vector<PointDifference>& lines) {
    double for_a = 0;
    double for_b = 0;
    for (const PointDifference& line : lines) {
      if (line.difference > kPointTolerance) for_a += line.difference;
      if (line.difference < -kPointTolerance) for_b -= line.difference;
    }
    double gap = a_.total - b_.total;
    std::string a_points = FormatOneDecimal(for_a);
    std::string b_points = FormatOneDecimal(for_b);
    if (std::fabs(gap) <= kPointTolerance) {
      out_ += "In all, " + a_points + " points in " + Possessive(a_name_) + " favour and " + b_points +
              " in " + Possessive(b_name_) + " balance out, as their totals do";
    } else {
      out_ += "In all, " + a_points + " points in " + Possessive(a_name_) + " favour less " + b_points +
              " in " + Possessive(b_name_) + " leaves " + Points(gap) + " in " +
              Possessive(gap > 0 ? a_name_ : b_name_) + " favour: the difference between their totals";
    }
    // Rounded as shown, the two sides can miss the gap by 0.1.
    auto shown = [](double points) { return std::round(points * 10) / 10; };
    if (FormatOneDecimal(shown(for_a) - shown(for_b)) != FormatOneDecimal(gap)) {
      out_ += " (the points shown are rounded, so they may not add up exactly)";
    }
    out_ += ".\n";
  }

  const Procurement& p_;
  const CandidateResult& a_;
  const CandidateResult& b_;
  const std::string a_name_;
  const std::string b_name_;
  std::string out_;
};

std::string QuotedIds(const Decision& decision) {
  std::vector<std::string> ids;
  for (const CandidateResult& c : decision.candidates) ids.push_back("'" + c.id + "'");
  return ids.empty() ? std::string("there are no candidates")
                     : "the candidates are " + JoinPlainList(ids);
}

}  // namespace

WhyText RenderWhy(const Procurement& procurement, const Decision& decision, const std::string& a,
                  const std::string& b) {
  WhyText out;
  const CandidateResult* first = FindResult(decision, a);
  const CandidateResult* second = FindResult(decision, b);
  std::vector<std::string> unknown;
  if (!first) unknown.push_back("'" + a + "'");
  if (!second && b != a) unknown.push_back("'" + b + "'");
  if (!unknown.empty()) {
    out.error = std::string(unknown.size() > 1 ? "no candidates " : "no candidate ") +
                JoinPlainList(unknown) + "; " + QuotedIds(decision);
    return out;
  }
  if (a == b) {
    out.error = "'" + a + "' is given twice; name two different candidates";
    return out;
  }
  out.found = true;
  out.text = WhyWriter(procurement, *first, *second).Render();
  return out;
}

}  // namespace weighbridge
