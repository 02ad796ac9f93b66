#include "reports/markdown_freeze.h"

#include "reports/markdown_text.h"
#include "reports/number_format.h"
#include "reports/sign_off_text.h"
#include "weighbridge/published_shares.h"

namespace weighbridge {
namespace {

// "2026-03-03T10:02:00Z" -> "2026-03-03": the day is what a reader needs.
std::string Day(const std::string& at) { return at.substr(0, 10); }

}  // namespace

std::string FixedMethodText(const Procurement& procurement) {
  if (!procurement.freeze) return {};
  const MethodFreeze& freeze = *procurement.freeze;
  std::string out = "The method was fixed on " + Day(freeze.at) + " (" +
                    Escape(WithoutFullStop(freeze.note)) + "); weights used as published: ";
  bool first = true;
  for (const std::string& leaf : procurement.framework.tree.leaves()) {
    auto it = freeze.published_tenths.find(leaf);
    out += (first ? "" : ", ") + EscapedTitle(procurement, leaf) + " " +
           TenthsPercent(it == freeze.published_tenths.end() ? 0 : it->second);
    first = false;
  }
  out += ". Every total in this report uses these figures exactly, as suppliers were told "
         "them, rather than the panel's weights worked out to more decimal places.\n\n";
  if (freeze.amendments.empty()) return out;
  out += "The method was changed after it was fixed:\n\n";
  for (const MethodAmendment& a : freeze.amendments) {
    out += "- on " + Day(a.at) + " by " + Escape(a.who_name.empty() ? a.who : a.who_name) +
           ", because " +
           Escape(WithoutFullStop(a.reason)) +
           (a.changed.empty() ? std::string() : " (it changed " + JoinPlainList(a.changed) + ")") + "\n";
  }
  return out + "\n";
}

}  // namespace weighbridge
