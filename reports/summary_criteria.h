// The award criteria as an assessment summary gives them (Procurement
// Regulations 2024 reg 31(2)(d)): each criterion's title, its relative
// importance, how it was scored and what scores were available, and where
// the full methodology is.
#pragma once

#include <map>
#include <string>

#include "weighbridge/procurement.h"

namespace weighbridge {

// How a criterion was scored, in plain words, escaped: "Evaluators' judgement
// on the 0 to 5 scale", "From the answer on 'open_api': yes scores 100, no
// scores 0", and so on; for a heading, that it adds up the criteria under it.
std::string HowScored(const Procurement& procurement, const Criterion& criterion);

// The section, in Markdown: a table of every criterion in tree order with its
// published share (`tenths`, from PublishedTenths) and how it was scored;
// then the evaluators' scale and its described levels; then where the full
// methodology is to be found.
std::string SummaryCriteriaSection(const Procurement& procurement,
                                   const std::map<std::string, long long>& tenths);

}  // namespace weighbridge
