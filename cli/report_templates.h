// Reading an organisation's own report templates (`--templates DIR`).
#pragma once

#include <optional>
#include <string>

#include "weighbridge/html_report.h"

namespace weighbridge::cli {

// The shipped templates with every DIR/*.mustache file put in place of the
// one of the same name (or added, as a new partial). On a missing or
// unreadable folder, a folder with no .mustache file, or a file that cannot
// be read, it prints the problem and "nothing was written" on standard error
// and returns nothing: the caller exits with kExitBadInput.
std::optional<ReportTemplates> ReadTemplatesOrReport(const std::string& dir);

// Writes a rendered page to `output` and returns the exit code: a template
// error is reported with "nothing was written" (kExitBadInput), a failed
// write as WriteOutput reports it (kExitIo). Shared by report and methodology.
int WriteHtmlPage(const std::string& output, const HtmlResult& page);

}  // namespace weighbridge::cli
