// The method as fixed before scoring ("frozen"): the leaf weights exactly as
// they were published with the tender, and when and why the method was fixed
// and amended. The workspace records the freeze and sets it on the
// procurement it loads; the engine then weighs with these published figures
// instead of working the weights out again from the panel, so the totals use
// the very weights suppliers were told (docs/methods.md, "Publishing the
// weights").
#pragma once

#include <map>
#include <string>
#include <vector>

namespace weighbridge {

// One change made to the fixed method, with its reason.
struct MethodAmendment {
  std::string at;               // when, ISO 8601 in UTC
  std::string who;              // who made it: in a workspace, their user id (user:1, ...)
  // The name to show for `who` while the workspace holds it, "" otherwise.
  // For reports to people only: the input hash and the JSON leave it out, so
  // that erasing the name changes no decision.
  std::string who_name;
  std::string reason;           // why, in the author's words
  std::string old_method_hash;  // the method's hash before
  std::string method_hash;      // and after
  // What it changed, in plain words: "the budget", "the weights", ...
  std::vector<std::string> changed;
};

struct MethodFreeze {
  std::string at;           // when the method was fixed, ISO 8601 in UTC
  std::string who;          // who fixed it: in a workspace, their user id (user:1, ...)
  std::string note;         // the note given, e.g. "Published with the tender"
  std::string method_hash;  // SHA-256 of the method as fixed or last amended
  // Leaf id -> its published share of the total in tenths of a percent
  // (125 is 12.5%); every leaf of the tree, adding up to exactly 1000. After
  // the last amendment, when there is one.
  std::map<std::string, long long> published_tenths;
  std::vector<MethodAmendment> amendments;  // oldest first
};

}  // namespace weighbridge
