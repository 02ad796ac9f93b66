// The data the HTML report's templates receive (docs/templates.md): the
// Markdown report read back into sections and blocks, with the charts placed
// under the headings they illustrate.
#pragma once

#include <kainjow/mustache.hpp>

#include <string>

#include "weighbridge/decision.h"
#include "weighbridge/decision_stamp.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// The mustache data for one report. Text meant for {{double}} braces is
// plain (mustache escapes it); every field ending in `_html` is already
// escaped markup for {{{triple}}} braces.
kainjow::mustache::data HtmlReportData(const Procurement& procurement, const Decision& decision,
                                       const std::string& engine_version,
                                       const DecisionStamp& stamp = {});

// The same for the assessment methodology (RenderMethodology read back into
// sections), which has no charts.
kainjow::mustache::data HtmlMethodologyData(const Procurement& procurement,
                                            const Decision& decision,
                                            const std::string& engine_version);

}  // namespace weighbridge
