// The HTML report: checks the templates, then renders "report" with the data
// of html_report_data.h. Checking first means a broken template gives one
// plain message and no page, rather than a page with a hole in it.
#include "weighbridge/html_report.h"

#include <kainjow/mustache.hpp>

#include <charconv>

#include "reports/html_escape.h"
#include "reports/html_report_data.h"

namespace weighbridge {
namespace {

using Mustache = kainjow::mustache::mustache;
using kainjow::mustache::data;

constexpr const char* kRoot = "report";

// Looks partials up among the templates only. kainjow's own context looks
// them up in the data, where a field of the same name (a caption, a
// candidate's name) would be run as a template.
class TemplateContext : public kainjow::mustache::context<std::string> {
 public:
  TemplateContext(const data* root, const std::map<std::string, data>* partials)
      : context(root), partials_(partials) {}

  const data* get_partial(const std::string& name) const override {
    auto it = partials_->find(name);
    return it == partials_->end() ? nullptr : &it->second;
  }

 private:
  const std::map<std::string, data>* partials_;
};

std::string FileName(const std::string& name) { return name + ".mustache"; }

// Where a template came from, for messages.
std::string Where(const ReportTemplates& templates, const std::string& name) {
  auto it = templates.paths.find(name);
  return it == templates.paths.end() ? FileName(name) : it->second;
}

// kainjow ends its messages with " at OFFSET"; a person wants a line and
// column, and the message in our lower-case style.
std::string TemplateError(const std::string& where_read, const std::string& text,
                          const std::string& message) {
  std::string words = message;
  std::string where = where_read;
  std::size_t at = message.rfind(" at ");
  std::size_t offset = 0;
  if (at != std::string::npos) {
    const char* first = message.data() + at + 4;
    const char* last = message.data() + message.size();
    auto [end, ec] = std::from_chars(first, last, offset);
    if (ec == std::errc() && end == last && offset <= text.size()) {
      words = message.substr(0, at);
      int line = 1;
      int column = 1;
      for (std::size_t i = 0; i < offset; ++i) {
        column = text[i] == '\n' ? 1 : column + 1;
        line += text[i] == '\n' ? 1 : 0;
      }
      where += ":" + std::to_string(line) + ":" + std::to_string(column);
    }
  }
  if (!words.empty() && words[0] >= 'A' && words[0] <= 'Z') words[0] = static_cast<char>(words[0] - 'A' + 'a');
  return where + ": error: " + words;
}

// The partials `text` includes ({{> name}}), with where each is. Templates
// that change their delimiters are not followed past the change; mustache
// itself still renders them correctly.
std::vector<std::pair<std::string, std::size_t>> PartialsUsed(const std::string& text) {
  std::vector<std::pair<std::string, std::size_t>> out;
  for (std::size_t at = text.find("{{>"); at != std::string::npos; at = text.find("{{>", at + 3)) {
    std::size_t end = text.find("}}", at);
    if (end == std::string::npos) break;
    std::string name = text.substr(at + 3, end - at - 3);
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    out.emplace_back(name, at);
  }
  return out;
}

// The first problem with the templates, or "" when there is none.
std::string CheckTemplates(const ReportTemplates& templates) {
  if (!templates.files.count(kRoot)) {
    return FileName(kRoot) + ": error: there is no template called '" + kRoot +
           "'; it lays out the whole page and must be given";
  }
  for (const auto& [name, text] : templates.files) {
    Mustache parsed(text);
    if (!parsed.is_valid()) return TemplateError(Where(templates, name), text, parsed.error_message());
    for (const auto& [partial, at] : PartialsUsed(text)) {
      if (templates.files.count(partial)) continue;
      return TemplateError(Where(templates, name), text,
                           "includes the template '" + partial + "', but there is no " +
                               FileName(partial) + " at " + std::to_string(at));
    }
  }
  return "";
}

// Lays `root` out with templates that CheckTemplates has passed.
HtmlResult RenderPage(const ReportTemplates& templates, const data& root) {
  HtmlResult result;
  std::map<std::string, data> partials;
  for (const auto& [name, text] : templates.files) partials.emplace(name, data(text));
  Mustache page(templates.files.at(kRoot));
  page.set_custom_escape([](const std::string& text) { return EscapeHtml(text); });
  TemplateContext context(&root, &partials);
  std::string html = page.render(context);
  if (!page.is_valid()) {
    // A partial's own errors were caught by CheckTemplates; this is a guard.
    result.error = Where(templates, kRoot) + ": error: " + page.error_message();
    return result;
  }
  result.ok = true;
  result.html = std::move(html);
  return result;
}

}  // namespace

HtmlResult RenderHtml(const Procurement& procurement, const Decision& decision,
                      const ReportTemplates& templates, const std::string& engine_version,
                      const DecisionStamp& stamp) {
  // Templates are checked before the data is built: a broken template costs nothing.
  if (std::string error = CheckTemplates(templates); !error.empty()) return {false, "", error};
  return RenderPage(templates, HtmlReportData(procurement, decision, engine_version, stamp));
}

HtmlResult RenderMethodologyHtml(const Procurement& procurement, const Decision& decision,
                                 const ReportTemplates& templates,
                                 const std::string& engine_version) {
  if (std::string error = CheckTemplates(templates); !error.empty()) return {false, "", error};
  return RenderPage(templates, HtmlMethodologyData(procurement, decision, engine_version));
}

}  // namespace weighbridge
