// The justification report as one self-contained HTML page: the Markdown
// report's content laid out by mustache templates, with inline CSS and SVG
// charts, no scripts and no external requests, printable on A4.
#pragma once

#include <map>
#include <string>

#include "weighbridge/decision.h"
#include "weighbridge/decision_stamp.h"
#include "weighbridge/procurement.h"

namespace weighbridge {

// Mustache templates by name, without the ".mustache" extension: "report" is
// the page and the rest are partials it may include ({{> name}}). The names
// and the data each receives are described in docs/templates.md.
struct ReportTemplates {
  std::map<std::string, std::string> files;  // name -> template text
  // name -> the path it was read from, used in messages in place of
  // "NAME.mustache"; the shipped templates have none.
  std::map<std::string, std::string> paths;
};

// The templates shipped in reports/templates/, compiled into the program so
// that it needs no files at run time.
ReportTemplates DefaultReportTemplates();

// What RenderHtml gives back.
struct HtmlResult {
  bool ok = false;    // false: a template is wrong; see `error`
  std::string html;   // the page, when ok
  // When not ok: "NAME.mustache:LINE:COLUMN: error: what is wrong" (or
  // without the position when there is none), in plain words.
  std::string error;
};

// Renders the report with `templates`. Pure: the same inputs always give the
// same bytes. Every piece of people's text reaches the page escaped. Fails,
// without a page, when "report" is missing, when a template has a mustache
// syntax error, or when a template includes a partial that does not exist.
// `engine_version` is shown under "Reproducing this result"; empty leaves it
// out. So is `stamp`, as RenderMarkdown shows it.
HtmlResult RenderHtml(const Procurement& procurement, const Decision& decision,
                      const ReportTemplates& templates, const std::string& engine_version = "",
                      const DecisionStamp& stamp = {});

// The assessment methodology (RenderMethodology's words) as a page laid out
// by the same templates, without charts; the templates' `kind` is
// "Assessment methodology" where the report's is "Justification report".
HtmlResult RenderMethodologyHtml(const Procurement& procurement, const Decision& decision,
                                 const ReportTemplates& templates,
                                 const std::string& engine_version = "");

}  // namespace weighbridge
