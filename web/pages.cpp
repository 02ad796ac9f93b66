#include "web/pages.h"

#include "web/embedded_files.h"
#include "weighbridge/html_report.h"

namespace weighbridge::web {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

std::string Pages::Render(const std::string& name, const data& page, const std::string& title,
                          const std::string& signed_in) const {
  mustache body(WebFiles().at(name));
  mustache layout(WebFiles().at("layout"));
  data outer;
  outer.set("language", messages_.Text("page.language"));
  outer.set("site", messages_.Text("page.site"));
  outer.set("skip", messages_.Text("page.skip"));
  outer.set("title", title);
  outer.set("signed_in", signed_in);
  outer.set("body", body.render(page));
  return layout.render(outer);
}

std::string Pages::Message(const std::string& key, const std::map<std::string, std::string>& fill,
                           const std::string& signed_in) const {
  data page;
  page.set("text", messages_.Text(key, fill));
  return Render("message", page, messages_.Text(key + "_title", fill), signed_in);
}

std::string Pages::StyleSheet() {
  return DefaultReportTemplates().files.at("style") + "\n" + WebFiles().at("forms");
}

}  // namespace weighbridge::web
