// The browser pages, laid out by the mustache templates in web/templates/
// inside one layout, with the reports' style sheet. Every piece of text put
// into a page is escaped by the templates ({{...}}), so whatever people type
// shows as text; only the layout's body and the charts, made by weighbridge,
// go in unescaped.
#pragma once

#include <kainjow/mustache.hpp>
#include <string>

#include "web/messages.h"

namespace weighbridge::web {

class Pages {
 public:
  explicit Pages(const Messages& messages) : messages_(messages) {}

  // Page `name` (a template in web/templates/) with `data`, inside the
  // layout, headed `title`; `signed_in` says who is taking part ("" for no one).
  std::string Render(const std::string& name, const kainjow::mustache::data& data,
                     const std::string& title, const std::string& signed_in) const;

  // A page of one message: the texts at `key` + "_title" and `key` (e.g.
  // "error.link"), with `fill` put in them.
  std::string Message(const std::string& key, const std::map<std::string, std::string>& fill = {},
                      const std::string& signed_in = "") const;

  // The style sheet the pages link to: the reports' and the forms'.
  static std::string StyleSheet();

  const Messages& messages() const { return messages_; }

 private:
  const Messages& messages_;
};

}  // namespace weighbridge::web
